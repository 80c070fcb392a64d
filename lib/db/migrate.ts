// Applies the SQL migrations in prisma/migrations (Prisma's folder layout) with Umzug, on
// PostgreSQL or PGlite alike. Applied migrations are recorded with a checksum; editing an
// applied file is refused, so every database ends in the same shape.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { UmzugStorage } from 'umzug';
import type { SqlRunner } from './sql-runner';

export const MIGRATIONS_TABLE = '_app_migrations';
const LOCK_KEY = 7_345_221; // pg_advisory_lock key: one migrator at a time per database

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), 'prisma', 'migrations');
}

export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(runner: SqlRunner, dir = defaultMigrationsDir()): Promise<MigrateResult> {
  const files = readMigrations(dir);
  await runner.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
       name TEXT PRIMARY KEY,
       checksum CHAR(64) NOT NULL,
       applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
     )`,
  );
  if (runner.backend === 'postgres') await runner.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    const recorded = await runner.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${MIGRATIONS_TABLE}" ORDER BY name`,
    );
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const r of recorded) {
      const f = byName.get(r.name);
      if (f && f.checksum !== r.checksum.trim()) {
        throw new Error(
          `Migration ${r.name} was changed after it was applied. Add a new migration instead of editing an applied one.`,
        );
      }
    }

    const storage: UmzugStorage = {
      async executed() {
        const rows = await runner.query<{ name: string }>(`SELECT name FROM "${MIGRATIONS_TABLE}"`);
        return rows.map((r) => r.name);
      },
      async logMigration() {
        // Recorded inside the migration's own transaction (see up() below).
      },
      async unlogMigration({ name }) {
        await runner.query(`DELETE FROM "${MIGRATIONS_TABLE}" WHERE name = $1`, [name]);
      },
    };

    // Loaded here, not at the top: umzug and its dependencies take 0.1-0.2 s to load, and a CLI run
    // on a current database does not migrate (lib/db/prepare.ts).
    const { Umzug } = await import('umzug');
    const umzug = new Umzug({
      migrations: files.map((f) => ({
        name: f.name,
        up: async () => {
          // One transaction per migration: a failing file leaves no half-applied schema.
          await runner.exec('BEGIN');
          try {
            await runner.exec(f.sql);
            await runner.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [
              f.name,
              f.checksum,
            ]);
            await runner.exec('COMMIT');
          } catch (e) {
            await runner.exec('ROLLBACK');
            throw new Error(`Migration ${f.name} failed: ${(e as Error).message}`, { cause: e });
          }
        },
      })),
      storage,
      logger: undefined,
    });
    const applied = await umzug.up();
    return { applied: applied.map((m) => m.name), alreadyApplied: recorded.length };
  } finally {
    if (runner.backend === 'postgres') await runner.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
