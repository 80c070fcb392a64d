// The headline figures an admin chooses per dashboard (/admin/headline): which dashboard, and the
// metrics in order. Shared by the form and its action.
import { z } from 'zod';

export const HEADLINE_DASHBOARDS = ['overview', 'wall'] as const;
export type HeadlineDashboard = (typeof HEADLINE_DASHBOARDS)[number];
export const MAX_HEADLINE = 12;

const ids = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).max(MAX_HEADLINE, `最多选择${MAX_HEADLINE}个指标`),
);

export const headlineSchema = z
  .object({
    dashboard: z.enum(HEADLINE_DASHBOARDS, { error: '未知的看板' }),
    /** Metric ids in display order; empty: back to the default. */
    metricIds: ids,
  })
  .refine((v) => new Set(v.metricIds).size === v.metricIds.length, { message: '同一指标只能选一次', path: ['metricIds'] });
