// Reads behind the analyst explorer beyond the fact list: the filter options drawn from the data
// (only places, years, metrics and kinds that have approved figures, with their counts, each
// counted under the other filters so no choice returns nothing), the first view (the busiest
// catalogued metric's latest year by park), and the figures a pivot or a comparison is built from.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getReadOnlyPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { FactFilters, FactKindParam } from '@/lib/validations/api';
import type { AggregationCode, ComparatorCode } from '@/lib/vocab/shapes';
import type { MetricNature } from '@/lib/vocab/figure';
import { FACT_KINDS } from '@/lib/vocab/kinds';

export interface OptionCount {
  count: number;
}
export interface ExplorerOptions {
  metrics: ({ key: string; nameZh: string; nameEn: string; unit: string } & OptionCount)[];
  /** The city and its counties (GB/T 2260 codes) with figures. */
  regions: ({
    code: string;
    name: string;
    nameEn: string | null;
    level: string;
    parentCode: string | null;
  } & OptionCount)[];
  parks: ({ id: number; name: string; nameEn: string | null; regionCode: string } & OptionCount)[];
  years: ({ year: number } & OptionCount)[];
  kinds: ({ kind: FactKindParam } & OptionCount)[];
}

interface Place {
  regions: {
    id: number;
    code: string;
    name: string;
    nameEn: string | null;
    level: string;
    parentId: number | null;
  }[];
  parks: { id: number; name: string; nameEn: string | null; regionId: number }[];
}

