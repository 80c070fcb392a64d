// Promises and delivery: which actual figures answer a target, and how far they got. A target
// (力争全年完成投资140亿元) and an actual (1—6月完成62亿元) are compared only when they are the
// same figure — subject, metric, year and unit family — and only like with like: a year-to-date
// actual against a full-year target is progress "截至6月", never a shortfall; a lone quarter or
// second half is not a year-to-date figure and gives no progress at all. Pure and client-safe.
import type { ComparatorCode } from './comparators';
import { periodClass } from './periods';
import { figureFamily } from './figure';
import { convert, Decimal, decimalString } from './units';
import type { DirectionCode, ValueTypeCode } from './shapes';

/** What an actual figure covers, relative to the target's period. */
export type Coverage =
  /** The whole period of the target (a full-year actual for a full-year target). */
  | { kind: 'final' }
  /** January to the end of `month` of the target's year (H1 → 6, Q1 → 3, M01-M09 → 9). */
  | { kind: 'to_month'; month: number }
  /** A whole-year figure reported during the year itself: the year so far, as of the issue date. */
  | { kind: 'to_date'; date: string }
  /** Not comparable with the target, and why. */
  | { kind: 'none'; reason: NotComparableReason };

export type NotComparableReason =
  /** A lone quarter, second half or month range not starting in January (not the year so far). */
  | 'partial_period'
  /** Another unit family (人次 vs 人, 元 vs %): never compared. */
  | 'unit_family'
  /** The target is for a part of the year and the actual for another part. */
  | 'other_period'
  /** Another subject, metric or year: not the same figure. */
  | 'other_figure';

/** The figure identity both sides share. */
export interface PromiseSide {
  metricId: number;
  parkId: number | null;
  regionId: number | null;
  projectId: number | null;
  orgId: number | null;
  year: number;
  period: string | null;
  unit: string;
  value: string;
  comparator: ComparatorCode;
  /** Issue date of the report (YYYY-MM-DD), null for manual entries without one. */
  date: string | null;
}

export type ProgressStatus = 'met' | 'missed' | 'in_progress' | 'no_actual' | 'not_comparable';

export interface Progress {
  coverage: Coverage;
  status: ProgressStatus;
  /** actual ÷ target × 100 (one decimal) for counts, amounts and quantities; null for rates and shares. */
  percent: number | null;
  /** The actual in the target's unit (decimal string), null when not comparable. */
  actualValue: string | null;
}

/** The last month a period covers counting from January, or null when it does not start in January. */
export function yearToDateMonth(period: string | null): number | null {
  if (period === null || period === 'FY') return 12;
  if (period === 'H1') return 6;
  if (period === 'Q1') return 3;
  const m = /^M(\d{2})-M(\d{2})$/.exec(period);
  if (m && m[1] === '01') return Number(m[2]);
  return null;
}

/** Same subject, metric and year: the two are about the same thing. */
export function sameFigure(a: PromiseSide, b: PromiseSide): boolean {
  return (
    a.metricId === b.metricId &&
    a.parkId === b.parkId &&
    a.regionId === b.regionId &&
    a.projectId === b.projectId &&
    a.orgId === b.orgId &&
    a.year === b.year
  );
}

/** What the actual covers of the target (or why the two cannot be compared). */
export function coverage(target: PromiseSide, actual: PromiseSide): Coverage {
  if (!sameFigure(target, actual)) return { kind: 'none', reason: 'other_figure' };
  if (figureFamily(target.unit) !== figureFamily(actual.unit) || convert('1', actual.unit, target.unit) === null) {
    return { kind: 'none', reason: 'unit_family' };
  }
  const targetPart = periodClass(target.period);
  if (targetPart !== '') {
    // A target for a part of the year (上半年目标) is met or missed by the same part only.
    return periodClass(actual.period) === targetPart ? { kind: 'final' } : { kind: 'none', reason: 'other_period' };
  }
  if (actual.period === 'FY') return { kind: 'final' };
  if (actual.period === null || actual.period === 'cumulative') {
    // No period in the text: a figure of the year reported during that year is the year so far.
    if (actual.date !== null && Number(actual.date.slice(0, 4)) === target.year) return { kind: 'to_date', date: actual.date };
    return { kind: 'final' };
  }
  const month = yearToDateMonth(actual.period);
  if (month === null) return { kind: 'none', reason: 'partial_period' };
  return month === 12 ? { kind: 'final' } : { kind: 'to_month', month };
}

