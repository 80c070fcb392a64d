// The 五好 scorecard's default indicators: which catalogue metrics stand for each of the five
// dimensions until an admin changes them (/admin/scorecard). The dimensions themselves and the
// same list for databases that already had a catalogue come from migration 20261202102120_scorecard;
// tests/unit/scorecard/defaults-migration.test.ts keeps the two lists equal.
import type { AppPrismaClient } from '@/lib/db/client';

export const SCORECARD_DIMENSION_KEYS = ['planning', 'innovation', 'projects', 'institutions', 'image'] as const;
export type ScorecardDimensionKey = (typeof SCORECARD_DIMENSION_KEYS)[number];

/** Default indicators per dimension, in order. */
export const SCORECARD_DEFAULTS: Readonly<Record<ScorecardDimensionKey, readonly string[]>> = {
  planning: ['leading_industry_share', 'leading_industry_output_growth', 'land_converted_commercial_to_industrial'],
  innovation: [
    'high_tech_industry_share',
    'high_tech_enterprises',
    'little_giant_enterprises',
    'little_giant_enterprises_cumulative',
    'new_little_giant_enterprises',
    'little_giant_share_of_scale_industry',
    'specialised_sme',
    'new_specialised_sme',
    'platforms',
    'enterprises_in_maker_space',
  ],
  projects: [
    'fixed_asset_investment',
    'industrial_investment',
    'new_scale_industrial_enterprises',
    'investment_signed',
    'investment_funds_in_place',
    'key_projects',
  ],
  institutions: ['key_enterprises_served', 'key_projects_served', 'key_talents_served', 'approval_time'],
  image: [
    'tech_industry_trade_revenue',
    'industrial_value_added',
    'industrial_value_added_growth',
    'tax_per_mu',
    'tax_revenue',
    'foreign_trade',
    'five_good_awards_consecutive',
  ],
};

/**
 * Assigns the default indicators once, on a database whose scorecard nobody has touched: no
 * assignment yet and no audited change of one (an admin who removed them all keeps it that way).
 * Returns how many assignments it made.
 */
export async function seedScorecardDefaults(
  prisma: AppPrismaClient,
  defaults: Readonly<Record<string, readonly string[]>> = SCORECARD_DEFAULTS,
): Promise<number> {
  const [assigned, edited] = await Promise.all([
    prisma.scorecardMetric.count(),
    prisma.auditLog.count({ where: { entityType: 'scorecard_metric' } }),
  ]);
  if (assigned > 0 || edited > 0) return 0;
  const dimensions = await prisma.scorecardDimension.findMany({ select: { id: true, key: true } });
  const metrics = await prisma.metric.findMany({
    where: { key: { in: Object.values(defaults).flat() }, deletedAt: null, mergedIntoId: null },
    select: { id: true, key: true },
  });
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  const data: { dimensionId: number; metricId: number; ordinal: number }[] = [];
  for (const d of dimensions) {
    const keys = defaults[d.key] ?? [];
    keys.forEach((key, i) => {
      const id = metricId.get(key);
      if (id !== undefined) data.push({ dimensionId: d.id, metricId: id, ordinal: i + 1 });
    });
  }
  if (data.length === 0) return 0;
  const { count } = await prisma.scorecardMetric.createMany({ data, skipDuplicates: true });
  return count;
}
