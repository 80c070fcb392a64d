// The map's read: for one catalogued metric and year, the reviewed whole-year actual figure of each
// county/district of 湘潭市 and of each park, with its source. Choices are the metrics that have
// such figures (never the unclassified bin) and the years of the chosen one. The assembly is pure
// (buildMapView, unit-tested); a missing figure stays null, never 0.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import type { MetricRef, ParkRef, Places, RegionRef, SourcedValue } from '@/lib/vocab/shapes';
import { fitToMetric, toSourced } from '@/lib/vocab/figure';
import { Decimal, decimalString } from '@/lib/vocab/units';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { getSubjectFigures, type SubjectFigure } from './provenance';
import { getMetrics } from './metrics-view';
import { getPlaces } from './regions';

export interface MapPark {
  park: ParkRef;
  point: SourcedValue | null;
}

export interface MapCounty {
  region: RegionRef;
  point: SourcedValue | null;
  /** own: the county's own figure; parks_sum: its parks' figures added up (additive metrics only). */
  basis: 'own' | 'parks_sum' | null;
  parks: MapPark[];
}

export interface MapView {
  city: RegionRef | null;
  /** Metrics with at least one figure for a county or park of the city, most widely reported first. */
  metrics: MetricRef[];
  metric: MetricRef | null;
  /** Years with figures of the chosen metric, newest first. */
  years: number[];
  year: number | null;
  counties: MapCounty[];
  /** Parks the city administers itself (市直园区). */
  cityParks: MapPark[];
  /** Latest issue date among the figures shown. */
  asOf: string | null;
}

type Figure = SubjectFigure;

/** Pure assembly of the map from the city's places, the catalogue and its whole-year actual figures. */
export function buildMapView(places: Places, metrics: MetricRef[], figures: Figure[], opts: { metricKey?: string; year?: number } = {}): MapView {
  const countyIds = new Set(places.counties.map((c) => c.id));
  const parkIds = new Set(places.parks.map((p) => p.id));
  const own = (f: Figure) => (f.parkId !== null ? parkIds.has(f.parkId) : f.regionId !== null && countyIds.has(f.regionId));
  // Whole-year figures only (the read asks for them: no period, FY or cumulative).
  const mine = figures.filter((f) => f.kind === 'actual' && own(f));

  // Per metric: its figures in its own unit family, and how many subjects the best year covers.
  const byMetric = new Map<number, Figure[]>();
  for (const m of metrics) {
    if (m.key === UNCLASSIFIED_KEY) continue;
    const fitted = fitToMetric(mine.filter((f) => f.metricId === m.id), m.unit);
    if (fitted.length > 0) byMetric.set(m.id, fitted);
  }
  const reach = (figs: Figure[]) => {
    const perYear = new Map<number, Set<string>>();
    for (const f of figs) {
      const s = perYear.get(f.year) ?? new Set<string>();
      s.add(f.parkId !== null ? `p${f.parkId}` : `r${f.regionId}`);
      perYear.set(f.year, s);
    }
    return Math.max(0, ...[...perYear.values()].map((s) => s.size));
  };
  const choices = metrics
    .filter((m) => byMetric.has(m.id))
    .map((m) => ({ m, reach: reach(byMetric.get(m.id) ?? []) }))
    .sort((a, b) => b.reach - a.reach || a.m.id - b.m.id)
    .map((c) => c.m);
  const metric = (opts.metricKey ? choices.find((m) => m.key === opts.metricKey) : undefined) ?? choices[0] ?? null;
  const figs = metric ? (byMetric.get(metric.id) ?? []) : [];
  const years = [...new Set(figs.map((f) => f.year))].sort((a, b) => b - a);
  const year = opts.year !== undefined && years.includes(opts.year) ? opts.year : (years[0] ?? null);
  const inYear = figs.filter((f) => f.year === year);

  const parkPoint = (p: ParkRef): MapPark => {
    const f = inYear.find((x) => x.parkId === p.id);
    return { park: p, point: f ? toSourced(f) : null };
  };
  const counties: MapCounty[] = places.counties.map((region) => {
    const parks = places.parks.filter((p) => p.regionId === region.id).map(parkPoint);
    const ownFig = inYear.find((f) => f.parkId === null && f.regionId === region.id);
    if (ownFig) return { region, point: toSourced(ownFig), basis: 'own', parks };
    // An additive metric without the county's own figure: its parks' figures added up, said so.
    const withValue = parks.filter((p): p is MapPark & { point: SourcedValue } => p.point !== null);
    if (metric?.aggregation === 'sum' && withValue.length > 1) {
      const first = withValue[0]!.point;
      const value = decimalString(withValue.reduce((acc, p) => acc.plus(p.point.value), new Decimal(0)));
      const latest = [...withValue].sort((a, b) => (b.point.latest.date ?? '').localeCompare(a.point.latest.date ?? ''))[0]!.point.latest;
      return {
        region,
        point: {
          ...first,
          value,
          comparator: withValue.every((p) => p.point.comparator === 'eq') ? 'eq' : 'approx',
          reports: withValue.reduce((n, p) => n + p.point.reports, 0),
          sources: withValue.reduce((n, p) => n + p.point.sources, 0),
          conflict: withValue.some((p) => p.point.conflict),
          latest,
        },
        basis: 'parks_sum',
        parks,
      };
    }
    return { region, point: null, basis: null, parks };
  });
  const cityParks = places.city ? places.parks.filter((p) => p.regionId === places.city!.id).map(parkPoint) : [];
  const asOf = inYear.map((f) => f.latest.date).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  return { city: places.city, metrics: choices, metric, years, year, counties, cityParks, asOf };
}

/** The map for a metric (key) and year; defaults: the most widely reported metric, its latest year. */
export async function getMapView(opts: { metricKey?: string; year?: number } = {}): Promise<MapView> {
  await requireRole('viewer');
  const [places, metrics] = await Promise.all([getPlaces(), getMetrics()]);
  const figures = await getSubjectFigures({
    kinds: ['actual'],
    periods: 'annual',
    parkIds: places.parks.map((p) => p.id),
    regionIds: places.counties.length ? places.counties.map((c) => c.id) : [-1],
  });
  return buildMapView(places, metrics, figures, opts);
}
