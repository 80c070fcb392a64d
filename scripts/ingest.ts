// npm run --silent ingest -- --date YYYY-MM-DD --publication NAME [--page P] [--timings] FILE
// Imports one issue into the configured database (CONTRACTS.md §3) and prints one JSON object.
// --timings (for npm run bench) adds one line to stderr: where the time went and the CPU used.
// npm run --silent ingest -- [--publication NAME] DIR   (an extension: a month at once)
// Imports every .txt/.pdf/.zip under DIR, each file whole or not at all, dates from the file names
// (2023-05-19.txt) or the text's masthead/datelines, else refused; one JSON line per file on stdout,
// a progress bar on stderr, and a summary line (JSON) last.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeText } from '@/lib/extract';
import { openConfiguredDatabase, prepareDatabase } from '@/lib/db/open-from-env';
import { ingestIssue, IngestError } from '@/lib/ingest/ingest';
import type { BatchFile, FileOutcome } from '@/lib/ingest/batch';
import { createExtractPool, extractInParallel, type ExtractPool } from '@/lib/ingest/parallel-extract';
import { DEFAULT_PUBLICATION_NAME } from '@/lib/validations/import';
import { runMain } from './cli-support';

const USAGE = 'usage: ingest --date YYYY-MM-DD --publication NAME [--page P] [--timings] FILE\n       ingest [--publication NAME] DIR';
/** ms since the process started (performance's origin): Node's and tsx's start-up come before this line runs. */
const STARTED_MS = performance.now();

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under dir, depth first, in name order (hidden files skipped). */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (isDirectory(full)) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per file otherwise (a log
 * file or CI keeps every step). Hand-written: ten lines, and no dependency for a CLI nicety.
 */
function progress(done: number, total: number, label: string): void {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 100) - 1)}`);
  else process.stderr.write(`${line}\n`);
}

async function ingestDirectory(dir: string, publication: string): Promise<number> {
  // Loaded here: the batch module brings PDF and ZIP readers that a one-file import never needs.
  const { expandUploads, importFile, summarise } = await import('@/lib/ingest/batch');
  const files: BatchFile[] = [];
  for (const file of walk(dir)) files.push({ name: path.relative(dir, file), bytes: new Uint8Array(readFileSync(file)) });
  const { files: importable, refused } = expandUploads(files);
  const outcomes: FileOutcome[] = refused.map((r) => ({ status: 'refused', file: r.file, reason: r.reason }));
  for (const o of outcomes) process.stdout.write(`${JSON.stringify(o)}\n`);
  // Worker threads for big issues on a machine with cores to spare, started now so their start-up
  // overlaps opening the database (a file's bytes are at least its characters: a cheap over-estimate).
  const pool = importable.some((f) => extractInParallel(f.bytes.length)) ? createExtractPool() : null;
  const db = await openConfiguredDatabase();
  try {
    await prepareDatabase(db);
    let done = 0;
    progress(0, importable.length, '');
    for (const file of importable) {
      const o = await importFile(db.prisma, { file, publication, extract: pool?.extract });
      outcomes.push(o);
      process.stdout.write(`${JSON.stringify(o)}\n`);
      progress(++done, importable.length, `${file.name}: ${o.status}`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
  } finally {
    await Promise.all([db.close(), pool?.close()]);
  }
  const summary = summarise(outcomes);
  process.stderr.write(
    `${summary.files} files: ${summary.imported} imported (${summary.articles} articles, ${summary.facts} drafts), ${summary.duplicates} duplicates, ${summary.refused} refused\n`,
  );
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
  return summary.refused > 0 ? 1 : 0;
}

runMain(async () => {
  let args;
  try {
    args = parseArgs({
      options: { date: { type: 'string' }, publication: { type: 'string' }, page: { type: 'string' }, timings: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { date, publication, page, timings } = args.values;
  const file = args.positionals[0];
  if (file && args.positionals.length === 1 && isDirectory(file)) {
    if (date || page) {
      process.stderr.write(`--date and --page are per file: a directory's dates come from its file names or datelines\n${USAGE}\n`);
      return 2;
    }
    return ingestDirectory(file, publication ?? DEFAULT_PUBLICATION_NAME);
  }
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
  // A big issue is extracted on worker threads too where there are cores to spare (not on two),
  // started now so that their start-up overlaps opening the database.
  const pool: ExtractPool | null = extractInParallel(decoded.text.length) ? createExtractPool() : null;
  const db = await openConfiguredDatabase();
  try {
    await prepareDatabase(db);
    const preparedMs = performance.now();
    const r = await ingestIssue(db.prisma, {
      text: decoded.text,
      date,
      publication,
      page: page ?? null,
      sourceFileName: path.basename(file),
      extract: pool?.extract,
    });
    process.stdout.write(
      `${JSON.stringify({ issueId: r.issueId, articles: r.articles, facts: r.facts, alreadyImported: r.alreadyImported })}\n`,
    );
    if (timings) {
      const cpu = process.cpuUsage();
      const line = {
        startupMs: Math.round(STARTED_MS),
        prepareMs: Math.round(preparedMs - STARTED_MS),
        importMs: Math.round(performance.now() - preparedMs),
        // This process's CPU, every thread (the extraction workers too); not the database's.
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        workers: pool ? pool.runs : null,
      };
      process.stderr.write(`timings ${JSON.stringify(line)}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof IngestError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await Promise.all([db.close(), pool?.close()]);
  }
});
