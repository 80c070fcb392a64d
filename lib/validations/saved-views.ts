// Saved explorer views: a name and the page's query string (re-parsed by the action, so only
// known filters and layout settings are stored).
import { z } from 'zod';

const id = z.coerce.number().int().positive();

export const saveViewSchema = z.object({
  name: z.string().trim().min(1, '请填写名称').max(60, '名称不超过 60 个字'),
  query: z.string().max(2000, '视图过长'),
  /** Replace a view of the same name instead of refusing. */
  replace: z.union([z.literal('1'), z.literal('on'), z.boolean()]).optional(),
});

export const savedViewIdSchema = z.object({ id });
export const setStartViewSchema = z.object({
  id,
  start: z
    .union([z.literal('1'), z.literal('0'), z.boolean()])
    .transform((v) => v === true || v === '1'),
});
