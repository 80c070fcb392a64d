// Opens the database: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, else the
// embedded PGlite database in DATA_DIR. This is the only place that constructs a PrismaClient;
// the app uses the singleton in lib/db.ts, scripts and tests call openDatabase() directly.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgRunner, pgliteRunner, type SqlRunner } from './sql-runner';
import { ReplicaFence, withRawReadsOnReplicas, withReadReplicas } from './replicas';

export type AppPrismaClient = InstanceType<typeof PrismaClient>;

export interface DatabaseConfig {
  url?: string;
  dataDir: string;
  poolMax?: number;
  /** PostgreSQL streaming replicas of url, for reads (see lib/db/replicas.ts). */
  replicaUrls?: string[];
}

export interface Database {
  /** The primary: writes, transactions, and reads that must see the latest writes. */
  prisma: AppPrismaClient;
  /**
   * The client for reads: with replicas, one that sends model reads outside transactions to a
   * replica — unless a write may not have reached every replica yet (then the primary). Without
   * replicas, prisma itself.
   */
  readPrisma(): AppPrismaClient;
  /**
   * The same for lib/data's reads, raw SQL included: $queryRaw outside a transaction goes to a
   * replica as well (when readPrisma() would). Reads only: never write through its $queryRaw.
   */
  readOnlyPrisma(): AppPrismaClient;
  /** Tell the replica routing that a write was committed (no-op without replicas). */
  noteWrite(): void;
  /** Number of replicas reads may go to. */
  replicas: number;
  /** Raw SQL over the same backend (reads, bulk loads). Pooled: no transactions across calls. */
  sql: SqlRunner;
  /** Runs fn on one dedicated connection (transactions, advisory locks, migrations). */
  withSession<T>(fn: (session: SqlRunner) => Promise<T>): Promise<T>;
  backend: 'postgres' | 'pglite';
  /** Where the data lives, for messages: host/db or the folder. */
  location: string;
  close(): Promise<void>;
}

/** A configuration problem the user must fix; its message is one line saying what to do. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Turns low-level connection errors into one line that says what to fix. */
export function explainDatabaseError(e: unknown, config: DatabaseConfig): Error {
  if (e instanceof DatabaseConfigError) return e;
  const err = e as NodeJS.ErrnoException & { code?: string };
  const code = err?.code ?? '';
  if (config.url) {
    const where = describeUrl(config.url);
    if (code === 'ECONNREFUSED')
      return new DatabaseConfigError(`Cannot reach PostgreSQL at ${where} (connection refused): start the server or fix DATABASE_URL.`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return new DatabaseConfigError(`Cannot resolve the PostgreSQL host in DATABASE_URL (${where}): fix the host name.`);
    if (code === 'ETIMEDOUT')
      return new DatabaseConfigError(`PostgreSQL at ${where} did not answer in time: check DATABASE_URL and the network.`);
    if (code === '3D000')
      return new DatabaseConfigError(`The database in DATABASE_URL (${where}) does not exist: create it (createdb) or fix the URL.`);
    if (code === '28P01' || code === '28000')
      return new DatabaseConfigError(`PostgreSQL refused the credentials in DATABASE_URL (${where}): fix the user or password.`);
  } else {
    if (['EACCES', 'EROFS', 'EPERM', 'ENOTDIR', 'EEXIST'].includes(code))
      return new DatabaseConfigError(`The data folder ${path.resolve(config.dataDir)} is not writable: fix its permissions or set DATA_DIR to a writable folder.`);
  }
  return err instanceof Error ? err : new Error(String(e));
}

const LOCK_FILE = 'app.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite is single-process: refuse a second process on the same folder instead of corrupting it. */
function takeEmbeddedLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseConfigError(
        `The embedded database in ${path.resolve(dir)} is in use by process ${pid}: stop it first, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // The folder may already be gone (tests remove temporary folders).
    }
  };
}

async function openPglite(config: DatabaseConfig): Promise<Database> {
  const dir = path.resolve(config.dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw explainDatabaseError(e, config);
  }
  const release = takeEmbeddedLock(dir);
  try {
    // Loaded only for the embedded database: a PostgreSQL run (the CLIs with DATABASE_URL) skips them.
    const [{ PGlite: PGliteClass }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    const client: PGlite = await PGliteClass.create(dir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return {
      prisma,
      readPrisma: () => prisma,
      readOnlyPrisma: () => prisma,
      noteWrite: () => undefined,
      replicas: 0,
      sql: pgliteRunner(client),
      withSession: (fn) => fn(pgliteRunner(client)),
      backend: 'pglite',
      location: dir,
      async close() {
        await prisma.$disconnect();
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw explainDatabaseError(e, config);
  }
}

function newPool(url: string, max: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    // No JIT: the app's queries are short, but LATERAL look-ups inflate their cost estimates past
    // jit_above_cost, and compiling them took ~1.07 s of a 1.10 s fact-list query on 1M facts
    // (EXPLAIN ANALYZE, docs/benchmarks.md). An `options` parameter in DATABASE_URL still wins.
    options: '-c jit=off',
    // Visible in pg_stat_activity: which connections are the app's, and which go to a replica.
    application_name: applicationName,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

async function openPostgres(config: DatabaseConfig & { url: string }): Promise<Database> {
  const pool = newPool(config.url, config.poolMax ?? 10, 'xt-app');
  const replicaPools = (config.replicaUrls ?? []).map((u) => newPool(u, config.poolMax ?? 10, 'xt-app-replica'));
  const endAll = () => Promise.all([pool, ...replicaPools].map((p) => p.end().catch(() => undefined)));
  try {
    for (const p of [pool, ...replicaPools]) {
      const c = await p.connect();
      c.release();
    }
  } catch (e) {
    await endAll();
    throw explainDatabaseError(e, config);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const replicaClients = replicaPools.map((p) => new PrismaClient({ adapter: new PrismaPg(p) }));
  const routed = replicaClients.length > 0 ? withReadReplicas(prisma, replicaClients) : prisma;
  const routedRaw = replicaClients.length > 0 ? withRawReadsOnReplicas(routed, replicaClients) : prisma;
  const fence = replicaClients.length > 0 ? new ReplicaFence({ primaryPool: pool, replicaPools }) : null;
  return {
    prisma,
    readPrisma: () => (fence && !fence.active ? routed : prisma),
    readOnlyPrisma: () => (fence && !fence.active ? routedRaw : prisma),
    noteWrite: () => fence?.raise(),
    replicas: replicaClients.length,
    sql: pgRunner(pool),
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(pgRunner(client));
      } finally {
        client.release();
      }
    },
    backend: 'postgres',
    location: describeUrl(config.url),
    async close() {
      fence?.close();
      await Promise.all([prisma, ...replicaClients].map((c) => c.$disconnect()));
      await endAll();
    },
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.url ? openPostgres({ ...config, url: config.url }) : openPglite(config);
}
