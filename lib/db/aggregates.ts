// The fact_aggregate cache: yearly totals of approved facts per metric, kind, period and subject;
// and fact_figure: the latest report of each whole-year figure (migration 20261128200000).
// Triggers on "fact" keep both current inside every transaction that writes facts (approvals,
// edits, merges, imports), so callers need not do anything; refreshAggregates() rebuilds it in
// full or for some metrics (after bulk loads with the trigger disabled, or to repair it).
import { Prisma } from '@/lib/generated/prisma/client';

/** A Prisma client or interactive-transaction client. */
export interface RawExecutor {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>;
  $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

/** A node-postgres client or pool (scripts and bulk loads). */
export interface PgQueryable {
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

function isPrisma(x: RawExecutor | PgQueryable): x is RawExecutor {
  return typeof (x as RawExecutor).$executeRaw === 'function';
}

/**
 * Rebuilds fact_aggregate for the given metrics (all metrics when metricIds is omitted) from the
 * approved facts, and fact_figure (the latest report of each figure) in full. Runs in the
 * caller's transaction when given one.
 */
export async function refreshAggregates(
  db: RawExecutor | PgQueryable,
  opts: { metricIds?: number[] } = {},
): Promise<{ rows: number }> {
  const ids = opts.metricIds?.filter((n) => Number.isInteger(n));
  if (ids && ids.length === 0) return { rows: 0 };
  if (isPrisma(db)) {
    const filter = ids ? Prisma.sql`AND metric_id = ANY(${ids}::int[])` : Prisma.empty;
    // Clear first, so groups whose facts are all gone disappear too.
    await db.$executeRaw(
      ids ? Prisma.sql`DELETE FROM fact_aggregate WHERE metric_id = ANY(${ids}::int[])` : Prisma.sql`DELETE FROM fact_aggregate`,
    );
    await db.$executeRaw(Prisma.sql`
      SELECT fact_aggregate_refresh(
        COALESCE((SELECT array_agg(metric_id) FROM (SELECT DISTINCT metric_id, year FROM fact WHERE year IS NOT NULL ${filter}) d), '{}'),
        COALESCE((SELECT array_agg(year) FROM (SELECT DISTINCT metric_id, year FROM fact WHERE year IS NOT NULL ${filter}) d), '{}'))`);
    await db.$executeRaw(Prisma.sql`SELECT fact_figure_rebuild()`);
    const rows = await db.$queryRaw<{ n: bigint }[]>(
      ids
        ? Prisma.sql`SELECT count(*) AS n FROM fact_aggregate WHERE metric_id = ANY(${ids}::int[])`
        : Prisma.sql`SELECT count(*) AS n FROM fact_aggregate`,
    );
    return { rows: Number(rows[0]?.n ?? 0) };
  }
  const filter = ids ? 'AND metric_id = ANY($1::int[])' : '';
  const params = ids ? [ids] : [];
  // Clear first, so groups whose facts are all gone disappear too.
  if (ids) await db.query('DELETE FROM fact_aggregate WHERE metric_id = ANY($1::int[])', params);
  else await db.query('TRUNCATE fact_aggregate');
  await db.query(
    `SELECT fact_aggregate_refresh(
       COALESCE((SELECT array_agg(metric_id) FROM (SELECT DISTINCT metric_id, year FROM fact WHERE year IS NOT NULL ${filter}) d), '{}'),
       COALESCE((SELECT array_agg(year) FROM (SELECT DISTINCT metric_id, year FROM fact WHERE year IS NOT NULL ${filter}) d), '{}'))`,
    params,
  );
  await db.query('SELECT fact_figure_rebuild()');
  const r = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM fact_aggregate${ids ? ' WHERE metric_id = ANY($1::int[])' : ''}`,
    params,
  );
  return { rows: Number(r.rows[0]?.n ?? 0) };
}

/** Turns the maintenance triggers of both caches off for a bulk load (call refreshAggregates afterwards). */
export async function setAggregateTrigger(db: PgQueryable, enabled: boolean): Promise<void> {
  const verb = enabled ? 'ENABLE' : 'DISABLE';
  for (const t of [
    'fact_aggregate_after_insert', 'fact_aggregate_after_update', 'fact_aggregate_after_delete',
    'fact_figure_after_insert', 'fact_figure_after_update', 'fact_figure_after_delete',
  ]) {
    await db.query(`ALTER TABLE fact ${verb} TRIGGER ${t}`);
  }
}
