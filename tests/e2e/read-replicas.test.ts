// Reads from a streaming replica (DATABASE_REPLICA_URLS): a private primary and a hot standby made
// with pg_basebackup -R, the production build pointed at both. With the standby's replay paused,
// a row changed on the primary behind the app's back stays invisible to the dashboards — they read
// the replica — while an approval made through the app is seen at once by the admin who made it
// (after a write the app reads from the primary until the replicas have replayed it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { callServerAction } from './support/server-action';
import { startAppServer, type AppServer } from './support/server';

const skipReason = privatePostgresSkipReason();
if (skipReason) console.warn(`[read-replicas] skipped: ${skipReason}`);

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skipReason !== null)('read replicas (private primary + streaming replica)', () => {
  let primary: PrivatePostgres;
  let replica: PrivatePostgres;
  let app: AppServer;
  let primaryUrl: string;
  let replicaUrl: string;

  /** The replica has replayed everything the primary has written so far. */
  async function replicaCaughtUp(): Promise<boolean> {
    const lsn = (await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn'))[0]?.lsn;
    const rows = await query<{ ok: boolean }>(replicaUrl, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    return rows[0]?.ok === true;
  }

  beforeAll(async () => {
    primary = await startPrivatePostgres({ port: 57432 });
    primaryUrl = await primary.createDatabase('xt_replicas');
    replica = await startPrivatePostgres({ port: primary.port + 1, replicaOf: primary });
    replicaUrl = replica.url('xt_replicas');
    app = await startAppServer({
      databaseUrl: primaryUrl,
      prepare: true,
      demo: 'reviewed',
      sessions: ['admin', 'viewer'],
      env: { DATABASE_REPLICA_URLS: replicaUrl },
    });
    await until('the replica has the seeded data', replicaCaughtUp);
  }, 600_000);

  afterAll(async () => {
    await app?.stop();
    replica?.destroy();
    primary?.destroy();
  });

  async function get(path: string, cookie: string): Promise<string> {
    const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(200);
    return text;
  }

  it('the replica is a hot standby and the app uses it', async () => {
    const [row] = await query<{ standby: boolean }>(replicaUrl, 'SELECT pg_is_in_recovery() AS standby');
    expect(row?.standby).toBe(true);
    const health = JSON.parse(await get('/api/health', '')) as { replicas: number };
    expect(health.replicas).toBe(1);
  });

  it('dashboards read from the replica; an approval is seen at once by the admin who made it', async () => {
    const viewer = app.cookies.viewer ?? '';
    const admin = app.cookies.admin ?? '';
    // A park the overview lists (one of 湘潭市's own: the overview is of the city), and a figure put back to draft (both before anything is cached).
    const [park] = await query<{ id: number; name: string }>(primaryUrl, `SELECT p.id, p.name FROM park p JOIN region r ON r.id = p.region_id
        WHERE p.deleted_at IS NULL AND r.code = '430300' ORDER BY p.id LIMIT 1`);
    const [draft] = await query<{ id: number; version: number; key: string }>(
      primaryUrl,
      `UPDATE fact f SET status = 'draft', reviewed_at = NULL, version = f.version + 1
         FROM metric m
        WHERE m.id = f.metric_id AND f.id = (SELECT min(id) FROM fact WHERE status = 'approved' AND deleted_at IS NULL)
        RETURNING f.id, f.version, m.key`,
    );
    expect(park && draft).toBeTruthy();
    await until('the replica has the draft', replicaCaughtUp);

    // Freeze the replica, then rename the park on the primary behind the app's back (no write
    // path, so no invalidation): only the primary has the new name.
    await query(replicaUrl, 'SELECT pg_wal_replay_pause()');
    const renamed = `${park!.name}（只在主库）`;
    await query(primaryUrl, 'UPDATE park SET name = $1 WHERE id = $2', [renamed, park!.id]);
    expect((await query<{ name: string }>(replicaUrl, 'SELECT name FROM park WHERE id = $1', [park!.id]))[0]?.name).toBe(park!.name);

    const overview = await get('/api/overview', viewer);
    expect(overview).toContain(JSON.stringify(park!.name).slice(1, -1));
    expect(overview).not.toContain('只在主库');
    const [conns] = await query<{ n: number }>(
      replicaUrl,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'xt-app-replica' AND datname = 'xt_replicas'`,
    );
    expect(conns?.n).toBeGreaterThan(0);

    // The admin approves the figure through the app; the replica (paused) cannot have it.
    const approved = async (cookie: string) =>
      (JSON.parse(await get(`/api/facts?metric=${draft!.key}&status=approved&limit=200`, cookie)) as { items: { id: number }[] }).items.map((f) => f.id);
    expect(await approved(admin)).not.toContain(draft!.id);
    const result = await callServerAction<{ ok: boolean }>(app.url, admin, 'approveFacts', [{ items: [{ id: draft!.id, version: draft!.version }] }]);
    expect(result).toMatchObject({ ok: true });
    expect((await query<{ status: string }>(replicaUrl, 'SELECT status::text AS status FROM fact WHERE id = $1', [draft!.id]))[0]?.status).toBe('draft');

    // Read your own writes: the admin's next read shows it approved — from the primary, since the
    // replica has not replayed the approval. Every reader goes there meanwhile (the viewer too, and
    // the park's new name shows up: proof the read did not come from the replica).
    expect(await approved(admin)).toContain(draft!.id);
    expect(await approved(viewer)).toContain(draft!.id);
    expect(await get('/api/overview', viewer)).toContain('只在主库');

    // Reads return to the replica once it has replayed the write: tests/integration/replica-fence.test.ts.
    await query(replicaUrl, 'SELECT pg_wal_replay_resume()');
  }, 180_000);
});
