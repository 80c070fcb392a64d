'use server';
// Review-queue and manual-entry mutations on facts. Every change is guarded by the version the
// admin started from (updateMany where {id, version}); a count of 0 means somebody else saved
// first, and the whole action is refused so the first change is kept.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  approveSchema, articleFactSchema, CONFLICT_TEXT, factUpdateSchema, manualFactSchema, rejectSchema,
} from '@/lib/validations/facts';
import { readFigureAt } from '@/lib/review/read-figure';
import { ARTICLE_READ_SELECT, articleOf, extractContextFor } from '@/lib/review/article-reader';
import { DUPLICATE_TEXT, oncePerForm } from './submission';
import { deleteSchema } from '@/lib/validations/metrics';
import { unitMismatch } from '@/lib/vocab/units';
import { ActionError, withAction, type ActionResult } from './result';

const FACT_AUDIT_SELECT = {
  id: true, version: true, status: true, metricId: true, parkId: true, regionId: true, orgName: true, orgId: true, projectId: true, eventKey: true,
  year: true, period: true, kind: true, comparator: true, value: true, unit: true, rejectionReason: true,
  deletedAt: true,
} satisfies Prisma.FactSelect;

type Tx = Prisma.TransactionClient;

function refreshViews(): void {
  invalidateCache('overview:');
  try {
    revalidatePath('/admin', 'layout');
    revalidatePath('/', 'layout');
  } catch {
    /* outside a request (tests, scripts): nothing to revalidate */
  }
}

async function after<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (result.ok) refreshViews();
  return result;
}

