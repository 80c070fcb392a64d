// The app's one database handle (server only). Opened lazily once per process and kept on
// globalThis so dev-mode hot reloads do not open a second PGlite on the same folder.
import 'server-only';
import { env } from '@/lib/env';
import { openDatabase, type Database } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { CacheSync } from '@/lib/db/cache-sync';
import { invalidateCache, setCacheBroadcast } from '@/lib/data/read-cache';

const g = globalThis as typeof globalThis & { __appDb?: Promise<Database>; __cacheSync?: CacheSync };

/**
 * Several app processes may serve one PostgreSQL database: each invalidation of the read-model
 * cache is sent to the others with NOTIFY and theirs are received with LISTEN (lib/db/cache-sync.ts).
 * Not awaited: the app serves requests while the listener connects (it retries with backoff, and
 * drops the cache each time it is connected again).
 */
function startCacheSync(url: string, db: Database): void {
  if (g.__cacheSync) return;
  const sync = new CacheSync({
    url,
    onInvalidate: (prefix) => {
      db.noteWrite(); // another process wrote: read from the primary until the replicas have it
      invalidateCache(prefix, { local: true });
    },
    fallbackNotify: async (channel, payload) => {
      await db.sql.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
  });
  g.__cacheSync = sync;
  setCacheBroadcast((prefix) => {
    db.noteWrite(); // this process wrote (every write path invalidates the read models after it commits)
    return sync.publish(prefix);
  });
  void sync.start();
}

async function open(): Promise<Database> {
  const e = env();
  const db = await openDatabase({
    url: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    poolMax: e.DATABASE_POOL_MAX,
    replicaUrls: e.DATABASE_REPLICA_URLS,
  });
  // The embedded database belongs to this process alone, so it can bring itself up to date;
  // PostgreSQL is migrated by `npm run db:migrate` (or .ci/run) before the app starts.
  if (db.backend === 'pglite') await db.withSession((s) => migrate(s));
  if (db.backend === 'postgres' && e.DATABASE_URL) startCacheSync(e.DATABASE_URL, db);
  return db;
}

export function getDb(): Promise<Database> {
  if (!g.__appDb) {
    g.__appDb = open().catch((e: unknown) => {
      g.__appDb = undefined; // let the next request try again (the server may come back)
      throw e;
    });
  }
  return g.__appDb;
}

/**
 * The client for reads and writes. With DATABASE_REPLICA_URLS, model reads outside a transaction
 * go to a replica, except right after a write (lib/db/replicas.ts); writes and transactions always
 * go to the primary.
 */
export async function getPrisma(): Promise<Database['prisma']> {
  return (await getDb()).readPrisma();
}

/**
 * For lib/data's reads (dashboards, API): like getPrisma(), and raw SQL reads ($queryRaw outside a
 * transaction) go to a replica too. Never write through it with $queryRaw.
 */
export async function getReadOnlyPrisma(): Promise<Database['prisma']> {
  return (await getDb()).readOnlyPrisma();
}

/** Always the primary: for reads that must see a write made an instant ago (the session check). */
export async function getPrimaryPrisma(): Promise<Database['prisma']> {
  return (await getDb()).prisma;
}

/** Whether this process receives the other processes' cache invalidations (for /api/health). */
export function cacheSyncState(): 'off' | 'connecting' | 'listening' {
  if (!g.__cacheSync) return 'off';
  return g.__cacheSync.isListening ? 'listening' : 'connecting';
}
