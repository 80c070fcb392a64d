// The database module on both backends: migrations apply to an empty database, re-running
// them is a no-op, reference data loads idempotently, and bad configuration gives one clear line.
import { mkdtempSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { openDatabase, DatabaseConfigError } from '@/lib/db/client';
import { seedReferenceData } from '@/lib/seed/reference';
import { previewIssue } from '@/lib/ingest/ingest';
import gazetteer from '@/prisma/seed/gazetteer.json';

const GAZ = gazetteer as { regions: unknown[]; parks: unknown[]; subparks: { name: string; parent: string }[] };
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';

describe.each(availableBackends())('database on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { migrate: false });
  });
  afterAll(async () => db?.destroy());

  it('applies every migration to an empty database, then nothing on a second run', async () => {
    const files = readMigrations();
    const first = await db.withSession((s) => migrate(s));
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await db.withSession((s) => migrate(s));
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(files.length);
  });

  it('loads reference data idempotently and keeps admin edits', async () => {
    const first = await seedReferenceData(db.prisma);
    expect(first.created).toBeGreaterThan(0);
    const counts = async () => ({
      regions: await db.prisma.region.count(),
      parks: await db.prisma.park.count(),
      metrics: await db.prisma.metric.count(),
    });
    const before = await counts();
    // Hunan, its 14 cities and prefecture, their 123 counties/districts; the gazetteer's parks.
    expect(before.regions).toBe(GAZ.regions.length);
    expect(before.regions).toBe(138);
    // The listed parks, and the sub-parks as parks of their own linked to their park.
    expect(before.parks).toBe(GAZ.parks.length + GAZ.subparks.length);
    expect(before.parks).toBeGreaterThanOrEqual(80);
    const sub = await db.prisma.park.findUniqueOrThrow({ where: { name: '湖南中部电力产业园' }, include: { parent: true, region: true } });
    expect([sub.parent?.name, sub.region.code, sub.level]).toEqual(['湘乡经开区', '430381', 'municipal']);
    expect(await db.prisma.park.count({ where: { parentId: { not: null } } })).toBe(GAZ.subparks.length);
    await db.prisma.park.update({ where: { name: '湘潭经开区' }, data: { aliases: { push: '九华' } } });
    const second = await seedReferenceData(db.prisma);
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(before);
    const park = await db.prisma.park.findUniqueOrThrow({ where: { name: '湘潭经开区' }, include: { region: true } });
    expect(park.aliases).toContain('九华');
    expect(park.region.code).toBe('430300');
    const county = await db.prisma.region.findUniqueOrThrow({ where: { code: '430381' }, include: { parent: true } });
    expect(county.parent?.name).toBe('湘潭市');
    const other = await db.prisma.park.findUniqueOrThrow({ where: { name: '桂阳高新区' }, include: { region: { include: { parent: true } } } });
    expect([other.region.name, other.region.parent?.name]).toEqual(['桂阳县', '郴州市']);
  });

  it('an alias an admin adds to a park reaches the extractor at import', async () => {
    const text = '园区动态\n本报讯 今年以来，金凤片区新增规上企业9家。';
    const before = await previewIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报' });
    expect(before.facts[0]?.subject).toEqual({ type: 'region', name: '湘潭市' });
    await db.prisma.park.update({ where: { name: '天易经开区' }, data: { aliases: { push: '金凤片区' } } });
    const after = await previewIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报' });
    expect(after.facts[0]?.subject).toEqual({ type: 'park', name: '天易经开区' });
  });

  it('a sub-park in the database is found with the aliases an admin gives it, as a park of its own', async () => {
    const text = '园区动态\n本报讯 今年以来，电力谷新增入园企业6家。';
    const before = await previewIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报' });
    expect(before.facts[0]?.subject).toEqual({ type: 'region', name: '湘潭市' });
    await db.prisma.park.update({ where: { name: '湖南中部电力产业园' }, data: { aliases: { push: '电力谷' } } });
    const after = await previewIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报' });
    expect(after.facts[0]?.subject).toEqual({ type: 'park', name: '湖南中部电力产业园' });
  });

  it.runIf(backend === 'postgres')('opens PostgreSQL connections without JIT (compiling cost ~1 s per list query)', async () => {
    const rows = await db.prisma.$queryRaw<{ jit: string }[]>`SHOW jit`;
    expect(rows[0]?.jit).toBe('off');
  });

  it('stores exact decimals', async () => {
    const metric = await db.prisma.metric.findFirstOrThrow();
    const f = await db.prisma.fact.create({
      data: { metricId: metric.id, kind: 'actual', value: '1200000000000.1', unit: 'CNY', source: 'manual' },
    });
    const back = await db.prisma.fact.findUniqueOrThrow({ where: { id: f.id } });
    expect(back.value.toFixed(1)).toBe('1200000000000.1');
  });

  it('refuses to re-run a migration whose file changed after it was applied', async () => {
    await db.sql.query(`UPDATE "_app_migrations" SET checksum = $1`, ['0'.repeat(64)]);
    await expect(db.withSession((s) => migrate(s))).rejects.toThrow(/changed after it was applied/);
  });
});

/** A folder this process cannot write: a read-only tmpfs for root (who ignores modes), else mode 0500. */
function makeReadOnlyDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'xt-ro-'));
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]);
    return {
      dir,
      cleanup: () => {
        execFileSync('umount', [dir]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  chmodSync(dir, 0o500);
  return {
    dir,
    cleanup: () => {
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('configuration errors', () => {
  it('an unreachable DATABASE_URL gives one line saying what to fix', async () => {
    const err = await openDatabase({ url: 'postgresql://postgres@127.0.0.1:1/nowhere', dataDir: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseConfigError);
    expect((err as Error).message).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere.*fix DATABASE_URL/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a read-only data folder gives one line saying what to fix', async () => {
    const ro = makeReadOnlyDir();
    try {
      const err = await openDatabase({ dataDir: ro.dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseConfigError);
      expect((err as Error).message).toBe(
        `The data folder ${ro.dir} is not writable: fix its permissions or set DATA_DIR to a writable folder.`,
      );
    } finally {
      ro.cleanup();
    }
  });

  it('a data folder that cannot be created gives one line saying what to fix', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'xt-file-'));
    const file = path.join(parent, 'not-a-folder');
    writeFileSync(file, 'x');
    try {
      const err = await openDatabase({ dataDir: path.join(file, 'db') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseConfigError);
      expect((err as Error).message).toMatch(/not-a-folder\/db is not writable: fix its permissions or set DATA_DIR/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
