import { describe, expect, it } from 'vitest';
import { rankingOption, targetActualOption, trendOption, type RankingInput } from '@/lib/charts/figures';
import { asSourcedDatum, sourceHref, sourcedDatum, tooltipHtml } from '@/lib/charts/provenance';
import type { MetricRef, SourcedValue } from '@/lib/vocab/shapes';

const metric: MetricRef = {
  id: 1,
  key: 'leading_industry_output_growth',
  nameZh: '主导产业产值增速',
  nameEn: 'Leading-industry output growth',
  unit: 'percent',
  valueType: 'growth',
  nature: 'level',
  aggregation: 'none',
  direction: 'higher_better',
  category: null,
  description: null,
};

function sv(value: string, factId: number, extra: Partial<SourcedValue['latest']> = {}, reports = 1): SourcedValue {
  return {
    value,
    unit: 'percent',
    comparator: 'eq',
    reports,
    sources: reports,
    latest: { factId, articleId: 4, date: '2023-05-19', headline: '全省"五好"园区放榜', evidence: `产值增速${value}%`, sourceNote: null, ...extra },
  };
}

const park = (id: number, name: string) => ({ id, name, nameEn: `${name}-en` });

interface SeriesLike {
  type: string;
  name: string;
  data: { value: number | string; href: string | null; text: string }[];
}

describe('rankingOption', () => {
  const rows: RankingInput[] = [
    { park: park(1, '湘潭经开区'), actual: sv('12', 10), target: sv('13', 11) },
    { park: park(2, '天易经开区'), actual: sv('10.2', 12), target: null },
    { park: park(3, '岳塘经开区'), actual: null, target: null },
  ];
  const option = rankingOption(rows, metric, 'zh') as { yAxis: { data: string[] }; series: SeriesLike[] };

  it('leaves parks without any figure out of the chart instead of drawing zero', () => {
    expect(option.yAxis.data).toEqual(['湘潭经开区', '天易经开区']);
    const values = option.series.flatMap((s) => s.data.map((d) => d.value));
    expect(values).not.toContain(0);
  });

  it('draws a missing target as an empty slot', () => {
    const target = option.series.find((s) => s.type === 'scatter');
    expect(target?.data.map((d) => d.value)).toEqual([13, '-']);
  });

  it('links every bar to its article at the cited sentence', () => {
    const bars = option.series.find((s) => s.type === 'bar');
    expect(bars?.data[0]?.href).toBe('/articles/4?fact=10#cited');
    expect(bars?.data[0]?.text).toBe('12%');
  });

  it('uses English names in English', () => {
    const en = rankingOption(rows, metric, 'en') as { yAxis: { data: string[] } };
    expect(en.yAxis.data[0]).toBe('湘潭经开区-en');
  });
});

describe('trendOption and targetActualOption', () => {
  it('keeps missing years as gaps', () => {
    const option = trendOption([2021, 2022, 2023], [{ id: 'p1', name: '湘潭经开区', nameEn: null, points: [sv('9.5', 1), null, sv('12', 2)] }], metric, 'zh') as {
      xAxis: { type: string; min: number; max: number };
      series: (Omit<SeriesLike, 'data'> & { connectNulls: boolean; data: { value: [number, number | string] }[] })[];
    };
    expect(option.xAxis).toMatchObject({ type: 'value', min: 2021, max: 2023 });
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([[2021, 9.5], [2022, '-'], [2023, 12]]);
    expect(option.series[0]?.connectNulls).toBe(false);
  });

  it('puts years on a real axis: 2016, 2017, 2023 are not evenly spaced, the years between are gaps', () => {
    const option = trendOption(
      [2016, 2017, 2023],
      [{ id: 'p1', name: '湘潭经开区', nameEn: null, points: [sv('5', 1), sv('6', 2), sv('12', 3)] }],
      metric,
      'zh',
    ) as { xAxis: { type: string; interval: number; axisLabel: { formatter: (v: number) => string } }; series: { data: { value: [number, number | string] }[] }[] };
    expect(option.xAxis.type).toBe('value');
    expect(option.xAxis.interval).toBe(1);
    const xs = option.series[0]!.data.map((d) => d.value[0]);
    expect(xs).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(option.series[0]!.data.filter((d) => d.value[1] !== '-').map((d) => d.value)).toEqual([[2016, 5], [2017, 6], [2023, 12]]);
    expect(option.xAxis.axisLabel.formatter(2019)).toBe('2019');
    expect(option.xAxis.axisLabel.formatter(2015)).toBe('');
    // a single year has a year of room either side, unlabelled
    const one = trendOption([2022], [{ id: 'p1', name: 'A', nameEn: null, points: [sv('12', 1)] }], metric, 'zh') as { xAxis: { min: number; max: number; axisLabel: { formatter: (v: number) => string } } };
    expect([one.xAxis.min, one.xAxis.max]).toEqual([2021, 2023]);
    expect([2021, 2022, 2023].map(one.xAxis.axisLabel.formatter)).toEqual(['', '2022', '']);
  });

  it('shows only parks with a target, actual and target side by side', () => {
    const option = targetActualOption(
      [
        { park: park(1, 'A'), actual: sv('12', 1), target: sv('13', 2) },
        { park: park(2, 'B'), actual: sv('8', 3), target: null },
        { park: park(3, 'C'), actual: null, target: sv('10', 4) },
      ],
      metric,
      'zh',
    ) as { xAxis: { data: string[] }; series: SeriesLike[] };
    expect(option.xAxis.data).toEqual(['A', 'C']);
    expect(option.series.map((s) => s.data.map((d) => d.value))).toEqual([
      [12, '-'],
      [13, 10],
    ]);
  });
});

describe('provenance in tooltips', () => {
  it('escapes newspaper text and shows date, headline and report count', () => {
    const d = sourcedDatum(sv('12', 7, { evidence: '<script>alert(1)</script>增速12%', headline: 'A&B' }, 3), '湘潭经开区', 'zh');
    const html = tooltipHtml(d, '实际', 'zh');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;增速12%');
    expect(html).toContain('2023年5月19日');
    expect(html).toContain('《A&amp;B》');
    expect(html).toContain('报道3次');
  });

  it('says 无数据 for an empty point, and has no link for manual figures', () => {
    expect(tooltipHtml(sourcedDatum(null, 'X', 'zh'), null, 'zh')).toContain('无数据');
    expect(sourceHref(sv('1', 5, { articleId: null }))).toBeNull();
    expect(asSourcedDatum({ foo: 1 })).toBeNull();
    expect(asSourcedDatum(sourcedDatum(sv('1', 5), 'X', 'zh'))?.subject).toBe('X');
  });
});
