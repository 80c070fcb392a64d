import { checkDatabase } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and the resilience tests. */
export async function GET(): Promise<Response> {
  const db = await checkDatabase();
  return db.ok
    ? Response.json({ ok: true, database: db.backend, replicas: db.replicas, cacheSync: db.cacheSync })
    : Response.json({ ok: false, error: 'Database unavailable' }, { status: 503 });
}
