// GET /api/import-jobs?batch=… (admin): the files of one batch import with progress and result,
// polled by the import page. Restarts the background runner when jobs wait (after a restart).
import { route } from '@/lib/api/route';
import { hasQueuedImportJobs, listImportJobs } from '@/lib/data/import-jobs';
import { resumeImportQueue } from '@/lib/ingest/jobs';
import { importJobsQuery } from '@/lib/validations/batch-import';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'admin', query: importJobsQuery }, async ({ query }) => {
  const jobs = await listImportJobs(query.batch);
  if (jobs.some((j) => j.status === 'queued') && (await hasQueuedImportJobs())) resumeImportQueue();
  return { items: jobs };
});
