// Every passage of ../shared/cases/extraction-round2.jsonl is a test: its expected facts must be
// found with the fields it gives right (what its note accepts counts, e.g. a parent park), and
// nothing it rules out reported. Passages the extractor still gets wrong are listed in KNOWN_MISSES
// with the reason; the list is checked exactly, so a fix that makes one pass fails this test
// until the passage is taken off the list.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptanceOf, categoryCode, judgeCase, parseCases, runCase, type Case } from '@/lib/extract/cases';
import type { ExtractedFact } from '@/lib/extract';

const file = path.resolve(process.cwd(), '../shared/cases/extraction-round2.jsonl');
const present = existsSync(file);
if (!present && process.env.CI) throw new Error(`The cases file is missing at ${file}; CI must have ../shared`);
const cases: Case[] = present ? parseCases(readFileSync(file, 'utf8')) : [];

/** Line number (1-based) → why the passage still fails. */
const KNOWN_MISSES: Record<number, string> = {};

describe.skipIf(!present)('extraction cases, round 2', () => {
  it('has the 58 passages this list was written for', () => {
    expect(cases.length).toBe(58);
  });

  it.each(cases.map((c, i) => [i + 1, categoryCode(c), c] as const))('passage %i (%s)', (line, _code, c) => {
    const { verdict } = runCase(c);
    if (KNOWN_MISSES[line]) {
      // Still failing, for the reason given; when it passes, take it off KNOWN_MISSES.
      expect(verdict.pass, `passage ${line} now passes: remove it from KNOWN_MISSES`).toBe(false);
    } else {
      expect(verdict.problems).toEqual([]);
    }
  });
});

describe('the case judge', () => {
  const fact = (over: Partial<ExtractedFact>): ExtractedFact => ({
    article: 'a', value: '46', unit: 'org', raw: '46家', comparator: 'eq', kind: 'actual', year: 2024, period: null,
    subject: { type: 'park', name: '梅林食品产业园' }, metric: { key: 'unclassified', label: 'x' }, evidence: 'e', span: [0, 3], confidence: 0.5,
    ...over,
  });
  const c: Case = {
    category: 'S2 test', date: '2024-08-05', text: '',
    expected: [{ raw: '46家', value: 46, unit: 'org', kind: 'actual', year: 2024, subject: { type: 'park', name: '梅林食品产业园' } }],
    note: 'parent 天易经开区 acceptable; year_alt 2023',
  };

  it('reads what a note accepts', () => {
    expect(acceptanceOf('parent 岳塘经开区 acceptable; 湘潭市 (from 为湘潭市…) is wrong').subjects).toEqual(['岳塘经开区']);
    expect(acceptanceOf('韶山高新区 acceptable as alternative; comparator of 突破 per gold: gt/gte/eq').comparators).toEqual(['gt', 'gte', 'eq']);
    expect(acceptanceOf('year_alt 2018').years).toEqual([2018]);
    expect(acceptanceOf('56个: plan or actual').eitherPlanOrActual).toEqual(['56个']);
  });

  it('passes the expected answer and what the note accepts, fails anything else', () => {
    expect(judgeCase(c, [fact({})]).pass).toBe(true);
    expect(judgeCase(c, [fact({ subject: { type: 'park', name: '天易经开区' } })]).pass).toBe(true);
    expect(judgeCase(c, [fact({ year: 2023 })]).pass).toBe(true);
    expect(judgeCase(c, [fact({ subject: { type: 'region', name: '湘潭市' } })]).problems).toEqual(['46家: subject region:湘潭市, expected park:梅林食品产业园']);
    expect(judgeCase(c, [fact({ kind: 'target' })]).pass).toBe(false);
    expect(judgeCase(c, []).problems).toEqual(['missed 46家']);
  });

  it('fails a restatement, and any fact where the passage expects none', () => {
    expect(judgeCase(c, [fact({}), fact({ span: [9, 12] })]).problems).toEqual(['not expected: 46家']);
    expect(judgeCase({ ...c, expected: [] }, [fact({})]).pass).toBe(false);
  });
});
