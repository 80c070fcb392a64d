import { route } from '@/lib/api/route';
import { getExplorerOptions } from '@/lib/data/explorer';
import { factFiltersQuery, filtersOf } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** The explorer's filter options drawn from the data, each with the rows it would show under the other filters (analysts). */
export const GET = route({ role: 'analyst', query: factFiltersQuery }, ({ query }) =>
  getExplorerOptions(filtersOf(query)),
);
