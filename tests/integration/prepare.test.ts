// Preparing a database for a CLI run: the full pass (migrations, reference data) once, then one
// query while the database's fingerprint matches this checkout's migrations and reference data;
// any change to either (a new migration, an edited gazetteer or catalogue) brings the full pass back.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '@/lib/db/migrate';
import { PREPARED_KEY, prepareDatabase, preparationFingerprint, storedFingerprint } from '@/lib/db/prepare';
import { referenceData, type ReferenceData } from '@/lib/seed/reference';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';

/** The checkout's reference data with one more park (in 湘潭市) and one more metric. */
function withExtraRows(): ReferenceData {
  const data = referenceData();
  return {
    ...data,
    parks: [...data.parks, { name: '测试新园区', official: null, en: null, type: null, level: 'provincial', home: '430300', aliases: ['新园'] }],
    metrics: [
      ...data.metrics,
      {
        key: 'test_new_metric', nameZh: '测试指标', nameEn: 'Test metric', unit: 'org', valueType: 'count', aggregation: 'sum',
        direction: 'higher_better', nature: 'level', category: 'other', description: '测试', keywords: ['测试指标'],
      },
    ],
  };
}

describe.each(availableBackends())('prepareDatabase (%s)', (backend) => {
  let db: TestDatabase;
  const dirs: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(backend, { migrate: false });
  });
  afterAll(async () => {
    await db?.destroy();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('prepares an empty database in full and stores its fingerprint', async () => {
    expect(await storedFingerprint(db)).toBeNull();
    const r = await prepareDatabase(db);
    expect(r.current).toBe(false);
    expect(r.migrations.applied).toEqual(readMigrations().map((m) => m.name));
    expect(r.seed.created).toBeGreaterThan(300);
    expect(await storedFingerprint(db)).toBe(preparationFingerprint(readMigrations(), referenceData()));
    // Rows get their ids in the gazetteer's and the catalogue's order, as when they were seeded
    // one by one (park 1 is the gazetteer's first park, whatever order a join returns).
    const data = referenceData();
    const inOrder = async (table: 'park' | 'metric' | 'region', col: string) =>
      (await db.sql.query<{ v: string }>(`SELECT ${col} AS v FROM ${table} ORDER BY id`)).map((r) => r.v);
    expect(await inOrder('park', 'name')).toEqual([...data.parks.map((p) => p.name), ...data.subparks.map((p) => p.name)]);
    expect(await inOrder('metric', 'key')).toEqual(data.metrics.map((m) => m.key));
    expect((await inOrder('region', 'code'))[0]).toBe(data.regions.find((r) => r.level === 'province')?.code);
  });

  it('skips migrations and reference data while the fingerprint matches', async () => {
    // A row the seed would put back: left alone, which shows the reference pass did not run.
    await db.sql.query(`DELETE FROM scorecard_metric WHERE id = (SELECT min(id) FROM scorecard_metric)`);
    const before = await db.prisma.scorecardMetric.count();
    const r = await prepareDatabase(db);
    expect(r.current).toBe(true);
    expect(r.migrations).toEqual({ applied: [], alreadyApplied: readMigrations().length });
    expect(r.seed.created).toBe(0);
    expect(await db.prisma.scorecardMetric.count()).toBe(before);
  });

  it('runs in full when asked to (npm run db:migrate), and finds nothing to add', async () => {
    const r = await prepareDatabase(db, { full: true });
    expect(r.current).toBe(false);
    expect(r.migrations.applied).toEqual([]);
    // The scorecard was edited (a row removed above, no audit): defaults are not re-assigned.
    expect(r.seed.created).toBe(0);
  });

  it('seeds again when the reference data changes, and skips once more afterwards', async () => {
    const changed = withExtraRows();
    const r = await prepareDatabase(db, { reference: changed });
    expect(r.current).toBe(false);
    expect(r.seed.created).toBe(2);
    const park = await db.prisma.park.findUniqueOrThrow({ where: { name: '测试新园区' }, include: { region: true } });
    expect([park.region.code, park.aliases, park.level]).toEqual(['430300', ['新园'], 'provincial']);
    expect(await db.prisma.metric.findUnique({ where: { key: 'test_new_metric' }, select: { nature: true } })).toEqual({ nature: 'level' });
    expect((await prepareDatabase(db, { reference: changed })).current).toBe(true);
    // Back to the checkout's data: a different fingerprint, a full pass (rows are never removed).
    const back = await prepareDatabase(db);
    expect([back.current, back.seed.created]).toEqual([false, 0]);
    expect((await prepareDatabase(db)).current).toBe(true);
  });

  it('migrates again when a migration is added', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xt-migrations-'));
    dirs.push(dir);
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    mkdirSync(path.join(dir, '99991231000000_test_table'));
    writeFileSync(path.join(dir, '99991231000000_test_table', 'migration.sql'), 'CREATE TABLE prepare_test (id INTEGER PRIMARY KEY);');
    const r = await prepareDatabase(db, { migrationsDir: dir });
    expect([r.current, r.migrations.applied]).toEqual([false, ['99991231000000_test_table']]);
    expect(await db.sql.query('SELECT * FROM prepare_test')).toEqual([]);
    expect((await prepareDatabase(db, { migrationsDir: dir })).current).toBe(true);
  });

  it('a failed preparation keeps the old fingerprint, so the next run tries again', async () => {
    const stored = await storedFingerprint(db);
    const data = referenceData();
    const bad: ReferenceData = { ...data, parks: [...data.parks, { ...data.parks[0]!, name: '无处园区', home: '999999' }] };
    await expect(prepareDatabase(db, { reference: bad })).rejects.toThrow('unknown home region 999999');
    expect(await storedFingerprint(db)).toBe(stored);
    expect(await db.prisma.park.count({ where: { name: '无处园区' } })).toBe(0);
  });

  it('keeps the fingerprint under its own key in app_meta', async () => {
    const rows = await db.sql.query<{ key: string }>('SELECT key FROM app_meta');
    expect(rows.map((r) => r.key)).toEqual([PREPARED_KEY]);
  });
});
