// What a figure is. Two approved reports are the same figure when they have the same subject
// (park, region, project or organisation), metric, year, period class, kind and unit family, and —
// for an *event* metric — are the same event. A *level* metric has one true value per subject and
// period: its reports merge, and reports giving different values are a conflict for an admin to
// settle (never "latest wins" in silence). An *event* metric has one figure per event: the same
// value reported again with a label that says the same thing, in an issue at most 14 days away,
// is the same event (sameEvent; the database stores the event in fact.event_key when a report is
// approved); an admin can merge or split reports by hand; totals for a place and year are sums
// of its distinct events.
//
// The SQL twin is fact_figure_reports() with unit_family(), unit_base_value(), period_class() and
// figure_event() (migrations 20261202060100…); tests/integration/vocab-sql.test.ts checks that both
// sides group the same reports the same way. Pure and client-safe.
import { sumComparator, type ComparatorCode } from './comparators';
import type { FactKindCode } from './kinds';
import { periodClass } from './periods';
import { Decimal, decimalString, unitDef, unitFamily, convert, convertible, type UnitFamily } from './units';

export const METRIC_NATURES = ['level', 'event'] as const;
export type MetricNature = (typeof METRIC_NATURES)[number];

export const NATURE_LABELS: Readonly<Record<MetricNature, { zh: string; en: string; hint: string }>> = {
  level: { zh: '水平值', en: 'level', hint: '每个主体每期只有一个真实值：重复报道合并，数值不一致即为冲突' },
  event: { zh: '事件', en: 'event', hint: '每个事件各为一个数字：地区和年度的合计是不同事件之和' },
};

export function isMetricNature(s: string): s is MetricNature {
  return (METRIC_NATURES as readonly string[]).includes(s);
}

/** Places a figure that the base value of a unit keeps (as the SQL side rounds). */
export const BASE_PLACES = 6;

/**
 * A value in its unit's conversion base, as "base:value" (15 亩 and 1 公顷 give the same string);
 * a unit without a conversion keeps its own code. Reports of one figure with different base
 * values disagree.
 */
export function baseValue(value: string, unit: string): string {
  const d = unitDef(unit);
  if (!d?.toBase || !d.base) return `${unit}:${decimalString(new Decimal(value))}`;
  const v = new Decimal(value).times(d.toBase[0]).dividedBy(d.toBase[1]).toDecimalPlaces(BASE_PLACES, Decimal.ROUND_HALF_UP);
  return `${d.base}:${decimalString(v)}`;
}

/** What decides which figure a report belongs to. */
export interface ReportIdentity {
  metricId: number;
  nature: MetricNature;
  unit: string;
  kind: FactKindCode;
  year: number;
  period: string | null;
  parkId: number | null;
  regionId: number | null;
  projectId: number | null;
  orgId: number | null;
  /** Set by an admin who merged or split reports of an event by hand. */
  eventKey: string | null;
  value: string;
}

/** '' for a level metric; the admin's key, else the value in its base, for an event metric. */
export function figureEvent(r: Pick<ReportIdentity, 'nature' | 'eventKey' | 'value' | 'unit'>): string {
  if (r.nature === 'level') return '';
  if (r.eventKey !== null) return `k:${r.eventKey}`;
  return `v:${baseValue(r.value, r.unit)}`;
}

/** Reports of one event are at most this many days apart (by issue date). */
export const SAME_EVENT_DAYS = 14;

/** What a label loses before comparison (the SQL event_label_norm drops the same characters). */
const LABEL_DROP = new Set([...'\t\n\r !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~0123456789０１２３４５６７８９“”‘’、，。：；！？（）《》【】〈〉「」『』〔〕·—…～　']);

/** A label as compared: ASCII letters lower-cased; white space, punctuation and digits dropped. */
export function eventLabelNorm(s: string | null | undefined): string {
  let out = '';
  for (const ch of s ?? '') if (!LABEL_DROP.has(ch)) out += /[A-Z]/.test(ch) ? ch.toLowerCase() : ch;
  return out;
}

