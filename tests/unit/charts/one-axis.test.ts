// No chart mixes unit families on one axis (issue 10): the figure charts plot every point in the
// metric's unit — a convertible unit converted (2 公顷 → 30 亩), another family (人次 on an axis of
// 人) left out as "no data" — whatever the caller passes.
import { describe, expect, it } from 'vitest';
import { onMetricAxis, rankingOption, targetActualOption, trendOption } from '@/lib/charts/figures';
import type { MetricRef, SourcedValue } from '@/lib/vocab/shapes';

const metric = (unit: string, nature: 'level' | 'event' = 'level'): MetricRef => ({
  id: 1, key: 'm', nameZh: '指标', nameEn: 'metric', unit, valueType: 'quantity', nature, aggregation: 'sum',
  direction: 'higher_better', category: null, description: null,
});

const sv = (value: string, unit: string, factId = 1): SourcedValue => ({
  value, unit, comparator: 'eq', reports: 1, sources: 1,
  latest: { factId, articleId: 3, date: '2023-05-19', headline: 'h', evidence: 'e', sourceNote: null },
});
const park = (id: number) => ({ id, name: `园区${id}`, nameEn: null });

interface Series {
  data: { value: number | string | [number, number | string] }[];
}
const plotted = (option: unknown): (number | string)[] =>
  ((option as { series: Series[] }).series).flatMap((s) => s.data.map((d) => (Array.isArray(d.value) ? d.value[1] : d.value)));

describe('one unit family per axis', () => {
  it('onMetricAxis converts within a family and drops other families', () => {
    expect(onMetricAxis(sv('2', 'hectare'), metric('mu'))?.value).toBe('30');
    expect(onMetricAxis(sv('2', 'hectare'), metric('mu'))?.unit).toBe('mu');
    expect(onMetricAxis(sv('1200', 'person_time'), metric('person'))).toBeNull();
    expect(onMetricAxis(sv('150', 'percent'), metric('project'))).toBeNull();
    expect(onMetricAxis(null, metric('mu'))).toBeNull();
  });

  it('ranking: bars and target markers in the metric unit only', () => {
    const option = rankingOption(
      [
        { park: park(1), actual: sv('30', 'mu'), target: sv('4', 'hectare') },
        { park: park(2), actual: sv('1200', 'person_time'), target: null },
      ],
      metric('mu'), 'zh',
    );
    expect(plotted(option)).toEqual([30, '-', 60, '-']);
    expect((option as { xAxis: { name: string } }).xAxis.name).toBe('亩');
  });

  it('target vs actual: both series in the metric unit', () => {
    const option = targetActualOption([{ park: park(1), actual: sv('1.5', 'hectare'), target: sv('150', 'percent') }], metric('mu'), 'zh');
    expect(plotted(option)).toEqual([22.5, '-']);
  });

  it('trend: every year on the axis of the metric unit, other families are gaps', () => {
    for (const nature of ['level', 'event'] as const) {
      const option = trendOption(
        [2021, 2022, 2023],
        [{ id: 'a', name: '湘潭市', nameEn: null, points: [sv('100', 'mu'), sv('800', 'person_time'), sv('1', 'hectare')] }],
        metric('mu', nature), 'zh',
      );
      expect(plotted(option)).toEqual([100, '-', 15]);
    }
  });
});
