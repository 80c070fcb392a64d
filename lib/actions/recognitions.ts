'use server';
// Awards and titles (荣誉) of parks and regions, entered or corrected by admins. Audited.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { deleteSchema } from '@/lib/validations/metrics';
import { recognitionSchema } from '@/lib/validations/places';
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

const saveAction = withAction('admin', recognitionSchema, async (input, { tx, audit }): Promise<ActionResult<{ id: number }>> => {
  const data = {
    parkId: input.subjectType === 'park' ? input.parkId : null,
    regionId: input.subjectType === 'region' ? input.regionId : null,
    year: input.year,
    title: input.title,
    level: input.level,
    articleId: input.articleId,
  };
  if (data.parkId !== null && !(await tx.park.findFirst({ where: { id: data.parkId, deletedAt: null }, select: { id: true } }))) {
    return { ok: false, status: 400, message: '输入有误', fieldErrors: { parkId: ['园区不存在'] } };
  }
  if (data.regionId !== null && !(await tx.region.findFirst({ where: { id: data.regionId, deletedAt: null }, select: { id: true } }))) {
    return { ok: false, status: 400, message: '输入有误', fieldErrors: { regionId: ['区县不存在'] } };
  }
  if (data.articleId !== null && !(await tx.article.findUnique({ where: { id: data.articleId }, select: { id: true } }))) {
    return { ok: false, status: 400, message: '输入有误', fieldErrors: { articleId: ['文章不存在'] } };
  }
  if (!input.id) {
    const row = await tx.recognition.create({ data: { ...data, status: 'approved' } });
    await audit({ action: 'create', entityType: 'recognition', entityId: row.id, after: row });
    return { ok: true, message: '已添加荣誉', data: { id: row.id } };
  }
  const before = await tx.recognition.findFirst({ where: { id: input.id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '记录不存在或已删除' };
  const row = await tx.recognition.update({ where: { id: input.id }, data });
  await audit({ action: 'update', entityType: 'recognition', entityId: row.id, before, after: row });
  return { ok: true, message: '已保存', data: { id: row.id } };
});

export async function saveRecognition(prev: unknown, input?: unknown): Promise<ActionResult<{ id: number }>> {
  const r = await saveAction(prev, input);
  if (r.ok) refresh();
  return r;
}

const deleteAction = withAction('admin', deleteSchema, async ({ id }, { tx, audit }): Promise<ActionResult> => {
  const before = await tx.recognition.findFirst({ where: { id, deletedAt: null } });
  if (!before) return { ok: false, status: 404, message: '记录不存在或已删除' };
  await tx.recognition.update({ where: { id }, data: { deletedAt: new Date() } });
  await audit({ action: 'delete', entityType: 'recognition', entityId: id, before });
  return { ok: true, message: '已删除' };
});

export async function deleteRecognition(input: unknown): Promise<ActionResult> {
  const r = await deleteAction(input);
  if (r.ok) refresh();
  return r;
}
