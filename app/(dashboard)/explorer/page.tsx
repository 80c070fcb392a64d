// Analyst explorer (analysts and admins). The server prefetches the first view into the query
// cache under the same keys the client uses (TanStack Query's App Router pattern), so the page
// arrives filled and later filter changes fetch /api/facts and /api/aggregates from the browser.
import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { requireUser } from '@/lib/auth';
import { aggregateFactsForCaller, listFactsForCaller } from '@/lib/api/facts';
import { listMetrics, listParks, listRegions } from '@/lib/data/reference-lists';
import { getLang } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/i18n/params';
import { getQueryClient } from '@/lib/queries/get-query-client';
import { aggregatesQuery } from '@/lib/queries/aggregates';
import { chartGroupBy, factsPageQuery, metricsListQuery, PAGE_SIZE, parksListQuery, parseExplorerState, regionsListQuery } from '@/lib/queries/facts';
import { PageTitle } from '@/components/layout/page-title';
import { Explorer } from '@/components/explorer/explorer';
import { EXPLORER_LABELS } from '@/components/explorer/labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '数据分析 Explorer' };

export default async function ExplorerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser('analyst');
  const [lang, sp] = await Promise.all([getLang(), searchParams]);
  const state = parseExplorerState(sp);
  const filters = { region: state.region, park: state.park, metric: state.metric, yearFrom: state.yearFrom, yearTo: state.yearTo, kind: state.kind };
  const queryClient = getQueryClient();
  // prefetchQuery never throws: a bad cursor in a shared link leaves that query to the client,
  // which shows the API's 400 message instead of an error page.
  await Promise.all([
    queryClient.prefetchQuery({
      ...factsPageQuery(state),
      queryFn: () => listFactsForCaller(user, filters, state.cursor, PAGE_SIZE, { sort: state.sort, order: state.order }),
    }),
    queryClient.prefetchQuery({
      ...aggregatesQuery(state),
      queryFn: async () => ({ items: await aggregateFactsForCaller(user, chartGroupBy(state), filters) }),
    }),
    queryClient.prefetchQuery({ ...metricsListQuery(), queryFn: async () => ({ items: await listMetrics() }) }),
    queryClient.prefetchQuery({ ...parksListQuery(), queryFn: async () => ({ items: await listParks() }) }),
    queryClient.prefetchQuery({ ...regionsListQuery(), queryFn: async () => ({ items: await listRegions() }) }),
  ]);
  const t = EXPLORER_LABELS[lang];
  return (
    <main>
      <PageTitle title={t.title} subtitle={t.subtitle} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Explorer lang={lang} lastYear={new Date().getFullYear() + 2} />
      </HydrationBoundary>
    </main>
  );
}
