// queryOptions for a batch import's jobs: polled while files are going up, while fewer jobs are
// listed than the server said it queued, and while any file is queued or importing.
import { queryOptions } from '@tanstack/react-query';
import type { ImportJobRow } from '@/lib/data/import-jobs';
import { fetchJson } from '@/lib/queries/summary';

export interface ImportJobsWait {
  /** Jobs the server has answered that it queued for this batch so far. */
  queued: number;
  /** The browser is still sending files of this batch. */
  uploading: boolean;
}

/** Whether the list must be asked again: it is not final until it holds every queued job, each finished. */
export function importJobsUnsettled(items: ImportJobRow[] | undefined, wait: ImportJobsWait): boolean {
  // A poll sent before the enqueue committed answers an empty (or shorter) list, and may arrive
  // after the enqueue's own answer: that list is not the batch, so it must not end the polling.
  if (wait.uploading || !items || items.length < wait.queued) return true;
  return items.some((j) => j.status === 'queued' || j.status === 'running');
}

export const importJobsQuery = (batchId: string, wait: ImportJobsWait = { queued: 0, uploading: false }) =>
  queryOptions({
    queryKey: ['import-jobs', batchId],
    queryFn: () => fetchJson<{ items: ImportJobRow[] }>(`/api/import-jobs?batch=${encodeURIComponent(batchId)}`),
    refetchInterval: (q) => (importJobsUnsettled(q.state.data?.items, wait) ? 500 : false),
  });
