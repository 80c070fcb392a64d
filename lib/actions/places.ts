'use server';
// Parks and regions (the extractor's gazetteer): create, edit (version-checked), soft delete.
// Aliases matter: ingest resolves names in articles through them.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { CONFLICT_TEXT } from '@/lib/validations/facts';
import { deleteSchema } from '@/lib/validations/metrics';
import { parkSchema, regionSchema } from '@/lib/validations/places';
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

const saveParkAction = withAction('admin', parkSchema, async (input, { tx, audit }): Promise<ActionResult<{ id: number }>> => {
  const { id, version, ...fields } = input;
  const region = await tx.region.findFirst({ where: { id: fields.regionId, deletedAt: null }, select: { id: true } });
  if (!region) return { ok: false, status: 400, message: '输入有误', fieldErrors: { regionId: ['区县不存在'] } };
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
