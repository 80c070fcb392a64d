// The officials' overview for one year: the headline figures (an admin's choice per dashboard,
// else the Five Good indicators with figures in the year), the year's targets with their delivery,
// the parks ranked on one metric, awards by year, the counties headed by their parks' indicators
// and trends. The read is a handful of queries — the keys of the year's figures (to count and
// choose), then only the figures shown — so a cache miss does not read every figure of the year;
// the assembly below is pure (exported for unit tests) so "no figure" stays null, never 0.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import type { MetricRef, ParkRef, Places, RegionRef, SourceRef, SourcedValue } from '@/lib/vocab/shapes';
import { getSubjectFigureKeys, getSubjectFigures, type SubjectFigure, type SubjectFigureKey } from './provenance';
import { fitToMetric, subjectKey, toSourced as sourced } from '@/lib/vocab/figure';
import { isWholeYear } from '@/lib/vocab/periods';
import { Decimal, decimalString } from '@/lib/vocab/units';
import { getMetrics } from './metrics-view';
import { getPlaces, getRecognitions, type RecognitionItem } from './regions';
import { getHeadlineChoice } from './headline';
import { getScorecardDimensions } from './scorecard';
import { linkTargets, type TargetItem } from './targets';

/** Why a card has no change on the previous year. */
export type PreviousMissing =
  /** No whole-year actual of the metric the year before. */
  | 'no_previous'
  /** There is one, but of another subject or basis (one park then, the parks' sum now…): not compared. */
  | 'other_basis'
  /** There is one, but in another unit family (人次 vs 人): not compared. */
  | 'other_unit';

/** Default number of headline cards when no admin chose them. */
export const DEFAULT_HEADLINE_CARDS = 8;

/** Targets the overview lists, in its order (all of them are on /targets; targetCount says how many). */
export const OVERVIEW_TARGETS = 8;

/**
 * How long the overview's read model is served. Every write path invalidates 'overview:' after it
 * commits, in every app process (lib/db/cache-sync.ts), so a timer need not find changes: with the
 * read cache's 10 s default, each key was recomputed every 10 s however few the writes, and a
 * recomputation (tens of thousands of figures at 1M+ facts) held the event loop that serves every
 * request. After the TTL a reader still gets the stale view while one refresh runs (staleMs).
 */
const VIEW_CACHE = { ttlMs: 10 * 60_000, staleMs: 24 * 60 * 60_000 } as const;

export interface KpiCard {
  metric: MetricRef;
  /** city: the city's own figure; parks_sum: sum of the parks' figures; subject: one park/county. */
  basis: 'city' | 'parks_sum' | 'subject';
  subjectName: string | null;
  subjectNameEn: string | null;
  /** Parks with a figure for this metric and year. */
  parkCount: number;
  value: string | null;
  comparator: SourcedValue['comparator'];
  previous: string | null;
  /** Why previous is null (null when there is a previous figure or no value to compare). */
  previousMissing: PreviousMissing | null;
  target: string | null;
  /** The report behind the target (for its tooltip and link). */
  targetSource: SourceRef | null;
  targetComparator: SourcedValue['comparator'];
  /** Latest issue date among the reports behind the value. */
  asOf: string | null;
  sources: number;
  reports: number;
  latest: SourceRef | null;
}

export interface RankRow {
  park: ParkRef;
  actual: SourcedValue | null;
  target: SourcedValue | null;
}

/** A park's figure heading its county's card. */
export interface CountyIndicator {
  park: ParkRef;
  metric: MetricRef;
  point: SourcedValue;
}

export interface CountyRow {
  /** null: the parks the city administers itself (市直园区). */
  region: RegionRef | null;
  parks: { park: ParkRef; figures: number; awards: number }[];
  /** Its parks' figures of the year, indicators first (at most three): what heads the card. */
  indicators: CountyIndicator[];
  /** Approved whole-year figures of the year for the county and its parks. */
  figures: number;
  awards: number;
}

export interface TrendSeries {
  id: string;
  name: string;
  nameEn: string | null;
  points: (SourcedValue | null)[];
}

