// Reads for the 五好 scorecard: the five dimensions with their indicators (admin-assigned catalogue
// metrics), the parks of 湘潭市 with their approved figures of those indicators (one figure each,
// fact_figure's rule: never an unclassified fact, never a project's figure as its park's) and their
// awards; the shaping is lib/scorecard/shape.ts. Also the admin's view of the assignment.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma, getReadOnlyPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import type { MetricRef, ParkRef, RegionRef } from '@/lib/vocab/shapes';
import {
  buildCompare,
  buildScorecard,
  comparePeriods,
  groupByPeriod,
  compareSelection,
  parksOfCounty,
  scorecardYears,
  type CompareRow,
  type DimensionRef,
  type PeriodGroup,
  type ScoreAward,
  type ScoreRow,
} from '@/lib/scorecard/shape';
import { getMetrics } from './metrics-view';
import { getSubjectFigures, type SubjectFigure } from './provenance';
import { PARK_PERIODS } from '@/lib/vocab/significance';
import { getPlaces, getRecognitions } from './regions';

/** The dimensions in order, each with its live indicators in the admin's order. */
export async function getScorecardDimensions(): Promise<DimensionRef[]> {
  await requireRole('viewer');
  return cached('overview:scorecard:dimensions', async () => {
    const prisma = await getPrisma();
    const [dims, metrics] = await Promise.all([
      prisma.scorecardDimension.findMany({
        orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          key: true,
          nameZh: true,
          nameEn: true,
          showAwards: true,
          metrics: { orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], select: { metricId: true, metric: { select: { mergedIntoId: true } } } },
        },
      }),
      getMetrics(),
    ]);
    const live = new Map(metrics.filter((m) => m.key !== UNCLASSIFIED_KEY).map((m) => [m.id, m]));
    const seen = new Set<number>();
    return dims.map((d) => {
      const indicators: MetricRef[] = [];
      for (const a of d.metrics) {
        // A metric merged into another stands for it (its figures moved there).
        const m = live.get(a.metric.mergedIntoId ?? a.metricId);
        if (!m || seen.has(m.id)) continue;
        seen.add(m.id);
        indicators.push(m);
      }
      return { id: d.id, key: d.key, nameZh: d.nameZh, nameEn: d.nameEn, showAwards: d.showAwards, indicators };
    });
  }, { ttlMs: 60_000 });
}

/** Parks that belong to another park (sub-parks). */
async function getSubparkIds(): Promise<Set<number>> {
  const ids = await cached('overview:scorecard:subparks', async () => {
    const prisma = await getPrisma();
    const rows = await prisma.park.findMany({ where: { parentId: { not: null } }, select: { id: true } });
    return rows.map((r) => r.id);
  }, { ttlMs: 60_000 });
  return new Set(ids);
}

export interface ScorecardView {
  /** Years with a scorecard figure or award of a park, newest first. */
  years: number[];
  year: number | null;
  /** The county filter (region code) as applied; null: all parks. */
  county: string | null;
  /** Counties (and the city, for the parks it runs itself) that have parks. */
  regions: RegionRef[];
  dimensions: DimensionRef[];
  /** Every park of the city, for the compare picker. */
  parks: ParkRef[];
  /** The filtered parks' rows. */
  rows: ScoreRow[];
  /** 2–4 parks side by side, when asked for. */
  compare: { parks: ParkRef[]; dimensions: { key: string; rows: CompareRow[]; awards: ScoreAward[][]; empty: number }[] } | null;
  /** Latest issue date among the figures shown. */
  asOf: string | null;
}

