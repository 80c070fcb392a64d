// User administration through the real server actions: create (duplicate and invalid input
// refused with field errors), role change, password reset, (de)activation, optimistic locking
// between two admins, the last-active-admin guard, and an audit row for each change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, ensureUser, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { createUser, changeUserRole, resetUserPassword, setUserActive } = await import('@/lib/actions/users');
const { getCurrentUser } = await import('@/lib/auth');
const { verifyPassword } = await import('@/lib/auth/password');

describe.each(availableBackends())('user administration (%s)', (backend) => {
  let db: TestDatabase;
  let adminId: number;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    useAppDatabase(db);
    adminId = await ensureUser(db.prisma, 'boss', 'admin');
  }, 120_000);

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  async function asAdmin(): Promise<void> {
    resetRequest();
    await actAs(db.prisma, { username: 'boss', role: 'admin' });
  }

  async function version(username: string): Promise<number> {
    return (await db.prisma.user.findUniqueOrThrow({ where: { username }, select: { version: true } })).version;
  }

  it('creates a user (username normalised, argon2id hash, audited without the password)', async () => {
    await asAdmin();
    const fd = new FormData();
    fd.append('username', '  Zhang.San ');
    fd.append('displayName', '张三');
    fd.append('role', 'analyst');
    fd.append('password', 'first-password-1');
    const r = await createUser(null, fd);
    expect(r).toMatchObject({ ok: true });
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username: 'zhang.san' } });
    expect(u).toMatchObject({ displayName: '张三', role: 'analyst', active: true, version: 1 });
    expect(await verifyPassword(u.passwordHash, 'first-password-1')).toBe(true);
    const a = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'create', entityType: 'user', entityId: String(u.id) } });
    expect(a.userId).toBe(adminId);
    expect(a.after).toEqual({ username: 'zhang.san', displayName: '张三', role: 'analyst', active: true });
    expect(JSON.stringify(a)).not.toContain('first-password-1');
  });

  it('refuses duplicates and bad input with field errors, writing nothing', async () => {
    await asAdmin();
    const users = await db.prisma.user.count();
    const audits = await db.prisma.auditLog.count();
    const dup = await createUser({ username: 'ZHANG.SAN', displayName: 'x', role: 'viewer', password: 'another-pass-1' });
    expect(dup).toMatchObject({ ok: false, status: 409, fieldErrors: { username: ['用户名已存在'] } });
    const bad = await createUser({ username: 'a b', displayName: '', role: 'root', password: 'short' });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    const fe = (bad as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fe).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    expect(await db.prisma.user.count()).toBe(users);
    expect(await db.prisma.auditLog.count()).toBe(audits);
  });

  it('changes a role with the current version; a stale version is refused and the first change kept', async () => {
    await asAdmin();
    const id = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'zhang.san' } })).id;
    const v = await version('zhang.san');
    // Two admins loaded the same row (same version); the first saves "viewer", the second "admin".
    expect(await changeUserRole({ id, version: v, role: 'viewer' })).toMatchObject({ ok: true });
    const second = await changeUserRole({ id, version: v, role: 'admin' });
    expect(second).toMatchObject({ ok: false, status: 409 });
    const u = await db.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(u.role).toBe('viewer');
    expect(u.version).toBe(v + 1);
    const a = await db.prisma.auditLog.findMany({ where: { action: 'update', entityType: 'user', entityId: String(id) } });
    expect(a.map((x) => [x.before, x.after])).toEqual([[{ role: 'analyst' }, { role: 'viewer' }]]);
  });

  it('resets a password: the old one stops working and open sessions end', async () => {
    const id = await ensureUser(db.prisma, 'li.si', 'viewer', 'old-password-1');
    resetRequest();
    await actAs(db.prisma, { username: 'li.si', role: 'viewer' });
    expect(await getCurrentUser()).toMatchObject({ username: 'li.si' });
    await asAdmin();
    const r = await resetUserPassword({ id, version: await version('li.si'), password: 'new-password-2' });
    expect(r).toMatchObject({ ok: true });
    const u = await db.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword(u.passwordHash, 'new-password-2')).toBe(true);
    expect(await verifyPassword(u.passwordHash, 'old-password-1')).toBe(false);
    expect(await db.prisma.session.count({ where: { userId: id } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'reset_password', entityId: String(id) } })).toBe(1);
  });

  it('deactivates (sessions end) and reactivates, audited both ways', async () => {
    const id = await ensureUser(db.prisma, 'wang.wu', 'analyst');
    resetRequest();
    await actAs(db.prisma, { username: 'wang.wu', role: 'analyst' });
    await asAdmin();
    expect(await setUserActive({ id, version: await version('wang.wu'), active: 'false' })).toMatchObject({ ok: true });
    expect(await db.prisma.session.count({ where: { userId: id } })).toBe(0);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect(await setUserActive({ id, version: await version('wang.wu'), active: true })).toMatchObject({ ok: true });
    const actions = await db.prisma.auditLog.findMany({ where: { entityId: String(id), action: { in: ['deactivate', 'reactivate'] } }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['deactivate', 'reactivate']);
    expect(actions[0]?.before).toEqual({ active: true });
    expect(actions[0]?.after).toEqual({ active: false });
  });

  it('never leaves the system without an active admin', async () => {
    await asAdmin();
    const before = await version('boss');
    expect(await setUserActive({ id: adminId, version: before, active: false })).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('管理员') });
    expect(await changeUserRole({ id: adminId, version: before, role: 'viewer' })).toMatchObject({ ok: false, status: 409 });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ role: 'admin', active: true, version: before });
    // With a second active admin, the first may step down.
    const other = await ensureUser(db.prisma, 'deputy', 'admin');
    expect(await changeUserRole({ id: adminId, version: before, role: 'analyst' })).toMatchObject({ ok: true });
    resetRequest();
    await actAs(db.prisma, { username: 'deputy', role: 'admin' });
    expect(await setUserActive({ id: other, version: await version('deputy'), active: false })).toMatchObject({ ok: false, status: 409 });
  });

  it('answers 404 for a user that does not exist', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'deputy', role: 'admin' });
    expect(await changeUserRole({ id: 999_999, version: 1, role: 'viewer' })).toMatchObject({ ok: false, status: 404 });
  });
});
