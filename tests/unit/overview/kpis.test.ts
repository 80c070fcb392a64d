import { describe, expect, it } from 'vitest';
import { buildCounties, buildKpis, buildRanking, cityValue } from '@/lib/data/overview';
import type { SubjectFigure as Figure } from '@/lib/data/provenance';
import type { MetricRef, Places } from '@/lib/vocab/shapes';

const places: Places = {
  city: { id: 1, code: '430300', name: '湘潭市', nameEn: 'Xiangtan', level: 'city', parentId: null },
  counties: [{ id: 2, code: '430321', name: '湘潭县', nameEn: null, level: 'county', parentId: 1 }],
  parks: [
    { id: 10, name: 'A区', nameEn: null, officialName: null, level: 'national', regionId: 1 },
    { id: 11, name: 'B区', nameEn: null, officialName: null, level: 'provincial', regionId: 2 },
    { id: 12, name: 'C区', nameEn: null, officialName: null, level: 'provincial', regionId: 2 },
  ],
};

function metric(id: number, over: Partial<MetricRef> = {}): MetricRef {
  return { id, key: `m${id}`, nameZh: `指标${id}`, nameEn: `M${id}`, unit: 'org', valueType: 'count', aggregation: 'sum', direction: 'higher_better', nature: 'level', category: null, description: null, ...over };
}

let nextId = 1;
function fig(metricId: number, subject: { park?: number; region?: number }, year: number, value: string, kind: Figure['kind'] = 'actual', date = '2023-05-19'): Figure {
  const id = nextId++;
  const f: Omit<Figure, 'events'> = {
    metricId,
    metricKey: `m${metricId}`,
    parkId: subject.park ?? null,
    regionId: subject.region ?? null,
    projectId: null,
    orgId: null,
    event: '',
    values: 1,
    year,
    period: null,
    kind,
    value,
    unit: metricId === 2 ? 'percent' : 'org', // the unit of the metric (buildKpis leaves out figures of another family)
    comparator: 'eq',
    reports: 1,
    sources: 1,
    latest: { factId: id, articleId: 100 + id, date, headline: 'h', evidence: `e${id}`, sourceNote: null },
  };
  return { ...f, events: [] };
}

describe('cityValue', () => {
  const parkIds = new Set([10, 11, 12]);
  it('prefers the city’s own figure', () => {
    const b = cityValue(metric(1), [fig(1, { park: 10 }, 2022, '5'), fig(1, { region: 1 }, 2022, '50')], 1, parkIds);
    expect(b?.basis).toBe('city');
    expect(b?.value).toBe('50');
  });
  it('sums parks exactly for additive metrics', () => {
    const b = cityValue(metric(1), [fig(1, { park: 10 }, 2022, '0.1'), fig(1, { park: 11 }, 2022, '0.2'), fig(1, { region: 2 }, 2022, '999')], 1, parkIds);
    expect(b?.basis).toBe('parks_sum');
    expect(b?.value).toBe('0.3');
  });
  it('takes the best park for rates, lowest when lower is better', () => {
    const rate = metric(2, { aggregation: 'none', unit: 'percent' });
    const figs = [fig(2, { park: 10 }, 2022, '12'), fig(2, { park: 11 }, 2022, '8')];
    expect(cityValue(rate, figs, 1, parkIds)?.subject?.parkId).toBe(10);
    expect(cityValue({ ...rate, direction: 'lower_better' }, figs, 1, parkIds)?.subject?.parkId).toBe(11);
  });
  it('is null without figures', () => {
    expect(cityValue(metric(1), [], 1, parkIds)).toBeNull();
  });
});

describe('buildKpis', () => {
  const m1 = metric(1);
  const m2 = metric(2, { aggregation: 'none', unit: 'percent' });
  const m3 = metric(3);
  const figures = [
    fig(1, { park: 10 }, 2022, '60'),
    fig(1, { park: 11 }, 2022, '40'),
    fig(1, { park: 10 }, 2021, '50'),
    fig(1, { park: 11 }, 2021, '30'),
    fig(1, { park: 10 }, 2022, '70', 'target'),
    fig(1, { park: 11 }, 2022, '50', 'target'),
    fig(2, { park: 12 }, 2022, '12', 'actual', '2023-06-01'),
    fig(2, { park: 12 }, 2021, '9.5'),
    fig(3, { region: 1 }, 2022, '85', 'target'),
  ];
  const cards = buildKpis([m1, m2, m3], figures, 2022, places);

  it('compares with the previous year and the target on the same basis', () => {
    const c = cards.find((k) => k.metric.id === 1);
    expect(c).toMatchObject({ basis: 'parks_sum', value: '100', previous: '80', target: '120', parkCount: 2, sources: 2 });
  });
  it('labels single-subject figures with the subject and keeps its latest source', () => {
    const c = cards.find((k) => k.metric.id === 2);
    expect(c).toMatchObject({ basis: 'subject', subjectName: 'C区', value: '12', previous: '9.5', target: null, asOf: '2023-06-01' });
    expect(c?.latest?.evidence).toMatch(/^e\d+$/);
  });
  it('keeps target-only metrics, without a value, after the others', () => {
    const c = cards.find((k) => k.metric.id === 3);
    expect(c).toMatchObject({ value: null, target: '85', basis: 'city' });
    expect(cards.at(-1)?.metric.id).toBe(3);
  });
  it('has no card for a year without figures', () => {
    expect(buildKpis([m1, m2, m3], figures, 2019, places)).toEqual([]);
  });
});

