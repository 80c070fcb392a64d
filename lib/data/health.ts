// Database reachability, for the health endpoint.
import 'server-only';
import { cacheSyncState, getDb } from '@/lib/db';

export interface DatabaseHealth {
  ok: true;
  backend: string;
  /** Read replicas in use (DATABASE_REPLICA_URLS). */
  replicas: number;
  /** 'listening': this process hears the other app processes' cache invalidations (PostgreSQL). */
  cacheSync: 'off' | 'connecting' | 'listening';
}

export async function checkDatabase(): Promise<DatabaseHealth | { ok: false }> {
  try {
    const db = await getDb();
    await db.sql.query('SELECT 1');
    return { ok: true, backend: db.backend, replicas: db.replicas, cacheSync: cacheSyncState() };
  } catch {
    return { ok: false };
  }
}
