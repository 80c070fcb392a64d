// Metric catalogue schemas (create / edit / merge / delete), shared by /admin/metrics and its actions.
import { z } from 'zod';
import { METRIC_NATURES, NATURE_LABELS } from '@/lib/vocab/figure';
import { isUnitCode } from '@/lib/vocab/units';

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const list = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().max(50, '关键词过长')).max(100, '关键词过多'),
);

export const VALUE_TYPES = ['count', 'amount', 'rate', 'growth', 'share', 'quantity'] as const;
export const AGGREGATIONS = ['sum', 'latest', 'none'] as const;
export const DIRECTIONS = ['higher_better', 'lower_better', 'neutral'] as const;
export const VALUE_TYPE_LABELS = { count: '数量', amount: '金额', rate: '比率', growth: '增速', share: '占比', quantity: '物理量' } as const;
export { METRIC_NATURES };
export const NATURE_OPTIONS = Object.fromEntries(METRIC_NATURES.map((n) => [n, `${NATURE_LABELS[n].zh}（${NATURE_LABELS[n].hint}）`])) as Record<(typeof METRIC_NATURES)[number], string>;
export const AGGREGATION_LABELS = { sum: '求和', latest: '取最新', none: '不汇总' } as const;
export const DIRECTION_LABELS = { higher_better: '越高越好', lower_better: '越低越好', neutral: '中性' } as const;

export const metricSchema = z.object({
  id: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()).optional(),
  version: z.preprocess(emptyToNull, z.coerce.number().int().min(1).nullable()).optional(),
  key: z
    .string({ error: '请输入指标代码' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,60}$/, '指标代码：小写字母开头，只含小写字母、数字、下划线'),
  nameZh: z.string({ error: '请输入中文名称' }).trim().min(1, '请输入中文名称').max(100, '名称过长'),
  nameEn: z.string({ error: '请输入英文名称' }).trim().min(1, '请输入英文名称').max(100, '名称过长'),
  unit: z.string({ error: '请输入单位' }).trim().refine(isUnitCode, '单位代码，如 CNY、percent、person、other:台'),
  valueType: z.enum(VALUE_TYPES, { error: '请选择数值类型' }),
  aggregation: z.enum(AGGREGATIONS, { error: '请选择汇总方式' }),
  direction: z.enum(DIRECTIONS, { error: '请选择方向' }).default('higher_better'),
  nature: z.enum(METRIC_NATURES, { error: '请选择指标性质' }).default('level'),
  category: z.preprocess(emptyToNull, z.string().trim().max(50, '分类过长').nullable()),
  description: z.preprocess(emptyToNull, z.string().trim().max(1000, '说明过长').nullable()),
  keywords: list.default([]),
});

export const mergeMetricsSchema = z
  .object({
    sourceId: z.coerce.number({ error: '请选择被合并的指标' }).int().positive('请选择被合并的指标'),
    targetId: z.coerce.number({ error: '请选择目标指标' }).int().positive('请选择目标指标'),
  })
  .refine((v) => v.sourceId !== v.targetId, { path: ['targetId'], message: '不能合并到自身' });

export const deleteSchema = z.object({ id: z.coerce.number().int().positive() });
