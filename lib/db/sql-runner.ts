// A minimal SQL runner over either backend (node-postgres or PGlite), used by the migrator,
// the seeders and tests that need raw SQL outside Prisma.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlRunner {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  readonly backend: 'postgres' | 'pglite';
}

export function pgRunner(client: pg.Client | pg.PoolClient | pg.Pool): SqlRunner {
  return {
    backend: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await client.query(sql, params);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    backend: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await db.query<T>(sql, params);
      return r.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}