describe('buildRanking and buildCounties', () => {
  it('ranks parks with figures first and keeps the others as null', () => {
    const m = metric(1);
    const rows = buildRanking(m, [fig(1, { park: 11 }, 2022, '5'), fig(1, { park: 12 }, 2022, '9')], 2022, places.parks);
    expect(rows.map((r) => [r.park.name, r.actual?.value ?? null])).toEqual([
      ['C区', '9'],
      ['B区', '5'],
      ['A区', null],
    ]);
  });
  it('puts the city’s own parks first and counts figures per county', () => {
    const rows = buildCounties(places, [fig(1, { park: 11 }, 2022, '5'), fig(1, { region: 2 }, 2022, '7'), fig(1, { park: 10 }, 2021, '1')], 2022, []);
    expect(rows.map((r) => [r.region?.name ?? 'city', r.figures])).toEqual([
      ['city', 0],
      ['湘潭县', 2],
    ]);
  });
});

describe('headline cards chosen by an admin, and why there is no change on the previous year', () => {
  const m1 = metric(1);
  const m2 = metric(2, { aggregation: 'none', unit: 'percent' });
  const m4 = metric(4);
  it('keeps the chosen order and gives a chosen metric without figures a 无数据 card', () => {
    const figures = [fig(1, { park: 10 }, 2022, '60'), fig(2, { park: 12 }, 2022, '12')];
    const cards = buildKpis([m4, m2, m1], figures, 2022, places, 3, { ordered: true });
    expect(cards.map((c) => [c.metric.id, c.value])).toEqual([[4, null], [2, '12'], [1, '60']]);
  });
  it('says there is no previous figure, or that last year’s is of another subject or unit', () => {
    const none = buildKpis([m1], [fig(1, { park: 10 }, 2022, '60')], 2022, places)[0];
    expect(none).toMatchObject({ previous: null, previousMissing: 'no_previous' });
    // one park last year, the city's own figure this year: another basis, not compared
    const basis = buildKpis([m1], [fig(1, { region: 1 }, 2022, '100'), fig(1, { park: 10 }, 2021, '60')], 2022, places)[0];
    expect(basis).toMatchObject({ previous: null, previousMissing: 'other_basis' });
    // last year's figure in 人次 under a metric counted in org (another unit family)
    const other = { ...fig(1, { region: 1 }, 2021, '80'), unit: 'person_time' };
    const unit = buildKpis([m1], [fig(1, { region: 1 }, 2022, '100'), other], 2022, places)[0];
    expect(unit).toMatchObject({ previous: null, previousMissing: 'other_unit' });
    const same = buildKpis([m1], [fig(1, { region: 1 }, 2022, '100'), fig(1, { region: 1 }, 2021, '80')], 2022, places)[0];
    expect(same).toMatchObject({ previous: '80', previousMissing: null });
  });
});

describe('counties headed by their parks’ indicators', () => {
  it('puts each park’s indicator figure of the year on its county, indicators first, never a count of facts', () => {
    const m1 = metric(1);
    const m2 = metric(2, { aggregation: 'none', unit: 'percent' });
    const figures = [fig(1, { park: 11 }, 2022, '5'), fig(2, { park: 11 }, 2022, '12'), fig(2, { park: 12 }, 2022, '9'), fig(1, { park: 10 }, 2021, '1')];
    const rows = buildCounties(places, figures, 2022, [], [m1, m2], [m2]);
    const county = rows.find((r) => r.region?.name === '湘潭县')!;
    // one line per park before a second one: B区 and C区 on m2 (the indicator), then B区 on m1
    expect(county.indicators.map((i) => [i.park.name, i.metric.id, i.point.value])).toEqual([
      ['B区', 2, '12'],
      ['C区', 2, '9'],
      ['B区', 1, '5'],
    ]);
    expect(county.indicators[0]?.point.latest.evidence).toMatch(/^e\d+$/);
    // 2021's figure of A区 is not 2022's
    expect(rows.find((r) => r.region === null)?.indicators).toEqual([]);
  });
});
