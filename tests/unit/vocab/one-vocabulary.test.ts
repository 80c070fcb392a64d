// One vocabulary: kinds, comparators, periods and units are listed and labelled in lib/vocab only.
// Any other label map keyed by their codes (forecast: '预计', approx: '约', H1: '上半年',
// CNY: '元') or literal list of all of them in lib/, components/ or app/ is a second copy that
// will drift (it did: 计划 vs 规划, 个项目 vs 个) and fails here. Each pattern is first shown to
// find the vocabulary's own definition, so a pattern that no longer matches anything cannot pass
// silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['lib', 'components', 'app'];
const SKIPPED = new Set(['lib/vocab', 'lib/generated']);

function sources(dir: string): string[] {
  const rel = path.relative(ROOT, dir).split(path.sep).join('/');
  if (SKIPPED.has(rel)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

/** Source without comments, so a comment may name a code. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

const RULES: { what: string; home: string; patterns: RegExp[] }[] = [
  {
    what: 'kind labels or the list of kinds',
    home: 'lib/vocab/kinds.ts',
    // `forecast` is only ever a kind: a map keyed by it, or a literal list holding it with `plan`.
    patterns: [/\bforecast\s*:\s*['"`{]/, /['"]forecast['"]\s*,\s*['"]plan['"]/],
  },
  {
    what: 'comparator words or the list of comparators',
    home: 'lib/vocab/comparators.ts',
    patterns: [/\bapprox\s*:\s*['"`{[]/, /['"]lte['"]\s*,\s*['"]approx['"]/],
  },
  {
    what: 'period labels or the list of named periods',
    home: 'lib/vocab/periods.ts',
    patterns: [/\bH1\s*:\s*['"`{]/, /['"]Q4['"]\s*,\s*['"]cumulative['"]/],
  },
  {
    what: 'unit labels keyed by unit code',
    home: 'lib/vocab/units.ts',
    patterns: [/\b(CNY|person_time|hectare|km2)\s*:\s*['"`{[]/, /\bcode\s*:\s*['"](person_time|hectare)['"]/],
  },
];

describe('kinds, comparators, periods and units are written out once (lib/vocab)', () => {
  const files = SCANNED.flatMap((d) => sources(path.join(ROOT, d)));

  it('scans the app', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const rule of RULES) {
    it(`${rule.what} live in ${rule.home} only`, () => {
      const home = code(path.join(ROOT, rule.home));
      expect(rule.patterns.some((p) => p.test(home))).toBe(true);
      const copies: string[] = [];
      for (const file of files) {
        const text = code(file);
        for (const p of rule.patterns) {
          const m = p.exec(text);
          if (m) copies.push(`${path.relative(ROOT, file)}: ${m[0]}`);
        }
      }
      expect(copies).toEqual([]);
    });
  }
});
