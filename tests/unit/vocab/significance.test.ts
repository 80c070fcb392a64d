// The rule bounded dashboard tables keep rows by (lib/vocab/significance.ts): the page's own subject,
// headline metrics, actuals, the most recent, the larger value of one metric, the latest report,
// the most reported, catalogue order.
import { describe, expect, it } from 'vitest';
import { compareSignificance, mostSignificant, newestYears, TREND_YEARS, type Significant } from '@/lib/vocab/significance';

const row = (o: Partial<Significant> & { metricId: number }): Significant => ({ kind: 'actual', year: 2025, date: null, reports: 1, ...o });

describe('significance rule', () => {
  it('orders headline metrics first, in their order, then actuals, then the most recent', () => {
    const rows = [
      row({ metricId: 9, kind: 'target' }),
      row({ metricId: 8, year: 2024 }),
      row({ metricId: 7 }),
      row({ metricId: 3 }),
      row({ metricId: 5 }),
    ];
    const sorted = [...rows].sort(compareSignificance([5, 3]));
    expect(sorted.map((r) => r.metricId)).toEqual([5, 3, 7, 8, 9]);
  });

  it('keeps the page’s own subject first, compares values within one metric only, then reports', () => {
    const cmp = compareSignificance([]);
    expect(cmp(row({ metricId: 2, tier: 1 }), row({ metricId: 1, tier: 0, kind: 'plan' }))).toBeGreaterThan(0);
    expect(cmp(row({ metricId: 1, value: 5 }), row({ metricId: 1, value: 9 }))).toBeGreaterThan(0);
    // Values of two metrics are not compared: catalogue order decides.
    expect(cmp(row({ metricId: 1, value: 5 }), row({ metricId: 2, value: 9 }))).toBeLessThan(0);
    expect(cmp(row({ metricId: 2, date: '2025-03-01' }), row({ metricId: 1, date: '2025-01-01' }))).toBeLessThan(0);
    expect(cmp(row({ metricId: 2, reports: 4 }), row({ metricId: 1, reports: 1 }))).toBeLessThan(0);
  });

  it('keeps the most significant and returns every other one', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ id: i + 1 }));
    const { shown, hidden } = mostSignificant(items, (x) => row({ metricId: x.id }), [17], 5);
    expect(shown.map((x) => x.id)).toEqual([17, 1, 2, 3, 4]);
    expect(hidden).toHaveLength(15);
    expect(new Set([...shown, ...hidden]).size).toBe(20);
    expect(mostSignificant(items.slice(0, 3), (x) => row({ metricId: x.id }), [], 5).hidden).toEqual([]);
  });

  it('cuts a trend to its newest years, drops series left empty and counts the older years', () => {
    const years = Array.from({ length: TREND_YEARS + 4 }, (_, i) => 2006 + i);
    const trend = {
      years,
      series: [
        { id: 'a', points: years.map((y) => y) },
        { id: 'old', points: years.map((y, i) => (i < 4 ? y : null)) },
      ],
    };
    const cut = newestYears(trend);
    expect(cut.years).toEqual(years.slice(4));
    expect(cut.older).toBe(4);
    expect(cut.series.map((s) => s.id)).toEqual(['a']);
    expect(cut.series[0]!.points).toEqual(years.slice(4));
    expect(newestYears({ years: [2024, 2025], series: trend.series.slice(0, 1) }).older).toBe(0);
  });
});
