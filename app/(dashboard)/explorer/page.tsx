// Analyst explorer (analysts and admins). The server prefetches the first view into the query
// cache under the same keys the client uses (TanStack Query's App Router pattern), so the page
// arrives filled and later filter changes fetch the API from the browser. A bare /explorer opens
// the analyst's start view, else the busiest catalogued metric's latest year by park.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { requireUser } from '@/lib/auth';
import { aggregateFactsForCaller, listFactsForCaller } from '@/lib/api/facts';
import { getExplorerOptions, getFirstView } from '@/lib/data/explorer';
import { listMetrics, listParks, listRegions } from '@/lib/data/reference-lists';
import { getStartView, listSavedViews } from '@/lib/data/saved-views';
import { getLang } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/i18n/params';
import { getQueryClient } from '@/lib/queries/get-query-client';
import { aggregatesQuery } from '@/lib/queries/aggregates';
import {
  chartGroupBy,
  factsPageQuery,
  metricsListQuery,
  PAGE_SIZE,
  parksListQuery,
  parseExplorerState,
  regionsListQuery,
} from '@/lib/queries/facts';
import { explorerOptionsQuery, parseLayout } from '@/lib/queries/explorer';
import { PageTitle } from '@/components/layout/page-title';
import { Explorer } from '@/components/explorer/explorer';
import { EXPLORER_LABELS } from '@/components/explorer/labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '数据分析 Explorer' };

export default async function ExplorerPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser('analyst');
  const [lang, sp] = await Promise.all([getLang(), searchParams]);
  if (Object.keys(sp).length === 0) {
    const start = await getStartView();
    if (start) redirect(`/explorer?${start}`);
    const first = await getFirstView();
    if (first)
      redirect(
        `/explorer?metric=${first.metric}&yearFrom=${first.year}&yearTo=${first.year}&groupBy=park&first=1`,
      );
  }
  const state = parseExplorerState(sp);
  const layout = parseLayout(sp);
  const filters = {
    region: state.region,
    park: state.park,
    metric: state.metric,
    yearFrom: state.yearFrom,
    yearTo: state.yearTo,
    kind: state.kind,
  };
  const queryClient = getQueryClient();
  // prefetchQuery never throws: a bad cursor in a shared link leaves that query to the client,
  // which shows the API's 400 message instead of an error page.
  const [views] = await Promise.all([
    listSavedViews(),
    queryClient.prefetchQuery({
      ...factsPageQuery(state),
      queryFn: () =>
        listFactsForCaller(user, filters, state.cursor, PAGE_SIZE, {
          sort: state.sort,
          order: state.order,
        }),
    }),
    queryClient.prefetchQuery({
      ...aggregatesQuery(state),
      queryFn: async () => ({
        items: await aggregateFactsForCaller(user, chartGroupBy(state), filters),
      }),
    }),
    queryClient.prefetchQuery({
      ...explorerOptionsQuery(state),
      queryFn: () => getExplorerOptions(filters),
    }),
    queryClient.prefetchQuery({
      ...metricsListQuery(),
      queryFn: async () => ({ items: await listMetrics() }),
    }),
    queryClient.prefetchQuery({
      ...parksListQuery(),
      queryFn: async () => ({ items: await listParks() }),
    }),
    queryClient.prefetchQuery({
      ...regionsListQuery(),
      queryFn: async () => ({ items: await listRegions() }),
    }),
  ]);
  const t = EXPLORER_LABELS[lang];
  return (
    <main>
      <PageTitle title={t.title} subtitle={t.subtitle} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Explorer lang={lang} views={views} initialView={layout.view ?? 'table'} />
      </HydrationBoundary>
    </main>
  );
}
