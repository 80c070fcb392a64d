// npm run db:seed — migrations, reference data, and the demo issue through the real import.
import { openConfiguredDatabase, prepareDatabase } from '@/lib/db/open-from-env';
import { applyDemoReview, loadDemoIssue } from '@/lib/seed/demo';
import { ensureDemoAccounts, productionPasswordProblem } from '@/lib/seed/accounts';
import { runMain } from './cli-support';

runMain(async () => {
  const db = await openConfiguredDatabase();
  try {
    await prepareDatabase(db);
    // Demo accounts on first run; their passwords are shown this once and never stored in clear.
    const accounts = await ensureDemoAccounts(db.prisma);
    for (const a of accounts.created) console.log(`Demo account created: ${a.username} (${a.role}) password: ${a.password}`);
    const problem = await productionPasswordProblem(db.prisma);
    if (problem) {
      console.error(problem);
      return 1;
    }
    const demo = await loadDemoIssue(db.prisma);
    console.log(
      demo.alreadyImported
        ? `Demo issue already imported (issue ${demo.issueId}).`
        : `Demo issue imported: issue ${demo.issueId}, ${demo.articles} articles, ${demo.facts} draft facts.`,
    );
    const review = await applyDemoReview(db.prisma, demo.issueId);
    if (review.approved + review.added + review.recognitions > 0) {
      console.log(
        `Demo review applied: ${review.approved} figures approved, ${review.added} added by the reviewer, ` +
          `${review.recognitions} awards; ${review.leftAsDraft} figures left for an admin to review.`,
      );
    }
  } finally {
    await db.close();
  }
});
