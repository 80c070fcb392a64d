'use server';
// Parks and regions (the extractor's gazetteer): create, edit (version-checked), soft delete.
// Aliases matter: ingest resolves names in articles through them.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { CONFLICT_TEXT } from '@/lib/validations/facts';
import { deleteSchema } from '@/lib/validations/metrics';
import { parkSchema, regionSchema } from '@/lib/validations/places';
import type { Prisma } from '@/lib/generated/prisma/client';
import { withAction, type ActionResult } from './result';

function refresh(): void {
  invalidateCache('overview:');
  try {
    revalidatePath('/admin', 'layout');
    revalidatePath('/', 'layout');
  } catch {
    /* outside a request */
  }
}

/**
 * Why a park may not have this parent, or null: not itself, not a deleted park, and not one of its
 * own sub-parks at any depth (a cycle would leave the extractor and the park pages without a top).
 */
async function parentProblem(tx: Prisma.TransactionClient, id: number | null | undefined, parentId: number): Promise<string | null> {
  if (id && parentId === id) return '园区不能是自己的上级园区';
  const parent = await tx.park.findFirst({ where: { id: parentId, deletedAt: null }, select: { id: true } });
  if (!parent) return '上级园区不存在或已删除';
  if (!id) return null;
  // Walk up from the chosen parent; meeting the park itself means the parent is below it.
  const seen = new Set<number>();
  let at: number | null = parentId;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const row: { name: string; parentId: number | null } | null = await tx.park.findUnique({ where: { id: at }, select: { name: true, parentId: true } });
    if (!row) break;
    if (row.parentId === id) return `不能设为上级：${row.name}属于本园区（会形成循环）`;
    at = row.parentId;
  }
  return null;
}

const saveParkAction = withAction('admin', parkSchema, async (input, { tx, audit }): Promise<ActionResult<{ id: number }>> => {
  const { id, version, ...fields } = input;
  const region = await tx.region.findFirst({ where: { id: fields.regionId, deletedAt: null }, select: { id: true } });
  if (!region) return { ok: false, status: 400, message: '输入有误', fieldErrors: { regionId: ['区县不存在'] } };
  if (fields.parentId != null) {
    const problem = await parentProblem(tx, id, fields.parentId);
    if (problem) return { ok: false, status: 400, message: problem, fieldErrors: { parentId: [problem] } };
  }
  const clash = await tx.park.findFirst({ where: { name: fields.name, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
  if (clash) return { ok: false, status: 400, message: '输入有误', fieldErrors: { name: ['同名园区已存在'] } };
  if (!id) {
    const row = await tx.park.create({ data: fields });
    await audit({ action: 'create', entityType: 'park', entityId: row.id, after: row });
    return { ok: true, message: '已创建园区', data: { id: row.id } };
  }
  const before = await tx.park.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '园区不存在或已删除' };
  const { count } = await tx.park.updateMany({ where: { id, version: version ?? before.version, deletedAt: null }, data: { ...fields, version: { increment: 1 } } });
  if (count === 0) return { ok: false, status: 409, message: CONFLICT_TEXT };
  const afterRow = await tx.park.findUniqueOrThrow({ where: { id } });
  await audit({ action: 'update', entityType: 'park', entityId: id, before, after: afterRow });
  return { ok: true, message: '已保存', data: { id } };
});

export async function savePark(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number }>> {
  const r = await saveParkAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const saveRegionAction = withAction('admin', regionSchema, async (input, { tx, audit }): Promise<ActionResult<{ id: number }>> => {
  const { id, version, ...fields } = input;
  if (fields.parentId !== null) {
    if (id && fields.parentId === id) return { ok: false, status: 400, message: '输入有误', fieldErrors: { parentId: ['上级不能是自身'] } };
    const parent = await tx.region.findFirst({ where: { id: fields.parentId, deletedAt: null }, select: { id: true } });
    if (!parent) return { ok: false, status: 400, message: '输入有误', fieldErrors: { parentId: ['上级区划不存在'] } };
  }
  const clash = await tx.region.findFirst({ where: { code: fields.code, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
  if (clash) return { ok: false, status: 400, message: '输入有误', fieldErrors: { code: ['该区划代码已存在'] } };
  if (!id) {
    const row = await tx.region.create({ data: fields });
    await audit({ action: 'create', entityType: 'region', entityId: row.id, after: row });
    return { ok: true, message: '已创建区划', data: { id: row.id } };
  }
  const before = await tx.region.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '区划不存在或已删除' };
  const { count } = await tx.region.updateMany({ where: { id, version: version ?? before.version, deletedAt: null }, data: { ...fields, version: { increment: 1 } } });
  if (count === 0) return { ok: false, status: 409, message: CONFLICT_TEXT };
  const afterRow = await tx.region.findUniqueOrThrow({ where: { id } });
  await audit({ action: 'update', entityType: 'region', entityId: id, before, after: afterRow });
  return { ok: true, message: '已保存', data: { id } };
});

export async function saveRegion(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number }>> {
  const r = await saveRegionAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const deleteParkAction = withAction('admin', deleteSchema, async ({ id }, { tx, audit }): Promise<ActionResult> => {
  const before = await tx.park.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '园区不存在或已删除' };
  // Its sub-parks would be left under a park nobody sees: move or delete them first.
  const subparks = await tx.park.findMany({ where: { parentId: id, deletedAt: null }, select: { name: true }, take: 5 });
  if (subparks.length) return { ok: false, status: 409, message: `该园区下还有子园区（${subparks.map((p) => p.name).join('、')}），请先改设其上级园区或删除` };
  await tx.park.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
  await audit({ action: 'delete', entityType: 'park', entityId: id, before });
  return { ok: true, message: '已删除园区（可在数据库中恢复）' };
});
export async function deletePark(input: unknown): Promise<ActionResult> {
  const r = await deleteParkAction(input);
  if (r.ok) refresh();
  return r;
}

const deleteRegionAction = withAction('admin', deleteSchema, async ({ id }, { tx, audit }): Promise<ActionResult> => {
  const before = await tx.region.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '区划不存在或已删除' };
  const [parks, children] = await Promise.all([
    tx.park.count({ where: { regionId: id, deletedAt: null } }),
    tx.region.count({ where: { parentId: id, deletedAt: null } }),
  ]);
  if (parks || children) return { ok: false, status: 409, message: `该区划下还有 ${parks} 个园区、${children} 个下级区划` };
  await tx.region.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
  await audit({ action: 'delete', entityType: 'region', entityId: id, before });
  return { ok: true, message: '已删除区划' };
});
export async function deleteRegion(input: unknown): Promise<ActionResult> {
  const r = await deleteRegionAction(input);
  if (r.ok) refresh();
  return r;
}
