// For scripts and the start-up check: open the configured database (from lib/env) and bring
// it up to date (migrations, reference data: lib/db/prepare.ts). The app itself uses lib/db.ts.
import { env } from '@/lib/env';
import { openDatabase, type Database } from './client';

export { prepareDatabase, type PrepareOptions, type PrepareResult } from './prepare';

export async function openConfiguredDatabase(): Promise<Database> {
  const e = env();
  return openDatabase({ url: e.DATABASE_URL, dataDir: e.DATA_DIR, poolMax: e.DATABASE_POOL_MAX });
}
