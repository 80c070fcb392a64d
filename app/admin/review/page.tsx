import Link from 'next/link';
import type { Metadata } from 'next';
import { z } from 'zod';
import { getPickerOptions } from '@/lib/data/catalog';
import { getManualDrafts, getReviewArticles, getReviewIssues, type ReviewFilters, type ReviewStatusFilter } from '@/lib/data/review';
import { getReviewExtras } from '@/lib/data/review-context';
import { ReviewQueue } from '@/components/admin/review-queue';
import { FACT_KINDS as KINDS, KIND_LABELS } from '@/lib/vocab/kinds';
import { STATUS_LABELS } from '@/components/admin/format';
import s from '@/components/admin/admin.module.css';
import r from '@/components/admin/review.module.css';

export const metadata: Metadata = { title: '审核 · 管理' };
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

const CONF_LABELS = { low: '低（<0.6）', mid: '中（0.6–0.85）', high: '高（≥0.85）' } as const;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = paramsSchema.parse(await searchParams);
  const status: ReviewStatusFilter = params.status;
  const filters: ReviewFilters = { confidence: params.conf, kind: params.kind, unclassified: params.unclassified === '1', noSubject: params.nosubject === '1' };
  const filtered = Boolean(params.conf || params.kind || params.unclassified || params.nosubject);
  const [issues, options, manual] = await Promise.all([
    getReviewIssues(),
    getPickerOptions(),
    status === 'draft' && !filtered ? getManualDrafts() : Promise.resolve([]),
  ]);
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
  if (manual.length) articles.push({ id: 0, ordinal: -1, headline: '手工录入（待审）', facts: manual });
  return (
    <>
      <div className={s.head}>
        <h1>审核</h1>
        <span className={s.muted}>
          快捷键：<kbd className={s.kbd}>j</kbd>/<kbd className={s.kbd}>k</kbd> 上下移动 · <kbd className={s.kbd}>a</kbd> 通过并下一条 ·{' '}
          <kbd className={s.kbd}>r</kbd> 驳回（<kbd className={s.kbd}>1</kbd>–<kbd className={s.kbd}>4</kbd> 选理由）· <kbd className={s.kbd}>e</kbd> 编辑（Enter 保存并通过）·{' '}
          <kbd className={s.kbd}>x</kbd> 选择
        </span>
        {nextIssue && (
          <Link href={href({ issue: nextIssue.id, status: 'draft' })}>
            下一期待审：{nextIssue.publication} {nextIssue.date}（{nextIssue.drafts} 条）→
          </Link>
        )}
      </div>
      <div className={s.row} style={{ marginBottom: 8 }}>
        <nav aria-label="期次" className={s.row}>
          <form action="/admin/review" className={s.row}>
            <label className={s.label} htmlFor="issue-pick">期次</label>
            <select id="issue-pick" name="issue" defaultValue={issue?.id} className={s.input} style={{ width: 'auto' }}>
              {issues.map((i) => (
                <option key={i.id} value={i.id}>{i.publication} {i.date}{i.page ? ` 第${i.page}版` : ''}（待审 {i.drafts}）</option>
              ))}
            </select>
            <input type="hidden" name="status" value={status} />
            <button type="submit" className={s.btn}>查看</button>
          </form>
        </nav>
        <nav aria-label="状态" className={s.row}>
          {(['draft', 'approved', 'rejected', 'all'] as const).map((st) => (
            <Link key={st} href={href({ status: st })} className={s.btn} aria-current={st === status ? 'page' : undefined} style={st === status ? { fontWeight: 700 } : undefined}>
              {st === 'all' ? '全部' : STATUS_LABELS[st]}
            </Link>
          ))}
        </nav>
      </div>
      <form action="/admin/review" className={r.filters} aria-label="筛选">
        {issue && <input type="hidden" name="issue" value={issue.id} />}
        <input type="hidden" name="status" value={status} />
        <label>
          置信度{' '}
          <select name="conf" defaultValue={params.conf ?? ''}>
            <option value="">全部</option>
            {(['low', 'mid', 'high'] as const).map((c) => <option key={c} value={c}>{CONF_LABELS[c]}</option>)}
          </select>
        </label>
        <label>
          类型{' '}
          <select name="kind" defaultValue={params.kind ?? ''}>
            <option value="">全部</option>
            {KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k].zh}</option>)}
          </select>
        </label>
        <label><input type="checkbox" name="unclassified" value="1" defaultChecked={params.unclassified === '1'} /> 未分类指标</label>
        <label><input type="checkbox" name="nosubject" value="1" defaultChecked={params.nosubject === '1'} /> 缺主体</label>
        <button type="submit" className={s.btn}>筛选</button>
        {filtered && <Link href={href({})}>清除筛选</Link>}
      </form>
      {!issue ? (
        <p className={s.card}>还没有导入任何报纸。<Link href="/admin/import">去导入</Link></p>
      ) : articles.length === 0 ? (
        <p className={s.card}>
          这期没有{filtered ? '符合筛选的' : ''}{status === 'all' ? '' : STATUS_LABELS[status]}数据。{status === 'draft' && !filtered && '全部审核完毕 ✓'}
          {nextIssue && <> <Link href={href({ issue: nextIssue.id, status: 'draft' })}>去下一期待审（{nextIssue.drafts} 条）</Link></>}
        </p>
      ) : (
        <ReviewQueue key={`${issue.id}-${status}`} articles={articles} options={options} extras={extras} status={status} />
      )}
    </>
  );
}
