// lib/data/fact-list, fact-aggregate and reference-lists on real databases (PGlite, and PostgreSQL when DATABASE_URL is set): filters,
// keyset pagination, approved-only for non-admins, report counts and the aggregation rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';
import { loadDashboardFixture } from './support/dashboard-fixture';
import type { Database } from '@/lib/db/client';
import { aggregateFacts as aggregateFactsUnchecked } from '@/lib/data/fact-aggregate';
import { decodeCursor, encodeCursor, InvalidCursorError } from '@/lib/data/fact-cursor';
import { listFacts as listFactsUnchecked } from '@/lib/data/fact-list';
import { listMetrics as listMetricsUnchecked, listParks as listParksUnchecked, listRecognitions as listRecognitionsUnchecked, listRegions as listRegionsUnchecked } from '@/lib/data/reference-lists';
import { asSystem } from '@/tests/support/system-caller';

const aggregateFacts = asSystem(aggregateFactsUnchecked);
const listFacts = asSystem(listFactsUnchecked);
const listMetrics = asSystem(listMetricsUnchecked);
const listParks = asSystem(listParksUnchecked);
const listRecognitions = asSystem(listRecognitionsUnchecked);
const listRegions = asSystem(listRegionsUnchecked);

function useDatabase(db: Database): void {
  (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = Promise.resolve(db);
}

describe('cursors', () => {
  it('refuses cursors of another sort or with bad keys', () => {
    expect(decodeCursor('year', encodeCursor('year', 2023, 5))).toEqual({ key: 2023, id: 5 });
    expect(() => decodeCursor('value', encodeCursor('year', 2023, 5))).toThrow(InvalidCursorError);
    expect(() => decodeCursor('value', encodeCursor('value', "1; DROP TABLE fact", 5))).toThrow(InvalidCursorError);
    expect(() => decodeCursor('year', 'bm90LWpzb24')).toThrow(InvalidCursorError);
  });
});

describe.each(availableBackends())('fact reads (%s)', (backend) => {
  let db: TestDatabase;
  let draftId = 0;
  let parkId = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await loadDashboardFixture(db.prisma, { extra: true });
    // A draft (admins only) and a second, later report of an approved figure.
    const park = await db.prisma.park.findUniqueOrThrow({ where: { name: '湘潭经开区' }, select: { id: true } });
    parkId = park.id;
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'leading_industry_output_growth' }, select: { id: true } });
    const draft = await db.prisma.fact.create({
      data: { metricId: metric.id, parkId, year: 2020, kind: 'actual', value: '7.7', unit: 'percent', status: 'draft', source: 'manual', evidence: '草稿 7.7%' },
    });
    draftId = draft.id;
    await db.prisma.fact.create({
      data: { metricId: metric.id, parkId, year: 2021, kind: 'actual', value: '9.5', unit: 'percent', status: 'approved', source: 'manual', evidence: '再次报道 9.5%' },
    });
    const shaoshan = await db.prisma.region.findUniqueOrThrow({ where: { code: '430382' }, select: { id: true } });
    await db.prisma.fact.create({
      data: { metricId: metric.id, regionId: shaoshan.id, year: 2022, kind: 'actual', value: '5', unit: 'percent', status: 'approved', source: 'manual', evidence: '韶山市 5%' },
    });
    useDatabase(db);
  });
  afterAll(async () => {
    (globalThis as { __appDb?: unknown }).__appDb = undefined;
    await db?.destroy();
  });

  it('filters targets for 2023 and carries provenance on each row', async () => {
    const page = await listFacts({ kind: ['target'], yearFrom: 2023, yearTo: 2023 }, undefined, 100);
    expect(page.total).toBe(page.items.length);
    expect(page.items.length).toBeGreaterThanOrEqual(9);
    for (const r of page.items) {
      expect(r.kind).toBe('target');
      expect(r.year).toBe(2023);
    }
    const invest = page.items.find((r) => r.metric.key === 'investment_in_demonstration_parks');
    expect(invest?.value).toBe('14000000000');
    expect(invest?.source.publication).toBe('湘潭日报');
    expect(invest?.source.issueDate).toBe('2023-05-19');
    expect(invest?.source.headline).toBeTruthy();
    expect(invest?.source.evidence).toContain('140');
    expect(invest?.source.articleId).toBeGreaterThan(0);
  });

  it('region filter includes its parks and child regions', async () => {
    const city = await listFacts({ region: '430300' }, undefined, 500);
    const xiangtanJk = await listFacts({ park: parkId }, undefined, 500);
    expect(xiangtanJk.total).toBeGreaterThan(0);
    const cityIds = new Set(city.items.map((r) => r.id));
    for (const r of xiangtanJk.items) expect(cityIds.has(r.id)).toBe(true);
    // 韶山市 (430382) covers its own facts and 韶山高新区's.
    const shaoshan = await listFacts({ region: '430382' }, undefined, 500);
    expect(shaoshan.items.some((r) => r.region?.name === '韶山市')).toBe(true);
    expect(shaoshan.items.some((r) => r.park?.name === '韶山高新区')).toBe(true);
    expect(shaoshan.items.some((r) => r.park?.name === '湘潭经开区')).toBe(false);
    expect((await listFacts({ region: '999999' }, undefined, 10)).total).toBe(0);
  });

  it('shows drafts only to admins who ask for them', async () => {
    const viewer = await listFacts({ park: parkId, status: 'all' }, undefined, 500, { isAdmin: false });
    expect(viewer.items.some((r) => r.id === draftId)).toBe(false);
    expect(viewer.items.every((r) => r.status === 'approved')).toBe(true);
    const admin = await listFacts({ park: parkId, status: 'draft' }, undefined, 500, { isAdmin: true });
    expect(admin.items.map((r) => r.id)).toEqual([draftId]);
  });

  it('pages with a keyset cursor: no gaps, no repeats, for every sort and order', async () => {
    const all = await listFacts({}, undefined, 500, { sort: 'id', order: 'asc' });
    expect(all.total).toBeGreaterThan(20);
    for (const sort of ['year', 'value', 'date', 'id'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 100; i++) {
          const page = await listFacts({}, cursor, 7, { sort, order });
          seen.push(...page.items.map((r) => r.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(seen).toHaveLength(all.total);
        expect(new Set(seen).size).toBe(all.total);
        const whole = await listFacts({}, undefined, 500, { sort, order });
        expect(seen).toEqual(whole.items.map((r) => r.id));
      }
    }
  });

  it('sorts by value numerically', async () => {
    const page = await listFacts({}, undefined, 500, { sort: 'value', order: 'desc' });
    const values = page.items.map((r) => Number(r.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('counts how often a figure was reported and names the latest report', async () => {
    const page = await listFacts({ park: parkId, metric: 'leading_industry_output_growth', yearFrom: 2021, yearTo: 2021 }, undefined, 10);
    expect(page.items).toHaveLength(2);
    for (const r of page.items) {
      expect(r.reports).toBe(2);
      expect(r.latestFactId).toBe(Math.max(...page.items.map((x) => x.id)));
    }
  });

  it('aggregates: sums additive metrics per year without double counting reports', async () => {
    const rows = await aggregateFacts('year', { metric: 'little_giant_enterprises_cumulative', kind: ['actual'] });
    const y2022 = rows.find((r) => r.group.year === 2022);
    expect(y2022?.metric.aggregation).toBe('sum');
    expect(y2022?.value).toBe('115'); // 67 + 48
    expect(y2022?.figures).toBe(2);
  });

  it('aggregates: rates (aggregation none) are never summed across parks', async () => {
    const rows = await aggregateFacts('year', { metric: 'leading_industry_output_growth', kind: ['actual'] });
    const y2022 = rows.find((r) => r.group.year === 2022);
    expect(y2022?.figures).toBeGreaterThan(1);
    expect(y2022?.value).toBeNull();
    const byPark = await aggregateFacts('park', { metric: 'leading_industry_output_growth', kind: ['actual'], yearFrom: 2022, yearTo: 2022 });
    expect(byPark.find((r) => r.group.park?.id === parkId)?.value).toBe('12');
    // 2021 was reported twice: one figure, two reports.
    const y2021 = rows.find((r) => r.group.year === 2021);
    expect(y2021?.figures).toBe(1);
    expect(y2021?.reports).toBe(2);
    expect(y2021?.value).toBe('9.5');
  });

  it('aggregates: groups never mix metrics, units or kinds', async () => {
    const rows = await aggregateFacts('region', {});
    const keys = rows.map((r) => JSON.stringify([r.metric.key, r.unit, r.kind, r.group.region?.code]));
    expect(new Set(keys).size).toBe(keys.length);
    const byMetric = await aggregateFacts('metric', { yearFrom: 2023, yearTo: 2023 });
    const people = byMetric.filter((r) => r.metric.key === 'people_trained');
    expect(people).toHaveLength(1); // one figure per subject/year: the latest report of 湘潭市's people trained
    expect(people[0]?.figures).toBe(1);
    expect(people[0]?.reports).toBe(3);
  });

  it('aggregates: a region own figure replaces its parks (no double counting)', async () => {
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'little_giant_enterprises_cumulative' }, select: { id: true } });
    const county = await db.prisma.region.findUniqueOrThrow({ where: { code: '430302' }, select: { id: true } }); // 雨湖区
    const yuhuPark = await db.prisma.park.findFirst({ where: { regionId: county.id }, select: { id: true } });
    if (!yuhuPark) return;
    await db.prisma.fact.createMany({
      data: [
        { metricId: metric.id, regionId: county.id, year: 2019, kind: 'actual', value: '30', unit: 'org', status: 'approved', source: 'manual' },
        { metricId: metric.id, parkId: yuhuPark.id, year: 2019, kind: 'actual', value: '20', unit: 'org', status: 'approved', source: 'manual' },
      ],
    });
    const rows = await aggregateFacts('region', { metric: 'little_giant_enterprises_cumulative', yearFrom: 2019, yearTo: 2019 });
    const yuhu = rows.find((r) => r.group.region?.code === '430302');
    expect(yuhu?.value).toBe('30');
    expect(yuhu?.figures).toBe(1);
  });

  it('aggregates from fact_figure exactly as from the facts themselves, for every grouping and filter', async () => {
    const filterSets = [
      {},
      { kind: ['actual' as const] },
      { kind: ['target' as const], yearFrom: 2023, yearTo: 2023 },
      { region: '430300' },
      { region: '430382' },
      { park: parkId },
      { metric: 'leading_industry_output_growth' },
      { metric: 'no_such_metric' },
    ];
    let nonEmpty = 0;
    for (const groupBy of ['park', 'region', 'year', 'metric'] as const) {
      for (const filters of filterSets) {
        const viaTable = await aggregateFacts(groupBy, filters, { via: 'figures' });
        expect(viaTable, `${groupBy} ${JSON.stringify(filters)}`).toEqual(await aggregateFacts(groupBy, filters, { via: 'facts' }));
        if (viaTable.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
    // A later report changes the answer the same way on both paths.
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'leading_industry_output_growth' }, select: { id: true } });
    const extra = await db.prisma.fact.create({
      data: { metricId: metric.id, parkId, year: 2021, kind: 'actual', value: '9.9', unit: 'percent', status: 'approved', source: 'manual', evidence: '第三次报道 9.9%' },
    });
    try {
      const f = { metric: 'leading_industry_output_growth', park: parkId };
      const rows = await aggregateFacts('year', f, { via: 'figures' });
      expect(rows).toEqual(await aggregateFacts('year', f, { via: 'facts' }));
      expect(rows.find((r) => r.group.year === 2021)?.latest.factId).toBe(extra.id);
    } finally {
      await db.prisma.fact.delete({ where: { id: extra.id } });
    }
  });

  it('the list and the aggregates agree on how often a figure was reported (FY and no period are one figure)', async () => {
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'leading_industry_output_growth' }, select: { id: true } });
    const base = { metricId: metric.id, parkId, year: 2019, kind: 'actual' as const, unit: 'percent', status: 'approved' as const, source: 'manual' as const };
    const a = await db.prisma.fact.create({ data: { ...base, value: '3', period: null, evidence: '2019年 3%' } });
    const b = await db.prisma.fact.create({ data: { ...base, value: '3.1', period: 'FY', evidence: '2019年全年 3.1%' } });
    const h1 = await db.prisma.fact.create({ data: { ...base, value: '1.5', period: 'H1', evidence: '上半年 1.5%' } });
    try {
      const f = { park: parkId, metric: 'leading_industry_output_growth', yearFrom: 2019, yearTo: 2019 };
      const page = await listFacts(f, undefined, 10);
      const byId = new Map(page.items.map((r) => [r.id, r]));
      expect(byId.get(a.id)).toMatchObject({ reports: 2, latestFactId: b.id });
      expect(byId.get(b.id)).toMatchObject({ reports: 2, latestFactId: b.id });
      expect(byId.get(h1.id)).toMatchObject({ reports: 1, latestFactId: h1.id }); // a half-year is another figure
      const agg = await aggregateFacts('year', f);
      expect(agg).toHaveLength(1);
      expect(agg[0]).toMatchObject({ value: '3.1', reports: 2, figures: 1, latest: { factId: b.id } });
      // An admin looking at drafts too gets the same counts from the per-row lookup.
      const all = await listFacts({ ...f, status: 'all' }, undefined, 10, { isAdmin: true });
      expect(all.items.find((r) => r.id === h1.id)).toMatchObject({ reports: 1 });
      expect(all.items.find((r) => r.id === a.id)).toMatchObject({ reports: 2, latestFactId: b.id });
    } finally {
      await db.prisma.fact.deleteMany({ where: { id: { in: [a.id, b.id, h1.id] } } });
    }
  });

  it('lists metrics, parks, regions and recognitions', async () => {
    expect((await listMetrics()).some((m) => m.key === 'leading_industry_output_growth')).toBe(true);
    const parks = await listParks();
    expect(parks.find((p) => p.name === '湘潭经开区')?.regionCode).toMatch(/^\d{6}$/);
    const regions = await listRegions();
    expect(regions.find((r) => r.code === '430381')?.parentCode).toBe('430300');
    const recs = await listRecognitions({ yearFrom: 2022, yearTo: 2022 });
    expect(recs.length).toBeGreaterThanOrEqual(4);
    expect(recs.every((r) => r.year === 2022)).toBe(true);
  });
});
