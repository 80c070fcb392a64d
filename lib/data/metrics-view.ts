// Reads for the metric pages: the catalogue with how many approved figures each metric has, and
// one metric across parks, counties and years.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import type { MetricRef } from '@/lib/vocab/shapes';
import { getSubjectFigures, type SubjectFigure as Figure } from './provenance';
import { getPlaces } from './regions';

const metricSelect = {
  id: true,
  key: true,
  nameZh: true,
  nameEn: true,
  unit: true,
  valueType: true,
  aggregation: true,
  direction: true,
  nature: true,
  category: true,
  description: true,
} as const;

/** Live metrics (not deleted, not merged away), by id. */
export async function getMetrics(): Promise<MetricRef[]> {
  await requireRole('viewer');
  return cached('overview:metrics', async () => {
    const prisma = await getPrisma();
    return prisma.metric.findMany({
      where: { deletedAt: null, mergedIntoId: null },
      orderBy: { id: 'asc' },
      select: metricSelect,
    });
  }, { ttlMs: 60_000 });
}

export interface MetricListItem extends MetricRef {
  /** Approved figures (all kinds) and the years they cover. */
  facts: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** The catalogue for the metric index, metrics with data first (from the aggregate cache). */
export async function getMetricList(): Promise<MetricListItem[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const [metrics, sums] = await Promise.all([
    getMetrics(),
    prisma.factAggregate.groupBy({ by: ['metricId'], _sum: { factCount: true }, _min: { year: true }, _max: { year: true } }),
  ]);
  const byMetric = new Map(sums.map((s) => [s.metricId, s]));
  return metrics
    .filter((m) => m.key !== 'unclassified')
    .map((m) => {
      const s = byMetric.get(m.id);
      return { ...m, facts: s?._sum.factCount ?? 0, firstYear: s?._min.year ?? null, lastYear: s?._max.year ?? null };
    })
    .sort((a, b) => b.facts - a.facts || a.id - b.id);
}

export interface MetricView {
  metric: MetricRef;
  /** All approved whole-year figures of the metric for parks and regions, every year and kind. */
  figures: Figure[];
  years: number[];
}

/** One metric by key, with its figures; null when the key is unknown. */
export async function getMetricView(key: string): Promise<MetricView | null> {
  await requireRole('viewer');
  if (!/^[a-z0-9_]{1,80}$/.test(key)) return null;
  const metric = (await getMetrics()).find((m) => m.key === key);
  if (!metric) return null;
  const places = await getPlaces();
  const regionIds = [places.city, ...places.counties].filter((r) => r !== null).map((r) => r.id);
  // Figures of 湘潭市, its counties and its parks (a province-wide database holds other cities too).
  const figures = await getSubjectFigures({
    metricIds: [metric.id],
    periods: 'annual',
    parkIds: places.parks.map((p) => p.id),
    regionIds: regionIds.length ? regionIds : [-1],
  });
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  return { metric, figures, years };
}
