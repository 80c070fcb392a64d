'use server';
// What an admin does about figures: settle a conflict (keep one report, reject the others with
// the reason), and merge or split reports of an event metric by hand (fact.event_key). The
// triggers regroup the figures in the same transaction; every change is audited.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { mergeEventsSchema, settleConflictSchema, splitEventSchema } from '@/lib/validations/figures';
import { ActionError, withAction, type ActionResult } from './result';

function refreshViews(): void {
  invalidateCache('overview:');
  try {
    revalidatePath('/admin', 'layout');
    revalidatePath('/', 'layout');
  } catch {
    /* outside a request */
  }
}

interface FigureKeyRow {
  fact_id: number;
}

const settleAction = withAction('admin', settleConflictSchema, async ({ figureId, keepFactId }, { tx, audit, user }): Promise<ActionResult<{ rejected: number }>> => {
  const reports = await tx.$queryRaw<FigureKeyRow[]>`
    SELECT r.fact_id FROM fact_figure c
      JOIN fact_figure_reports() r ON r.metric_id = c.metric_id AND r.year = c.year AND r.kind = c.kind
           AND r.unit_family = c.unit_family AND r.period = c.period AND r.event = c.event
           AND r.park_id IS NOT DISTINCT FROM c.park_id AND r.region_id IS NOT DISTINCT FROM c.region_id
           AND r.project_id IS NOT DISTINCT FROM c.project_id AND r.org_id IS NOT DISTINCT FROM c.org_id
     WHERE c.id = ${figureId}::int`;
  if (reports.length === 0) return { ok: false, status: 404, message: '该数字不存在或已被处理，请刷新' };
  if (!reports.some((r) => r.fact_id === keepFactId)) {
    return { ok: false, status: 400, message: '所选报道不属于这个数字', fieldErrors: { keepFactId: ['请选择这个数字的一条报道'] } };
  }
  const keep = await tx.fact.findUniqueOrThrow({ where: { id: keepFactId }, select: { value: true, unit: true } });
  const reason = `数值冲突裁定：保留 #${keepFactId}（${keep.value.toString()} ${keep.unit}）`;
  const others = reports.map((r) => r.fact_id).filter((id) => id !== keepFactId);
  const now = new Date();
  for (const id of others) {
    const before = await tx.fact.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, value: true } });
    // Reports with the kept value are the same figure reported again: they stay approved.
    if (before.value.equals(keep.value)) continue;
    const { count } = await tx.fact.updateMany({
      where: { id, version: before.version, status: 'approved' },
      data: { status: 'rejected', rejectionReason: reason, reviewedById: user.id, reviewedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError(409, `数据 #${id} 已被他人修改，请刷新后重试`);
    await audit({
      action: 'reject', entityType: 'fact', entityId: id,
      before: { status: before.status, version: before.version }, after: { status: 'rejected', version: before.version + 1, rejectionReason: reason },
      note: reason,
    });
  }
  const rejected = others.length;
  return { ok: true, message: `已裁定：保留 #${keepFactId}`, data: { rejected } };
});

/** Settles a conflicting figure: keeps one report, rejects the reports that disagree with it. */
export async function settleConflict(input: unknown): Promise<ActionResult<{ rejected: number }>> {
  const r = await settleAction(input);
  if (r.ok) refreshViews();
  return r;
}

const mergeAction = withAction('admin', mergeEventsSchema, async ({ factIds }, { tx, audit }): Promise<ActionResult<{ eventKey: string }>> => {
  const rows = await tx.fact.findMany({
    where: { id: { in: factIds }, deletedAt: null },
    select: { id: true, version: true, metricId: true, eventKey: true, year: true, parkId: true, regionId: true, projectId: true, orgId: true, metric: { select: { nature: true } } },
  });
  if (rows.length !== factIds.length) return { ok: false, status: 404, message: '有数据不存在或已删除' };
  const first = rows[0]!;
  if (first.metric.nature !== 'event') return { ok: false, status: 400, message: '只有“事件”类指标的报道可以按事件合并' };
  const same = rows.every((r) => r.metricId === first.metricId && r.year === first.year && r.parkId === first.parkId && r.regionId === first.regionId && r.projectId === first.projectId && r.orgId === first.orgId);
  if (!same) return { ok: false, status: 400, message: '只能合并同一主体、同一指标、同一年份的报道' };
  const eventKey = `m${Math.min(...factIds)}`;
  // The other reports of the chosen events come along: merging two events merges all their reports.
  const keys = rows.map((r) => r.eventKey).filter((k): k is string => k !== null && k !== eventKey);
  const companions = keys.length
    ? await tx.fact.findMany({
        where: {
          id: { notIn: factIds }, eventKey: { in: keys }, status: 'approved', deletedAt: null,
          metricId: first.metricId, year: first.year, parkId: first.parkId, regionId: first.regionId, projectId: first.projectId, orgId: first.orgId,
        },
        select: { id: true, version: true, eventKey: true },
      })
    : [];
  for (const r of [...rows, ...companions]) {
    const { count } = await tx.fact.updateMany({ where: { id: r.id, version: r.version }, data: { eventKey, version: { increment: 1 } } });
    if (count === 0) throw new ActionError(409, `数据 #${r.id} 已被他人修改，请刷新后重试`);
    await audit({ action: 'merge', entityType: 'fact', entityId: r.id, before: { eventKey: r.eventKey }, after: { eventKey }, note: `同一事件：#${factIds.join(', #')}` });
  }
  return { ok: true, message: `已合并为一个事件（${rows.length + companions.length} 条报道）`, data: { eventKey } };
});

/** Merges reports of an event metric into one event (the same event reported differently). */
export async function mergeEventReports(input: unknown): Promise<ActionResult<{ eventKey: string }>> {
  const r = await mergeAction(input);
  if (r.ok) refreshViews();
  return r;
}

const splitAction = withAction('admin', splitEventSchema, async ({ factId }, { tx, audit }): Promise<ActionResult<{ eventKey: string }>> => {
  const row = await tx.fact.findFirst({ where: { id: factId, deletedAt: null }, select: { id: true, version: true, eventKey: true, metric: { select: { nature: true } } } });
  if (!row) return { ok: false, status: 404, message: '数据不存在或已删除' };
  if (row.metric.nature !== 'event') return { ok: false, status: 400, message: '只有“事件”类指标的报道可以拆分为单独事件' };
  const eventKey = `s${factId}`;
  const { count } = await tx.fact.updateMany({ where: { id: factId, version: row.version }, data: { eventKey, version: { increment: 1 } } });
  if (count === 0) throw new ActionError(409, '数据已被他人修改，请刷新后重试');
  await audit({ action: 'update', entityType: 'fact', entityId: factId, before: { eventKey: row.eventKey }, after: { eventKey }, note: '拆分为单独事件' });
  return { ok: true, message: '已拆分为单独事件', data: { eventKey } };
});

/** Splits a report off into an event of its own (two events that happen to have the same value). */
export async function splitEventReport(input: unknown): Promise<ActionResult<{ eventKey: string }>> {
  const r = await splitAction(input);
  if (r.ok) refreshViews();
  return r;
}
