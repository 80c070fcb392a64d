import { route } from '@/lib/api/route';
import { getOverview } from '@/lib/data/overview';
import { overviewQuery } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/**
 * The overview dashboard's data as JSON (KPI cards with target vs actual, park ranking, counties,
 * trend, awards), each figure with its source. Served from the read-model cache.
 */
export const GET = route({ role: 'viewer', query: overviewQuery }, ({ query }) =>
  getOverview({ ...(query.year !== undefined ? { year: query.year } : {}), ...(query.metric !== undefined ? { metricKey: query.metric } : {}) }),
);
