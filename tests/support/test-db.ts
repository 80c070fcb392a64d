// Fresh, migrated databases for integration tests: a new PostgreSQL database on the server in
// DATABASE_URL (created per call, dropped afterwards), or a PGlite database in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';

export type Backend = 'postgres' | 'pglite';

/** The server tests create their databases on (from DATABASE_URL), or undefined. */
export function postgresServerUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

/** Backends to run backend-parametrised suites on: PGlite always, PostgreSQL when configured. */
export function availableBackends(): Backend[] {
  return postgresServerUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** Connection string of the PostgreSQL database (postgres backend only). */
  url?: string;
  dataDir?: string;
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(
  backend: Backend,
  opts: { migrate?: boolean; seed?: boolean } = {},
): Promise<TestDatabase> {
  const { migrate: doMigrate = true, seed = false } = opts;
  let db: Database;
  let cleanup: () => Promise<void>;
  let url: string | undefined;
  let dataDir: string | undefined;
  if (backend === 'postgres') {
    const server = postgresServerUrl();
    if (!server) throw new Error('DATABASE_URL is not set: no PostgreSQL server to test against');
    const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url = withDatabase(server, name);
    db = await openDatabase({ url, dataDir: '', poolMax: 5 });
    cleanup = async () => {
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'xt-pglite-'));
    db = await openDatabase({ dataDir });
    cleanup = async () => rmSync(dataDir!, { recursive: true, force: true });
  }
  if (doMigrate) await db.withSession((s) => migrate(s));
  if (seed) {
    const { seedReferenceData } = await import('@/lib/seed/reference');
    await seedReferenceData(db.prisma);
  }
  return {
    ...db,
    url,
    dataDir,
    async destroy() {
      await db.close();
      await cleanup();
    },
  };
}
