// A small in-process cache for read models many users ask for at once (overview KPIs, rankings,
// option lists): entries live for a short TTL, concurrent misses share one query (single flight),
// a value a little past its TTL is still served while one background query refreshes it (so no
// visitor waits for a slow query after the first), and writers call invalidateCache() after they
// commit so the next read is fresh. The entries live in process memory; with several app
// processes on one PostgreSQL database, lib/db.ts registers a broadcaster (LISTEN/NOTIFY,
// lib/db/cache-sync.ts) so an invalidation in one process drops the same entries in all.

interface Entry<T> {
  value?: T;
  expires: number;
  pending?: Promise<T>;
}

// On globalThis: `next build` bundles route handlers, pages and server actions as separate entries;
// should two of them ever carry their own copy of this module, a module-level Map would split the
// cache and an approval made by a server action would not invalidate what an API route serves.
interface CacheState {
  store: Map<string, Entry<unknown>>;
  generation: number;
  /** Tells the other app processes (set by lib/db.ts on PostgreSQL). */
  broadcast?: (prefix: string | undefined) => Promise<void>;
}
const g = globalThis as typeof globalThis & { __xtReadCache?: CacheState };
const state: CacheState = (g.__xtReadCache ??= { store: new Map(), generation: 0 });
const store = state.store;
const MAX_ENTRIES = 2_000;

export interface CacheOptions {
  /** How long a value is served without asking the database again. Default 10 s. */
  ttlMs?: number;
  /** How long after the TTL a value may still be served while it is refreshed. Default 60 s. */
  staleMs?: number;
}

/**
 * Returns the cached value for key, or runs load() once for all concurrent callers. Errors are
 * not cached (the next call tries again, e.g. once the database is back).
 */
export async function cached<T>(key: string, load: () => Promise<T>, opts: CacheOptions = {}): Promise<T> {
  const now = Date.now();
  const hit = store.get(key) as Entry<T> | undefined;
  if (hit && hit.value !== undefined && hit.expires > now) return hit.value;
  const stale = hit && hit.value !== undefined && hit.expires + (opts.staleMs ?? 60_000) > now ? hit.value : undefined;
  if (hit?.pending) return stale !== undefined ? stale : hit.pending;
  const startedAt = state.generation;
  const pending = load().then(
    (value) => {
      // A write invalidated the cache while this query ran: serve the result, don't keep it.
      if (startedAt === state.generation) store.set(key, { value, expires: Date.now() + (opts.ttlMs ?? 10_000) });
      else store.delete(key);
      return value;
    },
    (e: unknown) => {
      store.delete(key);
      throw e;
    },
  );
  if (store.size >= MAX_ENTRIES) {
    const oldest = store.keys().next().value;
    if (oldest !== undefined) store.delete(oldest);
  }
  store.set(key, { ...hit, expires: hit?.expires ?? 0, pending });
  if (stale !== undefined) {
    pending.catch(() => undefined); // a failed background refresh just leaves the next call to retry
    return stale;
  }
  return pending;
}

/**
 * Drops cached entries (all, or those whose key starts with prefix). Call after committing writes:
 * the other app processes are told too, unless opts.local (an invalidation that came from them).
 */
export function invalidateCache(prefix?: string, opts: { local?: boolean } = {}): void {
  if (!opts.local && state.broadcast) {
    state.broadcast(prefix).catch((e: unknown) => {
      // The write is committed; the other processes' entries expire with their TTL at worst, and
      // a listener that lost its connection drops everything when it is back.
      console.warn(`read-model cache: could not notify the other app processes: ${(e as Error).message}`);
    });
  }
  state.generation++;
  if (prefix === undefined) {
    store.clear();
    return;
  }
  for (const k of store.keys()) if (k.startsWith(prefix)) store.delete(k);
}

/**
 * The data version: a number that changes with every invalidation (local, or another process's by
 * NOTIFY). The page cache (lib/page-cache) serves a page only while it is the one the page was
 * rendered from.
 */
export function dataVersion(): number {
  return state.generation;
}

/** Number of entries (for tests and diagnostics). */
export function cacheSize(): number {
  return store.size;
}

/** Registers how invalidations reach the other app processes (lib/db.ts; undefined = none). */
export function setCacheBroadcast(broadcast: ((prefix: string | undefined) => Promise<void>) | undefined): void {
  state.broadcast = broadcast;
}
