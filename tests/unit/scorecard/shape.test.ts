import { describe, expect, it } from 'vitest';
import {
  buildCell,
  buildCompare,
  buildScorecard,
  compareSelection,
  parksOfCounty,
  periodMonths,
  pickActual,
  progressOf,
  scorecardYears,
  type DimensionRef,
  type ScoreFigure,
} from '@/lib/scorecard/shape';
import type { MetricRef, ParkRef, RegionRef } from '@/lib/vocab/shapes';

function metric(id: number, over: Partial<MetricRef> = {}): MetricRef {
  return { id, key: `m${id}`, nameZh: `指标${id}`, nameEn: `M${id}`, unit: 'CNY', valueType: 'amount', aggregation: 'sum', direction: 'higher_better', nature: 'level', category: null, description: null, ...over };
}

let nextId = 1;
function fig(metricId: number, park: number, year: number, value: string, over: Partial<ScoreFigure> = {}): ScoreFigure {
  const id = nextId++;
  return {
    metricId,
    parkId: park,
    regionId: null,
    projectId: null,
    orgId: null,
    year,
    period: null,
    kind: 'actual',
    value,
    unit: 'CNY',
    comparator: 'eq',
    reports: 1,
    sources: 1,
    values: 1,
    latest: { factId: id, articleId: 500 + id, date: `${year + 1}-03-01`, headline: 'h', evidence: `句子${id}`, sourceNote: null },
    ...over,
  };
}

const parks: ParkRef[] = [
  { id: 10, name: '甲园区', nameEn: 'A park', officialName: null, level: 'national', regionId: 1 },
  { id: 11, name: '乙园区', nameEn: null, officialName: null, level: 'provincial', regionId: 2 },
  { id: 12, name: '丙园区', nameEn: null, officialName: null, level: 'provincial', regionId: 3 },
];
const regions: RegionRef[] = [
  { id: 1, code: '430300', name: '湘潭市', nameEn: 'Xiangtan', level: 'city', parentId: null },
  { id: 2, code: '430321', name: '湘潭县', nameEn: null, level: 'county', parentId: 1 },
  { id: 3, code: '430381', name: '湘乡市', nameEn: null, level: 'county', parentId: 1 },
];

describe('periods', () => {
  it('knows the months a period covers', () => {
    expect(periodMonths(null)).toEqual({ from: 1, to: 12 });
    expect(periodMonths('FY')).toEqual({ from: 1, to: 12 });
    expect(periodMonths('cumulative')).toEqual({ from: 1, to: 12 });
    expect(periodMonths('H1')).toEqual({ from: 1, to: 6 });
    expect(periodMonths('Q2')).toEqual({ from: 4, to: 6 });
    expect(periodMonths('M01-M07')).toEqual({ from: 1, to: 7 });
    expect(periodMonths('nonsense')).toBeNull();
  });

  it('shows the whole year first, else the figure reaching furthest, year-to-date before a lone quarter', () => {
    const h1 = fig(1, 10, 2023, '62', { period: 'H1' });
    const q2 = fig(1, 10, 2023, '30', { period: 'Q2' });
    const m7 = fig(1, 10, 2023, '70', { period: 'M01-M07' });
    const fy = fig(1, 10, 2023, '140');
    expect(pickActual([q2, h1])).toBe(h1);
    expect(pickActual([q2, h1, m7])).toBe(m7);
    expect(pickActual([q2, h1, m7, fy])).toBe(fy);
    expect(pickActual([])).toBeNull();
  });
});

describe('progress, like with like', () => {
  const m = metric(1);
  it('a half-year actual against a full-year target is progress through June, not a shortfall', () => {
    const p = progressOf(m, fig(1, 10, 2023, '62', { period: 'H1' }), fig(1, 10, 2023, '140', { kind: 'target' }));
    expect(p).toEqual({ pct: 44.3, status: 'in_progress', partial: true, throughMonth: 6, asOf: null });
  });
  it('a whole-year actual against its target is complete', () => {
    expect(progressOf(m, fig(1, 10, 2023, '150'), fig(1, 10, 2023, '140', { kind: 'target' }))).toEqual({ pct: 107.1, status: 'met', partial: false, throughMonth: 12, asOf: null });
  });
  it('a lone quarter against a whole-year target compares nothing', () => {
    expect(progressOf(m, fig(1, 10, 2023, '30', { period: 'Q2' }), fig(1, 10, 2023, '140', { kind: 'target' }))).toBeNull();
  });
  it('rates are reached or not, never a percentage of a percentage; lower-better metrics reach from below', () => {
    const share = metric(2, { unit: 'percent', valueType: 'share' });
    expect(progressOf(share, fig(2, 10, 2023, '86', { unit: 'percent' }), fig(2, 10, 2023, '85', { unit: 'percent', kind: 'target' }))).toEqual({ pct: null, status: 'met', partial: false, throughMonth: 12, asOf: null });
    const days = metric(3, { unit: 'day', valueType: 'quantity', direction: 'lower_better' });
    expect(progressOf(days, fig(3, 10, 2023, '5', { unit: 'day' }), fig(3, 10, 2023, '7', { unit: 'day', kind: 'target' }))?.status).toBe('met');
    expect(progressOf(days, fig(3, 10, 2023, '9', { unit: 'day' }), fig(3, 10, 2023, '7', { unit: 'day', kind: 'target' }))?.status).toBe('missed');
  });
});

