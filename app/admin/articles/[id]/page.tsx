import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getAdminArticle } from '@/lib/data/articles';
import { getPickerOptions } from '@/lib/data/catalog';
import { TakeFigure } from '@/components/admin/take-figure';
import { comparatorLabel, formatValue, kindLabel, statusLabel, timeLabel } from '@/components/admin/format';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.article };
}
export const dynamic = 'force-dynamic';

const MARK = { draft: s.qDraft, approved: s.qApproved, rejected: s.qRejected } as const;

export default async function AdminArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [article, options, lang] = await Promise.all([getAdminArticle(Number(id)), getPickerOptions(), getLang()]);
  if (!article) notFound();
  const { article: t, common } = adminDictionary(lang);
  const reviewHref = (factId: number) => `/admin/review?issue=${article.issue.id}&status=all#fact-${factId}`;

  // Body split at fact spans (sorted, overlaps skipped) so each quantity is one linked <mark>.
  const parts: React.ReactNode[] = [];
  let at = 0;
  const spans = article.facts
    .filter((f) => f.spanStart !== null && f.spanEnd !== null && f.spanEnd <= article.body.length)
    .sort((a, b) => (a.spanStart ?? 0) - (b.spanStart ?? 0));
  for (const f of spans) {
    const start = f.spanStart ?? 0;
    const end = f.spanEnd ?? 0;
    if (start < at) continue;
    parts.push(article.body.slice(at, start));
    parts.push(
      <a key={f.id} href={reviewHref(f.id)} title={`${f.metricName} · ${statusLabel(f.status, lang)}`}>
        <mark className={`${s.q} ${MARK[f.status]}`} id={`q-${f.id}`}>{article.body.slice(start, end)}</mark>
      </a>,
    );
    at = end;
  }
  parts.push(article.body.slice(at));

  return (
    <>
      <div className={s.head}>
        <h1>{article.headline}</h1>
        <span className={s.muted}>
          {article.issue.publication} {article.issue.date}{article.issue.page ? ` ${fill(common.pageOf, { page: article.issue.page })}` : ''}
          {article.byline ? ` · ${article.byline}` : ''}
        </span>
        <Link href={`/admin/review?issue=${article.issue.id}&status=all`}>{t.reviewIssue}</Link>
      </div>
      {article.subheadline && <p className={s.muted}>{article.subheadline}</p>}
      <p className={s.muted}>
        <mark className={`${s.q} ${s.qDraft}`}>{statusLabel('draft', lang)}</mark> <mark className={`${s.q} ${s.qApproved}`}>{statusLabel('approved', lang)}</mark>{' '}
        <mark className={`${s.q} ${s.qRejected}`}>{statusLabel('rejected', lang)}</mark>{t.legend}
      </p>
      <TakeFigure articleId={article.id} options={options} lang={lang}>{parts}</TakeFigure>
      <section className={s.card}>
        <h2>{fill(t.facts, { n: article.facts.length })}</h2>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>{t.raw}</th><th>{t.metric}</th><th>{t.subject}</th><th>{t.time}</th><th className={s.num}>{t.value}</th><th>{t.kind}</th><th>{t.status}</th></tr></thead>
            <tbody>
              {article.facts.map((f) => (
                <tr key={f.id}>
                  <td><a href={`#q-${f.id}`}>{f.rawText ?? '—'}</a></td>
                  <td>{f.metricName}</td>
                  <td>{f.parkName ?? f.regionName ?? f.orgName ?? '—'}</td>
                  <td>{timeLabel(f.year, f.period, lang)}</td>
                  <td className={s.num}>{comparatorLabel(f.comparator, lang)}{formatValue(f.value, f.unit, lang)}</td>
                  <td>{kindLabel(f.kind, lang)}</td>
                  <td><Link href={reviewHref(f.id)}><span className={`${s.badge} ${s[f.status]}`}>{statusLabel(f.status, lang)}</span></Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
