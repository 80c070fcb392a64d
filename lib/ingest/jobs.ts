// Background import jobs: each uploaded file is one import_job row; the server works through the
// queue one file at a time (one runner per process; a row is claimed with FOR UPDATE SKIP LOCKED so
// two processes on one PostgreSQL never take the same file). Progress and the result line are on
// the row, which the admin's page polls. A job's file is imported whole or not at all.
import 'server-only';
import type { AppPrismaClient } from '@/lib/db/client';
import { getPrisma } from '@/lib/db';
import { invalidateCache } from '@/lib/data/read-cache';
import { importFile, type FileOutcome } from './batch';

const g = globalThis as typeof globalThis & { __xtImportRunner?: Promise<void> | null; __xtImportKicked?: boolean };

/** A job left "running" this long ago belonged to a process that stopped: it goes back in the queue. */
const STALE_MS = 10 * 60_000;

export interface NewJob {
  fileName: string;
  bytes: Uint8Array | null;
  publication: string;
  date: string | null;
  page: string | null;
  /** Set for a file refused before it was queued (wrong type, bad zip): stored as failed. */
  refused?: string;
}

export async function enqueueJobs(prisma: AppPrismaClient, batchId: string, userId: number, jobs: NewJob[]): Promise<number[]> {
  const rows = await prisma.importJob.createManyAndReturn({
    data: jobs.map((j) => ({
      batchId,
      fileName: j.fileName.slice(0, 300),
      publication: j.publication,
      date: j.date ? new Date(`${j.date}T00:00:00Z`) : null,
      page: j.page,
      content: j.refused ? null : j.bytes ? Uint8Array.from(j.bytes) : null,
      size: j.bytes?.length ?? 0,
      createdById: userId,
      ...(j.refused
        ? { status: 'failed' as const, progress: 100, error: j.refused, result: { status: 'refused', file: j.fileName, reason: j.refused }, finishedAt: new Date() }
        : {}),
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Starts the runner unless it is already working; returns at once. Call it after the jobs are
 * committed. A runner already working takes another pass over the queue when it finds it empty:
 * its last look may have come before these jobs were committed, and it must not end without them.
 */
export function kickImportQueue(getPrisma: () => Promise<AppPrismaClient>): void {
  g.__xtImportKicked = true;
  if (g.__xtImportRunner) return;
  g.__xtImportRunner = (async () => {
    try {
      const prisma = await getPrisma();
      // Each pass starts after the flag is cleared, so it sees every job committed before a kick
      // that set it; a kick during the pass sets it again and brings another pass.
      while (g.__xtImportKicked) {
        g.__xtImportKicked = false;
        await runImportQueue(prisma);
      }
    } catch (e) {
      console.error('[import-jobs] runner stopped:', e instanceof Error ? e.message : e);
    } finally {
      g.__xtImportRunner = null;
    }
  })();
}

/** Starts the runner on the app's database (after a restart, jobs may be waiting). */
export function resumeImportQueue(): void {
  kickImportQueue(getPrisma);
}

/** Waits for the runner of this process to finish (tests, shutdown). */
export async function importQueueIdle(): Promise<void> {
  while (g.__xtImportRunner) await g.__xtImportRunner;
}

/** Works through the queue until it is empty. */
export async function runImportQueue(prisma: AppPrismaClient): Promise<number> {
  await prisma.importJob.updateMany({
    where: { status: 'running', startedAt: { lt: new Date(Date.now() - STALE_MS) } },
    data: { status: 'queued', progress: 0, stage: null },
  });
  let done = 0;
  for (;;) {
    const claimed = await prisma.$queryRaw<{ id: number }[]>`
      UPDATE import_job SET status = 'running', started_at = now(), updated_at = now(), progress = 1
       WHERE id = (SELECT id FROM import_job WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id`;
    const id = claimed[0]?.id;
    if (id === undefined) return done;
    await runJob(prisma, id);
    done++;
  }
}

async function runJob(prisma: AppPrismaClient, id: number): Promise<void> {
  const job = await prisma.importJob.findUniqueOrThrow({
    where: { id },
    select: { fileName: true, content: true, publication: true, date: true, page: true, createdById: true },
  });
  let outcome: FileOutcome;
  try {
    outcome = await importFile(prisma, {
      file: { name: job.fileName, bytes: job.content ? new Uint8Array(job.content) : new Uint8Array() },
      publication: job.publication,
      date: job.date ? job.date.toISOString().slice(0, 10) : null,
      page: job.page,
      userId: job.createdById,
      onProgress: async (fraction, stage) => {
        await prisma.importJob.update({ where: { id }, data: { progress: Math.max(1, Math.min(99, Math.round(fraction * 100))), stage } });
      },
    });
  } catch (e) {
    // The issue's transaction rolled back: nothing of this file is stored. The job says why.
    const reason = `导入出错，未保存任何内容：${e instanceof Error ? e.message : String(e)}`.slice(0, 1000);
    await prisma.auditLog
      .create({ data: { userId: job.createdById, action: 'import_failed', entityType: 'issue', note: reason, after: { file: job.fileName, job: id } } })
      .catch(() => undefined);
    await prisma.importJob.update({
      where: { id },
      data: { status: 'failed', progress: 100, stage: null, error: reason, content: null, finishedAt: new Date(), result: { status: 'refused', file: job.fileName, reason } },
    });
    return;
  }
  await prisma.importJob.update({
    where: { id },
    data: {
      status: outcome.status === 'refused' ? 'failed' : 'done',
      progress: 100,
      stage: null,
      error: outcome.status === 'refused' ? outcome.reason : null,
      issueId: outcome.status === 'refused' ? null : outcome.issueId,
      result: { ...outcome },
      content: null,
      finishedAt: new Date(),
    },
  });
  if (outcome.status === 'imported') invalidateCache('overview:');
}
