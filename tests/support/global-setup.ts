// Runs once before the test files: says which database backends the run covers, and fails
// early when CI asked for PostgreSQL but cannot reach it (instead of silently skipping).
import pg from 'pg';

export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set');
    console.log('[tests] database backends: pglite (set DATABASE_URL to also test PostgreSQL)');
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    throw new Error(`Cannot reach PostgreSQL at DATABASE_URL for the tests: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  console.log('[tests] database backends: pglite and postgres');
}