async function loadPlaces(): Promise<Place> {
  const prisma = await getReadOnlyPrisma();
  const [regions, parks] = await Promise.all([
    prisma.region.findMany({
      where: { deletedAt: null },
      select: { id: true, code: true, name: true, nameEn: true, level: true, parentId: true },
      orderBy: { code: 'asc' },
    }),
    prisma.park.findMany({
      where: { deletedAt: null },
      select: { id: true, name: true, nameEn: true, regionId: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { regions, parks };
}

/** Region ids of a region and everything below it. */
function subtree(places: Place, rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of places.regions) {
      if (r.parentId !== null && out.has(r.parentId) && !out.has(r.id)) {
        out.add(r.id);
        grew = true;
      }
    }
  }
  return out;
}

interface CountRow {
  metric_id: number;
  park_id: number | null;
  region_id: number | null;
  year: number | null;
  kind: FactKindParam;
  n: number;
}

/**
 * Filter options with counts of the fact rows (what the explorer's table lists) they would show.
 * Each dimension is counted under all the other filters, so every option offered returns rows;
 * the region and park lists cascade (a county's parks only).
 */
export async function getExplorerOptions(filters: FactFilters): Promise<ExplorerOptions> {
  await requireRole('analyst');
  const prisma = await getReadOnlyPrisma();
  const [places, metrics, counts] = await Promise.all([
    loadPlaces(),
    prisma.metric.findMany({
      where: { deletedAt: null, mergedIntoId: null },
      select: { id: true, key: true, nameZh: true, nameEn: true, unit: true },
      orderBy: [{ category: 'asc' }, { key: 'asc' }],
    }),
    // The same visibility as the fact list for analysts: approved, live, not of a deleted issue.
    prisma.$queryRaw<CountRow[]>`
      SELECT f.metric_id, f.park_id, f.region_id, f.year, f.kind::text AS kind, count(*)::int AS n
        FROM fact f
       WHERE f.deleted_at IS NULL AND f.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM article a0 JOIN issue i0 ON i0.id = a0.issue_id WHERE a0.id = f.article_id AND i0.deleted_at IS NOT NULL)
       GROUP BY f.metric_id, f.park_id, f.region_id, f.year, f.kind`,
  ]);
  const parkById = new Map(places.parks.map((p) => [p.id, p]));
  const regionByCode = new Map(places.regions.map((r) => [r.code, r]));
  const regionById = new Map(places.regions.map((r) => [r.id, r]));
  /** Region ids containing a row (its region or its park's region, and their ancestors). */
  const rowRegions = (r: CountRow): number[] => {
    let id: number | null | undefined =
      r.park_id !== null ? parkById.get(r.park_id)?.regionId : r.region_id;
    const out: number[] = [];
    while (id !== null && id !== undefined && !out.includes(id)) {
      out.push(id);
      id = regionById.get(id)?.parentId;
    }
    return out;
  };
  const regionIds = filters.region !== undefined ? regionByCode.get(filters.region) : undefined;
  const inRegion = regionIds ? subtree(places, regionIds.id) : null;
  const metricId =
    filters.metric !== undefined ? metrics.find((m) => m.key === filters.metric)?.id : undefined;

  type Dim = 'region' | 'park' | 'metric' | 'year' | 'kind';
  const passes = (r: CountRow, except: Dim): boolean => {
    if (except !== 'region' && filters.region !== undefined) {
      if (!inRegion) return false;
      if (!rowRegions(r).some((id) => inRegion.has(id))) return false;
    }
    if (except !== 'park' && filters.park !== undefined && r.park_id !== filters.park) return false;
    if (except !== 'metric' && filters.metric !== undefined && r.metric_id !== metricId)
      return false;
    if (except !== 'year') {
      if (filters.yearFrom !== undefined && (r.year === null || r.year < filters.yearFrom))
        return false;
      if (filters.yearTo !== undefined && (r.year === null || r.year > filters.yearTo))
        return false;
    }
    if (except !== 'kind' && filters.kind?.length && !filters.kind.includes(r.kind)) return false;
    return true;
  };
  const tally = <K>(except: Dim, keysOf: (r: CountRow) => K[]): Map<K, number> => {
    const m = new Map<K, number>();
    for (const r of counts) {
      if (!passes(r, except)) continue;
      for (const k of keysOf(r)) m.set(k, (m.get(k) ?? 0) + Number(r.n));
    }
    return m;
  };
  const byRegion = tally('region', rowRegions);
  const byPark = tally('park', (r) => (r.park_id !== null ? [r.park_id] : []));
  const byMetric = tally('metric', (r) => [r.metric_id]);
  const byYear = tally('year', (r) => (r.year !== null ? [r.year] : []));
  const byKind = tally('kind', (r) => [r.kind]);

  return {
    metrics: metrics
      .filter((m) => byMetric.has(m.id))
      .map((m) => ({
        key: m.key,
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        unit: m.unit,
        count: byMetric.get(m.id) ?? 0,
      })),
    regions: places.regions
      .filter((r) => r.level !== 'province' && byRegion.has(r.id))
      .map((r) => ({
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        level: r.level,
        parentCode: r.parentId !== null ? (regionById.get(r.parentId)?.code ?? null) : null,
        count: byRegion.get(r.id) ?? 0,
      })),
    parks: places.parks
      .filter((p) => byPark.has(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        nameEn: p.nameEn,
        regionCode: regionById.get(p.regionId)?.code ?? '',
        count: byPark.get(p.id) ?? 0,
      })),
    years: [...byYear.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([year, count]) => ({ year, count })),
    kinds: FACT_KINDS
      .filter((k) => byKind.has(k))
      .map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
  };
}

export interface FirstView {
  metric: string;
  year: number;
}

/**
 * The explorer's first view: the catalogued metric with the most approved whole-year actual park
 * figures, in the latest year it has park figures (so the chart shows each park's latest value).
 * null when there are none.
 */
export async function getFirstView(): Promise<FirstView | null> {
  await requireRole('analyst');
  const prisma = await getReadOnlyPrisma();
  const rows = await prisma.$queryRaw<{ key: string; year: number }[]>`
    WITH busiest AS (
      SELECT ff.metric_id, count(*) AS n
        FROM fact_figure ff JOIN metric m ON m.id = ff.metric_id
       WHERE ff.park_id IS NOT NULL AND ff.kind = 'actual' AND ff.period = ''
         AND m.deleted_at IS NULL AND m.merged_into_id IS NULL AND m.key <> 'unclassified'
       GROUP BY ff.metric_id
       ORDER BY n DESC, ff.metric_id
       LIMIT 1)
    SELECT m.key, max(ff.year)::int AS year
      FROM busiest b JOIN metric m ON m.id = b.metric_id
      JOIN fact_figure ff ON ff.metric_id = b.metric_id AND ff.park_id IS NOT NULL AND ff.kind = 'actual' AND ff.period = ''
     GROUP BY m.key`;
  const r = rows[0];
  return r ? { metric: r.key, year: Number(r.year) } : null;
}

/** A park or a region as a pivot row / compare column. */
export interface PlaceRef {
  /** 'p:<park id>' or 'r:<region code>' */
  key: string;
  type: 'park' | 'region';
  id: number;
  code: string | null;
  name: string;
  nameEn: string | null;
  /** The county (or city) a park lies in; a county's parent. */
  county: { code: string; name: string; nameEn: string | null } | null;
  /** Codes of every region containing this place (to avoid counting a park inside its county's total). */
  within: string[];
}

/** One approved figure (fact_figure) of a park or region, with its latest report. */
export interface PlaceFigure {
  metric: {
    id: number;
    key: string;
    nameZh: string;
    nameEn: string;
    unit: string;
    aggregation: AggregationCode;
    nature: MetricNature;
  };
  place: PlaceRef;
  year: number;
  /** '' for the whole year; else H1, Q2, M01-M07… */
  period: string;
  kind: FactKindParam;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  reports: number;
  sources: number;
  values: number;
  latest: {
    factId: number;
    articleId: number | null;
    date: string | null;
    headline: string | null;
    evidence: string | null;
  };
}

/** Most figures one pivot reads (narrow the filters beyond it). */
export const MAX_PIVOT_FIGURES = 20_000;

interface RawPlaceFigure {
  metric_id: number;
  metric_key: string;
  name_zh: string;
  name_en: string;
  metric_unit: string;
  aggregation: AggregationCode;
  nature: MetricNature;
  park_id: number | null;
  region_id: number | null;
  year: number;
  period: string;
  kind: FactKindParam;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  reports: number;
  sources: number;
  value_count: number;
  fact_id: number;
  article_id: number | null;
  issue_date: Date | string | null;
  headline: string | null;
  evidence: string | null;
}

function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

function canonical(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * Approved figures of parks and regions under the explorer's filters (the figure rules of
 * fact_figure: reports of one figure merged, events apart), optionally only of chosen places
 * and metrics (compare). Periods other than the whole year are included when `periods` is set.
 */
export async function getPlaceFigures(
  filters: FactFilters & { places?: string[]; metrics?: string[] },
  opts: { periods?: boolean } = {},
): Promise<{ figures: PlaceFigure[]; capped: boolean }> {
  await requireRole('analyst');
  const prisma = await getReadOnlyPrisma();
  const places = await loadPlaces();
  const regionById = new Map(places.regions.map((r) => [r.id, r]));
  const parkById = new Map(places.parks.map((p) => [p.id, p]));
  const where: Prisma.Sql[] = [
    Prisma.sql`(ff.park_id IS NOT NULL OR ff.region_id IS NOT NULL)`,
    Prisma.sql`m.deleted_at IS NULL`,
  ];
  if (!opts.periods) where.push(Prisma.sql`ff.period = ''`);
  if (filters.region !== undefined) {
    const root = places.regions.find((r) => r.code === filters.region);
    if (!root) return { figures: [], capped: false };
    const ids = subtree(places, root.id);
    const parkIds = places.parks.filter((p) => ids.has(p.regionId)).map((p) => p.id);
    const regionList = Prisma.join([...ids].map((v) => Prisma.sql`${v}::int`));
    where.push(
      parkIds.length
        ? Prisma.sql`(ff.region_id IN (${regionList}) OR ff.park_id IN (${Prisma.join(parkIds.map((v) => Prisma.sql`${v}::int`))}))`
        : Prisma.sql`ff.region_id IN (${regionList})`,
    );
  }
  if (filters.park !== undefined) where.push(Prisma.sql`ff.park_id = ${filters.park}::int`);
  const metricKeys = [
    ...(filters.metric !== undefined ? [filters.metric] : []),
    ...(filters.metrics ?? []),
  ];
  if (metricKeys.length) where.push(Prisma.sql`m.key IN (${Prisma.join(metricKeys)})`);
  if (filters.yearFrom !== undefined) where.push(Prisma.sql`ff.year >= ${filters.yearFrom}::int`);
  if (filters.yearTo !== undefined) where.push(Prisma.sql`ff.year <= ${filters.yearTo}::int`);
  if (filters.kind?.length)
    where.push(
      Prisma.sql`ff.kind IN (${Prisma.join(filters.kind.map((k) => Prisma.sql`${k}::fact_kind`))})`,
    );
  if (filters.places?.length) {
    const parkIds = filters.places
      .filter((p) => p.startsWith('p:'))
      .map((p) => Number(p.slice(2)))
      .filter((n) => Number.isInteger(n) && n > 0);
    const regionIds = filters.places
      .filter((p) => p.startsWith('r:'))
      .map((p) => places.regions.find((r) => r.code === p.slice(2))?.id)
      .filter((n): n is number => n !== undefined);
    const parts: Prisma.Sql[] = [];
    if (parkIds.length)
      parts.push(
        Prisma.sql`ff.park_id IN (${Prisma.join(parkIds.map((v) => Prisma.sql`${v}::int`))})`,
      );
    if (regionIds.length)
      parts.push(
        Prisma.sql`(ff.park_id IS NULL AND ff.region_id IN (${Prisma.join(regionIds.map((v) => Prisma.sql`${v}::int`))}))`,
      );
    if (!parts.length) return { figures: [], capped: false };
    where.push(Prisma.sql`(${Prisma.join(parts, ' OR ')})`);
  }
  const rows = await prisma.$queryRaw<RawPlaceFigure[]>`
    SELECT m.id AS metric_id, m.key AS metric_key, m.name_zh, m.name_en, m.unit AS metric_unit,
           m.aggregation::text AS aggregation, m.nature::text AS nature,
           ff.park_id, ff.region_id, ff.year, ff.period, ff.kind::text AS kind,
           f.value::text AS value, f.unit, f.comparator::text AS comparator,
           ff.reports, ff.sources, ff.value_count, f.id AS fact_id, f.article_id, i.date AS issue_date, a.headline, f.evidence
      FROM fact_figure ff
      JOIN metric m ON m.id = ff.metric_id
      JOIN fact f ON f.id = ff.latest_fact_id
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
     WHERE ${Prisma.join(where, ' AND ')}
     ORDER BY m.key, ff.kind, ff.year, ff.period, ff.park_id NULLS LAST, ff.region_id, ff.event
     LIMIT ${MAX_PIVOT_FIGURES + 1}`;
  const capped = rows.length > MAX_PIVOT_FIGURES;
  const placeCache = new Map<string, PlaceRef>();
  const ancestorsOf = (regionId: number | null | undefined): string[] => {
    const out: string[] = [];
    let id = regionId;
    while (id !== null && id !== undefined) {
      const r = regionById.get(id);
      if (!r || out.includes(r.code)) break;
      out.push(r.code);
      id = r.parentId;
    }
    return out;
  };
  const placeOf = (r: RawPlaceFigure): PlaceRef | null => {
    const key =
      r.park_id !== null ? `p:${r.park_id}` : `r:${regionById.get(r.region_id ?? 0)?.code ?? ''}`;
    const hit = placeCache.get(key);
    if (hit) return hit;
    let place: PlaceRef | null = null;
    if (r.park_id !== null) {
      const p = parkById.get(r.park_id);
      const county = p ? regionById.get(p.regionId) : undefined;
      if (p) {
        place = {
          key,
          type: 'park',
          id: p.id,
          code: null,
          name: p.name,
          nameEn: p.nameEn,
          county: county ? { code: county.code, name: county.name, nameEn: county.nameEn } : null,
          within: ancestorsOf(p.regionId),
        };
      }
    } else {
      const reg = regionById.get(r.region_id ?? 0);
      const parent = reg?.parentId != null ? regionById.get(reg.parentId) : undefined;
      if (reg) {
        place = {
          key,
          type: 'region',
          id: reg.id,
          code: reg.code,
          name: reg.name,
          nameEn: reg.nameEn,
          county:
            parent && parent.level !== 'province'
              ? { code: parent.code, name: parent.name, nameEn: parent.nameEn }
              : null,
          within: ancestorsOf(reg.parentId),
        };
      }
    }
    if (place) placeCache.set(key, place);
    return place;
  };
  const figures: PlaceFigure[] = [];
  for (const r of rows.slice(0, MAX_PIVOT_FIGURES)) {
    const place = placeOf(r);
    if (!place) continue;
    figures.push({
      metric: {
        id: r.metric_id,
        key: r.metric_key,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        unit: r.metric_unit,
        aggregation: r.aggregation,
        nature: r.nature,
      },
      place,
      year: Number(r.year),
      period: r.period,
      kind: r.kind,
      value: canonical(r.value),
      unit: r.unit,
      comparator: r.comparator,
      reports: Number(r.reports),
      sources: Number(r.sources),
      values: Number(r.value_count),
      latest: {
        factId: r.fact_id,
        articleId: r.article_id,
        date: iso(r.issue_date),
        headline: r.headline,
        evidence: r.evidence,
      },
    });
  }
  return { figures, capped };
}