export interface OverviewData {
  years: number[];
  year: number | null;
  places: Places;
  metrics: MetricRef[];
  /** Metrics with park figures in the year (choices for the ranking). */
  rankingMetrics: MetricRef[];
  metric: MetricRef | null;
  kpis: KpiCard[];
  /** admin: the dashboard's chosen headline; default: the indicators with figures in the year. */
  headline: 'admin' | 'default';
  /**
   * The year's first targets (city first, indicators first; at most OVERVIEW_TARGETS) with the
   * actual that answers each: the whole list is on /targets (it grows with the data; the overview
   * JSON stays small).
   */
  targets: TargetItem[];
  /** How many targets the year has (the link to /targets says so). */
  targetCount: number;
  /** Metrics with a target in the year (among all targetCount, not only those listed). */
  targetMetricIds: number[];
  /** Years with park figures, newest first (the park figures are one click away). */
  parkYears: number[];
  ranking: RankRow[];
  awards: { year: number; items: RecognitionItem[] }[];
  counties: CountyRow[];
  trend: { years: number[]; series: TrendSeries[] };
  figuresInYear: number;
  asOf: string | null;
}

const figureKey = (f: { metricId: number; parkId: number | null; regionId: number | null }) =>
  `${f.metricId}:${f.parkId ?? ''}:${f.regionId ?? ''}`;

/** What the pages read: a subject's figure (an event metric's events summed), see provenance.ts. */
type Figure = SubjectFigure;

export function toSourced(f: Figure): SourcedValue {
  return sourced(f);
}

/** Exact sum of decimal strings. */
function sumDecimal(values: string[]): string {
  return decimalString(values.reduce((acc, v) => acc.plus(v), new Decimal(0)));
}

function latestOf(figs: Figure[]): Figure | undefined {
  return [...figs].sort((a, b) => (b.latest.date ?? '').localeCompare(a.latest.date ?? '') || b.latest.factId - a.latest.factId)[0];
}

interface Basis {
  basis: KpiCard['basis'];
  value: string;
  comparator: SourcedValue['comparator'];
  figures: Figure[];
  subject: Figure | null;
}

/**
 * The city-level value of a metric from its figures of one year and kind: the city's own figure
 * when reported; else the parks' sum for additive metrics; else the one subject reported; else
 * (rates of several parks) the best park's figure, labelled with that park.
 */
export function cityValue(metric: MetricRef, figs: Figure[], cityId: number | null, parkIds: Set<number>): Basis | null {
  if (figs.length === 0) return null;
  const own = figs.find((f) => f.regionId !== null && f.regionId === cityId);
  if (own) return { basis: 'city', value: own.value, comparator: own.comparator, figures: [own], subject: null };
  const parks = figs.filter((f) => f.parkId !== null && parkIds.has(f.parkId));
  if (metric.aggregation === 'sum' && parks.length > 1) {
    const exact = parks.every((p) => p.comparator === 'eq');
    return { basis: 'parks_sum', value: sumDecimal(parks.map((p) => p.value)), comparator: exact ? 'eq' : 'approx', figures: parks, subject: null };
  }
  const pool = parks.length > 0 ? parks : figs;
  const sign = metric.direction === 'lower_better' ? 1 : -1;
  const best = [...pool].sort((a, b) => sign * (Number(a.value) - Number(b.value)))[0];
  if (!best) return null;
  return { basis: 'subject', value: best.value, comparator: best.comparator, figures: [best], subject: best };
}

