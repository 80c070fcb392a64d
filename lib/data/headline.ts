// The headline figures of a dashboard: the metrics an admin chose for it, in order, or — without a
// choice — the default: the Five Good scorecard's indicators (lib/data/scorecard.ts) that have
// figures in the year.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import type { MetricRef } from '@/lib/vocab/shapes';
import type { HeadlineDashboard } from '@/lib/validations/headline';
import { getMetrics } from './metrics-view';
import { getScorecardDimensions } from './scorecard';

/** The metrics an admin chose for a dashboard, in order; [] when none were chosen (the default applies). */
export async function getHeadlineChoice(dashboard: HeadlineDashboard): Promise<MetricRef[]> {
  await requireRole('viewer');
  return cached(`overview:headline:${dashboard}`, async () => {
    const prisma = await getPrisma();
    const [rows, metrics] = await Promise.all([
      prisma.dashboardHeadline.findMany({ where: { dashboard }, orderBy: { position: 'asc' }, select: { metricId: true } }),
      getMetrics(),
    ]);
    const byId = new Map(metrics.map((m) => [m.id, m]));
    // A metric deleted or merged away since the choice drops out.
    return rows.map((r) => byId.get(r.metricId)).filter((m): m is MetricRef => m !== undefined);
  });
}

/**
 * The headline metric ids in order — the overview's as an admin chose them, else the scorecard's
 * indicators: what bounded tables list first (lib/vocab/significance.ts).
 */
export async function getHeadlineMetricIds(): Promise<number[]> {
  await requireRole('viewer');
  const [chosen, dimensions] = await Promise.all([getHeadlineChoice('overview'), getScorecardDimensions()]);
  if (chosen.length > 0) return chosen.map((m) => m.id);
  return dimensions.flatMap((d) => d.indicators.map((m) => m.id));
}

export interface HeadlineAdminView {
  dashboard: HeadlineDashboard;
  chosen: MetricRef[];
  /** Who last saved the choice, and when (null: never). */
  savedAt: string | null;
  savedBy: string | null;
}

/** The choices of every dashboard, for the admin page. */
export async function getHeadlineAdmin(dashboards: readonly HeadlineDashboard[]): Promise<HeadlineAdminView[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const metrics = await getMetrics();
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const rows = await prisma.dashboardHeadline.findMany({
    where: { dashboard: { in: [...dashboards] } },
    orderBy: [{ dashboard: 'asc' }, { position: 'asc' }],
    select: { dashboard: true, metricId: true, createdAt: true, createdBy: { select: { displayName: true } } },
  });
  return dashboards.map((dashboard) => {
    const mine = rows.filter((r) => r.dashboard === dashboard);
    const first = mine[0];
    return {
      dashboard,
      chosen: mine.map((r) => byId.get(r.metricId)).filter((m): m is MetricRef => m !== undefined),
      savedAt: first ? first.createdAt.toISOString() : null,
      savedBy: first?.createdBy?.displayName ?? null,
    };
  });
}
