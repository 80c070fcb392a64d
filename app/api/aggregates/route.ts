import { route } from '@/lib/api/route';
import { aggregateFactsForCaller } from '@/lib/api/facts';
import { aggregatesQuery, filtersOf } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** Figures combined by park, region, year or metric, following each metric's aggregation rule. */
export const GET = route({ role: 'viewer', query: aggregatesQuery }, async ({ query, user }) => ({
  items: await aggregateFactsForCaller(user, query.groupBy, filtersOf(query)),
}));
