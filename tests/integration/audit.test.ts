// The audit log: audit() writes inside the caller's transaction (rolled back with it), values
// are stored JSON-safe, and the page's reads filter by entity, user, action and dates, paginate
// newest first and turn before/after into a field-by-field diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { audit } from '@/lib/audit';
import { auditQuerySchema, diffValues, listAuditEntries as listAuditEntriesUnchecked, listAuditFacets as listAuditFacetsUnchecked } from '@/lib/data/audit';
import { ensureUser, forgetAppDatabase, useAppDatabase } from './support/auth-context';
import { asSystem } from '@/tests/support/system-caller';

const listAuditEntries = asSystem(listAuditEntriesUnchecked);
const listAuditFacets = asSystem(listAuditFacetsUnchecked);

describe('audit log', () => {
  let db: TestDatabase;
  let u1: number;
  let u2: number;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    useAppDatabase(db);
    u1 = await ensureUser(db.prisma, 'auditor-a', 'admin');
    u2 = await ensureUser(db.prisma, 'auditor-b', 'admin');
    // 60 entries for fact 7 by u1 on 2026-03-01, 3 for fact 8 by u2 on 2026-03-05, 1 user change.
    for (let i = 0; i < 60; i++) {
      await db.prisma.auditLog.create({
        data: { userId: u1, action: i % 2 ? 'approve' : 'update', entityType: 'fact', entityId: '7', createdAt: new Date(Date.UTC(2026, 2, 1, 8, 0, i)), before: { value: String(i) }, after: { value: String(i + 1) } },
      });
    }
    for (let i = 0; i < 3; i++) {
      await db.prisma.auditLog.create({ data: { userId: u2, action: 'reject', entityType: 'fact', entityId: '8', createdAt: new Date(Date.UTC(2026, 2, 5, 23, 59, i)) } });
    }
    await db.prisma.auditLog.create({ data: { userId: u2, action: 'deactivate', entityType: 'user', entityId: String(u1), createdAt: new Date(Date.UTC(2026, 2, 6)) } });
  }, 120_000);

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('audit() commits with the transaction and rolls back with it; BigInt and Decimal-like values become strings', async () => {
    const n = await db.prisma.auditLog.count();
    await db.prisma.$transaction(async (tx) => {
      await audit(tx, { userId: u1, action: 'update', entityType: 'metric', entityId: 5n, before: { big: 12345678901234567890n, at: new Date('2026-01-02T03:04:05Z') }, after: { big: 1n }, note: 'x' });
    });
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'metric' } });
    expect(row).toMatchObject({ entityId: '5', before: { big: '12345678901234567890', at: '2026-01-02T03:04:05.000Z' }, after: { big: '1' }, note: 'x' });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await audit(tx, { userId: u1, action: 'delete', entityType: 'metric', entityId: 6 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.prisma.auditLog.count()).toBe(n + 1);
    await db.prisma.auditLog.delete({ where: { id: row.id } });
  });

  it('filters by fact, paginates newest first (50 a page) and diffs before/after', async () => {
    const q = auditQuerySchema.parse({ entityType: 'fact', entityId: '7' });
    const p1 = await listAuditEntries(q);
    expect(p1.total).toBe(60);
    expect(p1.pageCount).toBe(2);
    expect(p1.rows).toHaveLength(50);
    expect(p1.rows[0]?.changes).toEqual([{ field: 'value', before: '59', after: '60' }]);
    expect(p1.rows[0]?.user?.username).toBe('auditor-a');
    const p2 = await listAuditEntries(auditQuerySchema.parse({ entityType: 'fact', entityId: '7', page: '2' }));
    expect(p2.rows).toHaveLength(10);
    expect(p2.rows.at(-1)?.changes).toEqual([{ field: 'value', before: '0', after: '1' }]);
    const ids = new Set([...p1.rows, ...p2.rows].map((r) => r.id));
    expect(ids.size).toBe(60);
  });

  it('filters by user, action and an inclusive date range', async () => {
    expect((await listAuditEntries(auditQuerySchema.parse({ userId: String(u2) }))).total).toBe(4);
    expect((await listAuditEntries(auditQuerySchema.parse({ action: 'approve' }))).total).toBe(30);
    expect((await listAuditEntries(auditQuerySchema.parse({ from: '2026-03-05', to: '2026-03-05' }))).total).toBe(3);
    expect((await listAuditEntries(auditQuerySchema.parse({ from: '2026-03-02' }))).total).toBe(4);
    expect((await listAuditEntries(auditQuerySchema.parse({ to: '2026-03-01', action: 'update' }))).total).toBe(30);
    const facets = await listAuditFacets();
    expect(facets.actions).toEqual(expect.arrayContaining(['approve', 'deactivate', 'reject', 'update']));
    expect(facets.entityTypes).toEqual(expect.arrayContaining(['fact', 'user']));
  });

  it('rejects malformed filters instead of querying with them', () => {
    expect(auditQuerySchema.safeParse({ from: '2026-13-45' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ userId: 'abc' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ page: '0' }).success).toBe(false);
    expect(auditQuerySchema.parse({ entityType: '', userId: '' })).toEqual({ page: 1, entityType: undefined, entityId: undefined, userId: undefined, action: undefined, from: undefined, to: undefined });
  });

  it('diffValues lists only changed fields, one level of nesting flattened', () => {
    expect(diffValues({ a: 1, b: 'x', c: { d: 1, e: 2 } }, { a: 1, b: 'y', c: { d: 1, e: 3 }, f: null, g: true })).toEqual([
      { field: 'b', before: 'x', after: 'y' },
      { field: 'c.e', before: '2', after: '3' },
      { field: 'g', before: null, after: 'true' },
    ]);
    expect(diffValues(null, { status: 'approved' })).toEqual([{ field: 'status', before: null, after: 'approved' }]);
    expect(diffValues({ status: 'draft' }, undefined)).toEqual([{ field: 'status', before: 'draft', after: null }]);
    expect(diffValues(null, null)).toEqual([]);
  });
});
