// Import form schema (paste text or upload .txt / PDF), shared by the import page and its actions.
import { z } from 'zod';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_PASTE_CHARS = 2_000_000;
export const DEFAULT_PUBLICATION_NAME = '湘潭日报';

const optionalText = (max: number, msg: string) =>
  z
    .string()
    .trim()
    .max(max, msg)
    .optional()
    .transform((s) => (s ? s : null));

export const importMetaSchema = z.object({
  publication: z.string({ error: '请输入报纸名称' }).trim().min(1, '请输入报纸名称').max(100, '报纸名称过长'),
  date: z
    .string({ error: '请选择出版日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && d >= '1949-01-01' && d <= '2100-12-31', '日期无效'),
  page: optionalText(20, '版面过长'),
});

/** What the form sends: text (pasted) and/or a file; the file wins when it has bytes. */
export const importSchema = importMetaSchema.extend({
  text: z.string().max(MAX_PASTE_CHARS, '粘贴的文字过长（最多 200 万字）').optional().default(''),
  file: z.unknown().optional(),
});

export type ImportMeta = z.output<typeof importMetaSchema>;

/** Size/type check of an upload before any byte is read (the browser checks the same). */
export function checkUpload(file: { name: string; size: number; type?: string }): string | null {
  if (file.size === 0) return `文件“${file.name}”是空的（0 字节）`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `文件过大：${(file.size / 1024 / 1024).toFixed(1)} MB，最大 10 MB（请按版面拆分后导入）`;
  }
  if (!/\.(txt|text|pdf)$/i.test(file.name)) return '只支持 .txt 文本文件或 .pdf 电子报版面';
  return null;
}
