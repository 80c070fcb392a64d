import { route } from '@/lib/api/route';
import { listFactsForCaller } from '@/lib/api/facts';
import { factsQuery, filtersOf } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** Facts with provenance, filtered, cursor-paginated (approved only unless the caller is an admin). */
export const GET = route({ role: 'viewer', query: factsQuery }, ({ query, user }) =>
  listFactsForCaller(user, filtersOf(query), query.cursor, query.limit ?? 50, { sort: query.sort, order: query.order }),
);
