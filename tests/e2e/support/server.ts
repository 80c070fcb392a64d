// Starts the production build (`next start`) against a fresh, seeded database on a free port in
// the e2e range, for browser tests, resilience tests and benchmarks. One server per test file;
// stop() kills it and drops its database.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/test-db';
import { ensureProductionBuild, REPO_ROOT } from './build';
import { accountEnv, seedAccounts, seedDemoIssue, type DemoSeedResult } from './seed';
import { createSessionCookie, type SessionRole } from './session';

export const E2E_PORTS = [3141, 3142, 3143, 3144, 3145, 3146, 3147, 3148, 3149] as const;

export interface StartAppServerOptions {
  /** Fixed port; default: the first free port in 3141-3149. */
  port?: number;
  /** Use this PostgreSQL database (not created, not dropped on stop; seeded only with prepare). */
  databaseUrl?: string;
  /** With databaseUrl: migrate it and load reference data, accounts and the demo option first. */
  prepare?: boolean;
  /** Use this PGlite folder as is (no seeding, not removed on stop). */
  dataDir?: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Demo accounts (admin/analyst/viewer with TEST_ACCOUNTS passwords). Default true. */
  accounts?: boolean;
  /** Import the demo issue: 'reviewed' = as `npm run db:seed` leaves it, 'approved' = every fact approved. Default false. */
  demo?: false | 'reviewed' | 'approved';
  /** Sessions to create for cookie-authenticated fetches (see AppServer.cookies). */
  sessions?: SessionRole[];
  /** Run `next build` first when the build is stale. Default true. */
  build?: boolean;
  /** Milliseconds to wait for /api/health. Default 90 s. */
  readyTimeoutMs?: number;
}

export interface AppServer {
  url: string;
  port: number;
  /**
   * The server's database, open in the test process (PostgreSQL only). PGlite is single-process,
   * so with PGlite this is null while the server runs: check state through the app instead.
   * Also null when you passed databaseUrl (open your own connection if you need one).
   */
  db: TestDatabase | null;
  /** Process id of `next start` (to check the app was never restarted). */
  pid: number;
  backend: 'postgres' | 'pglite';
  databaseUrl?: string;
  dataDir?: string;
  demo?: DemoSeedResult;
  accountsSeeded: boolean;
  /** Cookie header values per role asked for in `sessions` ("name=token"), for fetch(). */
  cookies: Partial<Record<SessionRole, string>>;
  /** The server's stdout+stderr so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '0.0.0.0', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Claims a port with a lock file so parallel test files in other processes pick different ones. */
async function claimPort(wanted?: number): Promise<{ port: number; release: () => void }> {
  const candidates = wanted ? [wanted] : [...E2E_PORTS];
  for (const port of candidates) {
    const lock = `/tmp/xt-e2e-port-${port}.lock`;
    if (existsSync(lock)) {
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
      rmSync(lock, { force: true });
    }
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      continue; // someone else took it between the check and the create
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    const release = () => rmSync(lock, { force: true });
    if (await portIsFree(port)) return { port, release };
    release();
  }
  throw new Error(wanted ? `Port ${wanted} is in use` : `No free port in ${E2E_PORTS[0]}-${E2E_PORTS[E2E_PORTS.length - 1]}`);
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${logs().slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
      last = `HTTP ${res.status} ${await res.text()}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server at ${url} not healthy after ${timeoutMs} ms (last: ${last}):\n${logs().slice(-3000)}`);
}

/** Starts `next start` on a prepared database; see StartAppServerOptions. */
export async function startAppServer(opts: StartAppServerOptions = {}): Promise<AppServer> {
  if (opts.build !== false) await ensureProductionBuild();

  let db: TestDatabase | null = null;
  let databaseUrl = opts.databaseUrl;
  let dataDir = opts.dataDir;
  let demo: DemoSeedResult | undefined;
  let accountsSeeded = false;
  const cookies: Partial<Record<SessionRole, string>> = {};
  let dropDatabase: (() => Promise<void>) | undefined;

  if (databaseUrl && opts.prepare) {
    const { openDatabase } = await import('@/lib/db/client');
    const { migrate } = await import('@/lib/db/migrate');
    const { seedReferenceData } = await import('@/lib/seed/reference');
    const opened = await openDatabase({ url: databaseUrl, dataDir: '', poolMax: 3 });
    await opened.withSession((s) => migrate(s));
    await seedReferenceData(opened.prisma);
    if (opts.accounts !== false) accountsSeeded = await seedAccounts(opened.prisma);
    if (opts.demo) demo = await seedDemoIssue(opened.prisma, { approveAll: opts.demo === 'approved' });
    for (const role of opts.sessions ?? []) cookies[role] = await createSessionCookie(opened.prisma, role);
    // Closed again: a test that stops the database must not have idle connections of its own.
    await opened.close();
  }

  if (!databaseUrl && !dataDir) {
    const backend = process.env.DATABASE_URL?.trim() ? 'postgres' : 'pglite';
    const fresh = await createTestDatabase(backend, { seed: true });
    try {
      if (opts.accounts !== false) accountsSeeded = await seedAccounts(fresh.prisma);
      if (opts.demo) demo = await seedDemoIssue(fresh.prisma, { approveAll: opts.demo === 'approved' });
      for (const role of opts.sessions ?? []) cookies[role] = await createSessionCookie(fresh.prisma, role);
    } catch (e) {
      await fresh.destroy();
      throw e;
    }
    if (backend === 'postgres') {
      db = fresh;
      databaseUrl = fresh.url;
      dropDatabase = () => fresh.destroy();
    } else {
      // PGlite allows one process per folder: hand the folder over to the server.
      await fresh.close();
      dataDir = fresh.dataDir;
      const dir = fresh.dataDir;
      dropDatabase = async () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      };
    }
  }

  const { port, release } = await claimPort(opts.port);
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...accountEnv(),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    DATABASE_URL: databaseUrl ?? '',
    DATA_DIR: dataDir ?? '',
    ...opts.env,
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  if (!dataDir) delete env.DATA_DIR;
  const nextBin = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends anything next spawns
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const logs = () => output;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    release();
    if (dropDatabase) await dropDatabase();
  };

  try {
    await waitForHealth(url, child, opts.readyTimeoutMs ?? 90_000, logs);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    url,
    port,
    db,
    pid: child.pid ?? 0,
    backend: databaseUrl ? 'postgres' : 'pglite',
    databaseUrl,
    dataDir,
    demo,
    accountsSeeded,
    cookies,
    logs,
    stop,
  };
}
