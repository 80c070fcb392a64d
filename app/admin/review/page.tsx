import Link from 'next/link';
import type { Metadata } from 'next';
import { z } from 'zod';
import { getPickerOptions } from '@/lib/data/catalog';
import { getManualDrafts, getReviewArticles, getReviewIssues, type ReviewFilters, type ReviewStatusFilter } from '@/lib/data/review';
import { getReviewExtras } from '@/lib/data/review-context';
import { ReviewQueue } from '@/components/admin/review-queue';
import { FACT_KINDS as KINDS, KIND_LABELS } from '@/lib/vocab/kinds';
import { statusLabel } from '@/components/admin/format';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';
import r from '@/components/admin/review.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.review };
}
export const dynamic = 'force-dynamic';

const flag = z.enum(['1']).optional().catch(undefined);
const paramsSchema = z.object({
  issue: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(['draft', 'approved', 'rejected', 'all']).catch('draft').default('draft'),
  conf: z.enum(['low', 'mid', 'high']).optional().catch(undefined),
  kind: z.enum(KINDS).optional().catch(undefined),
  unclassified: flag,
  nosubject: flag,
});

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = paramsSchema.parse(await searchParams);
  const status: ReviewStatusFilter = params.status;
  const filters: ReviewFilters = { confidence: params.conf, kind: params.kind, unclassified: params.unclassified === '1', noSubject: params.nosubject === '1' };
  const filtered = Boolean(params.conf || params.kind || params.unclassified || params.nosubject);
  const [lang, issues, options, manual] = await Promise.all([
    getLang(),
    getReviewIssues(),
    getPickerOptions(),
    status === 'draft' && !filtered ? getManualDrafts() : Promise.resolve([]),
  ]);
  const t = adminDictionary(lang).review;
  const issue = issues.find((i) => i.id === params.issue) ?? issues.find((i) => i.drafts > 0) ?? issues[0];
  const articles = issue ? await getReviewArticles(issue.id, status, filters) : [];
  const extras = Object.fromEntries(await getReviewExtras(articles));
  // The next issue still waiting: after this one in the list (newest first), else from the top.
  const at = issue ? issues.indexOf(issue) : -1;
  const nextIssue = [...issues.slice(at + 1), ...issues.slice(0, Math.max(at, 0))].find((i) => i.drafts > 0 && i.id !== issue?.id);
  const href = (p: { issue?: number; status?: string }) => {
    const q = new URLSearchParams();
    const iss = p.issue ?? issue?.id;
    if (iss) q.set('issue', String(iss));
    q.set('status', p.status ?? status);
    return `/admin/review?${q.toString()}`;
  };
  // Manual drafts have no article: shown as one pseudo-article (id 0, no link) after the issue's.
  if (manual.length) articles.push({ id: 0, ordinal: -1, headline: t.manual, facts: manual });
  return (
    <>
      <div className={s.head}>
        <h1>{t.title}</h1>
        <span className={s.muted}>
          {t.shortcuts}<kbd className={s.kbd}>j</kbd>/<kbd className={s.kbd}>k</kbd> {t.keyMove} · <kbd className={s.kbd}>a</kbd> {t.keyApprove} ·{' '}
          <kbd className={s.kbd}>r</kbd> {t.reject}{lang === 'en' ? ' (' : '（'}<kbd className={s.kbd}>1</kbd>–<kbd className={s.kbd}>4</kbd> {t.keyRejectPick}· <kbd className={s.kbd}>e</kbd> {t.keyEdit}·{' '}
          <kbd className={s.kbd}>x</kbd> {t.keySelect}
        </span>
        {nextIssue && (
          <Link href={href({ issue: nextIssue.id, status: 'draft' })}>
            {fill(t.nextIssue, { publication: nextIssue.publication, date: nextIssue.date, n: nextIssue.drafts })}
          </Link>
        )}
      </div>
      <div className={s.row} style={{ marginBottom: 8 }}>
        <nav aria-label={t.issue} className={s.row}>
          <form action="/admin/review" className={s.row}>
            <label className={s.label} htmlFor="issue-pick">{t.issue}</label>
            <select id="issue-pick" name="issue" defaultValue={issue?.id} className={s.input} style={{ width: 'auto' }}>
              {issues.map((i) => (
                <option key={i.id} value={i.id}>{fill(t.issueOption, { publication: i.publication, date: i.date, page: i.page ? fill(t.issuePage, { page: i.page }) : '', n: i.drafts })}</option>
              ))}
            </select>
            <input type="hidden" name="status" value={status} />
            <button type="submit" className={s.btn}>{t.show}</button>
          </form>
        </nav>
        <nav aria-label={t.status} className={s.row}>
          {(['draft', 'approved', 'rejected', 'all'] as const).map((st) => (
            <Link key={st} href={href({ status: st })} className={s.btn} aria-current={st === status ? 'page' : undefined} style={st === status ? { fontWeight: 700 } : undefined}>
              {st === 'all' ? t.all : statusLabel(st, lang)}
            </Link>
          ))}
        </nav>
      </div>
      <form action="/admin/review" className={r.filters} aria-label={t.filters}>
        {issue && <input type="hidden" name="issue" value={issue.id} />}
        <input type="hidden" name="status" value={status} />
        <label>
          {t.confidence}{' '}
          <select name="conf" defaultValue={params.conf ?? ''}>
            <option value="">{t.all}</option>
            {(['low', 'mid', 'high'] as const).map((c) => <option key={c} value={c}>{t.conf[c]}</option>)}
          </select>
        </label>
        <label>
          {t.kind}{' '}
          <select name="kind" defaultValue={params.kind ?? ''}>
            <option value="">{t.all}</option>
            {KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k][lang]}</option>)}
          </select>
        </label>
        <label><input type="checkbox" name="unclassified" value="1" defaultChecked={params.unclassified === '1'} /> {t.unclassified}</label>
        <label><input type="checkbox" name="nosubject" value="1" defaultChecked={params.nosubject === '1'} /> {t.noSubject}</label>
        <button type="submit" className={s.btn}>{t.filter}</button>
        {filtered && <Link href={href({})}>{t.clear}</Link>}
      </form>
      {!issue ? (
        <p className={s.card}>{t.noIssue}<Link href="/admin/import">{t.goImport}</Link></p>
      ) : articles.length === 0 ? (
        <p className={s.card}>
          {fill(t.empty, { filtered: filtered ? t.emptyFiltered : '', status: status === 'all' ? '' : lang === 'en' ? statusLabel(status, lang).toLowerCase() : statusLabel(status, lang) })}{status === 'draft' && !filtered && t.allDone}
          {nextIssue && <> <Link href={href({ issue: nextIssue.id, status: 'draft' })}>{fill(t.goNext, { n: nextIssue.drafts })}</Link></>}
        </p>
      ) : (
        <ReviewQueue key={`${issue.id}-${status}`} articles={articles} options={options} extras={extras} status={status} lang={lang} />
      )}
    </>
  );
}
