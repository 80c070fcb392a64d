'use server';
// Analysts' saved explorer views: save (or replace) the current view under a name, delete one,
// make one the start page. Each action checks the session and role (analyst+) and touches only
// the caller's own rows: another user's view id answers 404, as if it did not exist.
import { revalidatePath } from 'next/cache';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseExplorerState } from '@/lib/queries/facts';
import { pageSearch, parseLayout } from '@/lib/queries/explorer';
import {
  saveViewSchema,
  savedViewIdSchema,
  setStartViewSchema,
} from '@/lib/validations/saved-views';
import { ActionError, fail, withAction } from './result';

/** Only what the explorer understands is kept (a hand-made query cannot store anything else). */
function cleanQuery(query: string): string {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  return pageSearch({ ...parseExplorerState(params), cursor: undefined }, parseLayout(params));
}

export const saveView = withAction(
  'analyst',
  saveViewSchema,
  async (input, { tx, user, audit }) => {
    const query = cleanQuery(input.query);
    const existing = await tx.savedView.findUnique({
      where: { userId_name: { userId: user.id, name: input.name } },
      select: { id: true },
    });
    if (existing && !input.replace)
      return fail(409, '已有同名视图，请换一个名称或选择覆盖', { name: ['已有同名视图'] });
    const view = existing
      ? await tx.savedView.update({
          where: { id: existing.id },
          data: { query, version: { increment: 1 } },
          select: { id: true },
        })
      : await tx.savedView.create({
          data: { userId: user.id, name: input.name, query },
          select: { id: true },
        });
    await audit({
      action: existing ? 'update' : 'create',
      entityType: 'saved_view',
      entityId: view.id,
      after: { name: input.name, query },
    });
    revalidatePath('/explorer');
    return { ok: true, data: { id: view.id, query }, message: `已保存视图“${input.name}”` };
  },
);

async function ownView(tx: Prisma.TransactionClient, userId: number, id: number) {
  const view = await tx.savedView.findFirst({
    where: { id, userId },
    select: { id: true, name: true, isStart: true },
  });
  if (!view) throw new ActionError(404, '视图不存在');
  return view;
}

export const deleteView = withAction(
  'analyst',
  savedViewIdSchema,
  async (input, { tx, user, audit }) => {
    const view = await ownView(tx, user.id, input.id);
    await tx.savedView.delete({ where: { id: view.id } });
    await audit({
      action: 'delete',
      entityType: 'saved_view',
      entityId: view.id,
      before: { name: view.name },
    });
    revalidatePath('/explorer');
    return { ok: true, message: `已删除视图“${view.name}”` };
  },
);

export const setStartView = withAction(
  'analyst',
  setStartViewSchema,
  async (input, { tx, user, audit }) => {
    const view = await ownView(tx, user.id, input.id);
    await tx.savedView.updateMany({
      where: { userId: user.id, isStart: true, NOT: { id: view.id } },
      data: { isStart: false },
    });
    await tx.savedView.update({ where: { id: view.id }, data: { isStart: input.start } });
    await audit({
      action: 'update',
      entityType: 'saved_view',
      entityId: view.id,
      before: { isStart: view.isStart },
      after: { isStart: input.start },
    });
    revalidatePath('/explorer');
    return { ok: true, message: input.start ? `“${view.name}”已设为起始页` : `已取消起始页` };
  },
);
