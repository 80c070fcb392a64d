// Schemas of the figure actions (settle a conflict, merge or split event reports).
import { z } from 'zod';

const id = z.coerce.number({ error: '无效的编号' }).int('无效的编号').positive('无效的编号');

export const settleConflictSchema = z.object({ figureId: id, keepFactId: id });
export const mergeEventsSchema = z.object({
  factIds: z.array(id).min(2, '请至少选择两条报道').max(50, '一次最多 50 条').refine((ids) => new Set(ids).size === ids.length, '报道重复'),
});
export const splitEventSchema = z.object({ factId: id });
