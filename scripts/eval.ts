// npm run eval — scores the extractor against the seed gold (../shared/gold) and the public
// number suites (../shared/specs), printing recall and precision per field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractIssue } from '@/lib/extract';
import { evaluate, type Gold } from '@/lib/extract/evaluate';
import { evaluateSpecs } from './eval-specs';
import { categoryCode, parseCases, runCase } from '@/lib/extract/cases';

const shared = path.resolve(process.cwd(), '../shared');
const goldDir = path.join(shared, 'gold');
const corpusDir = path.join(shared, 'corpus');
const verbose = process.argv.includes('--verbose');

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

if (!existsSync(goldDir)) {
  console.log(`No gold folder at ${goldDir}: nothing to score.`);
} else {
  for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.gold.json'))) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')) as Gold & { issue_date?: string; publication?: string };
    const textFile = path.join(corpusDir, file.replace('.gold.json', '.txt'));
    if (!existsSync(textFile)) continue;
    // "湘潭日报 (Xiangtan Daily)" → 湘潭日报: the publication sets what 我市/全市 stand for.
    const publication = gold.publication?.replace(/\s*\(.*\)\s*$/, '') || undefined;
    const result = extractIssue(readFileSync(textFile, 'utf8'), { date: gold.issue_date, publication });
    const ev = evaluate(gold, result.facts);
    console.log(`\n${file}: ${ev.gold} gold facts, ${ev.extracted} extracted, ${ev.matched} matched on value+unit`);
    console.log('field                          recall   precision');
    for (const f of ev.fields) console.log(`${f.field.padEnd(30)} ${pct(f.recall).padStart(7)}  ${pct(f.precision).padStart(9)}`);
    console.log(`non-facts reported: ${ev.nonFactsReported.length ? ev.nonFactsReported.join(', ') : 'none'}`);
    if (ev.missed.length) console.log(`missed: ${ev.missed.map((g) => `${g.evidence} (${g.value} ${g.unit})`).join('; ')}`);
    if (ev.spurious.length) console.log(`not in gold: ${ev.spurious.map((f) => `${f.raw} «${f.evidence.slice(0, 30)}»`).join('; ')}`);
    if (verbose) for (const m of ev.mismatches) console.log(`  ${m.field}: gold ${JSON.stringify((m.gold as unknown as Record<string, unknown>)[m.field] ?? null)} got ${JSON.stringify(m.field === 'subject' ? m.got.subject?.name : m.field === 'metric' ? m.got.metric.key : (m.got as unknown as Record<string, unknown>)[m.field])} — ${m.gold.evidence}`);
  }
}

// The synthetic passages of ../shared/cases: each one passes when every expected fact is found
// with the fields it gives right (what its note accepts counts) and nothing it rules out is reported.
const casesDir = path.join(shared, 'cases');
if (existsSync(casesDir)) {
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.jsonl'))) {
    const cases = parseCases(readFileSync(path.join(casesDir, file), 'utf8'));
    const byCategory = new Map<string, { pass: number; total: number }>();
    let pass = 0;
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const { verdict } = runCase(c);
      const code = categoryCode(c);
      const row = byCategory.get(code) ?? { pass: 0, total: 0 };
      row.total++;
      if (verdict.pass) {
        row.pass++;
        pass++;
      } else failures.push(`   #${i + 1} ${code}: ${verdict.problems.join('; ')}`);
      byCategory.set(code, row);
    });
    console.log(`\n${file}: ${pass}/${cases.length} passages pass`);
    console.log([...byCategory].map(([k, v]) => `${k} ${v.pass}/${v.total}`).join('  '));
    if (verbose) for (const f of failures) console.log(f);
  }
}

const specs = evaluateSpecs(path.join(shared, 'specs'));
if (specs.length) {
  console.log('\nPublic suites                  cases  excluded  judged  passed   rate');
  for (const r of specs) {
    const judged = r.total - r.excluded;
    console.log(`${r.suite.padEnd(30)} ${String(r.total).padStart(5)} ${String(r.excluded).padStart(9)} ${String(judged).padStart(7)} ${String(r.passed).padStart(7)}  ${pct(r.rate).padStart(6)}`);
    if (verbose) {
      for (const [why, n] of Object.entries(r.exclusions)) console.log(`   excluded ${n}: ${why}`);
      for (const f of r.failures) console.log(`   FAIL ${f}`);
    }
  }
}
