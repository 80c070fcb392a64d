'use client';
// Live counts fetched from the API with TanStack Query (refreshes while the page is open).
import { useQuery } from '@tanstack/react-query';
import { summaryQuery } from '@/lib/queries/summary';

export function SummaryLive() {
  const { data, error, isPending } = useQuery({ ...summaryQuery(), refetchInterval: 30_000 });
  if (isPending) return <p aria-busy="true">载入中…</p>;
  if (error) return <p role="alert">无法载入：{error.message}</p>;
  return (
    <dl className="stats" aria-label="数据库概况">
      <div><dt>报纸期数</dt><dd>{data.issues}</dd></div>
      <div><dt>文章</dt><dd>{data.articles}</dd></div>
      <div><dt>待审核数据</dt><dd>{data.facts.draft}</dd></div>
      <div><dt>已审核数据</dt><dd>{data.facts.approved}</dd></div>
      <div><dt>最新一期</dt><dd>{data.latestIssueDate ?? '—'}</dd></div>
    </dl>
  );
}
