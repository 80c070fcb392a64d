// queryOptions for a batch import's jobs: polled while any file is queued or importing.
import { queryOptions } from '@tanstack/react-query';
import type { ImportJobRow } from '@/lib/data/import-jobs';
import { fetchJson } from '@/lib/queries/summary';

export const importJobsQuery = (batchId: string) =>
  queryOptions({
    queryKey: ['import-jobs', batchId],
    queryFn: () => fetchJson<{ items: ImportJobRow[] }>(`/api/import-jobs?batch=${encodeURIComponent(batchId)}`),
    refetchInterval: (q) => {
      const items = q.state.data?.items;
      return !items || items.some((j) => j.status === 'queued' || j.status === 'running') ? 500 : false;
    },
  });
