// 期次日历 (admin): per newspaper and year, which days have an issue, which were withdrawn, and the
// gaps between them. Publication and year live in the URL.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth';
import { getIssueCalendar } from '@/lib/data/issues';
import { fill } from '@/lib/i18n/dictionaries';
import { adminDictionary } from '@/lib/i18n/admin';
import { issuesDictionary } from '@/lib/i18n/issues';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';
import c from '@/components/admin/issues.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.issues };
}

type SP = Record<string, string | string[] | undefined>;

function int(v: string | string[] | undefined, min: number, max: number): number | undefined {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export default async function IssuesPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireUser('admin');
  const sp = await searchParams;
  const t = issuesDictionary(await getLang()).calendar;
  const cal = await getIssueCalendar({ publicationId: int(sp.publication, 1, 2_147_483_647), year: int(sp.year, 1949, 2100) });
  const gapDays = new Set<string>();
  for (const g of cal.gaps) {
    for (let d = Date.parse(`${g.from}T00:00:00Z`); d <= Date.parse(`${g.to}T00:00:00Z`); d += 86_400_000) gapDays.add(new Date(d).toISOString().slice(0, 10));
  }
  return (
    <>
      <div className={s.head}>
        <h1>{t.title}</h1>
        <span className={s.muted}>{t.intro}</span>
      </div>
      <form method="get" action="/admin/issues" className={`${s.card} ${s.row}`} role="search" aria-label={t.title}>
        <div className={s.field}>
          <label htmlFor="cal-publication">{t.publication}</label>
          <select id="cal-publication" name="publication" defaultValue={cal.publicationId ?? ''}>
            {cal.publications.map((p) => (
              <option key={p.id} value={p.id}>{p.name}（{p.issues}）</option>
            ))}
          </select>
        </div>
        <div className={s.field}>
          <label htmlFor="cal-year">{t.year}</label>
          <select id="cal-year" name="year" defaultValue={cal.year}>
            {cal.years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <button type="submit" className={s.btn}>{t.show}</button>
      </form>
      {cal.publicationId === null ? (
        <p className={s.card}>{t.none}</p>
      ) : (
        <>
          <section className={s.card} aria-labelledby="cal-summary">
            <h2 id="cal-summary">{fill(t.summary, { year: cal.year, live: cal.live, withdrawn: cal.withdrawn })}</h2>
            <p className={c.legend}>
              <span><span className={`${c.swatch} ${c.in}`} />{t.legendIn}</span>
              <span><span className={`${c.swatch} ${c.withdrawn}`} />{t.legendWithdrawn}</span>
              <span><span className={`${c.swatch} ${c.missing}`} />{t.legendGap}</span>
            </p>
            <h3>{t.gaps}</h3>
            {cal.gaps.length === 0 ? (
              <p className={s.muted}>{t.noGaps}</p>
            ) : (
              <ul aria-label={t.gaps}>
                {cal.gaps.map((g) => (
                  <li key={g.from}>{g.days === 1 ? fill(t.gapOne, { from: g.from }) : fill(t.gap, g as unknown as Record<string, string | number>)}</li>
                ))}
              </ul>
            )}
          </section>
          <div className={c.months}>
            {cal.months.map((m) => (
              <section key={m.month} className={c.month} aria-label={fill(t.month, { m: m.month })}>
                <h3>
                  <span>{fill(t.month, { m: m.month })}</span>
                  <span className={s.muted}>{fill(t.monthIssues, { n: m.issueDays })}</span>
                </h3>
                <div className={c.grid}>
                  {t.weekdays.map((w) => <div key={w} className={c.wd} aria-hidden="true">{w}</div>)}
                  {m.cells.map((d, k) => {
                    if (!d) return <div key={`e${k}`} aria-hidden="true" />;
                    const live = d.issues.filter((i) => !i.withdrawn);
                    const first = live[0] ?? d.issues[0];
                    const cls = live.length ? c.in : d.issues.length ? c.withdrawn : gapDays.has(d.date) ? c.missing : '';
                    const day = Number(d.date.slice(8));
                    return (
                      <div key={d.date} className={`${c.day} ${cls}`}>
                        {first ? (
                          <Link
                            href={`/admin/issues/${first.id}`}
                            title={d.issues.map((i) => fill(t.issueTitle, { id: i.id, date: i.date, page: i.page ?? '—' }) + (i.withdrawn ? t.withdrawnMark : '')).join('\n')}
                            aria-label={d.issues.map((i) => fill(t.issueTitle, { id: i.id, date: i.date, page: i.page ?? '—' }) + (i.withdrawn ? t.withdrawnMark : '')).join('；')}
                          >
                            {day}
                          </Link>
                        ) : (
                          day
                        )}
                      </div>
                    );
                  })}
                </div>
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
}
