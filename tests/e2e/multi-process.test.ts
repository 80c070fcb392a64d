// Two `next start` processes of the production build on one PostgreSQL database (as behind a
// load balancer): an approval made through one is served at once by the other, although the other
// had the old answer in its read-model cache — the invalidation travels by LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresServerUrl } from '../support/test-db';
import { callServerAction } from './support/server-action';
import { startAppServer, type AppServer } from './support/server';

const skip = !postgresServerUrl();
if (skip) console.warn('[multi-process] skipped: needs PostgreSQL (set DATABASE_URL)');

interface FactsPage {
  items: { id: number; status: string }[];
}

describe.skipIf(skip)('two app processes on one database', () => {
  let a: AppServer;
  let b: AppServer;

  beforeAll(async () => {
    a = await startAppServer({ demo: 'reviewed', sessions: ['admin', 'viewer'] });
    b = await startAppServer({ databaseUrl: a.databaseUrl, build: false });
  }, 600_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  async function approvedIds(server: AppServer, metric: string): Promise<number[]> {
    const res = await fetch(`${server.url}/api/facts?metric=${metric}&limit=200`, { headers: { Cookie: a.cookies.viewer ?? '' } });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as FactsPage).items.map((f) => f.id);
  }

  /** A dashboard page as the viewer (rendered from the process's read-model cache). */
  async function pageHtml(server: AppServer, path: string, cache?: 'hit' | 'miss'): Promise<string> {
    const res = await fetch(`${server.url}${path}`, { headers: { Cookie: a.cookies.viewer ?? '' }, redirect: 'manual' });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(200);
    // The page cache (lib/page-cache) says whether it rendered the page or served a kept one.
    if (cache) expect(res.headers.get('x-page-cache'), path).toBe(cache);
    return text;
  }
  const showsFact = (html: string, id: number) => html.includes(`data-fact="${id}"`) || html.includes(`"data-fact":${id}`);

  it('an approval through one process is read at once through the other', async () => {
    expect(a.pid).not.toBe(b.pid);
    // Each process listens for the other's invalidations once its database is open (it drops its
    // cache when it starts listening, so wait for that before caching anything).
    for (const server of [a, b]) {
      const deadline = Date.now() + 30_000;
      let health: { cacheSync?: string } = {};
      while (Date.now() < deadline) {
        health = (await (await fetch(`${server.url}/api/health`)).json()) as { cacheSync?: string };
        if (health.cacheSync === 'listening') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health.cacheSync).toBe('listening');
    }
    const db = a.db!;
    // A figure of the demo issue put back to draft before either process has read anything.
    const [draft] = await db.sql.query<{ id: number; version: number; key: string }>(
      `UPDATE fact f SET status = 'draft', reviewed_at = NULL, version = f.version + 1
         FROM metric m
        WHERE m.id = f.metric_id
          AND f.id = (SELECT min(id) FROM fact WHERE status = 'approved' AND deleted_at IS NULL AND park_id IS NOT NULL)
        RETURNING f.id, f.version, m.key`,
    );
    expect(draft, 'the demo issue has an approved figure').toBeDefined();
    const { id, version, key } = draft!;

    // Both processes answer from their caches: the figure is not approved yet.
    const before = await approvedIds(b, key);
    expect(before).not.toContain(id);
    expect(await approvedIds(b, key)).toEqual(before);
    expect(await approvedIds(a, key)).toEqual(before);
    // The other process's metric page does not show it either (asked twice: the second from its page cache).
    expect(showsFact(await pageHtml(b, `/metrics/${key}`, 'miss'), id)).toBe(false);
    expect(showsFact(await pageHtml(b, `/metrics/${key}`, 'hit'), id)).toBe(false);

    const result = await callServerAction<{ ok: boolean; data?: { count: number }; message?: string }>(
      a.url,
      a.cookies.admin ?? '',
      'approveFacts',
      [{ items: [{ id, version }] }],
    );
    expect(result).toMatchObject({ ok: true, data: { count: 1 } });
    const [row] = await db.sql.query<{ status: string }>('SELECT status::text AS status FROM fact WHERE id = $1', [id]);
    expect(row?.status).toBe('approved');

    // The writer's own process dropped its entries in the action; the other one by notification.
    // Its cache keeps answers for 10 s, so seeing the figure well before that is the notification's doing.
    expect(await approvedIds(a, key)).toContain(id);
    let reads = 0;
    let seen = false;
    const deadline = Date.now() + 2_000;
    while (!seen && Date.now() < deadline) {
      reads++;
      seen = (await approvedIds(b, key)).includes(id);
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`[multi-process] the other process served the approval on read ${reads}`);
    expect(seen, b.logs().slice(-2000)).toBe(true);
    expect(await approvedIds(b, key)).toEqual(await approvedIds(a, key));
    // The notification also reached the other process's pages: its kept metric page is rendered
    // again and shows the figure.
    expect(showsFact(await pageHtml(b, `/metrics/${key}`, 'miss'), id)).toBe(true);
    expect(a.logs() + b.logs()).not.toMatch(/could not notify|cache sync: connection lost/);
  }, 120_000);
});
