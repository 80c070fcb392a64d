// queryOptions for the explorer chart: aggregates of the same filters as the table.
import { queryOptions } from '@tanstack/react-query';
import type { AggregateRow } from '@/lib/data/fact-aggregate';
import { fetchJson } from '@/lib/queries/summary';
import { explorerKeys, toSearch, type ExplorerState } from '@/lib/queries/facts';

export const aggregatesQuery = (s: ExplorerState) =>
  queryOptions({
    queryKey: explorerKeys.aggregates(s),
    queryFn: () => fetchJson<{ items: AggregateRow[] }>(`/api/aggregates?${toSearch(s, 'chart')}`),
  });
