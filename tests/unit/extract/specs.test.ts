// The public number-recognition suites (../shared/specs): cn2an must pass whole, the
// Recognizers-Text Number and Currency cases in scope at ≥ 98%. Exclusions are rule-based and
// listed in scripts/eval-specs.ts; this test also caps how many cases they may exclude.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSpecsDir, evaluateSpecs } from '@/scripts/eval-specs';

const dir = defaultSpecsDir();
const present = existsSync(dir);
if (!present && process.env.CI) throw new Error(`The public suites are missing at ${dir}; CI must have ../shared`);

describe.skipIf(!present)('public number suites', () => {
  const results = present ? evaluateSpecs(dir) : [];
  const suite = (name: string) => results.find((r) => r.suite === name);

  it('cn2an: every pair', () => {
    const r = suite('cn2an');
    expect(r?.total).toBeGreaterThan(100);
    expect(r?.failures).toEqual([]);
  });

  it.each([
    ['Recognizers-Text Number', 0.98, 130],
    ['Recognizers-Text Currency', 0.98, 22],
    ['Recognizers-Text Dimension', 0.9, 22],
  ])('%s: ≥ %s of the cases in scope, at most %s excluded', (name, floor, maxExcluded) => {
    const r = suite(name);
    expect(r).toBeDefined();
    expect(r!.rate).toBeGreaterThanOrEqual(floor);
    expect(r!.excluded).toBeLessThanOrEqual(maxExcluded);
    expect(r!.total - r!.excluded).toBeGreaterThan(10);
  });
});
