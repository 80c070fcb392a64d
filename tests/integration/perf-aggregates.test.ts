// The fact_aggregate cache must always equal a fresh GROUP BY over approved facts, and
// fact_figure a fresh "latest report per figure" (DISTINCT ON by issue date, then id; no period,
// FY and cumulative are one period), whatever
// mix of inserts, approvals, edits, soft deletes and deletes happened (both backends).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAggregates } from '@/lib/db/aggregates';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';

interface Group {
  key: string;
  n: number;
  sum: string;
}

async function cached(db: TestDatabase): Promise<Group[]> {
  const rows = await db.sql.query<{ key: string; n: number; sum: string }>(
    `SELECT concat_ws('|', metric_id, year, kind, period, 'p' || COALESCE(park_id::text, '-'), 'r' || COALESCE(region_id::text, '-')) AS key, fact_count AS n, value_sum::text AS sum
       FROM fact_aggregate ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, n: Number(r.n), sum: Number(r.sum).toFixed(2) }));
}

async function truth(db: TestDatabase): Promise<Group[]> {
  const rows = await db.sql.query<{ key: string; n: number; sum: string }>(
    `SELECT concat_ws('|', metric_id, year, kind, COALESCE(period, ''), 'p' || COALESCE(park_id::text, '-'), 'r' || COALESCE(region_id::text, '-')) AS key, count(*)::int AS n, sum(value)::text AS sum
       FROM fact WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL
      GROUP BY metric_id, year, kind, COALESCE(period, ''), park_id, region_id ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, n: Number(r.n), sum: Number(r.sum).toFixed(2) }));
}

/** fact_figure as kept by the triggers: figure → latest fact id, report, source and value counts. */
async function figures(db: TestDatabase): Promise<string[]> {
  const rows = await db.sql.query<{ line: string }>(
    `SELECT concat_ws('|', metric_id, unit_family, kind, year, 'pe' || period, 'p' || COALESCE(park_id::text, '-'), 'r' || COALESCE(region_id::text, '-'),
                      'j' || COALESCE(project_id::text, '-'), 'o' || COALESCE(org_id::text, '-'), 'e' || event, latest_fact_id, reports, sources, value_count) AS line
       FROM fact_figure ORDER BY 1`,
  );
  return rows.map((r) => r.line);
}

/** The same, computed from the facts with the figure rule's functions (what a reader without the table does). */
async function figuresTruth(db: TestDatabase): Promise<string[]> {
  const rows = await db.sql.query<{ line: string }>(
    `WITH r AS (
       SELECT f.id, f.metric_id, unit_family(f.unit) AS fam, f.kind, f.year, period_class(f.period) AS pc, f.park_id, f.region_id,
              f.project_id, f.org_id, figure_event(m.nature, f.event_key, f.value, f.unit) AS ev, unit_base_value(f.value, f.unit) AS bv,
              f.article_id, i.date
         FROM fact f JOIN metric m ON m.id = f.metric_id LEFT JOIN article a ON a.id = f.article_id LEFT JOIN issue i ON i.id = a.issue_id
        WHERE f.status = 'approved' AND f.deleted_at IS NULL AND f.year IS NOT NULL
          AND (f.park_id IS NOT NULL OR f.region_id IS NOT NULL OR f.project_id IS NOT NULL OR f.org_id IS NOT NULL)
          AND (i.id IS NULL OR i.deleted_at IS NULL))
     SELECT concat_ws('|', metric_id, fam, kind, year, 'pe' || pc, 'p' || COALESCE(park_id::text, '-'), 'r' || COALESCE(region_id::text, '-'),
                      'j' || COALESCE(project_id::text, '-'), 'o' || COALESCE(org_id::text, '-'), 'e' || ev,
                      (array_agg(id ORDER BY date DESC NULLS LAST, id DESC))[1], count(*), count(DISTINCT COALESCE(article_id, -id)), count(DISTINCT bv)) AS line
       FROM r GROUP BY metric_id, fam, kind, year, pc, park_id, region_id, project_id, org_id, ev ORDER BY 1`,
  );
  return rows.map((r) => r.line);
}

