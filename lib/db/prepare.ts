// Brings a database up to date for a command-line run: the migrations, then the reference data.
// A database whose last full preparation applied the same migrations and reference data as this
// checkout (their fingerprint, kept in app_meta) is current: one query instead of the migration
// scan and the reference-data pass, which every ingest paid (docs/benchmarks.md, issue 15).
import { createHash } from 'node:crypto';
import type { Database } from './client';
import { defaultMigrationsDir, migrate, readMigrations, type MigrateResult } from './migrate';
import { referenceData, referenceFingerprint, seedReferenceData, type ReferenceData, type SeedResult } from '@/lib/seed/reference';

/** The app_meta key of the fingerprint of the last full preparation. */
export const PREPARED_KEY = 'prepared';

export interface PrepareOptions {
  /** Migrate and seed even when the fingerprint says the database is current (npm run db:migrate). */
  full?: boolean;
  migrationsDir?: string;
  reference?: ReferenceData;
}

export interface PrepareResult {
  migrations: MigrateResult;
  seed: SeedResult;
  /** True when the fingerprint matched and nothing was checked further. */
  current: boolean;
}

/** The migrations (names and checksums) and the reference data this checkout would apply. */
export function preparationFingerprint(migrations: { name: string; checksum: string }[], reference: ReferenceData): string {
  return createHash('sha256')
    .update(JSON.stringify({ migrations: migrations.map((m) => `${m.name}:${m.checksum}`), reference: referenceFingerprint(reference) }))
    .digest('hex');
}

/** The stored fingerprint, or null (none yet, or no app_meta table: a database not migrated that far). */
export async function storedFingerprint(db: Pick<Database, 'sql'>): Promise<string | null> {
  try {
    const rows = await db.sql.query<{ value: string }>('SELECT value FROM app_meta WHERE key = $1', [PREPARED_KEY]);
    return rows[0]?.value ?? null;
  } catch {
    return null;
  }
}

export async function prepareDatabase(db: Database, opts: PrepareOptions = {}): Promise<PrepareResult> {
  const dir = opts.migrationsDir ?? defaultMigrationsDir();
  const files = readMigrations(dir);
  const reference = opts.reference ?? referenceData();
  const fingerprint = preparationFingerprint(files, reference);
  const seedCounts = { regions: reference.regions.length, parks: reference.parks.length + reference.subparks.length, metrics: reference.metrics.length };
  if (!opts.full && (await storedFingerprint(db)) === fingerprint) {
    return { migrations: { applied: [], alreadyApplied: files.length }, seed: { ...seedCounts, created: 0 }, current: true };
  }
  const migrations = await db.withSession((s) => migrate(s, dir));
  const seed = await seedReferenceData(db.prisma, reference);
  // Last, so that a failed migration or seed leaves the old fingerprint and the next run tries again.
  await db.sql.query(
    `INSERT INTO app_meta (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [PREPARED_KEY, fingerprint],
  );
  return { migrations, seed, current: false };
}