/** The scorecard for a year (default: the latest with figures), a county and a comparison. */
export async function getScorecard(opts: { year?: number; county?: string; compare?: number[] } = {}): Promise<ScorecardView> {
  await requireRole('viewer');
  const [allPlaces, dimensions, subparks] = await Promise.all([getPlaces(), getScorecardDimensions(), getSubparkIds()]);
  // The province evaluates the listed parks; a sub-park (电子信息产业园 of 韶山高新区) is not a row of its own.
  const places = { ...allPlaces, parks: allPlaces.parks.filter((p) => !subparks.has(p.id)) };
  const regions = [places.city, ...places.counties].filter((r): r is RegionRef => r !== null && places.parks.some((p) => p.regionId === r.id));
  const county = opts.county && regions.some((r) => r.code === opts.county) ? opts.county : null;
  const metricIds = dimensions.flatMap((d) => d.indicators.map((m) => m.id));
  const parkIds = places.parks.map((p) => p.id);
  const [figures, recognitions] = await Promise.all([
    metricIds.length && parkIds.length
      ? getSubjectFigures({ metricIds, parkIds, parksOnly: true, kinds: ['actual', 'target'], periods: 'all' })
      : Promise.resolve([]),
    parkIds.length ? getRecognitions({ parkIds }) : Promise.resolve([]),
  ]);
  const awards: ScoreAward[] = recognitions.map((r) => ({ id: r.id, year: r.year, title: r.title, parkId: r.parkId, articleId: r.articleId }));
  const years = scorecardYears(figures, awards);
  const year = opts.year ?? years[0] ?? null;
  const all = year === null ? [] : buildScorecard(dimensions, places.parks, figures, awards, year);
  const shown = new Set(parksOfCounty(places.parks, regions, county).map((p) => p.id));
  const picked = compareSelection(opts.compare ?? [], places.parks);
  const inYear = figures.filter((f) => f.year === year);
  return {
    years,
    year,
    county,
    regions,
    dimensions,
    parks: places.parks,
    rows: all.filter((r) => shown.has(r.park.id)),
    compare: picked.length ? { parks: picked, dimensions: buildCompare(dimensions, all, picked) } : null,
    asOf: inYear.map((f) => f.latest.date).filter((d): d is string => d !== null).sort().at(-1) ?? null,
  };
}

export interface ScorecardAdminView {
  dimensions: {
    id: number;
    key: string;
    nameZh: string;
    nameEn: string;
    showAwards: boolean;
    indicators: { assignmentId: number; metricId: number; key: string; nameZh: string; ordinal: number; mergedInto: string | null }[];
  }[];
  /** Live catalogue metrics not assigned to any dimension. */
  unassigned: { id: number; key: string; nameZh: string; category: string | null }[];
}

/** The assignment as admins edit it (/admin/scorecard). */
export async function getScorecardAdmin(): Promise<ScorecardAdminView> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const [dims, metrics] = await Promise.all([
    prisma.scorecardDimension.findMany({
      orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        key: true,
        nameZh: true,
        nameEn: true,
        showAwards: true,
        metrics: {
          orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
          select: { id: true, metricId: true, ordinal: true, metric: { select: { key: true, nameZh: true, mergedInto: { select: { nameZh: true } } } } },
        },
      },
    }),
    prisma.metric.findMany({
      where: { deletedAt: null, mergedIntoId: null, key: { not: UNCLASSIFIED_KEY }, scorecard: { is: null } },
      orderBy: [{ category: 'asc' }, { id: 'asc' }],
      select: { id: true, key: true, nameZh: true, category: true },
    }),
  ]);
  return {
    dimensions: dims.map((d) => ({
      id: d.id,
      key: d.key,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      showAwards: d.showAwards,
      indicators: d.metrics.map((a) => ({
        assignmentId: a.id,
        metricId: a.metricId,
        key: a.metric.key,
        nameZh: a.metric.nameZh,
        ordinal: a.ordinal,
        mergedInto: a.metric.mergedInto?.nameZh ?? null,
      })),
    })),
    unassigned: metrics,
  };
}

/**
 * The newest `limit` periods of one park with every approved figure in them, all kinds (its 上半年
 * and quarterly figures too), grouped by the stretch of the year they cover, newest first; and how
 * many periods the park has in all (the rest are in the explorer). Only the periods shown are read:
 * the busiest synthetic park has hundreds of periods and tens of thousands of figures.
 */
export async function getParkPeriods(parkId: number, limit = PARK_PERIODS): Promise<{ groups: PeriodGroup<SubjectFigure>[]; total: number }> {
  await requireRole('viewer');
  if (!Number.isSafeInteger(parkId) || parkId <= 0) return { groups: [], total: 0 };
  const prisma = await getReadOnlyPrisma();
  // The park's own periods (never a project's or an organisation's), through fact_figure's park index.
  const periods = await prisma.$queryRaw<{ year: number; period: string }[]>`
    SELECT DISTINCT ff.year, ff.period
      FROM fact_figure ff JOIN metric m ON m.id = ff.metric_id
     WHERE ff.park_id = ${parkId} AND ff.project_id IS NULL AND ff.org_id IS NULL
       AND m.deleted_at IS NULL AND m.key <> ${UNCLASSIFIED_KEY}`;
  const newest = [...periods].sort(comparePeriods).slice(0, limit);
  if (newest.length === 0) return { groups: [], total: periods.length };
  const keep = new Set(newest.map((p) => `${p.year}:${p.period}`));
  const years = [...new Set(newest.map((p) => p.year))];
  const figures = await getSubjectFigures({ parkIds: [parkId], parksOnly: true, periods: 'all', years });
  const groups = groupByPeriod(figures.filter((f) => f.parkId === parkId)).filter((g) => keep.has(`${g.year}:${g.period}`));
  return { groups, total: periods.length };
}
