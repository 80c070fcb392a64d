// The batch import form: a batch id chosen by the browser (to poll its jobs), the newspaper, and
// one or more files (.txt, .pdf, .zip) per request.
import { z } from 'zod';

export const batchIdSchema = z.string().regex(/^[\w-]{8,64}$/, '批次编号无效');

export const batchImportSchema = z.object({
  batchId: batchIdSchema,
  publication: z.string({ error: '请输入报纸名称' }).trim().min(1, '请输入报纸名称').max(100, '报纸名称过长'),
  files: z.unknown().optional(),
});

export const importJobsQuery = z.object({ batch: batchIdSchema });