/** KPI cards for a year: one per metric with figures, actual ones first, most widely reported first. */
export function buildKpis(
  metrics: MetricRef[],
  figures: Figure[],
  year: number,
  places: Places,
  limit = 12,
  opts: { ordered?: boolean } = {},
): KpiCard[] {
  const cityId = places.city?.id ?? null;
  const parkIds = new Set(places.parks.map((p) => p.id));
  const names = new Map<string, [string, string | null]>([
    ...places.parks.map((p): [string, [string, string | null]] => [`p${p.id}`, [p.name, p.nameEn]]),
    ...[places.city, ...places.counties]
      .filter((r): r is RegionRef => r !== null)
      .map((r): [string, [string, string | null]] => [`r${r.id}`, [r.name, r.nameEn]]),
  ]);
  const cards: (KpiCard & { weight: number })[] = [];
  for (const metric of metrics) {
    // Only figures in the metric's unit family, converted to its unit (亩 and 公顷 add up; 人次 is not 人).
    const mine = fitToMetric(figures.filter((f) => f.metricId === metric.id), metric.unit);
    const of = (y: number, kind: Figure['kind']) => mine.filter((f) => f.year === y && f.kind === kind);
    const actual = of(year, 'actual');
    const targets = of(year, 'target');
    const now = cityValue(metric, actual, cityId, parkIds);
    const aim = cityValue(metric, targets, cityId, parkIds);
    if (!now && !aim) {
      // A chosen headline metric keeps its place and says 无数据; otherwise it has no card.
      if (opts.ordered) cards.push(emptyCard(metric));
      continue;
    }
    // Compare like with like: the previous year and the target on the same basis and subject.
    const sameBasis = (figs: Figure[]): Figure[] | null => {
      if (!now) return null;
      if (now.basis === 'subject' && now.subject) {
        const hit = figs.find((f) => figureKey(f) === figureKey(now.subject!));
        return hit ? [hit] : null;
      }
      const b = cityValue(metric, figs, cityId, parkIds);
      return b && b.basis === now.basis ? b.figures : null;
    };
    const valueOf = (figs: Figure[] | null): string | null => {
      if (!figs || !now) return null;
      return cityValue(metric, figs, cityId, parkIds)?.value ?? null;
    };
    // Without an actual figure the card still shows the year's target (value: 无数据).
    const shown = now ?? aim!;
    const targetFigs = now ? sameBasis(targets) : aim!.figures;
    const latest = latestOf(shown.figures);
    const subjectFig = shown.subject;
    const subjectKey = subjectFig ? (subjectFig.parkId !== null ? `p${subjectFig.parkId}` : `r${subjectFig.regionId}`) : null;
    const subjectName = subjectKey ? names.get(subjectKey) : undefined;
    cards.push({
      metric,
      basis: shown.basis,
      subjectName: subjectName?.[0] ?? null,
      subjectNameEn: subjectName?.[1] ?? null,
      parkCount: new Set([...actual, ...(now ? [] : targets)].filter((f) => f.parkId !== null).map((f) => f.parkId)).size,
      value: now ? now.value : null,
      comparator: now ? now.comparator : 'eq',
      previous: valueOf(sameBasis(of(year - 1, 'actual'))),
      previousMissing: !now || valueOf(sameBasis(of(year - 1, 'actual'))) !== null
        ? null
        : of(year - 1, 'actual').length > 0
          ? 'other_basis'
          : figures.some((f) => f.metricId === metric.id && f.year === year - 1 && f.kind === 'actual')
            ? 'other_unit'
            : 'no_previous',
      target: now ? valueOf(targetFigs) : aim!.value,
      targetSource: targetFigs && targetFigs.length === 1 ? (targetFigs[0]?.latest ?? null) : null,
      targetComparator: targetFigs && targetFigs.length === 1 ? (targetFigs[0]?.comparator ?? 'eq') : 'eq',
      asOf: shown.figures.map((f) => f.latest.date).filter((d): d is string => d !== null).sort().at(-1) ?? null,
      sources: shown.figures.reduce((n, f) => n + f.sources, 0),
      reports: shown.figures.reduce((n, f) => n + f.reports, 0),
      latest: now ? (latest?.latest ?? null) : null,
      weight: (now ? 1_000_000 : 0) + actual.filter((f) => f.parkId !== null).length * 100 + actual.length + targets.length,
    });
  }
  const order = new Map(metrics.map((m, i) => [m.id, i]));
  return cards
    .sort((a, b) => (opts.ordered ? (order.get(a.metric.id) ?? 0) - (order.get(b.metric.id) ?? 0) : b.weight - a.weight || a.metric.id - b.metric.id))
    .slice(0, limit)
    .map(({ weight: _w, ...card }) => card);
}

