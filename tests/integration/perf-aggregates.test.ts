// The fact_aggregate cache must always equal a fresh GROUP BY over approved facts, whatever
// mix of inserts, approvals, edits, soft deletes and deletes happened (both backends).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAggregates } from '@/lib/perf/aggregates';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';

interface Group {
  key: string;
  n: number;
  sum: string;
}

async function cached(db: TestDatabase): Promise<Group[]> {
  const rows = await db.sql.query<{ key: string; n: number; sum: string }>(
    `SELECT concat_ws('|', metric_id, year, kind, period, park_id, region_id) AS key, fact_count AS n, value_sum::text AS sum
       FROM fact_aggregate ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, n: Number(r.n), sum: Number(r.sum).toFixed(2) }));
}

async function truth(db: TestDatabase): Promise<Group[]> {
  const rows = await db.sql.query<{ key: string; n: number; sum: string }>(
    `SELECT concat_ws('|', metric_id, year, kind, COALESCE(period, ''), park_id, region_id) AS key, count(*)::int AS n, sum(value)::text AS sum
       FROM fact WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL
      GROUP BY metric_id, year, kind, COALESCE(period, ''), park_id, region_id ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, n: Number(r.n), sum: Number(r.sum).toFixed(2) }));
}

describe.each(availableBackends())('fact_aggregate cache (%s)', (backend) => {
  let db: TestDatabase;
  let metricIds: number[];
  let parkIds: number[];
  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    metricIds = (await db.prisma.metric.findMany({ select: { id: true }, take: 3 })).map((m) => m.id);
    parkIds = (await db.prisma.park.findMany({ select: { id: true }, take: 3 })).map((p) => p.id);
  });
  afterAll(async () => db?.destroy());

  it('follows inserts, approvals, value edits, soft deletes and deletes', async () => {
    expect(metricIds.length).toBeGreaterThan(1);
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const choose = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    await db.prisma.fact.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        metricId: choose(metricIds),
        parkId: i % 5 === 0 ? null : choose(parkIds),
        year: 2020 + (i % 4),
        period: i % 3 === 0 ? null : 'FY',
        kind: i % 4 === 0 ? ('target' as const) : ('actual' as const),
        value: (100 + i * 7.25).toFixed(2),
        unit: 'CNY',
        status: i % 2 === 0 ? ('approved' as const) : ('draft' as const),
        source: 'manual' as const,
      })),
    });
    expect(await cached(db)).toEqual(await truth(db));

    const ids = (await db.prisma.fact.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((f) => f.id);
    for (let step = 0; step < 40; step++) {
      const id = choose(ids);
      const op = Math.floor(rand() * 5);
      if (op === 0) await db.prisma.fact.updateMany({ where: { id }, data: { status: 'approved', version: { increment: 1 } } });
      else if (op === 1) await db.prisma.fact.updateMany({ where: { id }, data: { status: 'rejected' } });
      else if (op === 2) await db.prisma.fact.updateMany({ where: { id }, data: { value: (rand() * 1000).toFixed(2), year: 2020 + Math.floor(rand() * 4) } });
      else if (op === 3) await db.prisma.fact.updateMany({ where: { id }, data: { deletedAt: new Date() } });
      else await db.prisma.fact.deleteMany({ where: { id } });
    }
    await db.prisma.fact.updateMany({ where: { status: 'draft' }, data: { status: 'approved', metricId: metricIds[0] } });
    expect(await cached(db)).toEqual(await truth(db));
  });

  it('keeps changes of a rolled-back transaction out of the cache', async () => {
    const before = await cached(db);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.fact.updateMany({ data: { status: 'rejected' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await cached(db)).toEqual(before);
  });

  it('rebuilds to the same content with refreshAggregates', async () => {
    const before = await cached(db);
    await db.sql.query('DELETE FROM fact_aggregate');
    expect(await cached(db)).toEqual([]);
    await refreshAggregates(db.prisma);
    expect(await cached(db)).toEqual(before);
  });
});
