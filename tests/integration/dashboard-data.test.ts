// The dashboard read models (lib/data/{overview,regions,parks,metrics-view,provenance}) on a real
// database: the reviewed demo issue (fixture without the extractor, plus a few marked figures for
// other years), and — when the extractor is present — the demo issue through the real import.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';
import { loadDashboardFixture } from './support/dashboard-fixture';
import type { Database } from '@/lib/db/client';
import { invalidateCache } from '@/lib/data/read-cache';
import { getOverview as getOverviewUnchecked, getYearsWithFigures as getYearsWithFiguresUnchecked } from '@/lib/data/overview';
import { getRegionView as getRegionViewUnchecked, getPlaces as getPlacesUnchecked } from '@/lib/data/regions';
import { getParkView as getParkViewUnchecked } from '@/lib/data/parks';
import { getMetricList as getMetricListUnchecked, getMetricView as getMetricViewUnchecked } from '@/lib/data/metrics-view';
import { getArticleWithFacts as getArticleWithFactsUnchecked, getFigures as getFiguresUnchecked } from '@/lib/data/provenance';
import { asSystem } from '@/tests/support/system-caller';

const getOverview = asSystem(getOverviewUnchecked);
const getYearsWithFigures = asSystem(getYearsWithFiguresUnchecked);
const getRegionView = asSystem(getRegionViewUnchecked);
const getPlaces = asSystem(getPlacesUnchecked);
const getParkView = asSystem(getParkViewUnchecked);
const getMetricList = asSystem(getMetricListUnchecked);
const getMetricView = asSystem(getMetricViewUnchecked);
const getArticleWithFacts = asSystem(getArticleWithFactsUnchecked);
const getFigures = asSystem(getFiguresUnchecked);

