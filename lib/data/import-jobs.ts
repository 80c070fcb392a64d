// Reads of batch-import jobs (admin): one batch's files with their progress and result line.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';

export interface ImportJobRow {
  id: number;
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string | null;
  date: string | null;
  result:
    | { status: 'imported'; issueId: number; date: string; articles: number; facts: number }
    | { status: 'duplicate'; issueId: number; date: string; message: string }
    | { status: 'refused'; reason: string }
    | null;
}

export async function listImportJobs(batchId: string): Promise<ImportJobRow[]> {
  await requireRole('admin');
  if (typeof batchId !== 'string' || !/^[\w-]{8,64}$/.test(batchId)) return [];
  const prisma = await getPrisma();
  const rows = await prisma.importJob.findMany({
    where: { batchId },
    orderBy: { id: 'asc' },
    select: { id: true, fileName: true, status: true, progress: true, stage: true, date: true, result: true, error: true },
  });
  return rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    status: r.status,
    progress: r.progress,
    stage: r.stage,
    date: r.date ? r.date.toISOString().slice(0, 10) : null,
    result: (r.result as ImportJobRow['result']) ?? (r.error ? { status: 'refused', reason: r.error } : null),
  }));
}

/** Whether any job waits (the status route restarts the runner after a server restart). */
export async function hasQueuedImportJobs(): Promise<boolean> {
  await requireRole('admin');
  const prisma = await getPrisma();
  return (await prisma.importJob.count({ where: { status: 'queued' } })) > 0;
}
