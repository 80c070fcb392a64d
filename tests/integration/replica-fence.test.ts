// The replica routing of lib/db (DATABASE_REPLICA_URLS) on a private primary and a streaming
// replica (pg_basebackup -R): model reads go to the replica through Prisma's read-replicas
// extension; after a write, reads go to the primary until the replica has replayed it, and back
// to the replica afterwards; transactions and writes always go to the primary. The dashboards' raw
// SQL reads (lib/data, $queryRaw) follow the same routing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { aggregateFacts as aggregateFactsUnchecked } from '@/lib/data/fact-aggregate';
import { asSystem } from '@/tests/support/system-caller';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from '../e2e/support/private-postgres';

const aggregateFacts = asSystem(aggregateFactsUnchecked);
const skipReason = privatePostgresSkipReason();
if (skipReason) console.warn(`[replica-fence] skipped: ${skipReason}`);

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(skipReason !== null)('reads from a streaming replica (private PostgreSQL pair)', () => {
  let primary: PrivatePostgres;
  let replica: PrivatePostgres;
  let db: Database;
  let replicaAdmin: pg.Client;

  beforeAll(async () => {
    primary = await startPrivatePostgres({ port: 58432 });
    const url = await primary.createDatabase('xt_fence');
    const plain = await openDatabase({ url, dataDir: '' });
    await plain.withSession((s) => migrate(s));
    await plain.close();
    replica = await startPrivatePostgres({ port: primary.port + 1, replicaOf: primary });
    db = await openDatabase({ url, dataDir: '', replicaUrls: [replica.url('xt_fence')] });
    replicaAdmin = new pg.Client({ connectionString: replica.url('xt_fence') });
    await replicaAdmin.connect();
    replicaAdmin.on('error', () => undefined); // the second test stops the replica under it
  }, 120_000);

  afterAll(async () => {
    await replicaAdmin?.end().catch(() => undefined);
    await db?.close();
    replica?.destroy();
    primary?.destroy();
  });

  const metricName = async () => (await db.readPrisma().metric.findUnique({ where: { key: 'fence_probe' }, select: { nameZh: true } }))?.nameZh ?? null;

  it('reads the replica, goes to the primary after a write until the replica has it, then back', async () => {
    expect(db.replicas).toBe(1);
    await db.prisma.metric.create({ data: { key: 'fence_probe', nameZh: '副本', nameEn: 'probe', unit: 'CNY', valueType: 'amount', aggregation: 'sum' } });
    db.noteWrite();
    expect(db.readPrisma()).toBe(db.prisma); // fenced: the primary
    await until('the replica has the metric and the fence is lifted', () => db.readPrisma() !== db.prisma);
    expect(await metricName()).toBe('副本');

    // Replica frozen; a change the routing does not know about: reads still come from the replica.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    await db.prisma.metric.update({ where: { key: 'fence_probe' }, data: { nameZh: '主库' } });
    expect(await metricName()).toBe('副本');
    // Inside a transaction: the primary.
    expect(await db.readPrisma().$transaction((tx) => tx.metric.findUnique({ where: { key: 'fence_probe' }, select: { nameZh: true } }))).toEqual({ nameZh: '主库' });

    // Told about the write: the primary, for as long as the replica lags behind it.
    db.noteWrite();
    expect(await metricName()).toBe('主库');
    await new Promise((r) => setTimeout(r, 500));
    expect(db.readPrisma()).toBe(db.prisma);
    expect(await metricName()).toBe('主库');

    await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    await until('the fence is lifted once the replica replayed the write', () => db.readPrisma() !== db.prisma);
    expect(await metricName()).toBe('主库');
  }, 60_000);

  it("serves the dashboards' raw SQL reads from the replica too, and the writer's own writes from the primary", async () => {
    // The app's database singleton (lib/db.ts) is this pair, so lib/data reads through its routing.
    (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = Promise.resolve(db);
    const region = await db.prisma.region.create({ data: { code: '439901', name: '副本区', level: 'county' } });
    await db.prisma.metric.create({ data: { key: 'fence_raw', nameZh: '副本原始', nameEn: 'raw probe', unit: 'CNY', valueType: 'amount', aggregation: 'sum' } });
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'fence_raw' }, select: { id: true } });
    const fact = await db.prisma.fact.create({
      data: { metricId: metric.id, regionId: region.id, year: 2024, kind: 'actual', value: '100', unit: 'CNY', status: 'approved', source: 'manual' },
      select: { id: true },
    });
    db.noteWrite();
    await until('the replica has the fact and the fence is lifted', () => db.readOnlyPrisma() !== db.prisma);
    // aggregateFacts reads fact_figure with $queryRaw (lib/data/fact-aggregate.ts).
    const total = async () => (await aggregateFacts('year', { metric: 'fence_raw' })).map((r) => r.value);
    expect(await total()).toEqual(['100']);

    // Replica frozen, a write the routing is not told of: the raw read shows the replica's (old) value.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    await db.prisma.fact.update({ where: { id: fact.id }, data: { value: '250' } });
    expect(await total()).toEqual(['100']);
    const [onReplica] = await replicaAdmin.query<{ v: string }>(`SELECT value::text AS v FROM fact WHERE id = $1`, [fact.id]).then((r) => r.rows);
    expect(Number(onReplica?.v)).toBe(100);
    // Raw SQL inside a transaction, and the primary client: the primary.
    const inTx = await db.readOnlyPrisma().$transaction((tx) => tx.$queryRaw<{ v: string }[]>`SELECT value::text AS v FROM fact WHERE id = ${fact.id}`);
    expect(Number(inTx[0]?.v)).toBe(250);

    // The writer (every write path tells the routing after it commits): its own write, from the primary.
    db.noteWrite();
    expect(db.readOnlyPrisma()).toBe(db.prisma);
    expect(await total()).toEqual(['250']);
    await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    await until('the fence is lifted once the replica replayed the write', () => db.readOnlyPrisma() !== db.prisma);
    expect(await total()).toEqual(['250']); // now from the replica, which has it
    (globalThis as { __appDb?: unknown }).__appDb = undefined;
  }, 60_000);

  it('reads from the primary while a replica does not answer, and from the replica once it is back', async () => {
    await until('not fenced', () => db.readPrisma() !== db.prisma);
    replica.stop('immediate');
    await until('the routing notices the replica is down', () => db.readPrisma() === db.prisma);
    expect(await metricName()).toBe('主库'); // served, by the primary
    replica.start();
    await until('the routing uses the replica again', () => db.readPrisma() !== db.prisma);
    expect(await metricName()).toBe('主库');
  }, 60_000);
});