/** Points the app's database singleton (lib/db.ts) at the test database. */
function useDatabase(db: Database): void {
  (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = Promise.resolve(db);
  invalidateCache();
}

describe.each(availableBackends())('dashboard reads on the reviewed demo (%s)', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await loadDashboardFixture(db.prisma, { extra: true });
    useDatabase(db);
  });
  afterAll(async () => {
    (globalThis as { __appDb?: unknown }).__appDb = undefined;
    await db?.destroy();
  });

  it('lists the years with approved figures, newest first, and defaults to the latest', async () => {
    const years = await getYearsWithFigures();
    expect(years).toEqual([2023, 2022, 2021]);
    expect((await getOverview()).year).toBe(2023);
  });

  it('shows 湘潭经开区 12% output growth in 2022 with its change, target-free, sourced', async () => {
    const o = await getOverview({ year: 2022 });
    const card = o.kpis.find((k) => k.metric.key === 'leading_industry_output_growth');
    expect(card).toBeDefined();
    expect(card?.basis).toBe('subject');
    expect(card?.subjectName).toBe('湘潭经开区');
    expect(card?.value).toBe('12');
    expect(card?.previous).toBe('9.5');
    expect(card?.target).toBeNull();
    expect(card?.asOf).toBe('2023-05-19');
    expect(card?.latest?.evidence).toContain('12%');
    expect(card?.latest?.articleId).not.toBeNull();
  });

  it('sums additive metrics over parks when the city has no figure of its own', async () => {
    const o = await getOverview({ year: 2022 });
    const card = o.kpis.find((k) => k.metric.key === 'little_giant_enterprises_cumulative');
    expect(card?.basis).toBe('parks_sum');
    expect(card?.value).toBe('115'); // 67 (湘潭经开区) + 48 (湘潭高新区)
    expect(card?.parkCount).toBe(2);
    expect(card?.sources).toBe(2);
  });

  it('ranks every park on the default metric, best first, missing ones as null (never 0)', async () => {
    const o = await getOverview({ year: 2022 });
    expect(o.metric?.key).toBe('leading_industry_output_growth');
    const places = await getPlaces();
    expect(o.ranking).toHaveLength(places.parks.length);
    expect(o.ranking.slice(0, 4).map((r) => [r.park.name, r.actual?.value])).toEqual([
      ['湘潭经开区', '12'],
      ['天易经开区', '10.2'],
      ['湘潭高新区', '8.1'],
      ['湘乡经开区', '6.4'],
    ]);
    const yuhu = o.ranking.find((r) => r.park.name === '雨湖高新区');
    expect(yuhu?.actual).toBeNull();
    expect(yuhu?.target?.value).toBe('10');
    expect(o.ranking.find((r) => r.park.name === '岳塘经开区')?.actual).toBeNull();
  });

  it('follows ?metric= and falls back to the default for unknown keys', async () => {
    expect((await getOverview({ year: 2022, metricKey: 'key_enterprises_served' })).metric?.key).toBe('key_enterprises_served');
    expect((await getOverview({ year: 2022, metricKey: 'no_such_metric' })).metric?.key).toBe('leading_industry_output_growth');
  });

  it('groups the awards by year: four parks awarded for 2022', async () => {
    const o = await getOverview({ year: 2022 });
    const y2022 = o.awards.find((a) => a.year === 2022);
    expect(new Set(y2022?.items.map((i) => i.subjectName))).toEqual(new Set(['湘潭经开区', '雨湖高新区', '天易经开区', '湘潭高新区']));
    expect(y2022?.items).toHaveLength(5);
  });

  it('breaks the year down by county, with the city-administered parks first', async () => {
    const o = await getOverview({ year: 2022 });
    expect(o.counties.map((c) => c.region?.name ?? '市直')).toEqual(['市直', '雨湖区', '岳塘区', '湘潭县', '湘乡市', '韶山市']);
    const xiangtanCounty = o.counties.find((c) => c.region?.name === '湘潭县');
    expect(xiangtanCounty?.parks.map((p) => p.park.name)).toEqual(['天易经开区']);
    expect(xiangtanCounty?.awards).toBe(2);
    expect(o.counties.find((c) => c.region?.name === '岳塘区')?.figures).toBe(0);
  });

  it('draws trends over the years with gaps for missing years', async () => {
    const o = await getOverview({ year: 2022 });
    expect(o.trend.years).toEqual([2021, 2022]);
    const jk = o.trend.series.find((s) => s.name === '湘潭经开区');
    expect(jk?.points.map((p) => p?.value ?? null)).toEqual(['9.5', '12']);
    const ty = o.trend.series.find((s) => s.name === '天易经开区');
    expect(ty?.points.map((p) => p?.value ?? null)).toEqual([null, '10.2']);
  });

  it('shows a target-only indicator as a card without a value, with its target; every target of the year with its delivery', async () => {
    const o = await getOverview({ year: 2023 });
    const card = o.kpis.find((k) => k.metric.key === 'new_scale_industrial_enterprises');
    expect(card?.value).toBeNull();
    expect(card?.target).toBe('120');
    expect(card?.targetComparator).toBe('gte');
    expect(card?.targetSource?.evidence).toContain('120家');
    // Not a scorecard indicator, so no card — but the target is on the overview, with its sentence.
    const share = o.targets.find((x) => x.metric.key === 'park_share_of_industrial_value_added');
    expect(share).toMatchObject({ value: '85', comparator: 'gt', progress: { status: 'no_actual' } });
    expect(share?.source.evidence).toContain('85%');
    // Cards with an actual figure come first.
    const firstEmpty = o.kpis.findIndex((k) => k.value === null);
    expect(o.kpis.slice(firstEmpty).every((k) => k.value === null)).toBe(true);
  });

  it('shows an empty year as empty', async () => {
    const o = await getOverview({ year: 2019 });
    expect(o.kpis).toEqual([]);
    expect(o.figuresInYear).toBe(0);
  });

  it('counts repeated reports of one figure and keeps the latest', async () => {
    const figures = await getFigures({ years: [2023], kinds: ['actual'] });
    const trained = figures.filter((f) => f.metricKey === 'people_trained');
    expect(trained).toHaveLength(1);
    expect(trained[0]?.reports).toBe(3);
    expect(trained[0]?.sources).toBe(3);
  });

  it('reads a region with its parks, figures, awards and articles', async () => {
    const view = await getRegionView('430321');
    expect(view?.region.name).toBe('湘潭县');
    expect(view?.parent?.code).toBe('430300');
    expect(view?.parks.map((p) => p.name)).toEqual(['天易经开区']);
    expect(view?.recognitions).toHaveLength(2);
    expect(view?.articles.some((a) => a.headline.includes('五好'))).toBe(true);
    expect(await getRegionView('999999')).toBeNull();
    expect(await getRegionView("43' OR 1=1")).toBeNull();
  });

  it("lists every awarded park of a city on the city's page, its counties' parks included", async () => {
    const view = await getRegionView('430300');
    const awarded = [...new Set(view?.recognitions.map((r) => r.subjectName))].sort();
    expect(awarded).toEqual(['天易经开区', '雨湖高新区', '湘潭经开区', '湘潭高新区'].sort());
    expect(view?.recognitions).toHaveLength(5);
  });

  it('reads a park with all its figures over the years', async () => {
    const places = await getPlaces();
    const jk = places.parks.find((p) => p.name === '湘潭经开区');
    const view = await getParkView(jk?.id ?? 0);
    expect(view?.region.code).toBe('430300');
    expect(view?.figures.map((f) => `${f.metricKey}:${f.year}:${f.kind}`).sort()).toEqual(
      [
        'leading_industry_output_growth:2021:actual',
        'leading_industry_output_growth:2022:actual',
        'leading_industry_output_growth:2023:target',
        'little_giant_enterprises_cumulative:2021:actual',
        'little_giant_enterprises_cumulative:2022:actual',
        'little_giant_enterprises_cumulative:2022:target',
        'little_giant_share_of_scale_industry:2022:actual',
      ].sort(),
    );
    expect(view?.recognitions.map((r) => r.year)).toEqual([2022]);
    expect(await getParkView(987654)).toBeNull();
    expect(await getParkView(-1)).toBeNull();
  });

  it('reads one metric across parks and years, and the catalogue with counts', async () => {
    const view = await getMetricView('leading_industry_output_growth');
    expect(view?.years).toEqual([2021, 2022, 2023]);
    expect(view?.metric.unit).toBe('percent');
    expect(await getMetricView('nope')).toBeNull();
    expect(await getMetricView('DROP TABLE')).toBeNull();
    const list = await getMetricList();
    expect(list[0]?.facts).toBeGreaterThan(0);
    expect(list.find((m) => m.key === 'leading_industry_output_growth')?.facts).toBe(7);
  });

  it('shows approved figures of an article to everyone, drafts only when asked (admins)', async () => {
    const fact = await db.prisma.fact.findFirst({ where: { rawText: { contains: '2%' } }, select: { id: true, articleId: true } });
    expect(fact?.articleId).toBeTruthy();
    await db.prisma.fact.update({ where: { id: fact?.id ?? 0 }, data: { status: 'draft' } });
    try {
      const forViewer = await getArticleWithFacts(fact?.articleId ?? 0, { includeDrafts: false });
      const forAdmin = await getArticleWithFacts(fact?.articleId ?? 0, { includeDrafts: true });
      expect(forViewer?.facts.some((f) => f.id === fact?.id)).toBe(false);
      expect(forAdmin?.facts.find((f) => f.id === fact?.id)?.status).toBe('draft');
      expect(forViewer?.issue.date).toBe('2023-05-19');
      expect(forViewer?.issue.publication).toBe('湘潭日报');
    } finally {
      await db.prisma.fact.update({ where: { id: fact?.id ?? 0 }, data: { status: 'approved' } });
    }
    expect(await getArticleWithFacts(999999, { includeDrafts: true })).toBeNull();
  });
});

const extractorPresent = existsSync(path.resolve(import.meta.dirname, '../../lib/extract/index.ts'));

describe.skipIf(!extractorPresent)('overview of the demo issue imported through the real path (pglite)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('pglite', { seed: true });
    const { loadDemoIssue, applyDemoReview } = await import('@/lib/seed/demo');
    const demo = await loadDemoIssue(db.prisma);
    await applyDemoReview(db.prisma, demo.issueId);
    useDatabase(db);
  }, 120_000);
  afterAll(async () => {
    (globalThis as { __appDb?: unknown }).__appDb = undefined;
    await db?.destroy();
  });

  it('has 湘潭经开区 12% output growth and four parks awarded for 2022', async () => {
    const o = await getOverview({ year: 2022, metricKey: 'leading_industry_output_growth' });
    const jk = o.ranking.find((r) => r.park.name === '湘潭经开区');
    expect(jk?.actual?.value).toBe('12');
    expect(jk?.actual?.latest.evidence).toContain('12%');
    const parks = new Set(o.awards.find((a) => a.year === 2022)?.items.map((i) => i.subjectName));
    expect(parks).toEqual(new Set(['湘潭经开区', '雨湖高新区', '天易经开区', '湘潭高新区']));
  });
});
