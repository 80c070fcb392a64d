// For scripts and the start-up check: open the configured database (from lib/env) and bring
// it up to date (migrations, reference data). The app itself uses lib/db.ts.
import { env } from '@/lib/env';
import { openDatabase, type Database } from './client';
import { migrate, type MigrateResult } from './migrate';
import { seedReferenceData, type SeedResult } from '@/lib/seed/reference';

export async function openConfiguredDatabase(): Promise<Database> {
  const e = env();
  return openDatabase({ url: e.DATABASE_URL, dataDir: e.DATA_DIR, poolMax: e.DATABASE_POOL_MAX });
}

export async function prepareDatabase(db: Database): Promise<{ migrations: MigrateResult; seed: SeedResult }> {
  const migrations = await db.withSession((s) => migrate(s));
  const seed = await seedReferenceData(db.prisma);
  return { migrations, seed };
}