/** Whether a value satisfies a target with its comparator (a plain "新增2家" is at least 2 for a higher-is-better metric). */
export function satisfies(actual: string, target: string, comparator: ComparatorCode, direction: DirectionCode): boolean {
  const a = new Decimal(actual);
  const t = new Decimal(target);
  switch (comparator) {
    case 'gt':
      return a.greaterThan(t);
    case 'gte':
      return a.greaterThanOrEqualTo(t);
    case 'lt':
      return a.lessThan(t);
    case 'lte':
      return a.lessThanOrEqualTo(t);
    default:
      return direction === 'lower_better' ? a.lessThanOrEqualTo(t) : a.greaterThanOrEqualTo(t);
  }
}

/** Kinds of value where "share of the target reached" means something (not rates or shares). */
export function additive(valueType: ValueTypeCode): boolean {
  return valueType === 'count' || valueType === 'amount' || valueType === 'quantity';
}

/**
 * How far an actual got towards a target. Counts and amounts get a percentage of the target; a
 * rate or share is met or not by its comparator. Before the period is over the status is
 * in_progress (or met, when the target is already reached), never missed.
 */
export function progress(
  target: PromiseSide,
  actual: PromiseSide | null,
  metric: { valueType: ValueTypeCode; direction: DirectionCode },
): Progress {
  if (!actual) return { coverage: { kind: 'none', reason: 'other_figure' }, status: 'no_actual', percent: null, actualValue: null };
  const cov = coverage(target, actual);
  if (cov.kind === 'none') return { coverage: cov, status: 'not_comparable', percent: null, actualValue: null };
  const value = convert(actual.value, actual.unit, target.unit);
  if (value === null) return { coverage: { kind: 'none', reason: 'unit_family' }, status: 'not_comparable', percent: null, actualValue: null };
  const t = new Decimal(target.value);
  const percent =
    additive(metric.valueType) && !t.isZero() ? Number(new Decimal(value).dividedBy(t).times(100).toDecimalPlaces(1).toString()) : null;
  const met = satisfies(value, target.value, target.comparator, metric.direction);
  // Before the period ends only a running total that already passed its target is "met": a rate
  // may still move, and a ceiling (lower is better) may still be exceeded.
  const early = cov.kind !== 'final';
  const reachedEarly = met && additive(metric.valueType) && metric.direction !== 'lower_better';
  const status: ProgressStatus = early ? (reachedEarly ? 'met' : 'in_progress') : met ? 'met' : 'missed';
  return { coverage: cov, status, percent, actualValue: decimalString(new Decimal(value)) };
}

/** How much of the year an actual covers, for ordering a timeline (final last). */
export function coverageRank(c: Coverage): number {
  switch (c.kind) {
    case 'final':
      return 13;
    case 'to_month':
      return c.month;
    case 'to_date':
      return Number(c.date.slice(5, 7)) - 0.5;
    case 'none':
      return -1;
  }
}

/**
 * The actual that best answers a target: the one covering most of the period (final first), the
 * latest report among equals. Actuals that are not comparable are never chosen.
 */
export function bestActual<A extends PromiseSide>(target: PromiseSide, actuals: readonly A[]): A | null {
  let best: A | null = null;
  let bestRank = -1;
  for (const a of actuals) {
    const rank = coverageRank(coverage(target, a));
    if (rank < 0) continue;
    if (best === null || rank > bestRank || (rank === bestRank && (a.date ?? '') > (best.date ?? ''))) {
      best = a;
      bestRank = rank;
    }
  }
  return best;
}