function emptyCard(metric: MetricRef): KpiCard & { weight: number } {
  return {
    metric, basis: 'city', subjectName: null, subjectNameEn: null, parkCount: 0, value: null, comparator: 'eq', previous: null,
    previousMissing: null, target: null, targetSource: null, targetComparator: 'eq', asOf: null, sources: 0, reports: 0, latest: null, weight: 0,
  };
}

/** Every park with its actual and target figure of the metric and year (null when none). */
export function buildRanking(metric: MetricRef, figures: Figure[], year: number, parks: ParkRef[]): RankRow[] {
  const mine = fitToMetric(figures.filter((f) => f.metricId === metric.id && f.year === year), metric.unit);
  // A park's own figures only: a project's or organisation's never ranks as its park's.
  const find = (parkId: number, kind: Figure['kind']) =>
    mine.find((f) => f.kind === kind && f.parkId === parkId && f.projectId === null && f.orgId === null);
  const rows = parks.map((park) => {
    const a = find(park.id, 'actual');
    const t = find(park.id, 'target');
    return { park, actual: a ? toSourced(a) : null, target: t ? toSourced(t) : null };
  });
  const sign = metric.direction === 'lower_better' ? 1 : -1;
  // Parks with a figure first, best first; parks without one keep their gazetteer order.
  return rows.sort((a, b) => {
    if (a.actual && b.actual) return sign * (Number(a.actual.value) - Number(b.actual.value));
    if (a.actual) return -1;
    if (b.actual) return 1;
    return 0;
  });
}

/**
 * The counties (and the city's own parks), each headed by its parks' actual figures of the year —
 * the indicators first, in their order — with how many figures and awards each park has.
 */
export function buildCounties(
  places: Places,
  figures: Figure[],
  year: number,
  awards: RecognitionItem[],
  metrics: MetricRef[] = [],
  indicators: MetricRef[] = [],
): CountyRow[] {
  return countyRows(places, figures, year, awards, metrics, indicators).map((row) => ({
    ...row,
    indicators: row.indicators.map(({ park, metric, figure }) => ({ park, metric, point: toSourced(figure) })),
  }));
}

/** What buildCounties reads of a figure: a whole Figure, or only its key (SubjectFigureKey). */
type CountyFigure = Pick<Figure, 'metricId' | 'parkId' | 'regionId' | 'year' | 'kind'> & { latest: { factId: number } };

/** A CountyRow with the figures heading it as given. */
type CountyRowOf<F> = Omit<CountyRow, 'indicators'> & { indicators: { park: ParkRef; metric: MetricRef; figure: F }[] };

/**
 * buildCounties with each county's heading figures as given (pure): the overview counts and picks
 * on figure keys, then reads the few figures picked.
 */
