import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractIssue, DEFAULT_CATALOG, DEFAULT_PLACES } from '@/lib/extract';
import { buildPlaceIndex } from '@/lib/extract/places';
import { findQuantities } from '@/lib/extract/quantities';
import { contextsOf, readFigureAt } from '@/lib/review/read-figure';

const text = readFileSync('prisma/seed/demo/xiangtan-daily-2023-05-19.txt', 'utf8');
const issue = extractIssue(text, { date: '2023-05-19', publication: '湘潭日报' });
const ctx = { pubYear: 2023, places: buildPlaceIndex(DEFAULT_PLACES), catalog: DEFAULT_CATALOG, publication: '湘潭日报' };

describe('readFigureAt: a selection read the way the extractor reads it', () => {
  it('agrees with the extractor on every figure it reports, selected by its text', () => {
    expect(issue.facts.length).toBeGreaterThan(10);
    for (const f of issue.facts) {
      const article = issue.articles.find((a) => a.ordinal === f.articleOrdinal)!;
      const r = readFigureAt(article, ctx, f.span[0], f.span[1]);
      if ('error' in r) throw new Error(`${f.raw}: ${r.error}`);
      expect({ span: r.span, value: r.value, unit: r.unit, comparator: r.comparator, kind: r.kind, subject: r.subject, evidence: r.evidence }).toEqual({
        span: f.span, value: f.value, unit: f.unit, comparator: f.comparator, kind: f.kind, subject: f.subject, evidence: f.evidence,
      });
      // The metric stage sees no "previous" figure for a lone selection; the year and period do not depend on it.
      expect([r.year, r.period]).toEqual([f.year, f.period]);
    }
  });

  it('widens a selection of part of a figure to the whole quantity, and takes one inside a longer selection', () => {
    const f = issue.facts.find((x) => x.raw.length >= 3 && /^\d/.test(x.raw))!;
    const article = issue.articles.find((a) => a.ordinal === f.articleOrdinal)!;
    const part = readFigureAt(article, ctx, f.span[0], f.span[0] + 1);
    expect('error' in part ? part.error : part.raw).toBe(f.raw);
    const wide = readFigureAt(article, ctx, Math.max(0, f.span[0] - 4), f.span[1] + 1);
    expect('error' in wide ? wide.error : wide.span).toEqual(f.span);
  });

  it('reads a figure the extractor left out, and says when the selection holds no number', () => {
    const reported = new Set(issue.facts.map((f) => `${f.articleOrdinal}:${f.span[0]}`));
    let missed: { ordinal: number; start: number; end: number } | null = null;
    for (const a of issue.articles) {
      const q = findQuantities(a.body, { all: true }).find((x) => !reported.has(`${a.ordinal}:${x.start}`) && x.unit !== null);
      if (q) {
        missed = { ordinal: a.ordinal, start: q.start, end: q.end };
        break;
      }
    }
    expect(missed).not.toBeNull();
    const article = issue.articles.find((a) => a.ordinal === missed!.ordinal)!;
    const r = readFigureAt(article, ctx, missed!.start, missed!.end);
    expect('error' in r).toBe(false);
    if (!('error' in r)) {
      expect(r.span).toEqual([missed!.start, missed!.end]);
      expect(r.evidence.length).toBeGreaterThan(0);
      expect(article.body.slice(r.sentence.start, r.sentence.end)).toContain(r.raw);
    }
    let words = 0;
    const qs = findQuantities(article.body, { all: true });
    while (qs.some((q) => q.start < words + 2 && q.end > words) || !/^[\u4e00-\u9fff]{2}$/.test(article.body.slice(words, words + 2))) words++;
    expect(readFigureAt(article, ctx, words, words + 2)).toEqual({ error: '选中的文字里没有数字' });
  });

  it('marks where the subject and the year were read, inside the paragraph shown', () => {
    const withBoth = issue.facts.filter((f) => f.subject && f.year !== null);
    let marked = 0;
    for (const f of withBoth) {
      const article = issue.articles.find((a) => a.ordinal === f.articleOrdinal)!;
      const c = contextsOf(article, ctx, [{ id: 1, span: f.span, subjectName: f.subject!.name, year: f.year }]).get(1)!;
      expect(c.paragraph.start).toBeLessThanOrEqual(f.span[0]);
      expect(c.paragraph.end).toBeGreaterThanOrEqual(f.span[1]);
      const subject = c.marks.find((m) => m.role === 'subject');
      if (subject) {
        const said = article.body.slice(subject.start, subject.end);
        expect(said.length).toBeGreaterThan(0);
        marked++;
      }
      const year = c.marks.find((m) => m.role === 'year');
      if (year) expect(article.body.slice(year.start, year.end)).toMatch(/\d{4}年|今年|去年|上年|前年|明年/);
    }
    expect(marked).toBeGreaterThan(withBoth.length / 2);
  });
});
