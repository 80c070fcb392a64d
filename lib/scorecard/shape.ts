// The 五好 scorecard's cells from a park's figures: for each indicator the latest actual of the
// year (with its period), the year's target, progress compared like with like (a half-year actual
// against a full-year target is progress "through June", never a shortfall) and the trend against
// the previous comparable figure (same period of an earlier year). Pure and client-safe; the read
// is lib/data/scorecard.ts.
import { fitToMetric, toSourced } from '@/lib/vocab/figure';
import { periodClass } from '@/lib/vocab/periods';
import { progress, type PromiseSide } from '@/lib/vocab/progress';
import type { FactKindCode, MetricRef, ParkRef, RegionRef, SourcedValue, SourceRef } from '@/lib/vocab/shapes';

/** What the shaping needs of a figure (lib/data/provenance.ts SubjectFigure fits). */
export interface ScoreFigure {
  metricId: number;
  parkId: number | null;
  regionId: number | null;
  projectId: number | null;
  orgId: number | null;
  year: number;
  period: string | null;
  kind: FactKindCode;
  value: string;
  unit: string;
  comparator: SourcedValue['comparator'];
  reports: number;
  sources: number;
  values: number;
  events?: readonly unknown[];
  latest: SourceRef;
}

export interface ScoreAward {
  id: number;
  year: number;
  title: string;
  parkId: number | null;
  articleId: number | null;
}

export interface DimensionRef {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  showAwards: boolean;
  indicators: MetricRef[];
}

/** A value shown in a cell: the figure with its provenance, its year and its period ('' = whole year). */
export type PeriodValue = SourcedValue & { year: number; period: string };

export interface Progress {
  /** Share of the target reached in per cent; null for rates and shares (met or not). */
  pct: number | null;
  /** lib/vocab/progress.ts: met, missed (only once the period is over) or in progress. */
  status: 'met' | 'missed' | 'in_progress';
  /** The actual covers only part of what the target covers: "截至N月" progress, never a shortfall. */
  partial: boolean;
  /** The last month a year-to-date actual covers (12 when final; null when "as of" a date). */
  throughMonth: number | null;
  /** A whole-year figure reported during the year: the year so far, as of this issue date. */
  asOf: string | null;
}

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** Good news given the metric's direction; null for neutral metrics or no change. */
  good: boolean | null;
  previous: PeriodValue;
}

export interface ScoreCell {
  metric: MetricRef;
  actual: PeriodValue | null;
  target: PeriodValue | null;
  /** Null without both sides, or when they cover different stretches (a Q2 figure vs a full-year target). */
  progress: Progress | null;
  trend: Trend | null;
}

export interface ScoreDimension {
  key: string;
  /** Indicators with a figure (actual or target) for the park in the year, in the admin's order. */
  cells: ScoreCell[];
  /** The dimension's indicator count (cells without figures are left out). */
  indicators: number;
  /** The park's awards of the year (dimensions that show awards). */
  awards: ScoreAward[];
}

export interface ScoreRow {
  park: ParkRef;
  dimensions: ScoreDimension[];
}

/** First and last month a period covers: '' / FY / cumulative are the whole year. */
export function periodMonths(period: string | null): { from: number; to: number } | null {
  const p = periodClass(period);
  if (p === '') return { from: 1, to: 12 };
  const fixed: Record<string, [number, number]> = { H1: [1, 6], H2: [7, 12], Q1: [1, 3], Q2: [4, 6], Q3: [7, 9], Q4: [10, 12] };
  const f = fixed[p];
  if (f) return { from: f[0], to: f[1] };
  const m = /^M(\d{2})-M(\d{2})$/.exec(p);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  return null;
}

const byLatestReport = (a: ScoreFigure, b: ScoreFigure) =>
  (b.latest.date ?? '').localeCompare(a.latest.date ?? '') || b.latest.factId - a.latest.factId;

/**
 * The actual a cell shows for the year: the whole-year figure when there is one, else the one that
 * reaches furthest into the year (cumulative-from-January before a lone quarter ending the same month).
 */
