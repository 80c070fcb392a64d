// Failures a government intranet sees, against the production build and a private PostgreSQL
// server of our own (the machine's shared server is never touched):
// - the database goes down in the middle of a load run: requests fail fast with a clear 503 and
//   succeed again once it is back, without restarting the app;
// - an import killed half-way (SIGKILL inside its transaction) leaves nothing behind, and
//   running it again completes;
// - two concurrent approvals of the same fact: exactly one wins (optimistic version column).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../e2e/support/server';
import { REPO_ROOT } from '../e2e/support/build';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from '../e2e/support/private-postgres';
import { DEMO_ISSUE } from '@/lib/seed/demo';

const skipReason = privatePostgresSkipReason();
if (skipReason) console.warn(`[resilience] skipped: ${skipReason}`);

interface Sample {
  path: string;
  at: number;
  ms: number;
  status: number;
  body: string;
}

const STACK_OR_SECRET = /\bat .+\(.+:\d+:\d+\)|\n\s+at |postgres(ql)?:\/\/|DATABASE_URL|password/i;

/** Requests the paths in a loop with `concurrency` workers until stop() is called. */
function loadRun(base: string, paths: string[], concurrency: number, headers: Record<string, string> = {}) {
  const samples: Sample[] = [];
  let running = true;
  const worker = async (w: number) => {
    let i = w;
    while (running) {
      const p = paths[i++ % paths.length] ?? '/api/health';
      const t = Date.now();
      try {
        const res = await fetch(base + p, { signal: AbortSignal.timeout(15_000), redirect: 'manual', headers });
        const body = await res.text();
        samples.push({ path: p, at: t, ms: Date.now() - t, status: res.status, body: body.slice(0, 2000) });
      } catch (e) {
        samples.push({ path: p, at: t, ms: Date.now() - t, status: 0, body: (e as Error).message });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return {
    samples,
    async stop() {
      running = false;
      await done;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipReason !== null)('resilience (private PostgreSQL)', () => {
  let pgServer: PrivatePostgres;
  beforeAll(async () => {
    pgServer = await startPrivatePostgres();
  }, 120_000);
  afterAll(() => pgServer?.destroy());

  describe('database restarted during a load run', () => {
    let app: AppServer;
    beforeAll(async () => {
      const url = await pgServer.createDatabase('xt_resilience_restart');
      app = await startAppServer({ databaseUrl: url, prepare: true, demo: 'approved', sessions: ['viewer'] });
    }, 600_000);
    afterAll(async () => app?.stop());

    it('answers 503 fast while the database is down and recovers by itself', async () => {
      // /api/health is public; the others show whatever the app answers signed out (401/redirect)
      // or with data — all must stay fast and never leak a stack while the database is down.
      const paths = ['/api/health', '/api/health', '/', '/login'];
      const load = loadRun(app.url, paths, 6);
      // A signed-in reader's pages: the session cannot be checked while the database is down, so
      // the answer is 503 (as on the API), never a redirect to the sign-in page or a 200 error page.
      const reader = loadRun(app.url, ['/', '/regions/430300'], 2, { cookie: app.cookies.viewer ?? '' });
      // Before the crash: both runs have answered (a first signed-in render can take seconds on a
      // loaded machine; a fixed 1.5 s left the "before" sample empty there).
      const warmUntil = Date.now() + 60_000;
      await sleep(1500);
      while (Date.now() < warmUntil && (load.samples.length <= 5 || !reader.samples.some((x) => x.status === 200))) await sleep(250);
      const downAt = Date.now();
      pgServer.stop('immediate'); // like a crash: connections are cut, not closed politely
      await sleep(4000);
      const upAt = Date.now();
      pgServer.start();
      // Recovery: /api/health must turn 200 again without restarting the app.
      let recoveredAt = 0;
      for (let i = 0; i < 100 && !recoveredAt; i++) {
        const res = await fetch(`${app.url}/api/health`).catch(() => null);
        if (res?.status === 200) recoveredAt = Date.now();
        else await sleep(200);
      }
      await sleep(1500);
      await load.stop();
      await reader.stop();
      const failures = app.logs();
      const readerBefore = reader.samples.filter((s) => s.at + s.ms < downAt);
      const readerDuring = reader.samples.filter((s) => s.at > downAt + 500 && s.at + s.ms < upAt);
      const readerAfter = reader.samples.filter((s) => recoveredAt && s.at > recoveredAt + 200);

      const before = load.samples.filter((s) => s.at + s.ms < downAt);
      const during = load.samples.filter((s) => s.at > downAt + 500 && s.at + s.ms < upAt);
      const after = load.samples.filter((s) => recoveredAt && s.at > recoveredAt + 200);
      const summary = (xs: Sample[]) =>
        Object.entries(
          xs.reduce<Record<string, number>>((acc, x) => ((acc[`${x.path} ${x.status}`] = (acc[`${x.path} ${x.status}`] ?? 0) + 1), acc), {}),
        ).map(([k, n]) => `${k} ×${n}`);
      const slowest = Math.max(0, ...during.map((s) => s.ms));
      console.log(`[resilience] during outage: ${summary(during).join(', ')}; slowest ${slowest} ms; recovered ${recoveredAt - upAt} ms after restart`);
      expect(before.length, 'requests before the outage').toBeGreaterThan(5);
      expect(before.filter((s) => s.path === '/api/health').every((s) => s.status === 200)).toBe(true);

      const healthDown = during.filter((s) => s.path === '/api/health');
      expect(healthDown.length, 'health requests during the outage').toBeGreaterThan(3);
      for (const s of healthDown) {
        expect(s.status, `health during outage: ${s.body}`).toBe(503);
        expect(JSON.parse(s.body)).toMatchObject({ error: 'Database unavailable' });
      }
      for (const s of during) {
        expect(s.status, `${s.path} during the outage`).not.toBe(0); // the app itself stays up
        expect(s.ms, `${s.path} took ${s.ms} ms during the outage`).toBeLessThan(6000);
        if (s.status >= 500) expect(s.body).not.toMatch(STACK_OR_SECRET);
      }

      expect(readerBefore.length, 'signed-in page requests before the outage').toBeGreaterThan(0);
      expect(readerBefore.every((s) => s.status === 200), `before: ${summary(readerBefore).join(', ')}`).toBe(true);
      expect(readerDuring.length, 'signed-in page requests during the outage').toBeGreaterThan(0);
      for (const s of readerDuring) {
        expect(s.status, `${s.path} signed in, during the outage`).toBe(503);
        expect(s.body).not.toMatch(STACK_OR_SECRET);
      }

      expect(recoveredAt, `no recovery; server log:\n${failures.slice(-2000)}`).toBeGreaterThan(0);
      expect(readerAfter.length, 'signed-in page requests after recovery').toBeGreaterThan(0);
      expect(readerAfter.every((s) => s.status === 200), `after: ${summary(readerAfter).join(', ')}`).toBe(true);
      expect(after.length).toBeGreaterThan(3);
      for (const s of after.filter((x) => x.path === '/api/health')) expect(s.status).toBe(200);
      // Same process throughout: the app was not restarted.
      expect(() => process.kill(app.pid, 0)).not.toThrow();
    }, 120_000);
  });

  describe('import killed half-way', () => {
    let url: string;
    let dir: string;
    beforeAll(async () => {
      url = await pgServer.createDatabase('xt_resilience_import');
      const { openDatabase } = await import('@/lib/db/client');
      const { migrate } = await import('@/lib/db/migrate');
      const { seedReferenceData } = await import('@/lib/seed/reference');
      const db = await openDatabase({ url, dataDir: '' });
      await db.withSession((s) => migrate(s));
      await seedReferenceData(db.prisma);
      await db.close();
      dir = mkdtempSync(path.join(tmpdir(), 'xt-kill-'));
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const ingest = (file: string) =>
      // One process, exactly what `npm run ingest` runs (scripts/run.mjs).
      spawn(
        process.execPath,
        ['scripts/run.mjs', 'ingest', '--date', DEMO_ISSUE.date, '--publication', DEMO_ISSUE.publication, file],
        { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
      );

    it('leaves nothing when killed inside its transaction, and completes when run again', async () => {
      // The demo page three times over (distinct headlines): several articles and many facts in one transaction.
      const demo = readFileSync(path.join(REPO_ROOT, DEMO_ISSUE.file), 'utf8');
      const file = path.join(dir, 'big-issue.txt');
      writeFileSync(file, Array.from({ length: 3 }, (_, i) => demo.replace(/湘潭/, `湘潭（第${i + 1}版）`)).join('\n\n'));

      // Deterministic "half-way": hold a lock on audit_log, which the import writes last in its
      // transaction, so the importer is inside its transaction (issue, articles, facts written,
      // not committed) and waiting when it is killed.
      const watcher = new pg.Client({ connectionString: url });
      await watcher.connect();
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE audit_log IN SHARE MODE');
      const child = ingest(file);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      let killedInTx = false;
      for (let i = 0; i < 1200 && child.exitCode === null; i++) {
        const r = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
              AND wait_event_type = 'Lock'`,
        );
        if ((r.rows[0] as { n: number }).n > 0) {
          child.kill('SIGKILL');
          killedInTx = true;
          break;
        }
        await sleep(50);
      }
      await exited;
      await blocker.query('ROLLBACK');
      await blocker.end();
      expect(killedInTx, `the importer finished before it could be killed in its transaction: ${stderr}`).toBe(true);
      // The server rolls the transaction back once it sees the connection gone.
      for (let i = 0; i < 100; i++) {
        const r = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        if ((r.rows[0] as { n: number }).n === 0) break;
        await sleep(100);
      }
      const counts = await watcher.query(
        `SELECT (SELECT count(*) FROM issue)::int AS issues, (SELECT count(*) FROM article)::int AS articles,
                (SELECT count(*) FROM fact)::int AS facts, (SELECT count(*) FROM audit_log)::int AS audits`,
      );
      expect(counts.rows[0]).toEqual({ issues: 0, articles: 0, facts: 0, audits: 0 });

      const again = ingest(file);
      let out = '';
      again.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((r) => again.on('exit', (c) => r(c)));
      expect(code).toBe(0);
      const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { issueId: number; facts: number; alreadyImported: boolean };
      expect(result.alreadyImported).toBe(false);
      const after = await watcher.query(`SELECT (SELECT count(*) FROM issue)::int AS issues, (SELECT count(*) FROM fact)::int AS facts`);
      expect(after.rows[0]).toEqual({ issues: 1, facts: result.facts });
      await watcher.end();
    }, 300_000);
  });

  describe('two concurrent approvals of the same fact', () => {
    let url: string;
    beforeAll(async () => {
      url = await pgServer.createDatabase('xt_resilience_approve');
      const { openDatabase } = await import('@/lib/db/client');
      const { migrate } = await import('@/lib/db/migrate');
      const { seedReferenceData } = await import('@/lib/seed/reference');
      const db = await openDatabase({ url, dataDir: '' });
      await db.withSession((s) => migrate(s));
      await seedReferenceData(db.prisma);
      await db.close();
    }, 120_000);

    it('lets exactly one win; the other sees a stale version', async () => {
      const { openDatabase } = await import('@/lib/db/client');
      const a = await openDatabase({ url, dataDir: '', poolMax: 2 });
      const b = await openDatabase({ url, dataDir: '', poolMax: 2 });
      try {
        const metric = await a.prisma.metric.findFirstOrThrow({ select: { id: true } });
        const fact = await a.prisma.fact.create({
          data: { metricId: metric.id, year: 2025, kind: 'actual', value: '42', unit: 'CNY', source: 'manual' },
          select: { id: true, version: true },
        });
        // Both reviewers loaded version 1; each approves in its own transaction, at the same time.
        const approve = (db: typeof a, note: string) =>
          db.prisma.$transaction(async (tx) => {
            const r = await tx.fact.updateMany({
              where: { id: fact.id, version: fact.version, status: 'draft' },
              data: { status: 'approved', version: { increment: 1 }, reviewedAt: new Date(), sourceNote: note },
            });
            await new Promise((res) => setTimeout(res, 50)); // overlap the two transactions
            return r.count;
          });
        const results = await Promise.all([approve(a, 'first'), approve(b, 'second')]);
        expect(results.sort()).toEqual([0, 1]);
        const row = await a.prisma.fact.findUniqueOrThrow({ where: { id: fact.id }, select: { version: true, status: true } });
        expect(row).toEqual({ version: 2, status: 'approved' });
        const agg = await a.sql.query<{ n: number }>(`SELECT fact_count AS n FROM fact_aggregate WHERE metric_id = $1 AND year = 2025`, [metric.id]);
        expect(agg.map((r) => Number(r.n))).toEqual([1]); // counted once
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});