function countyRows<F extends CountyFigure>(
  places: Places,
  figures: readonly F[],
  year: number,
  awards: RecognitionItem[],
  metrics: MetricRef[] = [],
  indicators: MetricRef[] = [],
): CountyRowOf<F>[] {
  const inYear = figures.filter((f) => f.year === year);
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  const rank = new Map(indicators.map((m, i) => [m.id, i]));
  const headOf = (parks: ParkRef[]) => {
    const parkOrder = new Map(parks.map((p, i) => [p.id, i]));
    const picks = inYear
      .filter((f) => f.kind === 'actual' && f.parkId !== null && parkOrder.has(f.parkId) && metricById.has(f.metricId))
      .sort(
        (a, b) =>
          (rank.get(a.metricId) ?? 1000 + a.metricId) - (rank.get(b.metricId) ?? 1000 + b.metricId) ||
          (parkOrder.get(a.parkId!) ?? 0) - (parkOrder.get(b.parkId!) ?? 0),
      );
    // One figure per park first (every park gets a line before any gets two), at most three.
    const out: { park: ParkRef; metric: MetricRef; figure: F }[] = [];
    const seen = new Set<number>();
    for (const pass of [0, 1]) {
      for (const f of picks) {
        if (out.length >= 3) break;
        if (pass === 0 && seen.has(f.parkId!)) continue;
        if (pass === 1 && out.some((o) => o.figure.latest.factId === f.latest.factId)) continue;
        seen.add(f.parkId!);
        out.push({ park: parks[parkOrder.get(f.parkId!)!]!, metric: metricById.get(f.metricId)!, figure: f });
      }
    }
    return out;
  };
  const parkRow = (park: ParkRef) => ({
    park,
    figures: inYear.filter((f) => f.parkId === park.id).length,
    awards: awards.filter((a) => a.year === year && a.parkId === park.id).length,
  });
  const rows: CountyRowOf<F>[] = places.counties.map((region) => {
    const parks = places.parks.filter((p) => p.regionId === region.id).map(parkRow);
    return {
      region,
      parks,
      indicators: headOf(places.parks.filter((p) => p.regionId === region.id)),
      figures: inYear.filter((f) => f.regionId === region.id).length + parks.reduce((n, p) => n + p.figures, 0),
      awards: awards.filter((a) => a.year === year && a.regionId === region.id).length + parks.reduce((n, p) => n + p.awards, 0),
    };
  });
  const cityParks = places.city ? places.parks.filter((p) => p.regionId === places.city?.id).map(parkRow) : [];
  if (cityParks.length > 0) {
    rows.unshift({
      region: null,
      parks: cityParks,
      indicators: headOf(places.parks.filter((p) => p.regionId === places.city?.id)),
      figures: cityParks.reduce((n, p) => n + p.figures, 0),
      awards: cityParks.reduce((n, p) => n + p.awards, 0),
    });
  }
  return rows;
}

/** Actual figures of one metric over the years: one series per park with data (and the city). */
export function buildTrend(metric: MetricRef, figures: Figure[], places: Places): { years: number[]; series: TrendSeries[] } {
  // Whole-year actual figures in the metric's unit family (one axis never mixes families). An
  // event metric's points are yearly totals of distinct events, drawn as bars (lib/charts/figures.ts).
  const mine = fitToMetric(
    figures.filter((f) => f.metricId === metric.id && f.kind === 'actual' && (f.period === null || f.period === 'FY' || f.period === 'cumulative')),
    metric.unit,
  );
  const years = [...new Set(mine.map((f) => f.year))].sort((a, b) => a - b);
  const series: TrendSeries[] = [];
  const city = places.city;
  if (city && mine.some((f) => f.regionId === city.id)) {
    series.push({
      id: `r${city.id}`,
      name: city.name,
      nameEn: city.nameEn,
      points: years.map((y) => {
        const f = mine.find((x) => x.year === y && x.regionId === city.id);
        return f ? toSourced(f) : null;
      }),
    });
  }
  for (const park of places.parks) {
    if (!mine.some((f) => f.parkId === park.id)) continue;
    series.push({
      id: `p${park.id}`,
      name: park.name,
      nameEn: park.nameEn,
      points: years.map((y) => {
        const f = mine.find((x) => x.year === y && x.parkId === park.id);
        return f ? toSourced(f) : null;
      }),
    });
  }
  return { years, series };
}

