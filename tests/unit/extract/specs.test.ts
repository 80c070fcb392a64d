// Floors reached on the public number suites (../shared/specs): a regression in the numeral or
// unit layer fails CI. The exclusion counts are capped too, so a failure cannot be hidden by
// widening an exclusion rule (scripts/eval-specs.ts documents each rule).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSpecsDir, evaluateSpecs } from '@/scripts/eval-specs';

const dir = defaultSpecsDir();
const present = existsSync(dir);
if (!present) console.warn(`[specs] ${dir} is absent: public-suite floors not checked`);

/** suite → [minimum passed, maximum excluded, minimum rate over the judged cases]. */
const FLOORS: Record<string, [number, number, number]> = {
  cn2an: [139, 0, 1],
  'Recognizers-Text Number': [242, 122, 0.98],
  'Recognizers-Text Currency': [15, 20, 0.98],
  'Recognizers-Text Dimension': [20, 16, 0.98],
};

describe.skipIf(!present)('public number suites', () => {
  const results = present ? evaluateSpecs(dir) : [];

  it('evaluates every suite', () => {
    expect(results.map((r) => r.suite).sort()).toEqual(Object.keys(FLOORS).sort());
  });

  it.each(Object.entries(FLOORS))('%s stays at or above its floor', (suite, [passed, excluded, rate]) => {
    const r = results.find((x) => x.suite === suite);
    expect(r, suite).toBeDefined();
    if (!r) return;
    expect(r.excluded, `excluded cases of ${suite}`).toBeLessThanOrEqual(excluded);
    expect(r.passed, `${suite} failures:\n${r.failures.join('\n')}`).toBeGreaterThanOrEqual(passed);
    expect(r.rate).toBeGreaterThanOrEqual(rate);
  });

  it('cn2an passes every pair', () => {
    const r = results.find((x) => x.suite === 'cn2an');
    expect(r?.failures).toEqual([]);
    expect(r?.total).toBeGreaterThan(100);
  });
});
