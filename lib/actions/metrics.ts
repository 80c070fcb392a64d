'use server';
// Metric catalogue: create, edit (version-checked), merge (facts move to the target; the source
// keeps existing with mergedIntoId so old links resolve), soft delete. All audited.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { CONFLICT_TEXT } from '@/lib/validations/facts';
import { deleteSchema, mergeMetricsSchema, metricSchema } from '@/lib/validations/metrics';
import { unitMismatch } from '@/lib/vocab/units';
import { withAction, type ActionResult } from './result';

function refresh(): void {
  invalidateCache('overview:');
  try {
    revalidatePath('/admin', 'layout');
  } catch {
    /* outside a request */
  }
}

const saveAction = withAction('admin', metricSchema, async (input, { tx, audit }): Promise<ActionResult<{ id: number }>> => {
  const { id, version, ...fields } = input;
  const clash = await tx.metric.findFirst({ where: { key: fields.key, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
  if (clash) return { ok: false, status: 400, message: '输入有误', fieldErrors: { key: ['该指标代码已存在'] } };
  if (!id) {
    const row = await tx.metric.create({ data: fields });
    await audit({ action: 'create', entityType: 'metric', entityId: row.id, after: row });
    return { ok: true, message: '已创建指标', data: { id: row.id } };
  }
  const before = await tx.metric.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '指标不存在或已删除' };
  const { count } = await tx.metric.updateMany({
    where: { id, version: version ?? before.version, deletedAt: null },
    data: { ...fields, version: { increment: 1 } },
  });
  if (count === 0) return { ok: false, status: 409, message: CONFLICT_TEXT };
  const afterRow = await tx.metric.findUniqueOrThrow({ where: { id } });
  await audit({ action: 'update', entityType: 'metric', entityId: id, before, after: afterRow });
  return { ok: true, message: '已保存', data: { id } };
});

export async function saveMetric(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number }>> {
  const r = await saveAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const mergeAction = withAction('admin', mergeMetricsSchema, async ({ sourceId, targetId }, { tx, audit }): Promise<ActionResult<{ moved: number }>> => {
  const [source, target] = await Promise.all([
    tx.metric.findFirst({ where: { id: sourceId, deletedAt: null } }),
    tx.metric.findFirst({ where: { id: targetId, deletedAt: null } }),
  ]);
  if (!source) return { ok: false, status: 404, message: '被合并的指标不存在', fieldErrors: { sourceId: ['指标不存在'] } };
  if (!target) return { ok: false, status: 404, message: '目标指标不存在', fieldErrors: { targetId: ['指标不存在'] } };
  if (source.mergedIntoId !== null) return { ok: false, status: 400, message: '该指标已被合并过', fieldErrors: { sourceId: ['已合并'] } };
  if (target.mergedIntoId !== null) return { ok: false, status: 400, message: '目标指标已合并到其他指标', fieldErrors: { targetId: ['已合并'] } };
  // Facts must fit their metric's unit (人次 is not 人): the unclassified metric is the exception,
  // its facts are moved one by one in the fact editor, which checks each.
  if (source.key !== 'unclassified') {
    const units = await tx.fact.findMany({ where: { metricId: sourceId, deletedAt: null }, distinct: ['unit'], select: { unit: true } });
    const why = units.map((u) => unitMismatch(u.unit, target.unit)).find((m) => m !== null);
    if (why) {
      return { ok: false, status: 400, message: `不能合并：${why}`, fieldErrors: { targetId: [why] } };
    }
  }
  // Facts keep their own version semantics: a moved fact counts as changed for optimistic locking.
  const moved = await tx.fact.updateMany({ where: { metricId: sourceId }, data: { metricId: targetId, version: { increment: 1 } } });
  // Metrics that were merged into the source now point at the target (no chains).
  await tx.metric.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
  await tx.metric.update({ where: { id: sourceId }, data: { mergedIntoId: targetId, version: { increment: 1 } } });
  await audit({
    action: 'merge', entityType: 'metric', entityId: sourceId,
    before: { key: source.key, mergedIntoId: null },
    after: { key: source.key, mergedIntoId: targetId, targetKey: target.key, movedFacts: moved.count },
    note: `${source.nameZh} → ${target.nameZh}`,
  });
  return { ok: true, message: `已合并：${moved.count} 条数据移到“${target.nameZh}”`, data: { moved: moved.count } };
});

export async function mergeMetrics(prev: unknown, input?: unknown): Promise<ActionResult<{ moved: number }>> {
  const r = await mergeAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const deleteAction = withAction('admin', deleteSchema, async ({ id }, { tx, audit }): Promise<ActionResult> => {
  const before = await tx.metric.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '指标不存在或已删除' };
  if (before.key === 'unclassified') return { ok: false, status: 400, message: '“未分类”指标是导入所必需的，不能删除' };
  const live = await tx.fact.count({ where: { metricId: id, deletedAt: null } });
  if (live > 0) return { ok: false, status: 409, message: `该指标还有 ${live} 条数据：请先合并到其他指标` };
  await tx.metric.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
  await audit({ action: 'delete', entityType: 'metric', entityId: id, before });
  return { ok: true, message: '已删除指标' };
});

export async function deleteMetric(input: unknown): Promise<ActionResult> {
  const r = await deleteAction(input);
  if (r.ok) refresh();
  return r;
}
