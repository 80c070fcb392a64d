import Link from 'next/link';
import type { Metadata } from 'next';
import { z } from 'zod';
import { getPickerOptions } from '@/lib/data/catalog';
import { getManualDrafts, getReviewArticles, getReviewIssues, type ReviewStatusFilter } from '@/lib/data/review';
import { ReviewQueue } from '@/components/admin/review-queue';
import { STATUS_LABELS } from '@/components/admin/format';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '审核 · 管理' };
export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  issue: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(['draft', 'approved', 'rejected', 'all']).catch('draft').default('draft'),
});

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = paramsSchema.parse(await searchParams);
  const status: ReviewStatusFilter = params.status;
  const [issues, options, manual] = await Promise.all([getReviewIssues(), getPickerOptions(), status === 'draft' ? getManualDrafts() : Promise.resolve([])]);
  const issue = issues.find((i) => i.id === params.issue) ?? issues.find((i) => i.drafts > 0) ?? issues[0];
  const articles = issue ? await getReviewArticles(issue.id, status) : [];
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
          快捷键：<kbd className={s.kbd}>j</kbd>/<kbd className={s.kbd}>k</kbd> 上下移动 · <kbd className={s.kbd}>a</kbd> 批准 ·{' '}
          <kbd className={s.kbd}>r</kbd> 驳回 · <kbd className={s.kbd}>e</kbd> 编辑 · <kbd className={s.kbd}>x</kbd> 选择
        </span>
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
      {!issue ? (
        <p className={s.card}>还没有导入任何报纸。<Link href="/admin/import">去导入</Link></p>
      ) : articles.length === 0 ? (
        <p className={s.card}>这期没有{status === 'all' ? '' : STATUS_LABELS[status]}数据。{status === 'draft' && '全部审核完毕 ✓'}</p>
      ) : (
        <ReviewQueue key={`${issue.id}-${status}`} articles={articles} options={options} />
      )}
    </>
  );
}
