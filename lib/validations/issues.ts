// Forms of an issue's record: correct its date, page and publication; withdraw and restore it.
import { z } from 'zod';

const id = z.coerce.number({ error: '期次编号无效' }).int().min(1, '期次编号无效').max(2_147_483_647, '期次编号无效');
const version = z.coerce.number().int().min(1);

export const issueUpdateSchema = z.object({
  id,
  version,
  publication: z.string({ error: '请输入报纸名称' }).trim().min(1, '请输入报纸名称').max(100, '报纸名称过长'),
  date: z
    .string({ error: '请选择出版日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && d >= '1949-01-01', '日期无效'),
  page: z
    .string()
    .trim()
    .max(20, '版面过长')
    .optional()
    .transform((s) => (s ? s : null)),
  /** Accept a date the text's own dates disagree with (the form asks first). */
  confirmDate: z
    .union([z.literal('on'), z.literal('true'), z.literal(''), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});

export const issueWithdrawSchema = z.object({
  id,
  version,
  reason: z.string({ error: '请写明撤回原因' }).trim().min(1, '请写明撤回原因').max(500, '原因过长（最多 500 字）'),
});

export const issueRestoreSchema = z.object({ id, version });
