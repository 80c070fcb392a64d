// Two races of the batch import, each made to happen on purpose: files committed while the runner
// takes its last look at the queue are still imported (the runner takes another pass), and a
// poll answered before the files were committed does not end the page's polling.
import { describe, expect, it } from 'vitest';
import type { AppPrismaClient } from '@/lib/db/client';
import type { ImportJobRow } from '@/lib/data/import-jobs';
import { importQueueIdle, kickImportQueue } from '@/lib/ingest/jobs';
import { importJobsUnsettled } from '@/lib/queries/import-jobs';

describe('the import runner', () => {
  it('takes another pass when files are queued while it finds the queue empty', async () => {
    let claims = 0;
    const fake = {
      importJob: { updateMany: async () => ({ count: 0 }) },
      // The claim: the first look reads the queue before the new files are committed; the action
      // commits and kicks the runner while that look is under way. Nothing is ever claimed here:
      // what counts is whether the runner looks again.
      $queryRaw: async () => {
        claims++;
        if (claims === 1) kickImportQueue(async () => fake as unknown as AppPrismaClient);
        return [];
      },
    };
    kickImportQueue(async () => fake as unknown as AppPrismaClient);
    await importQueueIdle();
    expect(claims).toBe(2);
  });
});

describe('polling a batch', () => {
  const job = (id: number, status: ImportJobRow['status']): ImportJobRow => ({ id, fileName: `${id}.txt`, status, progress: 0, stage: null, date: null, result: null });

  it('goes on after an empty answer that came back after the enqueue (read before its commit)', () => {
    expect(importJobsUnsettled([], { queued: 3, uploading: false })).toBe(true);
    expect(importJobsUnsettled([job(1, 'done')], { queued: 3, uploading: false })).toBe(true);
  });

  it('goes on while files are still going up, even with every listed job finished', () => {
    expect(importJobsUnsettled([job(1, 'done')], { queued: 1, uploading: true })).toBe(true);
  });

  it('goes on while a job is queued or running, and stops once every queued job is listed and finished', () => {
    expect(importJobsUnsettled([job(1, 'done'), job(2, 'running')], { queued: 2, uploading: false })).toBe(true);
    expect(importJobsUnsettled([job(1, 'done'), job(2, 'queued')], { queued: 2, uploading: false })).toBe(true);
    expect(importJobsUnsettled([job(1, 'done'), job(2, 'failed')], { queued: 2, uploading: false })).toBe(false);
  });
});