describe.each(availableBackends())('fact_aggregate cache (%s)', (backend) => {
  let db: TestDatabase;
  let metricIds: number[];
  let parkIds: number[];
  let regionIds: number[];
  let articleIds: number[];
  let projectIds: number[];
  let orgIds: number[];
  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    metricIds = (await db.prisma.metric.findMany({ select: { id: true }, take: 3 })).map((m) => m.id);
    parkIds = (await db.prisma.park.findMany({ select: { id: true }, take: 3 })).map((p) => p.id);
    regionIds = (await db.prisma.region.findMany({ select: { id: true }, take: 2 })).map((r) => r.id);
    // One level metric, one event metric (each event of a subject-year is its own figure).
    await db.prisma.metric.update({ where: { id: metricIds[1]! }, data: { nature: 'event' } });
    projectIds = [(await db.prisma.project.create({ data: { name: '测试项目甲' } })).id, (await db.prisma.project.create({ data: { name: '测试项目乙' } })).id];
    orgIds = [(await db.prisma.organization.create({ data: { name: '测试公司' } })).id];
    // Reports from three issues, so "latest" is decided by the issue date (not by id: the newest
    // issue gets the smallest article id).
    const pub = await db.prisma.publication.upsert({ where: { name: '测试报' }, create: { name: '测试报' }, update: {} });
    articleIds = [];
    for (const [n, date] of (['2024-03-01', '2023-06-01', '2022-01-01'] as const).entries()) {
      const issue = await db.prisma.issue.create({
        data: { publicationId: pub.id, date: new Date(`${date}T00:00:00Z`), checksum: String(n).repeat(64), charCount: 1 },
      });
      articleIds.push((await db.prisma.article.create({ data: { issueId: issue.id, ordinal: 1, headline: `h${n}`, body: 'b' } })).id);
    }
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
        parkId: i % 5 === 0 || i % 11 === 1 || i % 13 === 2 ? null : choose(parkIds),
        regionId: i % 5 === 0 && i % 10 !== 0 ? choose(regionIds) : null,
        projectId: i % 11 === 1 ? choose(projectIds) : null,
        orgId: i % 13 === 2 ? choose(orgIds) : null,
        articleId: i % 7 === 0 ? null : choose(articleIds),
        year: 2020 + (i % 4),
        period: i % 3 === 0 ? null : choose(['FY', 'FY', 'cumulative', 'H1']),
        kind: i % 4 === 0 ? ('target' as const) : ('actual' as const),
        // few distinct values, so level figures get conflicts and event figures repeated reports
        value: (100 + (i % 4) * 7.25).toFixed(2),
        unit: i % 9 === 0 ? 'USD' : 'CNY',
        status: i % 2 === 0 ? ('approved' as const) : ('draft' as const),
        source: 'manual' as const,
      })),
    });
    expect(await cached(db)).toEqual(await truth(db));
    expect(await figures(db)).toEqual(await figuresTruth(db));
    const reportsOf = (l: string) => Number(l.split('|').at(-3));
    expect((await figures(db)).some((l) => reportsOf(l) > 1)).toBe(true); // some figures have several reports
    expect((await figures(db)).some((l) => l.endsWith('|2') || l.endsWith('|3'))).toBe(true); // and some disagree
    expect((await figures(db)).some((l) => l.includes('|ek:a'))).toBe(true); // events (keyed by the same-event rule, migration 20261202102209)
    expect((await figures(db)).some((l) => !l.includes('|j-|'))).toBe(true); // projects

    const ids = (await db.prisma.fact.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((f) => f.id);
    for (let step = 0; step < 40; step++) {
      const id = choose(ids);
      const op = Math.floor(rand() * 5);
      if (op === 0) await db.prisma.fact.updateMany({ where: { id }, data: { status: 'approved', version: { increment: 1 } } });
      else if (op === 1) await db.prisma.fact.updateMany({ where: { id }, data: { status: 'rejected' } });
      else if (op === 2) await db.prisma.fact.updateMany({ where: { id }, data: { value: (rand() * 1000).toFixed(2), year: 2020 + Math.floor(rand() * 4) } });
      else if (op === 3) await db.prisma.fact.updateMany({ where: { id }, data: { deletedAt: new Date() } });
      else await db.prisma.fact.deleteMany({ where: { id } });
      if (step % 10 === 9) expect(await figures(db), `after step ${step}`).toEqual(await figuresTruth(db));
    }
    // Moves between figures: another subject, unit, kind, period; then everything at once.
    const some = ids.slice(0, 12);
    await db.prisma.fact.updateMany({ where: { id: { in: some.slice(0, 4) } }, data: { parkId: parkIds[0], regionId: null } });
    await db.prisma.fact.updateMany({ where: { id: { in: some.slice(4, 8) } }, data: { unit: 'percent', kind: 'target' } });
    await db.prisma.fact.updateMany({ where: { id: { in: some.slice(8, 12) } }, data: { period: 'Q1' } });
    expect(await figures(db)).toEqual(await figuresTruth(db));
    // An admin splits an event report off and merges two; a metric changes nature.
    await db.prisma.fact.updateMany({ where: { id: { in: some.slice(0, 2) } }, data: { eventKey: 'merged-1' } });
    await db.prisma.fact.updateMany({ where: { id: some[2]! }, data: { eventKey: `split-${some[2]}` } });
    expect(await figures(db)).toEqual(await figuresTruth(db));
    await db.prisma.metric.update({ where: { id: metricIds[0]! }, data: { nature: 'event' } });
    expect(await figures(db)).toEqual(await figuresTruth(db));
    await db.prisma.fact.updateMany({ where: { status: 'draft' }, data: { status: 'approved', metricId: metricIds[0] } });
    expect(await cached(db)).toEqual(await truth(db));
    expect(await figures(db)).toEqual(await figuresTruth(db));
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
    expect(await figures(db)).toEqual(await figuresTruth(db));
  });

  it.runIf(backend === 'postgres')('stays exact when two transactions change reports of the same figure at once', async () => {
    const { default: pg } = await import('pg');
    const year = 2031;
    // Different periods (none, FY, cumulative are one figure), so the fact_aggregate rows the two
    // transactions touch differ and only fact_figure's own locking can order them.
    const make = (value: string, articleId: number, period: string | null) =>
      db.prisma.fact.create({
        data: { metricId: metricIds[2] ?? 0, parkId: parkIds[0] ?? null, year, period, kind: 'actual', value, unit: 'CNY', status: 'draft', source: 'manual', articleId },
        select: { id: true },
      });
    // A level metric: the figure exists (one approved report), then two transactions approve a report each.
    const first = await make('0', articleIds[2] ?? 0, 'cumulative');
    await db.prisma.fact.update({ where: { id: first.id }, data: { status: 'approved' } });
    const older = await make('1', articleIds[1] ?? 0, 'FY');
    const newer = await make('2', articleIds[0] ?? 0, null);
    const a = new pg.Client({ connectionString: db.url });
    const b = new pg.Client({ connectionString: db.url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE fact SET status = 'approved' WHERE id = $1`, [older.id]);
      // b's trigger waits for a's lock on the figure; it must then count a's approval too.
      const bDone = b.query(`UPDATE fact SET status = 'approved' WHERE id = $1`, [newer.id]).then(() => b.query('COMMIT'));
      await new Promise((r) => setTimeout(r, 200));
      await a.query('COMMIT');
      await bDone;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const row = await db.prisma.factFigure.findFirstOrThrow({ where: { metricId: metricIds[2], parkId: parkIds[0], year, period: '', kind: 'actual', unitFamily: 'money' } });
    expect({ latest: row.latestFactId, reports: row.reports }).toEqual({ latest: newer.id, reports: 3 });
    expect(await figures(db)).toEqual(await figuresTruth(db));
  });

  it('stays exact in a big group: many reports of one figure, many figures of one park, metric and year', async () => {
    // An approval applies only what it changed to the figures it touched (migration
    // 20261202133600): reports, sources, distinct values and the latest report must still equal a
    // fresh computation when the group and the figure hold hundreds of reports, several per article,
    // repeated values, and when the latest report itself is withdrawn, moved or deleted.
    const year = 2033;
    const park = parkIds[1] ?? parkIds[0] ?? null;
    const level = metricIds[2] ?? 0;
    const event = metricIds[1] ?? 0; // made an event metric above
    await db.prisma.fact.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({
        metricId: i % 5 === 4 ? event : level,
        parkId: park,
        year,
        period: (['FY', null, 'cumulative', 'H1', 'Q1', 'M01-M07'] as const)[i % 6] ?? null,
        kind: i % 7 === 0 ? ('target' as const) : ('actual' as const),
        value: String(100 + (i % 13)),
        unit: i % 11 === 0 ? 'USD' : 'CNY',
        articleId: i % 9 === 0 ? null : (articleIds[i % 3] ?? null),
        status: i % 4 === 3 ? ('draft' as const) : ('approved' as const),
        source: 'manual' as const,
      })),
    });
    expect(await cached(db)).toEqual(await truth(db));
    expect(await figures(db)).toEqual(await figuresTruth(db));
    const big = await db.prisma.factFigure.findFirstOrThrow({ where: { metricId: level, parkId: park, year, period: '', kind: 'actual', unitFamily: 'money' } });
    expect(big.reports).toBeGreaterThan(100);

    const facts = await db.prisma.fact.findMany({ where: { year, parkId: park }, select: { id: true }, orderBy: { id: 'asc' } });
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let step = 0; step < 60; step++) {
      // Every fourth step works on the figure's current latest report (the case that looks it up again).
      const latest = (await db.prisma.factFigure.findFirst({ where: { id: big.id }, select: { latestFactId: true } }))?.latestFactId;
      const id = step % 4 === 0 && latest ? latest : (facts[Math.floor(rand() * facts.length)]?.id ?? 0);
      const op = Math.floor(rand() * 7);
      if (op === 0) await db.prisma.fact.updateMany({ where: { id }, data: { status: 'draft' } });
      else if (op === 1) await db.prisma.fact.updateMany({ where: { id }, data: { status: 'approved' } });
      else if (op === 2) await db.prisma.fact.updateMany({ where: { id }, data: { value: String(100 + Math.floor(rand() * 13)) } });
      else if (op === 3) await db.prisma.fact.updateMany({ where: { id }, data: { articleId: articleIds[Math.floor(rand() * 3)] ?? null } });
      else if (op === 4) await db.prisma.fact.updateMany({ where: { id }, data: { period: rand() < 0.5 ? 'H1' : 'FY', kind: rand() < 0.5 ? 'target' : 'actual' } });
      else if (op === 5) await db.prisma.fact.updateMany({ where: { id }, data: { deletedAt: new Date() } });
      else await db.prisma.fact.deleteMany({ where: { id } });
      if (step % 15 === 14) expect(await figures(db), `after step ${step}`).toEqual(await figuresTruth(db));
    }
    // An issue withdrawn, re-dated (its reports may become the latest) and restored, by SQL.
    const issueOf = (await db.prisma.article.findUniqueOrThrow({ where: { id: articleIds[2] ?? 0 }, select: { issueId: true } })).issueId;
    await db.sql.query(`UPDATE issue SET deleted_at = now() WHERE id = $1`, [issueOf]);
    expect(await figures(db), 'after a withdrawal').toEqual(await figuresTruth(db));
    await db.sql.query(`UPDATE issue SET deleted_at = NULL WHERE id = $1`, [issueOf]);
    expect(await figures(db), 'after a restoration').toEqual(await figuresTruth(db));
    await db.sql.query(`UPDATE issue SET date = '2025-01-01' WHERE id = $1`, [issueOf]);
    expect(await figures(db), 'after a new date').toEqual(await figuresTruth(db));
    await db.sql.query(`UPDATE issue SET date = '2022-01-01' WHERE id = $1`, [issueOf]);
    expect(await figures(db), 'after the old date again').toEqual(await figuresTruth(db));
    // Many rows of one figure in one statement, in both directions.
    await db.prisma.fact.updateMany({ where: { year, parkId: park, status: 'approved', metricId: level }, data: { status: 'draft' } });
    expect(await figures(db)).toEqual(await figuresTruth(db));
    await db.prisma.fact.updateMany({ where: { year, parkId: park, status: 'draft' }, data: { status: 'approved' } });
    expect(await figures(db)).toEqual(await figuresTruth(db));
    expect(await cached(db)).toEqual(await truth(db));
  });

  it('rebuilds to the same content with refreshAggregates', async () => {
    const before = await cached(db);
    await db.sql.query('DELETE FROM fact_aggregate');
    expect(await cached(db)).toEqual([]);
    await refreshAggregates(db.prisma);
    expect(await cached(db)).toEqual(before);
    const figuresBefore = await figures(db);
    await db.sql.query('DELETE FROM fact_figure');
    await refreshAggregates(db.prisma);
    expect(await figures(db)).toEqual(figuresBefore);
  });
});