function bigrams(s: string): Set<string> {
  const chars = [...s];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Two labels say the same thing: either says nothing, one contains the other (培训 / 科技特派员培训),
 * or their character pairs overlap with a Dice coefficient of at least 0.6 (SQL same_event_label).
 */
export function sameEventLabel(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = eventLabelNorm(a);
  const y = eventLabelNorm(b);
  if (x === '' || y === '' || x.includes(y) || y.includes(x)) return true;
  const bx = bigrams(x);
  const by = bigrams(y);
  if (bx.size === 0 || by.size === 0) return false;
  let common = 0;
  for (const g of bx) if (by.has(g)) common++;
  return 10 * common >= 3 * (bx.size + by.size);
}

/**
 * Whether two approved reports of an event metric with the same subject, year, period, kind and
 * value are one event: labels that say the same thing and issue dates at most SAME_EVENT_DAYS
 * apart (a report without a date is an event of its own until an admin merges it). The database
 * applies this when a report is approved (trigger fact_event_assign) and stores the event in
 * fact.event_key.
 */
export function sameEvent(
  a: { label: string | null; date: string | null },
  b: { label: string | null; date: string | null },
): boolean {
  if (!a.date || !b.date) return false;
  const days = Math.abs(Date.parse(`${a.date}T00:00:00Z`) - Date.parse(`${b.date}T00:00:00Z`)) / 86_400_000;
  return days <= SAME_EVENT_DAYS && sameEventLabel(a.label, b.label);
}

/** The figure a report belongs to, as a string key (the same columns as fact_figure's key). */
export function figureKey(r: ReportIdentity): string {
  return JSON.stringify([
    r.metricId,
    figureFamily(r.unit),
    r.kind,
    r.year,
    periodClass(r.period),
    r.parkId,
    r.regionId,
    r.projectId,
    r.orgId,
    figureEvent(r),
  ]);
}

/** A figure as the pages show it (one event, or one level value of a subject and period). */
export interface FigureLike {
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
  comparator: ComparatorCode;
  reports: number;
  sources: number;
  /** Different values among the reports: more than one is a conflict. */
  values: number;
  latest: { factId: number; date: string | null };
}

/** Reports of one figure that disagree (level: two values for one thing; event: merged by hand). */
export function isConflict(f: Pick<FigureLike, 'values'>): boolean {
  return f.values > 1;
}

/** The figures of one subject, metric, year, period class, kind and unit family, with their total. */
export type SubjectTotal<F extends FigureLike> = F & {
  /** The distinct events (or the one level figure) making up the value, largest first. */
  events: F[];
};

/** What puts figures into one subject figure (subjectTotals): a figure's key columns and unit. */
export type SubjectKeyed = Pick<FigureLike, 'metricId' | 'parkId' | 'regionId' | 'projectId' | 'orgId' | 'year' | 'period' | 'kind' | 'unit'>;

/** The subject figure a figure is part of, as a string key. */
export function subjectKey(f: SubjectKeyed): string {
  return JSON.stringify([f.metricId, f.parkId, f.regionId, f.projectId, f.orgId, f.year, periodClass(f.period), f.kind, figureFamily(f.unit)]);
}

/** Figures grouped by subject figure, groups in the order of their first figure. */
export function groupBySubject<F extends SubjectKeyed>(figures: readonly F[]): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const f of figures) {
    const key = subjectKey(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/**
 * Whether a group of several events has a total (subjectTotals): its metric adds up and every
 * event's unit converts to the first's. The values are decimals (numeric in SQL), so convert()
 * fails on the units alone: readers that load no values (lib/data/overview.ts) decide the same.
 */
export function eventsAddUp(units: readonly string[], metric: { aggregation: string } | undefined): boolean {
  if (metric?.aggregation !== 'sum') return false;
  const first = units[0];
  return first !== undefined && units.every((u) => convertible(u, first));
}

/**
 * What becomes of one subject's group of figures (groupBySubject): 'each' — a level figure, or a
 * lone event, as it is; 'sum' — several events of a metric that adds up, one total; 'none' —
 * events without a total (the metric does not add up, or their units do not convert).
 */
export function subjectGroupRule(
  list: readonly Pick<FigureLike, 'unit'>[],
  metric: { nature: MetricNature; aggregation: string } | undefined,
): 'each' | 'sum' | 'none' {
  if (list.length === 1 || metric?.nature !== 'event') return 'each';
  return eventsAddUp(list.map((f) => f.unit), metric) ? 'sum' : 'none';
}

/** The figure whose latest report is the newest (by issue date, then fact id). */
export function newestReport<F extends { latest: { factId: number; date: string | null } }>(list: readonly F[]): F | undefined {
  return [...list].sort((a, b) => (b.latest.date ?? '').localeCompare(a.latest.date ?? '') || b.latest.factId - a.latest.factId)[0];
}

/**
 * One figure per subject, metric, year, period class, kind and unit family: a level figure as it
 * is; the events of an event metric summed (in the first event's unit; comparator of a sum), when
 * the metric adds up (aggregation 'sum'). Events of a metric that does not add up (3 experts here,
 * a pool of 300 there) give no total: they stay separate figures for lists, never one card.
 */
export function subjectTotals<F extends FigureLike>(
  figures: readonly F[],
  metricOf: (metricId: number) => { nature: MetricNature; aggregation: string } | undefined,
): SubjectTotal<F>[] {
  const groups = groupBySubject(figures);
  const out: SubjectTotal<F>[] = [];
  for (const list of groups.values()) {
    const rule = subjectGroupRule(list, metricOf(list[0]!.metricId));
    if (rule === 'each') {
      // A level metric has one figure per group (fact_figure's key); several only if the caller
      // mixed in something else, which then stays separate.
      for (const f of list) out.push({ ...f, events: [f] });
      continue;
    }
    // A metric that does not add up, or units of one family without a fixed conversion (元 and 美元): no total.
    if (rule === 'none') continue;
    const unit = list[0]!.unit;
    const parts = list.map((f) => convert(f.value, f.unit, unit));
    if (parts.some((p) => p === null)) continue;
    const sum = parts.reduce((acc, p) => acc.plus(p!), new Decimal(0));
    const sorted = [...list].sort((a, b) => Number(b.value) - Number(a.value));
    out.push({
      ...newestReport(list)!,
      value: decimalString(sum),
      unit,
      comparator: sumComparator(list.map((f) => f.comparator)),
      reports: list.reduce((n, f) => n + f.reports, 0),
      sources: list.reduce((n, f) => n + f.sources, 0),
      values: Math.max(...list.map((f) => f.values)),
      events: sorted,
    });
  }
  return out;
}

/** Whether figures of these units can share one chart axis (one unit family, and convertible). */
export function oneAxis(units: readonly string[]): boolean {
  const first = units[0];
  if (first === undefined) return true;
  return units.every((u) => convert('1', u, first) !== null);
}

/** The unit family a figure is keyed by (an unregistered other:<word> is a family of its own). */
export function figureFamily(unit: string): UnitFamily | string {
  const f = unitFamily(unit);
  return f === 'other' ? unit : f;
}

/**
 * The figures that fit a metric's unit, with values converted to it (1 公顷 → 15 亩); figures in
 * another family (人次 under a metric counted in 人, from before units were checked) are left out
 * of cards, rankings and charts — the data check lists them.
 */
export function fitToMetric<F extends { value: string; unit: string }>(figures: readonly F[], metricUnit: string): F[] {
  const out: F[] = [];
  for (const f of figures) {
    if (f.unit === metricUnit) {
      out.push(f);
      continue;
    }
    const v = convert(f.value, f.unit, metricUnit);
    if (v !== null) out.push({ ...f, value: v, unit: metricUnit });
  }
  return out;
}

/** A subject figure as a value with provenance (what a cell, bar or card shows). */
export function toSourced<F extends FigureLike & { latest: F['latest'] }>(
  f: F & { events?: readonly unknown[] },
): Pick<F, 'value' | 'unit' | 'comparator' | 'reports' | 'sources' | 'latest'> & { conflict: boolean; events: number } {
  return {
    value: f.value,
    unit: f.unit,
    comparator: f.comparator,
    reports: f.reports,
    sources: f.sources,
    conflict: isConflict(f),
    events: f.events?.length ?? 1,
    latest: f.latest,
  };
}
