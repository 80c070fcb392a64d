// Percentiles and the benchmark table: nearest-rank percentiles, CJK-aware column widths.
import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, median, percentile } from '@/scripts/bench/stats';
import { pick, rng, zipfCdf } from '@/scripts/bench/synthetic';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('formatTable', () => {
  it('aligns numbers right and counts CJK as two columns', () => {
    expect(displayWidth('总览ab')).toBe(6);
    const t = formatTable(['页面', 'ms'], [['总览', 1234.5], ['explorer', 7]]).split('\n');
    expect(t[0]).toBe('| 页面     |    ms |');
    expect(t[1]).toBe('|----------|------:|');
    expect(t[2]).toBe('| 总览     | 1,235 |');
    expect(t[3]).toBe('| explorer |     7 |');
  });
});

describe('synthetic skew', () => {
  it('gives the first few of 150 parks most of the draws, deterministically', () => {
    const cdf = zipfCdf(150, 1.1);
    const r = rng(42);
    const counts = new Array<number>(150).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const k = pick(cdf, r());
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const top10 = counts.slice(0, 10).reduce((a, b) => a + b, 0) / 50_000;
    expect(top10).toBeGreaterThan(0.5);
    expect(counts[149]).toBeGreaterThan(0); // the long tail still gets some
    const again = rng(42);
    expect([again(), again()]).toEqual([rng(42)(), (() => { const g = rng(42); g(); return g(); })()]);
  });
});
