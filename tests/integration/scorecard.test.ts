// The 五好 scorecard on the demo issue as imported and reviewed (the seed), plus a few figures an
// admin entered for 2023: the parks' indicators by dimension, awards, a half-year actual against
// the full-year target as progress through June, and what must never show (a project's figure,
// unclassified facts, drafts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import type { Database } from '@/lib/db/client';
import { invalidateCache } from '@/lib/data/read-cache';
import { getParkPeriods as getParkPeriodsUnchecked, getScorecard as getScorecardUnchecked, getScorecardDimensions as getDimensionsUnchecked } from '@/lib/data/scorecard';
import { asSystem } from '@/tests/support/system-caller';
import { SCORECARD_DEFAULTS } from '@/lib/seed/scorecard';

const getScorecard = asSystem(getScorecardUnchecked);
const getScorecardDimensions = asSystem(getDimensionsUnchecked);
const getParkPeriods = asSystem(getParkPeriodsUnchecked);

function useDatabase(db: Database): void {
  (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = Promise.resolve(db);
  invalidateCache();
}

describe('五好 scorecard on the demo issue (pglite)', () => {
  let db: TestDatabase;
  let jk: number;

  beforeAll(async () => {
    db = await createTestDatabase('pglite', { seed: true });
    const { loadDemoIssue, applyDemoReview } = await import('@/lib/seed/demo');
    const demo = await loadDemoIssue(db.prisma);
    await applyDemoReview(db.prisma, demo.issueId);
    jk = (await db.prisma.park.findUniqueOrThrow({ where: { name: '湘潭经开区' } })).id;
    const metric = async (key: string) => (await db.prisma.metric.findUniqueOrThrow({ where: { key } })).id;
    const fai = await metric('fixed_asset_investment');
    const base = { status: 'approved' as const, source: 'manual' as const, reviewedAt: new Date(), unit: 'CNY' };
    // 1—6月完成62亿元, 全年目标140亿元 (hand-entered for the test).
    await db.prisma.fact.create({ data: { ...base, metricId: fai, parkId: jk, year: 2023, period: 'H1', kind: 'actual', value: '6200000000', sourceNote: '测试：上半年' } });
    await db.prisma.fact.create({ data: { ...base, metricId: fai, parkId: jk, year: 2023, kind: 'target', value: '14000000000', sourceNote: '测试：全年目标' } });
    await db.prisma.fact.create({ data: { ...base, metricId: fai, parkId: jk, year: 2022, period: 'H1', kind: 'actual', value: '5000000000', sourceNote: '测试：去年上半年' } });
    // A project in the park with its own figure of the same metric: never the park's.
    const project = await db.prisma.project.create({ data: { name: '测试项目', parkId: jk } });
    await db.prisma.fact.create({ data: { ...base, metricId: fai, projectId: project.id, year: 2023, kind: 'actual', value: '99900000000', sourceNote: '测试：项目' } });
    // A draft of the park: not approved, never shown.
    await db.prisma.fact.create({ data: { ...base, status: 'draft', metricId: await metric('tax_per_mu'), parkId: jk, year: 2023, kind: 'actual', value: '123', sourceNote: '测试：草稿' } });
    // 高新区: a target only.
    const gx = (await db.prisma.park.findUniqueOrThrow({ where: { name: '湘潭高新区' } })).id;
    await db.prisma.fact.create({ data: { ...base, metricId: await metric('new_scale_industrial_enterprises'), parkId: gx, year: 2023, kind: 'target', value: '20', unit: 'org', sourceNote: '测试：目标' } });
    useDatabase(db);
  }, 180_000);

  afterAll(async () => {
    (globalThis as { __appDb?: unknown }).__appDb = undefined;
    await db?.destroy();
  });

  it('ships the five dimensions with the default indicators', async () => {
    const dims = await getScorecardDimensions();
    expect(dims.map((d) => d.nameZh)).toEqual(['规划定位好', '创新平台好', '产业项目好', '体制机制好', '发展形象好']);
    for (const d of dims) expect(d.indicators.map((m) => m.key)).toEqual(SCORECARD_DEFAULTS[d.key as keyof typeof SCORECARD_DEFAULTS]);
    expect(dims.find((d) => d.key === 'image')?.showAwards).toBe(true);
  });

  it('2022: the demo’s park figures sit in their dimensions with their sentences, awards under 发展形象好', async () => {
    const s = await getScorecard({ year: 2022 });
    expect(s.years.slice(0, 2)).toEqual([2023, 2022]);
    expect(s.rows.map((r) => r.park.name)).toEqual(expect.arrayContaining(['湘潭经开区', '湘潭高新区', '天易经开区', '雨湖高新区']));
    expect(s.rows.length).toBe(s.parks.length);
    // Listed parks only: a sub-park is not a row of its own.
    const subparks = await db.prisma.park.findMany({ where: { parentId: { not: null } }, select: { name: true } });
    for (const sp of subparks) expect(s.rows.map((r) => r.park.name)).not.toContain(sp.name);
    expect(s.rows.map((r) => r.park.name)).toHaveLength(8);
    const row = (name: string) => s.rows.find((r) => r.park.name === name)!;
    const dim = (name: string, key: string) => row(name).dimensions.find((d) => d.key === key)!;
    const growth = dim('湘潭经开区', 'planning').cells.find((c) => c.metric.key === 'leading_industry_output_growth');
    expect(growth?.actual).toMatchObject({ value: '12', year: 2022, period: '' });
    expect(growth?.actual?.latest.evidence).toContain('12%');
    expect(growth?.actual?.latest.articleId).toBeGreaterThan(0);
    expect(dim('湘潭经开区', 'innovation').cells.map((c) => [c.metric.key, c.actual?.value])).toEqual([
      ['little_giant_enterprises_cumulative', '67'],
      ['little_giant_share_of_scale_industry', '35.6'],
    ]);
    expect(dim('湘潭高新区', 'institutions').cells.map((c) => c.actual?.value)).toEqual(['116', '68', '98']);
    expect(dim('天易经开区', 'planning').cells.map((c) => c.actual?.value)).toEqual(['415']);
    expect(dim('天易经开区', 'image').awards.map((a) => a.title)).toEqual(expect.arrayContaining([expect.stringContaining('五好')]));
    expect(dim('湘潭经开区', 'image').awards).toHaveLength(1);
    // The city's figures and targets are not a park's.
    expect(s.rows.flatMap((r) => r.dimensions.flatMap((d) => d.cells)).map((c) => c.metric.key)).not.toContain('five_good_parks_awarded');
  });

  it('2023: a half-year actual against the full-year target is progress through June; a project’s figure and drafts never show', async () => {
    const s = await getScorecard({ year: 2023 });
    const jkRow = s.rows.find((r) => r.park.id === jk)!;
    const cells = jkRow.dimensions.flatMap((d) => d.cells);
    const fai = cells.find((c) => c.metric.key === 'fixed_asset_investment')!;
    expect(fai.actual).toMatchObject({ value: '6200000000', period: 'H1' });
    expect(fai.target).toMatchObject({ value: '14000000000', period: '' });
    expect(fai.progress).toEqual({ pct: 44.3, status: 'in_progress', partial: true, throughMonth: 6, asOf: null });
    expect(fai.trend).toMatchObject({ direction: 'up', previous: { value: '5000000000', year: 2022, period: 'H1' } });
    expect(cells.some((c) => c.metric.key === 'tax_per_mu')).toBe(false);
    // The city's 2023 target (新增规模工业企业120家) is the city's, not a park's.
    expect(cells.some((c) => c.metric.key === 'new_scale_industrial_enterprises')).toBe(false);
    const gx = s.rows.find((r) => r.park.name === '湘潭高新区')!.dimensions.flatMap((d) => d.cells);
    expect(gx.find((c) => c.metric.key === 'new_scale_industrial_enterprises')).toMatchObject({ actual: null, target: { value: '20' } });
  });

  it('filters by county and compares 2–4 parks', async () => {
    const all = await getScorecard({ year: 2022 });
    const county = all.regions.find((r) => r.code === '430321');
    expect(county?.name).toBe('湘潭县');
    const s = await getScorecard({ year: 2022, county: '430321' });
    expect(s.county).toBe('430321');
    expect(s.rows.map((r) => r.park.name)).toEqual(['天易经开区']);
    const ids = all.parks.filter((p) => ['湘潭经开区', '天易经开区'].includes(p.name)).map((p) => p.id);
    const c = await getScorecard({ year: 2022, county: '430321', compare: ids });
    expect(c.compare?.parks.map((p) => p.name).sort()).toEqual(['天易经开区', '湘潭经开区'].sort());
    const planning = c.compare!.dimensions.find((d) => d.key === 'planning')!;
    expect(planning.rows.map((r) => r.metric.key)).toEqual(['leading_industry_output_growth', 'land_converted_commercial_to_industrial']);
    expect((await getScorecard({ year: 2022, compare: [ids[0]!] })).compare).toBeNull();
    expect((await getScorecard({ county: 'x' })).county).toBeNull();
  });

  it('the park page’s periods: its half-year figures appear, grouped by period, newest first; not its project’s', async () => {
    const { groups, total } = await getParkPeriods(jk);
    expect(total).toBe(groups.length);
    expect(groups.map((g) => `${g.year}:${g.period}`)).toEqual(['2023:', '2023:H1', '2022:', '2022:H1']);
    const h1 = groups.find((g) => g.year === 2023 && g.period === 'H1')!;
    expect(h1.figures.map((f) => [f.metricKey, f.value])).toEqual([['fixed_asset_investment', '6200000000']]);
    expect(groups.flatMap((g) => g.figures).some((f) => f.value === '99900000000')).toBe(false);
    expect(groups.find((g) => g.year === 2022 && g.period === '')!.figures.map((f) => f.metricKey)).toEqual(
      expect.arrayContaining(['leading_industry_output_growth', 'little_giant_enterprises_cumulative']),
    );
    // Only the newest periods are read; the total says how many there are in all.
    const newest = await getParkPeriods(jk, 2);
    expect(newest.groups.map((g) => `${g.year}:${g.period}`)).toEqual(['2023:', '2023:H1']);
    expect(newest.total).toBe(4);
    expect(await getParkPeriods(-1)).toEqual({ groups: [], total: 0 });
  });
});