describe('a cell', () => {
  const m = metric(1);
  it('shows the latest actual with its period, the year’s target, progress and the trend on the same period a year before', () => {
    const figs = [
      fig(1, 10, 2022, '50', { period: 'H1' }),
      fig(1, 10, 2022, '120'),
      fig(1, 10, 2023, '62', { period: 'H1' }),
      fig(1, 10, 2023, '140', { kind: 'target' }),
    ];
    const c = buildCell(m, figs, 2023)!;
    expect(c.actual).toMatchObject({ value: '62', period: 'H1', year: 2023 });
    expect(c.actual?.latest.evidence).toBeTruthy();
    expect(c.target).toMatchObject({ value: '140', period: '' });
    expect(c.progress).toMatchObject({ partial: true, throughMonth: 6, pct: 44.3 });
    // Compared with H1 2022 (50), not with the whole of 2022 (120).
    expect(c.trend).toMatchObject({ direction: 'up', good: true, previous: { value: '50', year: 2022, period: 'H1' } });
  });

  it('a target alone is a cell without an actual (目标已定，尚无实际); nothing at all is no cell', () => {
    const c = buildCell(m, [fig(1, 10, 2023, '140', { kind: 'target' })], 2023)!;
    expect(c.actual).toBeNull();
    expect(c.target?.value).toBe('140');
    expect(c.progress).toBeNull();
    expect(buildCell(m, [fig(1, 10, 2022, '140')], 2023)).toBeNull();
  });

  it('takes the target of the same period before the whole year’s', () => {
    const figs = [fig(1, 10, 2023, '62', { period: 'H1' }), fig(1, 10, 2023, '60', { kind: 'target', period: 'H1' }), fig(1, 10, 2023, '140', { kind: 'target' })];
    const c = buildCell(m, figs, 2023)!;
    expect(c.target?.value).toBe('60');
    expect(c.progress).toMatchObject({ partial: false, status: 'met' });
  });

  it('leaves out project and organisation figures and figures of another unit family; converts units', () => {
    const figs = [
      fig(1, 10, 2023, '999', { projectId: 7 }),
      fig(1, 10, 2023, '888', { orgId: 3 }),
      fig(1, 10, 2023, '5', { unit: 'person' }),
    ];
    expect(buildCell(m, figs, 2023)).toBeNull();
    const land = metric(4, { unit: 'mu', valueType: 'quantity' });
    const c = buildCell(land, [fig(4, 10, 2023, '1', { unit: 'hectare' })], 2023)!;
    expect(c.actual).toMatchObject({ value: '15', unit: 'mu' });
  });

  it('a fall of a lower-better metric is good news; a neutral metric has no verdict', () => {
    const days = metric(3, { unit: 'day', valueType: 'quantity', direction: 'lower_better' });
    const c = buildCell(days, [fig(3, 10, 2022, '9', { unit: 'day' }), fig(3, 10, 2023, '5', { unit: 'day' })], 2023)!;
    expect(c.trend).toMatchObject({ direction: 'down', good: true });
    const n = metric(5, { direction: 'neutral' });
    expect(buildCell(n, [fig(5, 10, 2021, '9'), fig(5, 10, 2023, '12')], 2023)?.trend).toMatchObject({ direction: 'up', good: null, previous: { year: 2021 } });
  });
});