/** Years with approved figures, newest first (from the aggregate cache). */
export async function getYearsWithFigures(): Promise<number[]> {
  await requireRole('viewer');
  return cached('overview:years', async () => {
    const prisma = await getPrisma();
    // Each metric's years, one index step per year ((metric_id, year); a loose index scan): a
    // GROUP BY year read the whole cache (350k rows at 1M facts, ~100 ms of every overview miss).
    const rows = await prisma.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT y.year FROM metric m CROSS JOIN LATERAL (
        WITH RECURSIVE ys(year) AS (
          (SELECT a.year FROM fact_aggregate a WHERE a.metric_id = m.id AND a.fact_count > 0 ORDER BY a.year LIMIT 1)
          UNION ALL
          SELECT (SELECT a.year FROM fact_aggregate a WHERE a.metric_id = m.id AND a.fact_count > 0 AND a.year > ys.year ORDER BY a.year LIMIT 1)
            FROM ys WHERE ys.year IS NOT NULL
        ) SELECT ys.year FROM ys WHERE ys.year IS NOT NULL
      ) y
      ORDER BY y.year DESC`;
    return rows.map((r) => Number(r.year));
  }, VIEW_CACHE);
}

/**
 * The overview for a year (default: the latest with approved figures) and a ranking metric
 * (default: the one reported for the most parks that year).
 */
export async function getOverview(opts: { year?: number; metricKey?: string; dashboard?: 'overview' | 'wall' } = {}): Promise<OverviewData> {
  await requireRole('viewer');
  // The composed view is cached too (its parts already are): the page and /api/overview then only
  // render or serialise it. Writers invalidate every 'overview:' key after they commit.
  return cached(
    `overview:view:${JSON.stringify([opts.year ?? null, opts.metricKey ?? null, opts.dashboard ?? 'overview'])}`,
    () => loadOverview(opts),
    VIEW_CACHE,
  );
}

/** Years with approved figures of parks, newest first. */
async function getParkYears(): Promise<number[]> {
  return cached('overview:park-years', async () => {
    const years = await getYearsWithFigures();
    if (years.length === 0) return [];
    const prisma = await getPrisma();
    // Of the years with figures, those with a park's actual: one (park_id, year) look-up per park at most.
    const rows = await prisma.$queryRaw<{ year: number }[]>`
      SELECT y.year FROM unnest(${years}::int[]) AS y(year)
       WHERE EXISTS (SELECT 1 FROM park p
                      WHERE EXISTS (SELECT 1 FROM fact_aggregate a
                                     WHERE a.park_id = p.id AND a.year = y.year AND a.kind = 'actual' AND a.fact_count > 0))
       ORDER BY y.year DESC`;
    return rows.map((r) => Number(r.year));
  }, VIEW_CACHE);
}

async function loadOverview(opts: { year?: number; metricKey?: string; dashboard?: 'overview' | 'wall' }): Promise<OverviewData> {
  const [years, places, metrics, chosen, parkYears, dimensions, recognitions] = await Promise.all([
    getYearsWithFigures(),
    getPlaces(),
    getMetrics(),
    getHeadlineChoice(opts.dashboard ?? 'overview'),
    getParkYears(),
    getScorecardDimensions(),
    getRecognitions(),
  ]);
  const year = opts.year ?? years[0] ?? null;
  const awards = groupAwards(recognitions);
  const empty: OverviewData = {
    years,
    year,
    places,
    metrics,
    rankingMetrics: [],
    metric: null,
    kpis: [],
    ranking: [],
    awards,
    counties: buildCounties(places, [], 0, recognitions),
    trend: { years: [], series: [] },
    figuresInYear: 0,
    asOf: null,
    headline: chosen.length > 0 ? 'admin' : 'default',
    targets: [],
    targetCount: 0,
    targetMetricIds: [],
    parkYears,
  };
  if (year === null) return empty;
  // The overview is of 湘潭市: only its own figures, its counties' and its parks' (a province-wide
  // database holds other cities too).
  const scope = placeScope(places);
  // The scorecard's indicators, dimension by dimension: the default headline and what heads a county.
  const indicators = dimensions.flatMap((d) => d.indicators);
  const headline = chosen.length > 0 ? chosen : indicators;
  // A miss reads what the overview shows, not every figure of the year (they grow with the data:
  // an event metric has one per event). First the keys of the year's figures — no value, no
  // quote — to count them and to choose the ranking's metric, the counties' lines and the targets
  // listed, with the headline metrics' figures of the year and the year before (their cards);
  // then only the figures chosen.
  const [keys, headlineFigures] = await Promise.all([
    getSubjectFigureKeys({ years: [year], kinds: ['actual', 'target'], periods: 'annual-and-targets', ...scope }),
    headline.length > 0
      ? getSubjectFigures({ years: [year - 1, year], metricIds: headline.map((m) => m.id), kinds: ['actual', 'target'], ...scope })
      : [],
  ]);
  const inYear = keys.filter((f) => isWholeYear(f.period));
  const parkIds = new Set(places.parks.map((p) => p.id));
  const parkCount = new Map<number, number>();
  for (const f of inYear) {
    if (f.kind === 'actual' && f.parkId !== null && parkIds.has(f.parkId)) parkCount.set(f.metricId, (parkCount.get(f.metricId) ?? 0) + 1);
  }
  const isIndicator = new Set(indicators.map((m) => m.id));
  const rankingMetrics = metrics
    .filter((m) => parkCount.has(m.id))
    .sort(
      (a, b) =>
        Number(isIndicator.has(b.id)) - Number(isIndicator.has(a.id)) || (parkCount.get(b.id) ?? 0) - (parkCount.get(a.id) ?? 0) || a.id - b.id,
    );
  // The admin's headline for this dashboard, in its order (a chosen metric without figures says
  // 无数据); else the scorecard's indicators with figures in the year — never whatever was extracted.
  const kpis =
    chosen.length > 0
      ? buildKpis(chosen, headlineFigures, year, places, chosen.length, { ordered: true })
      : buildKpis(indicators, headlineFigures, year, places, DEFAULT_HEADLINE_CARDS);
  // Without park figures this year, the trend follows the year's leading headline figure with an actual.
  const metric =
    (opts.metricKey ? metrics.find((m) => m.key === opts.metricKey) : undefined) ??
    rankingMetrics[0] ??
    kpis.find((k) => k.value !== null)?.metric ??
    kpis[0]?.metric ??
    null;
  const counties = countyRows(places, inYear.filter((f) => f.kind === 'actual'), year, recognitions, metrics, headline);
  const picked = counties.flatMap((c) => c.indicators.map((i) => i.figure));
  const targets = targetKeys(keys, metrics, indicators, places);
  const listed = targets.slice(0, OVERVIEW_TARGETS);
  const [rankFigures, trendFigures, pickFigures, targetFigures] = await Promise.all([
    metric ? getSubjectFigures({ years: [year], metricIds: [metric.id], kinds: ['actual', 'target'], ...scope }) : [],
    metric ? getSubjectFigures({ metricIds: [metric.id], kinds: ['actual'], ...scope }) : [],
    picked.length > 0
      ? getSubjectFigures({ years: [year], metricIds: unique(picked.map((f) => f.metricId)), parkIds: unique(picked.map((f) => f.parkId!)), kinds: ['actual'] })
      : [],
    // Every period: a half-year actual answers a full-year target "截至6月" (getYearTargets).
    listed.length > 0
      ? getSubjectFigures({
          years: [year],
          kinds: ['target', 'actual'],
          periods: 'all',
          metricIds: unique(listed.map((t) => t.metricId)),
          parkIds: unique(listed.flatMap((t) => (t.parkId !== null ? [t.parkId] : []))),
          regionIds: unique(listed.flatMap((t) => (t.parkId === null && t.regionId !== null ? [t.regionId] : []))),
        })
      : [],
  ]);
  const pickByKey = new Map(pickFigures.map((f) => [subjectKey(f), f]));
  return {
    ...empty,
    rankingMetrics,
    metric,
    kpis,
    ranking: metric ? buildRanking(metric, rankFigures, year, places.parks) : [],
    counties: counties.map((c) => ({
      ...c,
      indicators: c.indicators.flatMap(({ park, metric: m, figure }) => {
        const f = pickByKey.get(subjectKey(figure));
        return f ? [{ park, metric: m, point: toSourced(f) }] : [];
      }),
    })),
    // The targets of the keys listed (with their actuals) give the same first targets as the year's
    // whole list would: the order is by subject and metric, and every target of those is read.
    targets: overviewTargets(linkTargets(targetFigures, metrics, places), indicators, places).targets,
    targetCount: targets.length,
    targetMetricIds: unique(targets.map((t) => t.metricId)).sort((a, b) => a - b),
    trend: metric ? buildTrend(metric, trendFigures, places) : { years: [], series: [] },
    figuresInYear: inYear.length,
    asOf: inYear.map((f) => f.latest.date).filter((d): d is string => d !== null).sort().at(-1) ?? null,
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * The year's targets (keys) as linkTargets lists them — a metric of the catalogue, of the city,
 * a county or a park — in the overview's order: the city's first, then the counties' and the
 * parks'; the Five Good indicators first; then by subject and metric (pure; exported for tests).
 */
function targetKeys<F extends Pick<SubjectFigureKey, 'metricId' | 'parkId' | 'regionId' | 'kind'>>(
  keys: readonly F[],
  metrics: readonly MetricRef[],
  indicators: readonly MetricRef[],
  places: Places,
): F[] {
  const metricIds = new Set(metrics.map((m) => m.id));
  const parkIds = new Set(places.parks.map((p) => p.id));
  const regionIds = new Set([places.city, ...places.counties].filter((r): r is RegionRef => r !== null).map((r) => r.id));
  const order = targetOrder(indicators, places);
  const at = (f: F): TargetPlace => ({ park: f.parkId !== null, subjectId: f.parkId ?? f.regionId ?? 0, metricId: f.metricId });
  return keys
    .filter(
      (f) =>
        f.kind === 'target' &&
        metricIds.has(f.metricId) &&
        (f.parkId !== null ? parkIds.has(f.parkId) : f.regionId !== null && regionIds.has(f.regionId)),
    )
    .sort((a, b) => order(at(a), at(b)));
}

interface TargetPlace {
  park: boolean;
  subjectId: number;
  metricId: number;
}

/**
 * The overview's order of targets: the city's first, then the counties' and the parks'; within
 * each, the Five Good indicators first; then by subject and metric (linkTargets' own order).
 */
function targetOrder(indicators: readonly MetricRef[], places: Places): (a: TargetPlace, b: TargetPlace) => number {
  const indicatorRank = new Map(indicators.map((m, i) => [m.id, i]));
  const subjectRank = (x: TargetPlace) => (x.park ? 2 : x.subjectId === places.city?.id ? 0 : 1);
  return (a, b) =>
    subjectRank(a) - subjectRank(b) ||
    (indicatorRank.get(a.metricId) ?? 1000) - (indicatorRank.get(b.metricId) ?? 1000) ||
    a.subjectId - b.subjectId ||
    a.metricId - b.metricId;
}

/**
 * The year's targets as the overview lists them — the city's first, then the counties' and the
 * parks'; within each, the Five Good indicators first — cut to OVERVIEW_TARGETS, with how many
 * there are and of which metrics (pure; exported for tests).
 */
export function overviewTargets(
  items: readonly TargetItem[],
  indicators: readonly MetricRef[],
  places: Places,
  limit = OVERVIEW_TARGETS,
): Pick<OverviewData, 'targets' | 'targetCount' | 'targetMetricIds'> {
  const order = targetOrder(indicators, places);
  const at = (x: TargetItem): TargetPlace => ({ park: x.subject.type === 'park', subjectId: x.subject.id, metricId: x.metric.id });
  const sorted = [...items].sort((a, b) => order(at(a), at(b)));
  return {
    targets: sorted.slice(0, limit),
    targetCount: items.length,
    targetMetricIds: [...new Set(items.map((t) => t.metric.id))].sort((a, b) => a - b),
  };
}

/** Filter for the figures of the city, its counties and its parks. */
export function placeScope(places: Places): { parkIds: number[]; regionIds: number[] } {
  const regionIds = [places.city, ...places.counties].filter((r): r is RegionRef => r !== null).map((r) => r.id);
  return { parkIds: places.parks.map((p) => p.id), regionIds: regionIds.length ? regionIds : [-1] };
}

export function groupAwards(items: RecognitionItem[]): { year: number; items: RecognitionItem[] }[] {
  const byYear = new Map<number, RecognitionItem[]>();
  for (const r of items) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, items: list }));
}
