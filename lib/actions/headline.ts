'use server';
// Saves the headline figures of a dashboard: the admin's ordered choice replaces the dashboard's
// rows in one transaction with its audit record; an empty choice goes back to the default.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import { headlineSchema } from '@/lib/validations/headline';
import { withAction, type ActionResult } from './result';

const saveAction = withAction('admin', headlineSchema, async ({ dashboard, metricIds }, { tx, audit, user }): Promise<ActionResult> => {
  if (metricIds.length > 0) {
    const live = await tx.metric.findMany({ where: { id: { in: metricIds }, deletedAt: null, mergedIntoId: null }, select: { id: true } });
    const missing = metricIds.filter((id) => !live.some((m) => m.id === id));
    if (missing.length > 0) return { ok: false, status: 400, message: '输入有误', fieldErrors: { metricIds: [`指标不存在或已合并：${missing.join('、')}`] } };
  }
  const before = await tx.dashboardHeadline.findMany({ where: { dashboard }, orderBy: { position: 'asc' }, select: { metricId: true } });
  await tx.dashboardHeadline.deleteMany({ where: { dashboard } });
  if (metricIds.length > 0) {
    await tx.dashboardHeadline.createMany({ data: metricIds.map((metricId, position) => ({ dashboard, metricId, position, createdById: user.id })) });
  }
  await audit({
    action: 'update',
    entityType: 'dashboard_headline',
    entityId: dashboard,
    before: { metricIds: before.map((r) => r.metricId) },
    after: { metricIds },
    note: metricIds.length === 0 ? '恢复默认主要指标' : `主要指标 ${metricIds.length} 个`,
  });
  return { ok: true, message: metricIds.length === 0 ? '已恢复默认' : '已保存' };
});

export async function saveHeadline(prev: unknown, input?: unknown): Promise<ActionResult> {
  const r = await saveAction(prev, input);
  if (r.ok) {
    invalidateCache('overview:');
    try {
      revalidatePath('/', 'layout');
    } catch {
      /* outside a request */
    }
  }
  return r;
}
