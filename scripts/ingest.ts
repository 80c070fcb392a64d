// npm run --silent ingest -- --date YYYY-MM-DD --publication NAME [--page P] FILE
// Imports one issue into the configured database (CONTRACTS.md §3) and prints one JSON object.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeText } from '@/lib/extract';
import { openConfiguredDatabase, prepareDatabase } from '@/lib/db/open-from-env';
import { ingestIssue, IngestError } from '@/lib/ingest/ingest';
import { runMain } from './cli-support';

const USAGE = 'usage: ingest --date YYYY-MM-DD --publication NAME [--page P] FILE';

runMain(async () => {
  let args;
  try {
    args = parseArgs({
      options: { date: { type: 'string' }, publication: { type: 'string' }, page: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { date, publication, page } = args.values;
  const file = args.positionals[0];
  if (!date || !publication || !file || args.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const decoded = decodeText(new Uint8Array(bytes));
  if ('error' in decoded) {
    process.stderr.write(`${file}: ${decoded.error}\n`);
    return 2;
  }
  const db = await openConfiguredDatabase();
  try {
    await prepareDatabase(db);
    const r = await ingestIssue(db.prisma, {
      text: decoded.text,
      date,
      publication,
      page: page ?? null,
      sourceFileName: path.basename(file),
    });
    process.stdout.write(
      `${JSON.stringify({ issueId: r.issueId, articles: r.articles, facts: r.facts, alreadyImported: r.alreadyImported })}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof IngestError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await db.close();
  }
});
