// npm run bench:extract — the same issue text through this extractor and through Microsoft
// Recognizers-Text (zh-cn number, percentage, currency and dimension models), printing the
// throughput of each, the ratio, and each one's recall/precision on the seed gold. Prints
// figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import * as Recognizers from '@microsoft/recognizers-text-suite';
import { extractIssue, normalizeIssueText } from '@/lib/extract';
import { evaluate, type Gold } from '@/lib/extract/evaluate';
import { decEquals } from '@/lib/extract/decimal';

const shared = path.resolve(process.cwd(), '../shared');
const corpus = path.join(shared, 'corpus/xiangtan-daily-2023-05-19.txt');
const goldFile = path.join(shared, 'gold/xiangtan-daily-2023-05-19.gold.json');
const text = readFileSync(existsSync(corpus) ? corpus : 'prisma/seed/demo/xiangtan-daily-2023-05-19.txt', 'utf8');
const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as Gold) : null;
const culture = Recognizers.Culture.Chinese;

function recognizersRun(t: string) {
  return [
    ...Recognizers.recognizeNumber(t, culture),
    ...Recognizers.recognizePercentage(t, culture),
    ...Recognizers.recognizeCurrency(t, culture),
    ...Recognizers.recognizeDimension(t, culture),
  ];
}

/**
 * Wall-clock and CPU time per run. On a shared machine the wall clock also counts the time the
 * process waited for a core; the CPU time (user + system, process.cpuUsage) is what one issue
 * costs, and the ratio between the two extractors is taken on CPU time as well.
 */
function time(label: string, fn: () => unknown, minMs = 3000): { perRunMs: number; cpuMs: number; runs: number } {
  // Warm-up until the JIT has settled (one run leaves most of the code interpreted).
  for (let w = 0, t = performance.now(); w < 3 || (w < 20 && performance.now() - t < minMs / 5); w++) fn();
  let runs = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || runs < 5) {
    fn();
    runs++;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(c0);
  const perRunMs = elapsed / runs;
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  console.log(`${label.padEnd(34)} ${perRunMs.toFixed(2).padStart(9)} ms/issue wall  ${cpuMs.toFixed(2).padStart(9)} ms/issue CPU  ${((text.length / cpuMs) * 1000).toFixed(0).padStart(10)} chars/CPU-s  (${runs} runs)`);
  return { perRunMs, cpuMs, runs };
}

console.log(`Text: ${text.length} characters (${path.basename(corpus)}), Node ${process.version}, one core, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores\n`);
const ours = time('this extractor (extractIssue)', () => extractIssue(text, { date: '2023-05-19' }));
const normalised = normalizeIssueText(text);
const theirs = time('Recognizers-Text (4 zh-cn models)', () => recognizersRun(normalised), 5000);
console.log(`\nthroughput ratio: ${(theirs.perRunMs / ours.perRunMs).toFixed(1)}× wall, ${(theirs.cpuMs / ours.cpuMs).toFixed(1)}× CPU in favour of this extractor`);

// A 10× larger issue, to show the extractor stays linear.
const big = Array.from({ length: 10 }, () => text).join('\n');
const t0 = performance.now();
extractIssue(big, { date: '2023-05-19' });
console.log(`10× issue (${big.length} chars): ${(performance.now() - t0).toFixed(1)} ms`);

if (gold) {
  const ev = evaluate(gold, extractIssue(text, { date: '2023-05-19' }).facts);
  const vu = ev.fields.find((f) => f.field === 'value+unit');
  console.log(`\nSeed gold, value+unit — this extractor: recall ${(vu?.recall ?? 0).toFixed(3)}, precision ${(vu?.precision ?? 0).toFixed(3)}`);
  // Recognizers finds numbers, not facts: count a gold fact found when some result has its value.
  const results = recognizersRun(normalised);
  const values = results.map((r) => String((r.resolution as { value?: string } | undefined)?.value ?? ''));
  const found = gold.facts.filter((g) => values.some((v) => v && decEquals(v.replace(/[^\d.-]/g, '') || 'x', String(g.value)))).length;
  const useful = results.filter((r) => gold.facts.some((g) => decEquals(String((r.resolution as { value?: string } | undefined)?.value ?? '').replace(/[^\d.-]/g, '') || 'x', String(g.value)))).length;
  console.log(`Seed gold, value only — Recognizers-Text: recall ${(found / gold.facts.length).toFixed(3)}, precision ${(results.length ? useful / results.length : 0).toFixed(3)} (${results.length} results; it has no notion of facts, units bound to metrics, or non-facts)`);
}
