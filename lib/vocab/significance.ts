// Which rows a bounded dashboard table keeps when a subject has more than a page should hold (the
// synthetic province gives a busy park hundreds of figures per period): the most significant ones,
// by one documented rule, and the count of the rest so the page can say so and link to them.
//
// The rule, in order:
//   0. the page's own subject before the others (a region's own figures before its parks');
//   1. headline metrics first (the overview's headline as an admin chose it, else the 五好
//      scorecard's indicators), in their order;
//   2. actual figures before targets, forecasts and plans;
//   3. the most recent (a figure in a later year);
//   4. of one metric, the larger value (in that year; the ranking's order);
//   5. the later latest report, then the most reported (printed more often);
//   6. catalogue order (metric id), so the choice is stable.
import type { FactKindCode } from './kinds';

/** Periods listed on the park page (the newest). */
export const PARK_PERIODS = 8;
/** Rows of one period on the park page. */
export const PERIOD_ROWS = 12;
/** Rows of a figure matrix (subject × metric × kind, one column per year). */
export const MATRIX_ROWS = 20;

const KIND_RANK: Readonly<Record<FactKindCode, number>> = { actual: 0, target: 1, forecast: 2, plan: 3 };

export interface Significant {
  /** The caller's subject order (0: the page's own subject); lower first. */
  tier?: number;
  metricId: number;
  kind: FactKindCode;
  /** The newest year the row has a figure in. */
  year: number;
  /** Value in that year, in the metric's unit (compared only between rows of one metric). */
  value?: number;
  /** Issue date of the latest report (ISO), null when unknown. */
  date: string | null;
  reports: number;
}

/** Compares two rows by the rule above (most significant first). */
export function compareSignificance(headline: readonly number[]): (a: Significant, b: Significant) => number {
  const rank = new Map(headline.map((id, i) => [id, i]));
  const h = (id: number) => rank.get(id) ?? headline.length;
  return (a, b) =>
    (a.tier ?? 0) - (b.tier ?? 0) ||
    h(a.metricId) - h(b.metricId) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    b.year - a.year ||
    (a.metricId === b.metricId ? (b.value ?? 0) - (a.value ?? 0) : 0) ||
    (b.date ?? '').localeCompare(a.date ?? '') ||
    b.reports - a.reports ||
    a.metricId - b.metricId;
}

/**
 * The `limit` most significant items (in significance order) and how many were left out. `key`
 * describes an item for the rule; ties keep the input order.
 */
export function mostSignificant<T>(
  items: readonly T[],
  key: (item: T) => Significant,
  headline: readonly number[],
  limit: number,
): { shown: T[]; hidden: T[] } {
  const cmp = compareSignificance(headline);
  const keyed = items.map((item, i) => ({ item, k: key(item), i }));
  keyed.sort((a, b) => cmp(a.k, b.k) || a.i - b.i);
  return { shown: keyed.slice(0, limit).map((x) => x.item), hidden: keyed.slice(limit).map((x) => x.item) };
}

/** Years a trend (its chart and table) shows: the newest, like the figure matrix. */
export const TREND_YEARS = 10;

/** A trend cut to its newest `n` years (series left without a point dropped), and how many older years it had. */
export function newestYears<S extends { points: readonly unknown[] }>(
  trend: { years: number[]; series: S[] },
  n = TREND_YEARS,
): { years: number[]; series: S[]; older: number } {
  const cut = Math.max(0, trend.years.length - n);
  if (cut === 0) return { ...trend, older: 0 };
  const series = trend.series.map((s) => ({ ...s, points: s.points.slice(cut) })).filter((s) => s.points.some((p) => p !== null));
  return { years: trend.years.slice(cut), series, older: cut };
}