export function pickActual(figures: readonly ScoreFigure[]): ScoreFigure | null {
  const ranked = figures
    .map((f) => ({ f, m: periodMonths(f.period) }))
    .filter((x): x is { f: ScoreFigure; m: { from: number; to: number } } => x.m !== null)
    .sort((a, b) => b.m.to - a.m.to || a.m.from - b.m.from || byLatestReport(a.f, b.f));
  return ranked[0]?.f ?? null;
}

function side(f: ScoreFigure): PromiseSide {
  return { ...f, date: f.latest.date };
}

/**
 * Progress of an actual towards a target, like with like (the rule of lib/vocab/progress.ts, shared
 * with the targets pages): same period, or a year-to-date actual against a whole-year target, which
 * is progress through month N, never a shortfall. A lone quarter against a whole-year target
 * compares nothing.
 */
export function progressOf(metric: MetricRef, actual: ScoreFigure, target: ScoreFigure): Progress | null {
  const p = progress(side(target), side(actual), metric);
  const c = p.coverage;
  if (c.kind === 'none' || (p.status !== 'met' && p.status !== 'missed' && p.status !== 'in_progress')) return null;
  return {
    pct: p.percent,
    status: p.status,
    partial: c.kind !== 'final',
    throughMonth: c.kind === 'final' ? 12 : c.kind === 'to_month' ? c.month : null,
    asOf: c.kind === 'to_date' ? c.date : null,
  };
}

function periodValue(f: ScoreFigure): PeriodValue {
  return { ...toSourced(f), year: f.year, period: periodClass(f.period) };
}

/**
 * One cell: the park's figures of one metric (any years, kinds and periods; fitted to the metric's
 * unit here) for a year. Null when the park has neither an actual nor a target that year.
 */
export function buildCell(metric: MetricRef, figures: readonly ScoreFigure[], year: number): ScoreCell | null {
  const mine = fitToMetric(
    figures.filter((f) => f.metricId === metric.id && f.projectId === null && f.orgId === null),
    metric.unit,
  );
  const actuals = mine.filter((f) => f.kind === 'actual');
  const actual = pickActual(actuals.filter((f) => f.year === year));
  const targets = mine.filter((f) => f.kind === 'target' && f.year === year);
  // The target for the same stretch as the actual, else the whole year's.
  const sameStretch = actual ? targets.filter((t) => periodClass(t.period) === periodClass(actual.period)).sort(byLatestReport)[0] : undefined;
  const wholeYear = targets.filter((t) => periodClass(t.period) === '').sort(byLatestReport)[0];
  const target = sameStretch ?? wholeYear ?? (actual ? undefined : [...targets].sort(byLatestReport)[0]) ?? null;
  if (!actual && !target) return null;
  let trend: Trend | null = null;
  if (actual) {
    const cls = periodClass(actual.period);
    const prev = actuals.filter((f) => f.year < year && periodClass(f.period) === cls).sort((a, b) => b.year - a.year || byLatestReport(a, b))[0];
    if (prev) {
      const d = Number(actual.value) - Number(prev.value);
      const direction = d > 0 ? 'up' : d < 0 ? 'down' : 'flat';
      const good = metric.direction === 'neutral' || direction === 'flat' ? null : (direction === 'up') === (metric.direction === 'higher_better');
      trend = { direction, good, previous: periodValue(prev) };
    }
  }
  return {
    metric,
    actual: actual ? periodValue(actual) : null,
    target: target ? periodValue(target) : null,
    progress: actual && target ? progressOf(metric, actual, target) : null,
    trend,
  };
}

/** The scorecard: one row per park, one entry per dimension with the cells that have figures. */
export function buildScorecard(
  dimensions: readonly DimensionRef[],
  parks: readonly ParkRef[],
  figures: readonly ScoreFigure[],
  awards: readonly ScoreAward[],
  year: number,
): ScoreRow[] {
  const byPark = new Map<number, ScoreFigure[]>();
  for (const f of figures) {
    // A park's own figures only: a project's or an organisation's are never its park's.
    if (f.parkId === null || f.projectId !== null || f.orgId !== null) continue;
    const list = byPark.get(f.parkId);
    if (list) list.push(f);
    else byPark.set(f.parkId, [f]);
  }
  return parks.map((park) => {
    const mine = byPark.get(park.id) ?? [];
    return {
      park,
      dimensions: dimensions.map((d) => ({
        key: d.key,
        indicators: d.indicators.length,
        cells: d.indicators.map((m) => buildCell(m, mine, year)).filter((c): c is ScoreCell => c !== null),
        awards: d.showAwards ? awards.filter((a) => a.parkId === park.id && a.year === year) : [],
      })),
    };
  });
}