/** Subject columns from the form, checking that the chosen park/region/metric exist. */
async function resolveFields(
  tx: Tx,
  v: {
    metricId: number; subjectType: string; parkId: number | null; regionId: number | null; orgName: string | null;
    projectId?: number | null; orgId?: number | null;
    year: number | null; period: string | null; kind: 'actual' | 'target' | 'forecast' | 'plan';
    comparator: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx'; value: string; unit: string;
  },
) {
  const metric = await tx.metric.findFirst({ where: { id: v.metricId, deletedAt: null }, select: { id: true, key: true, unit: true, mergedIntoId: true, nameZh: true } });
  if (!metric) throw new ActionError(400, '输入有误', { metricId: ['指标不存在'] });
  if (metric.mergedIntoId !== null) throw new ActionError(400, '输入有误', { metricId: ['该指标已合并到其他指标，请选择目标指标'] });
  // A fact must be in a unit of its metric's family (人次 is not 人, 公顷 converts to 亩); the
  // unclassified metric holds facts of any unit until an admin classifies them.
  const misfit = metric.key === 'unclassified' ? null : unitMismatch(v.unit, metric.unit);
  if (misfit) throw new ActionError(400, `单位与指标“${metric.nameZh}”不符：${misfit}`, { unit: [misfit] });
  const parkId = v.subjectType === 'park' ? v.parkId : null;
  const regionId = v.subjectType === 'region' ? v.regionId : null;
  if (parkId !== null && !(await tx.park.findFirst({ where: { id: parkId, deletedAt: null }, select: { id: true } }))) {
    throw new ActionError(400, '输入有误', { parkId: ['园区不存在'] });
  }
  if (regionId !== null && !(await tx.region.findFirst({ where: { id: regionId, deletedAt: null }, select: { id: true } }))) {
    throw new ActionError(400, '输入有误', { regionId: ['区县不存在'] });
  }
  // Organisations and projects are records of their own: picked (by id), or named (found by
  // name, created on first use).
  let name = v.orgName?.trim() || null;
  let orgId: number | null = null;
  let projectId: number | null = null;
  if (v.subjectType === 'project' && v.projectId) {
    const p = await tx.project.findFirst({ where: { id: v.projectId, deletedAt: null }, select: { id: true, name: true } });
    if (!p) throw new ActionError(400, '输入有误', { projectId: ['项目不存在'] });
    ({ id: projectId, name } = p);
  } else if (v.subjectType === 'project' && name) {
    projectId = (await tx.project.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id;
  }
  if (v.subjectType === 'org' && v.orgId) {
    const o = await tx.organization.findFirst({ where: { id: v.orgId, deletedAt: null }, select: { id: true, name: true } });
    if (!o) throw new ActionError(400, '输入有误', { orgId: ['机构不存在'] });
    ({ id: orgId, name } = o);
  } else if (v.subjectType === 'org' && name) {
    orgId = (await tx.organization.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id;
  }
  return {
    metricId: metric.id,
    parkId,
    regionId,
    orgName: v.subjectType === 'org' || v.subjectType === 'project' ? name : null,
    orgId,
    projectId,
    year: v.year,
    period: v.period,
    kind: v.kind,
    comparator: v.comparator,
    value: v.value,
    unit: v.unit,
  };
}

const updateFactAction = withAction('admin', factUpdateSchema, async (input, { tx, audit, user }): Promise<ActionResult<{ id: number; version: number }>> => {
  const before = await tx.fact.findFirst({ where: { id: input.id, deletedAt: null }, select: FACT_AUDIT_SELECT });
  if (!before) return { ok: false, status: 404, message: '数据不存在或已删除' };
  const data = await resolveFields(tx, input);
  // 保存并通过: the correction and the approval are one change (one version step, one transaction).
  const approval = input.approve ? { status: 'approved' as const, rejectionReason: null, reviewedById: user.id, reviewedAt: new Date() } : {};
  const { count } = await tx.fact.updateMany({
    where: { id: input.id, version: input.version, deletedAt: null },
    data: { ...data, ...approval, version: { increment: 1 } },
  });
  if (count === 0) return { ok: false, status: 409, message: CONFLICT_TEXT };
  const afterRow = await tx.fact.findUniqueOrThrow({ where: { id: input.id }, select: FACT_AUDIT_SELECT });
  await audit({ action: 'update', entityType: 'fact', entityId: input.id, before, after: afterRow });
  if (input.approve && before.status !== 'approved') {
    await audit({
      action: 'approve', entityType: 'fact', entityId: input.id,
      before: { status: before.status, version: before.version, rejectionReason: before.rejectionReason },
      after: { status: 'approved', version: afterRow.version, rejectionReason: null },
    });
  }
  return { ok: true, message: input.approve ? '已保存并批准' : '已保存', data: { id: input.id, version: afterRow.version } };
});

/** Saves an edited fact. Input: FormData or object with id, version and the fact's fields. */
export async function updateFact(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number; version: number }>> {
  return after(await updateFactAction(prev, input));
}

async function review(
  tx: Tx,
  audit: (e: { action: string; entityType: string; entityId: number; before: unknown; after: unknown; note?: string | null }) => Promise<void>,
  items: { id: number; version: number }[],
  status: 'approved' | 'rejected',
  reviewerId: number,
  reason: string | null,
): Promise<ActionResult<{ count: number }>> {
  const ids = [...new Set(items.map((i) => i.id))];
  const rows = await tx.fact.findMany({ where: { id: { in: ids }, deletedAt: null }, select: FACT_AUDIT_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = new Date();
  for (const item of items) {
    const before = byId.get(item.id);
    if (!before) throw new ActionError(404, `数据 #${item.id} 不存在或已删除`);
    const { count } = await tx.fact.updateMany({
      where: { id: item.id, version: item.version, deletedAt: null },
      data: { status, rejectionReason: reason, reviewedById: reviewerId, reviewedAt: now, version: { increment: 1 } },
    });
    // One stale row refuses the whole batch (rolled back): the admin reloads and sees the other change.
    if (count === 0) throw new ActionError(409, `${CONFLICT_TEXT}（#${item.id}）`);
    await audit({
      action: status === 'approved' ? 'approve' : 'reject', entityType: 'fact', entityId: item.id,
      before: { status: before.status, version: before.version, rejectionReason: before.rejectionReason },
      after: { status, version: before.version + 1, rejectionReason: reason },
      note: reason,
    });
  }
  return { ok: true, message: status === 'approved' ? `已批准 ${items.length} 条` : `已驳回 ${items.length} 条`, data: { count: items.length } };
}

const approveAction = withAction('admin', approveSchema, (input, { tx, audit, user }) =>
  review(tx, audit, input.items, 'approved', user.id, null),
);
const rejectAction = withAction('admin', rejectSchema, (input, { tx, audit, user }) =>
  review(tx, audit, input.items, 'rejected', user.id, input.reason),
);

/** Approves facts: { items: [{ id, version }] } — all or none. */
export async function approveFacts(input: unknown): Promise<ActionResult<{ count: number }>> {
  return after(await approveAction(input));
}

/** Rejects facts with a reason: { items: [{ id, version }], reason } — all or none. */
export async function rejectFacts(input: unknown): Promise<ActionResult<{ count: number }>> {
  return after(await rejectAction(input));
}

const manualAction = withAction('admin', manualFactSchema, async (input, { tx, audit, user }): Promise<ActionResult<{ id: number; duplicate?: boolean }>> => {
  const again = await tx.fact.findUnique({ where: { submissionKey: input.submissionKey }, select: { id: true } });
  if (again) return { ok: true, message: DUPLICATE_TEXT, data: { id: again.id, duplicate: true } };
  const data = await resolveFields(tx, input);
  const now = new Date();
  const row = await tx.fact.create({
    data: {
      ...data,
      status: input.status,
      source: 'manual',
      sourceNote: input.sourceNote,
      submissionKey: input.submissionKey,
      createdById: user.id,
      ...(input.status === 'approved' ? { reviewedById: user.id, reviewedAt: now } : {}),
    },
    select: FACT_AUDIT_SELECT,
  });
  await audit({ action: 'create', entityType: 'fact', entityId: row.id, after: { ...row, source: 'manual', sourceNote: input.sourceNote } });
  return { ok: true, message: input.status === 'approved' ? '已录入并批准' : '已录入为待审', data: { id: row.id } };
});

/** Manual entry of a figure no article states (sourceNote says where it comes from). */
export async function createManualFact(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number; duplicate?: boolean }>> {
  return after(await oncePerForm(input ?? prev, () => manualAction(prev, input)));
}

const articleFactAction = withAction('admin', articleFactSchema, async (input, { tx, audit, user }): Promise<ActionResult<{ id: number; duplicate?: boolean }>> => {
  const again = await tx.fact.findUnique({ where: { submissionKey: input.submissionKey }, select: { id: true } });
  if (again) return { ok: true, message: DUPLICATE_TEXT, data: { id: again.id, duplicate: true } };
  const row = await tx.article.findUnique({ where: { id: input.articleId }, select: ARTICLE_READ_SELECT });
  if (!row) return { ok: false, status: 404, message: '文章不存在' };
  const ctx = await extractContextFor(tx, { date: row.issue.date, publication: row.issue.publication.name });
  // Span, raw text and sentence are read again here: what is stored is what the article says there.
  const r = readFigureAt(articleOf(row), ctx, input.spanStart, input.spanEnd);
  if ('error' in r) throw new ActionError(400, r.error, { spanEnd: [r.error] });
  const data = await resolveFields(tx, input);
  const created = await tx.fact.create({
    data: {
      ...data,
      metricLabel: r.metric.label,
      status: input.status,
      source: 'manual',
      articleId: row.id,
      spanStart: r.span[0],
      spanEnd: r.span[1],
      rawText: r.raw,
      evidence: r.evidence,
      submissionKey: input.submissionKey,
      createdById: user.id,
      ...(input.status === 'approved' ? { reviewedById: user.id, reviewedAt: new Date() } : {}),
    },
    select: FACT_AUDIT_SELECT,
  });
  await audit({ action: 'create', entityType: 'fact', entityId: created.id, after: { ...created, source: 'manual', articleId: row.id, span: r.span, raw: r.raw, evidence: r.evidence } });
  return { ok: true, message: input.status === 'approved' ? '已录入并批准' : '已录入为待审', data: { id: created.id } };
});

/** A figure taken from a selection in the article view (articleFactSchema): stored with its span and sentence. */
export async function createArticleFact(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number; duplicate?: boolean }>> {
  return after(await oncePerForm(input ?? prev, () => articleFactAction(prev, input)));
}

const deleteAction = withAction('admin', deleteSchema, async (input, { tx, audit }): Promise<ActionResult> => {
  const before = await tx.fact.findFirst({ where: { id: input.id, deletedAt: null }, select: FACT_AUDIT_SELECT });
  if (!before) return { ok: false, status: 404, message: '数据不存在或已删除' };
  await tx.fact.update({ where: { id: input.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
  await audit({ action: 'delete', entityType: 'fact', entityId: input.id, before });
  return { ok: true, message: '已删除' };
});

/** Soft delete (deletedAt): the row and its history stay. */
export async function deleteFact(input: unknown): Promise<ActionResult> {
  return after(await deleteAction(input));
}
