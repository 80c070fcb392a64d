// Holds the floor the evaluation reaches on the seed page (../shared/gold), so a regression
// in the extractor fails CI. The figures are those `npm run eval` prints.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIssue } from '@/lib/extract';
import { evaluate, type Gold } from '@/lib/extract/evaluate';

const shared = path.resolve(process.cwd(), '../shared');
const goldFile = path.join(shared, 'gold/xiangtan-daily-2023-05-19.gold.json');
const corpusFile = path.join(shared, 'corpus/xiangtan-daily-2023-05-19.txt');
/** The gold's publication without its English gloss: "湘潭日报 (Xiangtan Daily)" → 湘潭日报. */
function publicationOf(g: { publication?: string }): string | undefined {
  return g.publication?.replace(/\s*\(.*\)\s*$/, '') || undefined;
}
const present = existsSync(goldFile) && existsSync(corpusFile);
if (!present && process.env.CI) throw new Error(`The seed gold is missing at ${goldFile}; CI must have ../shared`);

describe.skipIf(!present)('seed page against its gold', () => {
  const gold = present ? (JSON.parse(readFileSync(goldFile, 'utf8')) as Gold & { issue_date: string; publication?: string }) : null;
  const ev = gold ? evaluate(gold, extractIssue(readFileSync(corpusFile, 'utf8'), { date: gold.issue_date, publication: publicationOf(gold) }).facts) : null;
  const field = (name: string) => ev?.fields.find((f) => f.field === name);

  it('finds the gold facts with the right value and unit (recall ≥ 0.95, precision ≥ 0.90)', () => {
    expect(field('value+unit')?.recall).toBeGreaterThanOrEqual(0.95);
    expect(field('value+unit')?.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('gets comparator and kind right, and year and subject on ≥ 0.85 of them', () => {
    expect(field('comparator')?.recall).toBeGreaterThanOrEqual(0.95);
    expect(field('kind')?.recall).toBeGreaterThanOrEqual(0.95);
    expect(field('year')?.recall).toBeGreaterThanOrEqual(0.9);
    expect(field('subject')?.recall).toBeGreaterThanOrEqual(0.9);
    expect(field('comparator+kind+year+subject')?.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('reports none of the listed non-facts', () => {
    expect(ev?.nonFactsReported).toEqual([]);
  });

  it('classifies most figures into the catalogue', () => {
    expect(field('metric')?.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('evaluate()', () => {
  it('counts a missed fact and a spurious one', () => {
    const gold: Gold = {
      facts: [
        { article: 'a', evidence: '新增企业12家', value: 12, unit: 'org', comparator: 'eq', kind: 'actual', year: 2023, subject: '湘潭市', metric: 'x' },
        { article: 'a', evidence: '投资5亿元', value: 500000000, unit: 'CNY', comparator: 'eq', kind: 'actual', year: 2023, subject: '湘潭市', metric: 'y' },
      ],
    };
    const facts = extractIssue('园区动态\n\n本报讯(记者 甲)今年全市新增企业12家，新增就业300人。', { date: '2023-01-01' }).facts;
    const ev = evaluate(gold, facts);
    expect(ev.matched).toBe(1);
    expect(ev.missed.map((g) => g.value)).toEqual([500000000]);
    expect(ev.spurious.map((f) => f.raw)).toEqual(['300人']);
    expect(ev.fields[0]).toMatchObject({ field: 'value+unit', recall: 0.5, precision: 0.5 });
  });
});
