// Schemas of the scorecard's assignment (/admin/scorecard): which catalogue metric is an
// indicator of which 五好 dimension, and in what order.
import { z } from 'zod';

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

export const assignIndicatorSchema = z.object({
  metricId: id('请选择指标'),
  dimensionId: id('请选择维度'),
});

export const unassignIndicatorSchema = z.object({ metricId: id('请选择指标') });

export const moveIndicatorSchema = z.object({
  metricId: id('请选择指标'),
  direction: z.enum(['up', 'down'], { error: '方向只能是上移或下移' }),
});
