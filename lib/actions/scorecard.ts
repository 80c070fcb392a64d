'use server';
// The 五好 scorecard's indicators: admins assign a catalogue metric to a dimension (or move it to
// another), remove it, and order a dimension's indicators. Role checked and audited in the same
// transaction (withAction).
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { assignIndicatorSchema, moveIndicatorSchema, unassignIndicatorSchema } from '@/lib/validations/scorecard';
import { withAction, type ActionResult } from './result';

function refresh(): void {
  invalidateCache('overview:');
  try {
    revalidatePath('/admin/scorecard');
    revalidatePath('/scorecard');
  } catch {
    /* outside a request */
  }
}

const assignAction = withAction('admin', assignIndicatorSchema, async ({ metricId, dimensionId }, { tx, audit }): Promise<ActionResult> => {
  const [metric, dimension] = await Promise.all([
    tx.metric.findFirst({ where: { id: metricId, deletedAt: null }, select: { id: true, key: true, nameZh: true, mergedIntoId: true } }),
    tx.scorecardDimension.findUnique({ where: { id: dimensionId }, select: { id: true, nameZh: true } }),
  ]);
  if (!metric) return { ok: false, status: 404, message: '指标不存在或已删除', fieldErrors: { metricId: ['指标不存在'] } };
  if (metric.key === UNCLASSIFIED_KEY) return { ok: false, status: 400, message: '“未归类指标”不能作为评价指标', fieldErrors: { metricId: ['未归类指标不能入选'] } };
  if (metric.mergedIntoId !== null) return { ok: false, status: 400, message: '该指标已合并到其他指标，请选择合并后的指标', fieldErrors: { metricId: ['已合并'] } };
  if (!dimension) return { ok: false, status: 404, message: '维度不存在', fieldErrors: { dimensionId: ['维度不存在'] } };
  const before = await tx.scorecardMetric.findUnique({ where: { metricId }, select: { id: true, dimensionId: true, ordinal: true } });
  if (before?.dimensionId === dimensionId) return { ok: false, status: 400, message: `“${metric.nameZh}”已在“${dimension.nameZh}”中`, fieldErrors: { metricId: ['已在该维度中'] } };
  const last = await tx.scorecardMetric.aggregate({ where: { dimensionId }, _max: { ordinal: true } });
  const ordinal = (last._max.ordinal ?? 0) + 1;
  const row = before
    ? await tx.scorecardMetric.update({ where: { id: before.id }, data: { dimensionId, ordinal } })
    : await tx.scorecardMetric.create({ data: { dimensionId, metricId, ordinal } });
  await audit({
    action: before ? 'update' : 'create',
    entityType: 'scorecard_metric',
    entityId: row.id,
    before: before ?? undefined,
    after: { dimensionId, metricId, ordinal },
    note: `${metric.nameZh} → ${dimension.nameZh}`,
  });
  return { ok: true, message: before ? `已将“${metric.nameZh}”移到“${dimension.nameZh}”` : `已将“${metric.nameZh}”加入“${dimension.nameZh}”` };
});

export async function assignScorecardIndicator(prev: unknown, input?: unknown): Promise<ActionResult> {
  const r = await assignAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const unassignAction = withAction('admin', unassignIndicatorSchema, async ({ metricId }, { tx, audit }): Promise<ActionResult> => {
  const before = await tx.scorecardMetric.findUnique({
    where: { metricId },
    select: { id: true, dimensionId: true, metricId: true, ordinal: true, metric: { select: { nameZh: true } }, dimension: { select: { nameZh: true } } },
  });
  if (!before) return { ok: false, status: 404, message: '该指标不在评价指标中' };
  await tx.scorecardMetric.delete({ where: { id: before.id } });
  await audit({
    action: 'delete',
    entityType: 'scorecard_metric',
    entityId: before.id,
    before: { dimensionId: before.dimensionId, metricId: before.metricId, ordinal: before.ordinal },
    note: `${before.metric.nameZh} ← ${before.dimension.nameZh}`,
  });
  return { ok: true, message: `已从“${before.dimension.nameZh}”移除“${before.metric.nameZh}”` };
});

export async function unassignScorecardIndicator(prev: unknown, input?: unknown): Promise<ActionResult> {
  const r = await unassignAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const moveAction = withAction('admin', moveIndicatorSchema, async ({ metricId, direction }, { tx, audit }): Promise<ActionResult> => {
  const row = await tx.scorecardMetric.findUnique({ where: { metricId }, select: { id: true, dimensionId: true } });
  if (!row) return { ok: false, status: 404, message: '该指标不在评价指标中' };
  // Renumber the dimension 1..n in its current order, then swap with the neighbour.
  const list = await tx.scorecardMetric.findMany({ where: { dimensionId: row.dimensionId }, orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], select: { id: true, ordinal: true } });
  const at = list.findIndex((x) => x.id === row.id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= list.length) return { ok: false, status: 400, message: direction === 'up' ? '已在最前' : '已在最后' };
  const before = list.map((x) => x.id);
  const order = [...before];
  [order[at], order[to]] = [order[to]!, order[at]!];
  for (const [i, id] of order.entries()) await tx.scorecardMetric.update({ where: { id }, data: { ordinal: i + 1 } });
  await audit({ action: 'reorder', entityType: 'scorecard_metric', entityId: row.id, before: { order: before }, after: { order } });
  return { ok: true, message: direction === 'up' ? '已上移' : '已下移' };
});

export async function moveScorecardIndicator(prev: unknown, input?: unknown): Promise<ActionResult> {
  const r = await moveAction(prev, input);
  if (r.ok) refresh();
  return r;
}
