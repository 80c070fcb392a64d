// A park's parent (sub-parks, 产业园, 众创城) against a real database: the seed links the data
// file's sub-parks to their parks; only an admin sets or clears a parent, through savePark; a
// park as its own parent or under one of its own sub-parks is refused with a message on the
// field and nothing written; every change is audited and the log names the parks; a park with
// sub-parks is not deleted from under them; a sub-park an admin adds reaches the extractor at
// import, and its figures are stored on it, its park known.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import gazetteer from '@/prisma/seed/gazetteer.json';
import type { GazetteerFile } from '@/lib/extract/gazetteer';
import { ingestIssue, previewIssue } from '@/lib/ingest/ingest';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const places = await import('@/lib/actions/places');
const { listAuditEntries } = await import('@/lib/data/audit');
const { listPlaces } = await import('@/lib/data/catalog');
const GAZ = gazetteer as unknown as GazetteerFile;

describe.each(availableBackends())('park parents (%s)', (backend) => {
  let db: TestDatabase;
  const park = (name: string) => db.prisma.park.findUniqueOrThrow({ where: { name } });
  const auditRows = (entityId: number) => db.prisma.auditLog.findMany({ where: { entityType: 'park', entityId: String(entityId) }, orderBy: { id: 'asc' } });
  const input = (p: { id: number; version: number; name: string; level: string; regionId: number }, parentId: number | '' | undefined) => ({
    id: p.id, version: p.version, name: p.name, level: p.level, regionId: p.regionId, ...(parentId === undefined ? {} : { parentId }),
  });

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
  }, 180_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('the seed loads every sub-park of the data file as a park linked to its park', async () => {
    for (const sp of GAZ.subparks ?? []) {
      const row = await db.prisma.park.findUniqueOrThrow({ where: { name: sp.name }, include: { parent: true } });
      expect(row.parent?.name, sp.name).toBe(sp.parent);
      expect(row.regionId, sp.name).toBe(row.parent?.regionId);
    }
    const top = await db.prisma.park.count({ where: { parentId: null } });
    expect(top).toBe(GAZ.parks.length);
  });

  it('anonymous, viewer and analyst callers are refused and nothing changes', async () => {
    const child = await park('湘潭柏屹自主创新产业园');
    const other = await park('湘潭高新区');
    const before = await db.prisma.auditLog.count();
    for (const who of [null, { username: 'pp-viewer', role: 'viewer' as const }, { username: 'pp-analyst', role: 'analyst' as const }]) {
      await actAs(db.prisma, who);
      const r = await places.savePark(null, input(child, other.id));
      expect(r, JSON.stringify(who)).toMatchObject({ ok: false, status: who ? 403 : 401 });
    }
    expect((await park(child.name)).parentId).toBe(child.parentId);
    expect(await db.prisma.auditLog.count()).toBe(before);
  });

  it('an admin creates a sub-park under a park, moves it, clears it; each step audited', async () => {
    await actAs(db.prisma, { username: 'pp-admin', role: 'admin' });
    const jk = await park('湘潭经开区');
    const gx = await park('湘潭高新区');
    const made = await places.savePark(null, { name: '湘潭测试众创城', aliases: '测试众创城', level: 'municipal', regionId: jk.regionId, parentId: String(jk.id) });
    if (!made.ok || !made.data) throw new Error(JSON.stringify(made));
    let row = await db.prisma.park.findUniqueOrThrow({ where: { id: made.data.id } });
    expect(row.parentId).toBe(jk.id);

    // A form without the field (an older client) leaves the parent alone.
    expect((await places.savePark(null, { ...input(row, undefined), aliases: '测试众创城' })).ok).toBe(true);
    row = await db.prisma.park.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.parentId).toBe(jk.id);

    expect((await places.savePark(null, { ...input(row, gx.id), aliases: '测试众创城' })).ok).toBe(true);
    row = await db.prisma.park.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.parentId).toBe(gx.id);
    expect((await listPlaces()).parks.find((p) => p.id === gx.id)?.subparks.map((s) => s.name)).toContain('湘潭测试众创城');

    expect((await places.savePark(null, { ...input(row, ''), aliases: '测试众创城' })).ok).toBe(true);
    row = await db.prisma.park.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.parentId).toBeNull();

    const log = await auditRows(row.id);
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'update', 'update']);
    expect((log[0]?.after as { parentId: number }).parentId).toBe(jk.id);
    expect([(log[2]?.before as { parentId: number }).parentId, (log[2]?.after as { parentId: number }).parentId]).toEqual([jk.id, gx.id]);
    // The audit log reads a park's parent as a park, by name.
    const page = await listAuditEntries({ page: 1, entityType: 'park', entityId: String(row.id), action: 'update' });
    const moved = page.rows.flatMap((r) => r.changes).find((c) => c.field === 'parentId' && c.after?.startsWith('湘潭高新区'));
    expect(moved?.before).toBe(`湘潭经开区（#${jk.id}）`);
  });

  it('refuses a park as its own parent and a cycle, with a message on the field; nothing written', async () => {
    const jk = await park('湘潭经开区');
    const self = await places.savePark(null, input(jk, jk.id));
    expect(self).toMatchObject({ ok: false, status: 400, fieldErrors: { parentId: ['园区不能是自己的上级园区'] } });

    // 湘潭经开区 → 湖南高端汽车零部件产业园 → (a new) 测试孵化园: 湘潭经开区 may not go under either.
    const auto = await park('湖南高端汽车零部件产业园');
    expect(auto.parentId).toBe(jk.id);
    const inner = await places.savePark(null, { name: '测试孵化园', level: 'municipal', regionId: jk.regionId, parentId: auto.id });
    if (!inner.ok || !inner.data) throw new Error(JSON.stringify(inner));
    const before = await db.prisma.auditLog.count();
    for (const parentId of [auto.id, inner.data.id]) {
      const r = await places.savePark(null, input(jk, parentId));
      expect(r).toMatchObject({ ok: false, status: 400 });
      if (!r.ok) expect(r.fieldErrors?.parentId?.[0]).toMatch(/属于本园区（会形成循环）/);
    }
    const after = await park('湘潭经开区');
    expect([after.parentId, after.version]).toEqual([null, jk.version]);
    expect(await db.prisma.auditLog.count()).toBe(before);

    const gone = await places.savePark(null, input(jk, 99_999_999));
    expect(gone).toMatchObject({ ok: false, fieldErrors: { parentId: ['上级园区不存在或已删除'] } });
  });

  it('a park with sub-parks is not deleted from under them', async () => {
    const auto = await park('湖南高端汽车零部件产业园');
    const r = await places.deletePark({ id: auto.id });
    expect(r).toMatchObject({ ok: false, status: 409 });
    if (!r.ok) expect(r.message).toMatch(/测试孵化园/);
    expect((await park(auto.name)).deletedAt).toBeNull();
  });

  it('a sub-park added by an admin is found at import; its figure is stored on it, its park known', async () => {
    const gx = await park('湘潭高新区');
    const made = await places.savePark(null, { name: '湘潭测试软件园', aliases: '测试软件园', level: 'municipal', regionId: gx.regionId, parentId: gx.id });
    if (!made.ok || !made.data) throw new Error(JSON.stringify(made));
    const text = '园区动态\n本报讯 今年以来，测试软件园新增入园企业7家，湘潭高新区新增规上企业15家。';
    const preview = await previewIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报' });
    expect(preview.facts.map((f) => [f.raw, f.subject?.name])).toEqual([['7家', '湘潭测试软件园'], ['15家', '湘潭高新区']]);
    const done = await ingestIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报', today: '2024-05-11' });
    expect(done.facts).toBe(2);
    const fact = await db.prisma.fact.findFirstOrThrow({ where: { rawText: '7家' }, include: { park: { include: { parent: true } } } });
    expect([fact.park?.name, fact.park?.parent?.name]).toEqual(['湘潭测试软件园', '湘潭高新区']);
  });
});
