// npm run db:seed — migrations, reference data, and the demo issue through the real import.
import { openConfiguredDatabase, prepareDatabase } from '@/lib/db/open-from-env';
import { loadDemoIssue } from '@/lib/seed/demo';
import { runMain } from './cli-support';

runMain(async () => {
  const db = await openConfiguredDatabase();
  try {
    await prepareDatabase(db);
    const demo = await loadDemoIssue(db.prisma);
    console.log(
      demo.alreadyImported
        ? `Demo issue already imported (issue ${demo.issueId}).`
        : `Demo issue imported: issue ${demo.issueId}, ${demo.articles} articles, ${demo.facts} draft facts.`,
    );
  } finally {
    await db.close();
  }
});
