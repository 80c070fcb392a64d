// npm run --silent numbers — reads lines on stdin, prints for each a JSON array of the
// quantities found in it (CONTRACTS.md §2).
import { createInterface } from 'node:readline';
import { findQuantitiesInLine } from '@/lib/extract/line';
import { toJsonNumber } from '@/lib/extract/decimal';

// A reader that stops early (| head) closes the pipe: that ends the run, it is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out: string[] = [];
rl.on('line', (line) => {
  const qs = findQuantitiesInLine(line.replace(/\r$/, '')).map((q) => ({
    text: q.text,
    start: q.start,
    end: q.end,
    value: toJsonNumber(q.value),
    unit: q.unit,
    comparator: q.comparator,
  }));
  out.push(JSON.stringify(qs));
  if (out.length >= 512) process.stdout.write(`${out.splice(0).join('\n')}\n`);
});
rl.on('close', () => {
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
});
