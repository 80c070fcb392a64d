// npm run --silent extract -- [--date YYYY-MM-DD] [--publication NAME] FILE|-
// Prints the facts of one newspaper issue as JSON Lines (CONTRACTS.md §1). Writes nothing.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeText, extractIssue } from '@/lib/extract';
import { toJsonNumber } from '@/lib/extract/decimal';

const USAGE = 'usage: extract [--date YYYY-MM-DD] [--publication NAME] FILE|-';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { date: { type: 'string' }, publication: { type: 'string' } }, allowPositionals: true });
} catch (e) {
  fail(`${(e as Error).message.split('\n')[0]} — ${USAGE}`);
}
const file = args.positionals[0];
if (!file || args.positionals.length > 1) fail(USAGE);
const date = args.values.date;
if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) {
  fail(`invalid --date "${date}": use YYYY-MM-DD`);
}

let bytes: Buffer;
try {
  bytes = file === '-' ? readFileSync(0) : readFileSync(file);
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
// An empty file is a valid issue without facts; only unreadable content is an error.
let text = '';
if (bytes.length > 0) {
  const decoded = decodeText(new Uint8Array(bytes));
  if ('error' in decoded) fail(`${file}: ${decoded.error}`);
  text = decoded.text;
}

const result = extractIssue(text, { date, publication: args.values.publication });
const lines: string[] = [];
for (const f of result.facts) {
  lines.push(
    JSON.stringify({
      article: f.article,
      value: toJsonNumber(f.value),
      unit: f.unit,
      raw: f.raw,
      comparator: f.comparator,
      kind: f.kind,
      year: f.year,
      period: f.period,
      subject: f.subject,
      metric: f.metric,
      evidence: f.evidence,
      span: f.span,
      confidence: f.confidence,
    }),
  );
}
if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
