// npm run db:migrate — applies pending SQL migrations and the reference data (always in full: the
// other scripts skip both when the database's fingerprint says it is current).
import { openConfiguredDatabase, prepareDatabase } from '@/lib/db/open-from-env';
import { runMain } from './cli-support';

runMain(async () => {
  const db = await openConfiguredDatabase();
  try {
    const { migrations, seed } = await prepareDatabase(db, { full: true });
    console.log(
      `${db.backend} ${db.location}: ${migrations.applied.length} migration(s) applied` +
        (migrations.applied.length ? ` (${migrations.applied.join(', ')})` : ' (up to date)') +
        `; reference data: ${seed.created} row(s) added`,
    );
  } finally {
    await db.close();
  }
});
