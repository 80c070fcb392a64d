// Database reachability, for the health endpoint.
import 'server-only';
import { getDb } from '@/lib/db';

export async function checkDatabase(): Promise<{ ok: true; backend: string } | { ok: false }> {
  try {
    const db = await getDb();
    await db.sql.query('SELECT 1');
    return { ok: true, backend: db.backend };
  } catch {
    return { ok: false };
  }
}
