// isDatabaseUnavailable() against the errors a real outage produces (a private PostgreSQL server
// stopped under open pools), and against ordinary query errors, which must not look like outages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { openDatabase, type Database } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from '../e2e/support/private-postgres';

const skipReason = privatePostgresSkipReason();

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe.skipIf(skipReason !== null)('isDatabaseUnavailable on a real outage', () => {
  let server: PrivatePostgres;
  let db: Database;
  beforeAll(async () => {
    server = await startPrivatePostgres();
    const url = await server.createDatabase('xt_db_errors');
    db = await openDatabase({ url, dataDir: '', poolMax: 3 });
    await db.withSession((s) => migrate(s));
  }, 120_000);
  afterAll(async () => {
    await db?.close().catch(() => undefined);
    server?.destroy();
  });

  it('does not flag ordinary query errors', async () => {
    expect(isDatabaseUnavailable(await caught(() => db.sql.query('SELECT * FROM no_such_table')))).toBe(false);
    expect(isDatabaseUnavailable(await caught(() => db.prisma.$queryRaw`SELECT 1/0`))).toBe(false);
    const metric = { key: 'dup', nameZh: 'x', nameEn: 'x', unit: 'x', valueType: 'count', aggregation: 'sum' } as const;
    await db.prisma.metric.create({ data: metric });
    expect(isDatabaseUnavailable(await caught(() => db.prisma.metric.create({ data: metric })))).toBe(false); // P2002
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('flags every error seen while the server is down, and recovers', async () => {
    await db.prisma.metric.count(); // pool has live connections when the server dies
    server.stop('immediate');
    const errors = [
      await caught(() => db.prisma.metric.count()),
      await caught(() => db.prisma.metric.count()),
      await caught(() => db.prisma.$transaction(async (tx) => tx.metric.count())),
      await caught(() => db.prisma.$queryRaw`SELECT 1`),
      await caught(() => db.sql.query('SELECT 1')),
    ];
    for (const e of errors) expect(isDatabaseUnavailable(e), String((e as Error).message).slice(0, 200)).toBe(true);
    server.start();
    let ok = false;
    for (let i = 0; i < 50 && !ok; i++) {
      ok = await db.prisma.metric.count().then(
        () => true,
        () => false,
      );
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ok).toBe(true);
  });
});
