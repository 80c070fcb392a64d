// The headline figures of a dashboard: the metrics an admin chose for it, in order, or — without a
// choice — the default: the Five Good scorecard's indicators that have figures in the year.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import type { MetricRef } from '@/lib/vocab/shapes';
import type { HeadlineDashboard } from '@/lib/validations/headline';
import { getMetrics } from './metrics-view';

/**
 * The scorecard's default indicators (issue 12: 技工贸总收入, 规模工业增加值及增速, 亩均税收, 主导产业,
 * 投资, 新增规模工业企业, 小巨人/专精特新, 招商引资, 进出口, 获评五好 …), in the order the overview
 * shows them. The scorecard's own metric→dimension assignment replaces this list once it is stored.
 */
export const FIVE_GOOD_INDICATORS = [
  'tech_industry_trade_revenue',
  'industrial_value_added',
  'industrial_value_added_growth',
  'park_share_of_industrial_value_added',
  'tax_per_mu',
  'leading_industry_output_growth',
  'investment_in_demonstration_parks',
  'fixed_asset_investment',
  'industrial_investment',
  'projects_over_100m_per_chain',
  'new_scale_industrial_enterprises',
  'new_little_giant_enterprises',
  'new_specialised_sme',
  'little_giant_enterprises_cumulative',
  'little_giant_enterprises',
  'specialised_sme',
  'little_giant_share_of_scale_industry',
  'new_enterprises_revenue_over_10bn',
  'new_enterprises_revenue_over_5bn',
  'investment_signed',
  'foreign_trade',
  'five_good_parks_awarded',
] as const;

/** The indicator metrics of the catalogue, in indicator order (pure). */
export function indicatorMetrics(metrics: readonly MetricRef[], keys: readonly string[] = FIVE_GOOD_INDICATORS): MetricRef[] {
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  return keys.map((k) => byKey.get(k)).filter((m): m is MetricRef => m !== undefined);
}

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
