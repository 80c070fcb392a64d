// The app's one database handle (server only). Opened lazily once per process and kept on
// globalThis so dev-mode hot reloads do not open a second PGlite on the same folder.
import 'server-only';
import { env } from '@/lib/env';
import { openDatabase, type Database } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';

const g = globalThis as typeof globalThis & { __appDb?: Promise<Database> };

async function open(): Promise<Database> {
  const e = env();
  const db = await openDatabase({ url: e.DATABASE_URL, dataDir: e.DATA_DIR, poolMax: e.DATABASE_POOL_MAX });
  // The embedded database belongs to this process alone, so it can bring itself up to date;
  // PostgreSQL is migrated by `npm run db:migrate` (or .ci/run) before the app starts.
  if (db.backend === 'pglite') await db.withSession((s) => migrate(s));
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

export async function getPrisma(): Promise<Database['prisma']> {
  return (await getDb()).prisma;
}
