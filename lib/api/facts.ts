// The API's view of the fact reads (lib/data/fact-list.ts, fact-aggregate.ts): who may ask for what, answered as HTTP
// (HttpError) — the read layer itself knows no HTTP — and the read-model cache in front of the
// lists and aggregates. Used by the /api routes and the explorer page.
import 'server-only';
import { HttpError } from '@/lib/api/route';
import { requireRole } from '@/lib/auth/dal';
import type { SessionUser } from '@/lib/auth/roles';
import { aggregateFacts, type AggregateRow } from '@/lib/data/fact-aggregate';
import { InvalidCursorError } from '@/lib/data/fact-cursor';
import { listFacts, type FactRow, type FactsPage } from '@/lib/data/fact-list';
import { cached } from '@/lib/data/read-cache';
import { MAX_EXPORT_ROWS, MAX_LIMIT, type FactFilters, type FactSort, type GroupBy } from '@/lib/validations/api';

// The API's reads go through the read-model cache (lib/data/read-cache): many officials open the same
// views, and at a province's scale an aggregate costs ~0.5 s of SQL. Every write path (review,
// manual entry, import, metric/place edits) calls invalidateCache('overview:') after it commits,
// so a reviewer sees their approval at once; writes from another process (the ingest CLI) show
// within the TTL. Exports are never cached.
const API_CACHE = { ttlMs: 10_000, staleMs: 60_000 } as const;

function apiCacheKey(what: string, parts: unknown[]): string {
  return `overview:api:${what}:${JSON.stringify(parts)}`;
}

/** Non-admins get approved facts only; asking for anything else is refused rather than ignored. */
function callerIsAdmin(user: SessionUser | null, filters: FactFilters): boolean {
  const isAdmin = user?.role === 'admin';
  if (!isAdmin && filters.status !== undefined && filters.status !== 'approved') {
    throw new HttpError(403, 'Only admins may see draft or rejected facts');
  }
  return isAdmin;
}

export async function listFactsForCaller(
  user: SessionUser | null,
  filters: FactFilters,
  cursor: string | undefined,
  limit: number,
  opts: { sort?: FactSort | undefined; order?: 'asc' | 'desc' | undefined },
): Promise<FactsPage> {
  await requireRole('viewer');
  const isAdmin = callerIsAdmin(user, filters);
  const list = { sort: opts.sort ?? 'year', order: opts.order ?? 'desc', isAdmin } as const;
  try {
    return await cached(apiCacheKey('facts', [filters, cursor ?? null, limit, list]), () => listFacts(filters, cursor, limit, list), API_CACHE);
  } catch (e) {
    if (e instanceof InvalidCursorError) throw new HttpError(400, e.message);
    throw e;
  }
}

export async function aggregateFactsForCaller(user: SessionUser | null, groupBy: GroupBy, filters: FactFilters): Promise<AggregateRow[]> {
  await requireRole('viewer');
  const isAdmin = callerIsAdmin(user, filters);
  return cached(apiCacheKey('aggregate', [groupBy, filters, isAdmin]), () => aggregateFacts(groupBy, filters, { isAdmin }), API_CACHE);
}

/** Every row of the view, page by page; views over MAX_EXPORT_ROWS must be narrowed first. */
export async function exportFactsForCaller(
  user: SessionUser | null,
  filters: FactFilters,
  opts: { sort?: FactSort | undefined; order?: 'asc' | 'desc' | undefined },
): Promise<FactRow[]> {
  await requireRole('viewer');
  const isAdmin = callerIsAdmin(user, filters);
  const list = { sort: opts.sort ?? 'year', order: opts.order ?? 'desc', isAdmin } as const;
  const rows: FactRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listFacts(filters, cursor, MAX_LIMIT, list);
    if (page.totalCapped) {
      throw new HttpError(400, `The view has more than ${MAX_EXPORT_ROWS} rows; narrow the filters to export it`);
    }
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}
