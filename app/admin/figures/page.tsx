// 冲突与待归类 (admins): figures whose reports disagree, each report with its sentence and a button
// to keep it (the others are rejected with the reason); and the facts still unclassified, to be
// classified in the review queue. Nothing here reaches a dashboard until an admin acts.
import Link from 'next/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { mergeEventReports, settleConflict, splitEventReport } from '@/lib/actions/figures';
import { listEventGroups } from '@/lib/data/event-review';
import { listConflicts, listUnclassified } from '@/lib/data/figure-review';
import { formatValue } from '@/lib/i18n/format';
import { statusLabel } from '@/components/admin/format';
import { kindLabel } from '@/lib/vocab/kinds';
import { NATURE_LABELS } from '@/lib/vocab/figure';
import { periodLabel } from '@/lib/vocab/periods';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.figures };
}
export const dynamic = 'force-dynamic';

async function keepReport(form: FormData): Promise<void> {
  'use server';
  await settleConflict(form);
}

async function mergeReports(form: FormData): Promise<void> {
  'use server';
  await mergeEventReports(form);
}

async function splitReport(form: FormData): Promise<void> {
  'use server';
  await splitEventReport(form);
}

export default async function FiguresAdminPage() {
  await requireUser('admin');
  const [conflicts, unclassified, eventGroups, lang] = await Promise.all([listConflicts(), listUnclassified(), listEventGroups(), getLang()]);
  const { figures: t, common } = adminDictionary(lang);
  const when = (year: number, period: string | null) => fill(t.yearPeriod, { year, period: period ? ` ${periodLabel(period, lang)}` : '' });
  return (
    <>
      <div className={s.head}>
        <h1>{t.title}</h1>
        <span className={s.muted}>{fill(t.intro, { n: conflicts.length })}</span>
      </div>
      {conflicts.length === 0 ? (
        <p className={s.muted}>{t.none}</p>
      ) : (
        conflicts.map((c) => (
          <section key={c.figureId} className={s.card} aria-labelledby={`conflict-${c.figureId}`}>
            <h2 id={`conflict-${c.figureId}`}>
              {c.subject} · {c.metricName} · {when(c.year, c.period)} · {kindLabel(c.kind, lang)}
              <span className={s.muted}>{fill(t.values, { nature: NATURE_LABELS[c.nature][lang], n: c.values })}</span>
            </h2>
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead>
                  <tr><th>{t.value}</th><th>{t.issue}</th><th>{t.evidence}</th><th></th></tr>
                </thead>
                <tbody>
                  {c.reports.map((r) => (
                    <tr key={r.factId}>
                      <td className={s.num}>{formatValue(r.value, r.unit, lang, r.comparator as 'eq').text}</td>
                      <td>{r.issueDate ?? '—'}</td>
                      <td>
                        {r.articleId ? <Link prefetch={false} href={`/articles/${r.articleId}?fact=${r.factId}#cited`}>{r.evidence ?? r.headline ?? `#${r.factId}`}</Link> : (r.sourceNote ?? `#${r.factId}`)}
                      </td>
                      <td>
                        <form action={keepReport}>
                          <input type="hidden" name="figureId" value={c.figureId} />
                          <input type="hidden" name="keepFactId" value={r.factId} />
                          <button type="submit" className={s.btn} aria-label={fill(t.keepLabel, { id: r.factId })}>{t.keep}</button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}

      <div className={s.head}>
        <h2>{t.eventsTitle}</h2>
        <span className={s.muted}>
          {t.eventsIntro}
        </span>
      </div>
      {eventGroups.length === 0 ? (
        <p className={s.muted}>{t.noEvents}</p>
      ) : (
        eventGroups.map((g) => (
          <section key={g.key} className={s.card} aria-label={`${g.subject} ${g.metricName} ${when(g.year, null)}`}>
            <h3>
              {g.subject} · {g.metricName} · {when(g.year, g.period)} · {kindLabel(g.kind, lang)}
              <span className={s.muted}>{fill(t.events, { events: g.events, reports: g.reports.length })}</span>
            </h3>
            <form action={mergeReports} id={`merge-${g.key}`} />
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead>
                  <tr><th>{t.choose}</th><th>{t.event}</th><th className={s.num}>{t.value}</th><th>{t.label}</th><th>{t.issue}</th><th>{t.evidence}</th><th></th></tr>
                </thead>
                <tbody>
                  {g.reports.map((r) => (
                    <tr key={r.factId}>
                      <td>
                        <input type="checkbox" name="factIds" value={r.factId} form={`merge-${g.key}`} aria-label={fill(common.select, { id: r.factId })} />
                      </td>
                      <td>{r.figureId !== null ? fill(t.eventN, { n: r.figureId }) : '—'}</td>
                      <td className={s.num}>{formatValue(r.value, r.unit, lang, r.comparator as 'eq').text}</td>
                      <td>{r.label ?? '—'}</td>
                      <td>{r.issueDate ?? '—'}</td>
                      <td>
                        {r.articleId ? <Link prefetch={false} href={`/articles/${r.articleId}?fact=${r.factId}#cited`}>{r.evidence ?? `#${r.factId}`}</Link> : (r.sourceNote ?? `#${r.factId}`)}
                      </td>
                      <td>
                        <form action={splitReport}>
                          <input type="hidden" name="factId" value={r.factId} />
                          <button type="submit" className={s.btn} aria-label={fill(t.splitLabel, { id: r.factId })}>{t.split}</button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="submit" form={`merge-${g.key}`} className={s.btn}>{t.mergeSelected}</button>
          </section>
        ))
      )}

      <div className={s.head}>
        <h2>{t.unclassifiedTitle}</h2>
        <span className={s.muted}>
          {fill(t.unclassifiedIntro, { n: unclassified.total })}
        </span>
      </div>
      <section className={s.card}>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead>
              <tr><th>{t.id}</th><th>{t.status}</th><th>{t.extractedLabel}</th><th className={s.num}>{t.value}</th><th>{t.subject}</th><th>{t.year}</th><th>{t.evidence}</th></tr>
            </thead>
            <tbody>
              {unclassified.items.map((f) => (
                <tr key={f.id}>
                  <td>{f.articleId ? <Link prefetch={false} href={`/admin/articles/${f.articleId}#fact-${f.id}`}>#{f.id}</Link> : `#${f.id}`}</td>
                  <td>{statusLabel(f.status === 'approved' ? 'approved' : 'draft', lang)}</td>
                  <td>{f.label ?? '—'}</td>
                  <td className={s.num}>{formatValue(f.value, f.unit, lang).text}</td>
                  <td>{f.subject ?? '—'}</td>
                  <td>{f.year ?? '—'}</td>
                  <td>{f.evidence ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
