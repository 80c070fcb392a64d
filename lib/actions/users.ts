'use server';
// User administration (admins only): create, change role, reset password, deactivate and
// reactivate. Every change checks the row's version (two admins editing the same user: the
// second save is refused), keeps at least one active admin, and is audited.
import { revalidatePath } from 'next/cache';
import { hashPassword } from '@/lib/auth/password';
import { invalidateUserSessions } from '@/lib/auth/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from '@/lib/validations/users';
import { ActionError, CONFLICT_MESSAGE, fail, withAction } from './result';

const USER_FIELDS = { id: true, username: true, displayName: true, role: true, active: true, version: true } as const;
type Tx = Prisma.TransactionClient;

async function loadForUpdate(tx: Tx, id: number, version: number) {
  const user = await tx.user.findUnique({ where: { id }, select: USER_FIELDS });
  if (!user) throw new ActionError(404, '用户不存在');
  if (user.version !== version) throw new ActionError(409, CONFLICT_MESSAGE);
  return user;
}

/** Writes with the version in the WHERE clause, so a concurrent change in between is caught too. */
async function updateVersioned(tx: Tx, id: number, version: number, data: Prisma.UserUpdateManyMutationInput): Promise<void> {
  const r = await tx.user.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (r.count !== 1) throw new ActionError(409, CONFLICT_MESSAGE);
}

/** Refuses a change that would leave no active admin. Locks the admin rows so two demotions cannot race. */
async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM app_user WHERE role = 'admin' AND active = true FOR UPDATE`;
  if (!rows.some((r) => Number(r.id) !== exceptUserId)) {
    throw new ActionError(409, '至少需要保留一名启用的管理员，此操作被拒绝');
  }
}

export const createUser = withAction('admin', createUserSchema, async (input, { tx, audit }) => {
  const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (taken) return fail(409, '用户名已存在', { username: ['用户名已存在'] });
  const user = await tx.user.create({
    data: { username: input.username, displayName: input.displayName, role: input.role, passwordHash: await hashPassword(input.password) },
    select: USER_FIELDS,
  });
  await audit({ action: 'create', entityType: 'user', entityId: user.id, after: { username: user.username, displayName: user.displayName, role: user.role, active: user.active } });
  revalidatePath('/admin/users');
  return { ok: true, data: { id: user.id }, message: `已创建用户 ${user.username}` };
});

export const changeUserRole = withAction('admin', changeRoleSchema, async (input, { tx, audit }) => {
  const before = await loadForUpdate(tx, input.id, input.version);
  if (before.role === input.role) return { ok: true, message: '角色未变化' };
  if (before.role === 'admin' && before.active) await assertAnotherActiveAdmin(tx, before.id);
  await updateVersioned(tx, input.id, input.version, { role: input.role });
  await audit({ action: 'update', entityType: 'user', entityId: before.id, before: { role: before.role }, after: { role: input.role }, note: before.username });
  revalidatePath('/admin/users');
  return { ok: true, message: `${before.username} 的角色已改为 ${input.role}` };
});

export const resetUserPassword = withAction('admin', resetPasswordSchema, async (input, { tx, audit }) => {
  const before = await loadForUpdate(tx, input.id, input.version);
  await updateVersioned(tx, input.id, input.version, { passwordHash: await hashPassword(input.password) });
  // Whoever knew the old password is signed out everywhere.
  const ended = await invalidateUserSessions(tx, before.id);
  await audit({ action: 'reset_password', entityType: 'user', entityId: before.id, note: `${before.username}; ${ended} session(s) ended` });
  revalidatePath('/admin/users');
  return { ok: true, message: `已重置 ${before.username} 的密码` };
});

export const setUserActive = withAction('admin', setActiveSchema, async (input, { tx, audit }) => {
  const before = await loadForUpdate(tx, input.id, input.version);
  if (before.active === input.active) return { ok: true, message: '状态未变化' };
  if (!input.active && before.role === 'admin') await assertAnotherActiveAdmin(tx, before.id);
  await updateVersioned(tx, input.id, input.version, { active: input.active });
  const ended = input.active ? 0 : await invalidateUserSessions(tx, before.id);
  await audit({
    action: input.active ? 'reactivate' : 'deactivate',
    entityType: 'user',
    entityId: before.id,
    before: { active: before.active },
    after: { active: input.active },
    note: input.active ? before.username : `${before.username}; ${ended} session(s) ended`,
  });
  revalidatePath('/admin/users');
  return { ok: true, message: input.active ? `已启用 ${before.username}` : `已停用 ${before.username}` };
});
