// npm run --silent check:figures [-- --json] — lists every figure whose meaning changed with the
// figure rule of issue 10 (lib/db/figure-check.ts): conflicts, old figures that are several
// events, units merged, facts whose unit does not fit their metric, unclassified figures, project
// metrics on parks. Read-only. Exit 0; one line per figure (or JSON Lines with --json).
import { openConfiguredDatabase } from '@/lib/db/open-from-env';
import { figureMeaningChanges } from '@/lib/db/figure-check';
import { runMain } from './cli-support';

runMain(async () => {
  const json = process.argv.includes('--json');
  const db = await openConfiguredDatabase();
  try {
    const rows = await figureMeaningChanges(db.sql);
    for (const r of rows) {
      if (json) console.log(JSON.stringify(r));
      else console.log([r.change, r.metric, r.subject ?? '—', r.year ?? '—', r.kind, r.period || '全年', r.detail, `#${r.factIds.join(',#')}`].join('\t'));
    }
    if (!json) console.error(`${rows.length} figure(s) whose meaning changed`);
  } finally {
    await db.close();
  }
});
