import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getAdminArticle } from '@/lib/data/articles';
import { getPickerOptions } from '@/lib/data/catalog';
import { TakeFigure } from '@/components/admin/take-figure';
import { comparatorLabel, formatValue, kindLabel, timeLabel, STATUS_LABELS } from '@/components/admin/format';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '文章 · 管理' };
export const dynamic = 'force-dynamic';

const MARK = { draft: s.qDraft, approved: s.qApproved, rejected: s.qRejected } as const;

export default async function AdminArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [article, options] = await Promise.all([getAdminArticle(Number(id)), getPickerOptions()]);
  if (!article) notFound();
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
      <a key={f.id} href={reviewHref(f.id)} title={`${f.metricName} · ${STATUS_LABELS[f.status]}`}>
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
          {article.issue.publication} {article.issue.date}{article.issue.page ? ` 第${article.issue.page}版` : ''}
          {article.byline ? ` · ${article.byline}` : ''}
        </span>
        <Link href={`/admin/review?issue=${article.issue.id}&status=all`}>本期审核</Link>
      </div>
      {article.subheadline && <p className={s.muted}>{article.subheadline}</p>}
      <p className={s.muted}>
        <mark className={`${s.q} ${s.qDraft}`}>待审</mark> <mark className={`${s.q} ${s.qApproved}`}>已批准</mark>{' '}
        <mark className={`${s.q} ${s.qRejected}`}>已驳回</mark> · 点击数字跳到审核行 · 选中漏提取的数字即可录入
      </p>
      <TakeFigure articleId={article.id} options={options}>{parts}</TakeFigure>
      <section className={s.card}>
        <h2>本文数据（{article.facts.length}）</h2>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>原文</th><th>指标</th><th>主体</th><th>时间</th><th className={s.num}>数值</th><th>类型</th><th>状态</th></tr></thead>
            <tbody>
              {article.facts.map((f) => (
                <tr key={f.id}>
                  <td><a href={`#q-${f.id}`}>{f.rawText ?? '—'}</a></td>
                  <td>{f.metricName}</td>
                  <td>{f.parkName ?? f.regionName ?? f.orgName ?? '—'}</td>
                  <td>{timeLabel(f.year, f.period)}</td>
                  <td className={s.num}>{comparatorLabel(f.comparator)}{formatValue(f.value, f.unit)}</td>
                  <td>{kindLabel(f.kind)}</td>
                  <td><Link href={reviewHref(f.id)}><span className={`${s.badge} ${s[f.status]}`}>{STATUS_LABELS[f.status]}</span></Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
