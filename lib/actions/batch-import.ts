'use server';
// Batch import from the admin page: the browser sends the files of a batch (a few per request, a
// folder's or a zip's worth in all); each importable file becomes a queued job the server works
// through in the background, one at a time (lib/ingest/jobs.ts). Refused files are recorded as
// failed jobs with their reason, so the batch's list shows every file.
import { getPrisma } from '@/lib/db';
import { audit } from '@/lib/audit';
import { expandUploads, MAX_FILE_BYTES, type BatchFile } from '@/lib/ingest/batch';
import { enqueueJobs, kickImportQueue, type NewJob } from '@/lib/ingest/jobs';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { batchImportSchema } from '@/lib/validations/batch-import';
import { DB_UNAVAILABLE_MESSAGE, fail, formDataToObject, guard, inRequestLang, zodFieldErrors, type ActionResult } from './result';

export type BatchEnqueueResult = ActionResult<{ jobs: number[] }>;

export async function enqueueBatchImport(_prev: unknown, input: unknown): Promise<BatchEnqueueResult> {
  return inRequestLang(await enqueue(input));
}

async function enqueue(input: unknown): Promise<BatchEnqueueResult> {
  const auth = await guard('admin');
  if (!auth.ok) return auth.result;
  const raw = input instanceof FormData ? formDataToObject(input) : ((input ?? {}) as Record<string, unknown>);
  const parsed = batchImportSchema.safeParse(raw);
  if (!parsed.success) return fail(400, '输入有误，请检查标出的字段', zodFieldErrors(parsed.error));
  const uploads = (Array.isArray(raw.files) ? raw.files : [raw.files]).filter((f): f is File => f instanceof File && f.name !== '');
  if (uploads.length === 0) return fail(400, '请先选择文件或文件夹', { files: ['请先选择文件或文件夹'] });
  const jobs: NewJob[] = [];
  const files: BatchFile[] = [];
  for (const f of uploads) {
    // Size first: nothing larger than the limit is read.
    if (f.size > MAX_FILE_BYTES) {
      jobs.push({ fileName: f.name, bytes: null, publication: parsed.data.publication, date: null, page: null, refused: '文件过大：最大 10 MB' });
      continue;
    }
    // A folder upload keeps the path inside the folder (webkitRelativePath is sent as the name).
    files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  const expanded = expandUploads(files);
  for (const f of expanded.files) jobs.push({ fileName: f.name, bytes: f.bytes, publication: parsed.data.publication, date: null, page: null });
  for (const r of expanded.refused) jobs.push({ fileName: r.file, bytes: null, publication: parsed.data.publication, date: null, page: null, refused: r.reason });
  try {
    const prisma = await getPrisma();
    const ids = await prisma.$transaction(async (tx) => {
      const created = await enqueueJobs(tx as unknown as typeof prisma, parsed.data.batchId, auth.user.id, jobs);
      await audit(tx, {
        userId: auth.user.id, action: 'import_queued', entityType: 'import_job', entityId: parsed.data.batchId,
        after: { publication: parsed.data.publication, files: jobs.map((j) => j.fileName), refused: jobs.filter((j) => j.refused).length },
      });
      return created;
    });
    kickImportQueue(getPrisma);
    return { ok: true, data: { jobs: ids }, message: `已加入队列：${ids.length} 个文件` };
  } catch (e) {
    if (isDatabaseUnavailable(e)) return fail(503, DB_UNAVAILABLE_MESSAGE);
    throw e;
  }
}