describe('the scorecard', () => {
  const dims: DimensionRef[] = [
    { id: 1, key: 'planning', nameZh: '规划定位好', nameEn: 'Planning', showAwards: false, indicators: [metric(1), metric(2, { unit: 'percent', valueType: 'share' })] },
    { id: 2, key: 'image', nameZh: '发展形象好', nameEn: 'Image', showAwards: true, indicators: [metric(3, { unit: 'org', valueType: 'count' })] },
  ];
  const figures = [
    fig(2, 10, 2022, '35.6', { unit: 'percent' }),
    fig(1, 11, 2022, '100'),
    fig(1, 10, 2022, '7', { projectId: 9, parkId: null }),
    fig(3, 12, 2021, '2', { unit: 'org' }),
    fig(1, null as unknown as number, 2024, '1', { regionId: 1 }),
  ];
  const awards = [
    { id: 1, year: 2022, title: '五好园区', parkId: 10, articleId: 5 },
    { id: 2, year: 2021, title: '旧奖', parkId: 10, articleId: null },
  ];

  it('has a row per park and, per dimension, the cells with figures in the admin’s order and the year’s awards', () => {
    const rows = buildScorecard(dims, parks, figures, awards, 2022);
    expect(rows.map((r) => r.park.id)).toEqual([10, 11, 12]);
    const a = rows[0]!;
    expect(a.dimensions.map((d) => d.key)).toEqual(['planning', 'image']);
    expect(a.dimensions[0]!.cells.map((c) => c.metric.id)).toEqual([2]);
    expect(a.dimensions[0]!.indicators).toBe(2);
    expect(a.dimensions[1]!.awards.map((x) => x.title)).toEqual(['五好园区']);
    expect(a.dimensions[0]!.awards).toEqual([]);
    expect(rows[1]!.dimensions[0]!.cells.map((c) => c.actual?.value)).toEqual(['100']);
    expect(rows[2]!.dimensions.every((d) => d.cells.length === 0)).toBe(true);
  });

  it('years come from park figures and awards only, newest first', () => {
    expect(scorecardYears(figures, awards)).toEqual([2022, 2021]);
  });

  it('filters by county code (the city’s code: the parks it runs itself); an unknown code filters nothing', () => {
    expect(parksOfCounty(parks, regions, '430321').map((p) => p.id)).toEqual([11]);
    expect(parksOfCounty(parks, regions, '430300').map((p) => p.id)).toEqual([10]);
    expect(parksOfCounty(parks, regions, null)).toHaveLength(3);
    expect(parksOfCounty(parks, regions, '999999')).toHaveLength(3);
  });

  it('compares 2–4 known parks side by side, indicators any of them has', () => {
    expect(compareSelection([10], parks)).toEqual([]);
    expect(compareSelection([10, 10], parks)).toEqual([]);
    expect(compareSelection([10, 11, 12, 13, 14], parks).map((p) => p.id)).toEqual([10, 11, 12]);
    expect(compareSelection([12, 10], parks).map((p) => p.id)).toEqual([12, 10]);
    const rows = buildScorecard(dims, parks, figures, awards, 2022);
    const cmp = buildCompare(dims, rows, compareSelection([10, 11], parks));
    expect(cmp[0]!.rows.map((r) => r.metric.id)).toEqual([1, 2]);
    expect(cmp[0]!.rows[0]!.cells.map((c) => c?.actual?.value ?? null)).toEqual([null, '100']);
    expect(cmp[0]!.rows[1]!.cells.map((c) => c?.actual?.value ?? null)).toEqual(['35.6', null]);
    expect(cmp[1]!.rows).toEqual([]);
    expect(cmp[1]!.empty).toBe(1);
    expect(cmp[1]!.awards.map((a) => a.length)).toEqual([1, 0]);
  });
});

describe('a whole-year figure reported during its own year', () => {
  it('is the year so far (as of its issue date), in progress, never a shortfall', () => {
    const m = metric(1);
    const actual = fig(1, 10, 2023, '80');
    actual.latest = { ...actual.latest, date: '2023-09-10' };
    expect(progressOf(m, actual, fig(1, 10, 2023, '140', { kind: 'target' }))).toEqual({ pct: 57.1, status: 'in_progress', partial: true, throughMonth: null, asOf: '2023-09-10' });
  });
});

describe('a park’s figures by period', () => {
  it('groups by year and stretch, newest first, whole year before part-years, furthest-reaching first; never a project’s', async () => {
    const { groupByPeriod } = await import('@/lib/scorecard/shape');
    const figs = [
      fig(1, 10, 2022, '120'),
      fig(1, 10, 2023, '30', { period: 'Q2' }),
      fig(1, 10, 2023, '62', { period: 'H1' }),
      fig(2, 10, 2023, '9', { period: 'M01-M09' }),
      fig(1, 10, 2023, '140', { kind: 'target' }),
      fig(1, 10, 2023, '15', { period: 'Q1' }),
      fig(3, 10, 2023, '1', { period: 'FY' }),
      fig(1, 10, 2023, '999', { projectId: 4, period: 'H1' }),
    ];
    const groups = groupByPeriod(figs);
    expect(groups.map((g) => `${g.year}:${g.period}`)).toEqual(['2023:', '2023:M01-M09', '2023:H1', '2023:Q2', '2023:Q1', '2022:']);
    expect(groups[0]!.figures.map((f) => f.value)).toEqual(['140', '1']);
    expect(groups[2]!.figures.map((f) => f.value)).toEqual(['62']);
  });
});