/** Years that have a scorecard figure or award of a park, newest first. */
export function scorecardYears(figures: readonly ScoreFigure[], awards: readonly ScoreAward[]): number[] {
  const years = new Set<number>();
  for (const f of figures) if (f.parkId !== null && f.projectId === null && f.orgId === null) years.add(f.year);
  for (const a of awards) if (a.parkId !== null) years.add(a.year);
  return [...years].sort((a, b) => b - a);
}

/** The parks of a county (by region code; the city's code: the parks the city runs itself). */
export function parksOfCounty(parks: readonly ParkRef[], regions: readonly RegionRef[], code: string | null): ParkRef[] {
  if (code === null) return [...parks];
  const region = regions.find((r) => r.code === code);
  return region ? parks.filter((p) => p.regionId === region.id) : [...parks];
}

/** Compare view: 2–4 distinct known parks from the URL, in the order given; otherwise none. */
export function compareSelection(ids: readonly number[], parks: readonly ParkRef[]): ParkRef[] {
  const known = new Map(parks.map((p) => [p.id, p]));
  const picked = [...new Set(ids)].map((id) => known.get(id)).filter((p): p is ParkRef => p !== undefined);
  return picked.length >= 2 && picked.length <= 4 ? picked : [];
}

export interface CompareRow {
  metric: MetricRef;
  /** One cell per compared park (null: no figure that year). */
  cells: (ScoreCell | null)[];
}

/** Side by side: per dimension, the indicators at least one compared park has a figure for. */
export function buildCompare(
  dimensions: readonly DimensionRef[],
  rows: readonly ScoreRow[],
  picked: readonly ParkRef[],
): { key: string; rows: CompareRow[]; awards: ScoreAward[][]; empty: number }[] {
  const chosen = picked.map((p) => rows.find((r) => r.park.id === p.id));
  return dimensions.map((d) => {
    const perPark = chosen.map((r) => r?.dimensions.find((x) => x.key === d.key));
    const out: CompareRow[] = [];
    for (const m of d.indicators) {
      const cells = perPark.map((pd) => pd?.cells.find((c) => c.metric.id === m.id) ?? null);
      if (cells.some((c) => c !== null)) out.push({ metric: m, cells });
    }
    return { key: d.key, rows: out, awards: perPark.map((pd) => pd?.awards ?? []), empty: d.indicators.length - out.length };
  });
}

export interface PeriodGroup<F extends ScoreFigure> {
  year: number;
  /** '' for the whole year. */
  period: string;
  figures: F[];
}

/**
 * A park's figures grouped by the stretch they cover, newest first: each year's whole-year figures,
 * then its part-year ones from the one reaching furthest (1—9月, 上半年, 二季度, 一季度 …). Only the
 * park's own figures (never a project's or an organisation's).
 */
export function groupByPeriod<F extends ScoreFigure>(figures: readonly F[]): PeriodGroup<F>[] {
  const groups = new Map<string, PeriodGroup<F>>();
  for (const f of figures) {
    if (f.projectId !== null || f.orgId !== null) continue;
    const period = periodClass(f.period);
    const key = `${f.year}:${period}`;
    const g = groups.get(key);
    if (g) g.figures.push(f);
    else groups.set(key, { year: f.year, period, figures: [f] });
  }
  return [...groups.values()].sort(comparePeriods);
}

/** Newest first: later years, then within a year the period reaching furthest (whole year first). */
export function comparePeriods(a: { year: number; period: string }, b: { year: number; period: string }): number {
  const reach = (p: string) => {
    const m = periodMonths(p);
    return m ? m.to * 100 - m.from : -1;
  };
  return b.year - a.year || reach(b.period) - reach(a.period) || a.period.localeCompare(b.period);
}
