// Reading one figure of a stored article the way the extractor reads it: the quantity under an
// admin's selection (the extractor's own quantity reader), then the extractor's stages for kind,
// year/period, subject and metric; and, for any figure, the paragraph around it with the mentions
// its subject and year come from. Pure (no I/O): the caller brings the article and the places.
import { docContextOf, type FactContext } from '@/lib/extract/facts';
import { findQuantities } from '@/lib/extract/quantities';
import { findQuantitiesInLine } from '@/lib/extract/line';
import { figureOf, fullSentenceStart, paragraphStart, type DocContext } from '@/lib/extract/stages/figure';
import { kindForYear, kindOf } from '@/lib/extract/stages/kind';
import { timeOf } from '@/lib/extract/stages/time';
import { subjectOf } from '@/lib/extract/stages/subject';
import { metricOf } from '@/lib/extract/stages/metric';
import { confidenceOf } from '@/lib/extract/stages/confidence';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import type { Article, Comparator, FactKind, Quantity, SubjectRef, UnitCode } from '@/lib/extract/types';

/** A mention in the text that a figure's subject or year was read from (offsets into the body). */
export interface ContextMark {
  start: number;
  end: number;
  role: 'subject' | 'year';
}

export interface FigureContext {
  /** The paragraph around the figure (offsets into the body, end exclusive). */
  paragraph: { start: number; end: number };
  /** The figure's sentence inside it. */
  sentence: { start: number; end: number };
  marks: ContextMark[];
}

export interface FigureReading extends FigureContext {
  span: [number, number];
  raw: string;
  value: string;
  unit: UnitCode | null;
  comparator: Comparator;
  kind: FactKind;
  year: number | null;
  period: string | null;
  subject: SubjectRef | null;
  metric: { key: string; label: string };
  evidence: string;
  confidence: number;
}

/** An article as stored (subheadlines joined with " / " by the importer). */
export interface StoredArticle {
  ordinal: number;
  headline: string;
  subheadline: string | null;
  byline: string | null;
  dateline: string | null;
  kind: string;
  body: string;
}

export function toExtractArticle(a: StoredArticle): Article {
  return {
    ordinal: a.ordinal,
    headline: a.headline,
    subheadlines: a.subheadline ? a.subheadline.split(' / ') : [],
    byline: a.byline,
    dateline: a.dateline,
    kind: a.kind === 'photo' ? 'photo' : 'news',
    body: a.body,
  };
}

/** The quantity an admin selected: one the extractor sees there (even one it did not report), else one read from the selection alone. */
export function quantityAt(body: string, start: number, end: number): Quantity | null {
  const overlapping = findQuantities(body, { all: true }).filter((q) => q.start < end && q.end > start);
  const inside = overlapping.find((q) => q.start >= start && q.end <= end);
  const q = inside ?? overlapping[0];
  if (q) return q;
  const own = findQuantitiesInLine(body.slice(start, end))[0];
  return own ? { ...own, start: start + own.start, end: start + own.end, text: body.slice(start + own.start, start + own.end) } : null;
}

function sentenceIndex(doc: DocContext, pos: number): number {
  const k = doc.sentences.findIndex((sn) => sn.end > pos);
  return k < 0 ? Math.max(0, doc.sentences.length - 1) : k;
}

function paragraphAround(doc: DocContext, pos: number): { start: number; end: number } {
  const start = paragraphStart(doc, pos);
  const nl = doc.body.indexOf('\n', pos);
  return { start, end: nl < 0 ? doc.body.length : nl };
}

const YEAR_WORDS = /(\d{4})年|今年|去年|上年|前年|明年/g;

function yearOfWord(word: string, digits: string | undefined, pubYear: number | null): number | null {
  if (digits) return Number(digits);
  if (pubYear === null) return null;
  return { 今年: pubYear, 去年: pubYear - 1, 上年: pubYear - 1, 前年: pubYear - 2, 明年: pubYear + 1 }[word] ?? null;
}

/** The mention a subject was read from: the nearest naming before the figure, else after it, else in the headline. */
function subjectMark(doc: DocContext, pos: number, name: string | null): ContextMark | null {
  if (!name) return null;
  const same = doc.mentions.filter((m) => m.subject.name === name || m.subject.park === name || m.subject.region === name);
  const before = same.filter((m) => m.end <= pos).pop();
  const after = same.find((m) => m.start >= pos && m.start < pos + 60);
  const m = before ?? after;
  if (m) return { start: m.start, end: m.end, role: 'subject' };
  // A name the gazetteer does not know (an organisation typed by an admin): find it as written.
  const at = doc.body.lastIndexOf(name, pos);
  return at >= 0 ? { start: at, end: at + name.length, role: 'subject' } : null;
}

/** The words a year was read from: in the sentence before the figure, else the paragraph, else the lead. */
function yearMark(doc: DocContext, pos: number, year: number | null): ContextMark | null {
  if (year === null) return null;
  const para = paragraphAround(doc, pos);
  const windows = [
    [fullSentenceStart(doc.body, pos), pos],
    [para.start, pos],
    [0, doc.body.length],
  ] as const;
  for (const [from, to] of windows) {
    let found: ContextMark | null = null;
    for (const m of doc.body.slice(from, to).matchAll(YEAR_WORDS)) {
      if (yearOfWord(m[0], m[1], doc.pubYear) !== year) continue;
      // 较上年/比去年: the base of a comparison, not the year of the figure.
      if (/[较比同与于]$/.test(doc.body.slice(0, from + (m.index ?? 0)))) continue;
      found = { start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length, role: 'year' };
      if (to !== doc.body.length) continue; // the last one before the figure
      break; // whole text: the first one
    }
    if (found) return found;
  }
  return null;
}

function contextIn(doc: DocContext, span: [number, number], subjectName: string | null, year: number | null): FigureContext {
  const s = sentenceIndex(doc, span[0]);
  const sn = doc.sentences[s] ?? { start: 0, end: doc.body.length };
  const marks = [subjectMark(doc, span[0], subjectName), yearMark(doc, span[0], year)].filter((m): m is ContextMark => m !== null);
  return { paragraph: paragraphAround(doc, span[0]), sentence: { start: sn.start, end: sn.end }, marks };
}

/** What the extractor reads for the figure under a selection, or why there is none. */
export function readFigureAt(article: Article, ctx: FactContext, start: number, end: number): FigureReading | { error: string } {
  const body = article.body;
  if (start < 0 || end > body.length || end <= start) return { error: '选中的文字不在正文里' };
  const q = quantityAt(body, start, end);
  if (!q) return { error: '选中的文字里没有数字' };
  const doc = docContextOf(article, ctx);
  const s = sentenceIndex(doc, q.start);
  // A bare number (no measure word) still gets the stages; the admin names the unit.
  const unit = q.unit ?? ('other:?' as UnitCode);
  const fig = figureOf(doc, q, unit, s);
  const sentenceKind = kindOf(fig);
  const time = timeOf(fig, doc, sentenceKind);
  const kind = kindForYear(sentenceKind, time.year, doc.pubYear);
  const subject = subjectOf(fig, doc);
  const { metric, label } = metricOf(fig, doc, undefined);
  const span: [number, number] = [q.start, q.end];
  return {
    span,
    raw: q.text,
    value: q.value,
    unit: q.unit,
    comparator: q.comparator,
    kind,
    year: time.year,
    period: time.period,
    subject: subject.subject,
    metric: { key: metric?.key ?? UNCLASSIFIED_KEY, label },
    evidence: fig.sentence.text.trim(),
    confidence: confidenceOf({ classified: metric !== null, subjectLocal: subject.local, yearExplicit: time.explicit, chineseOnly: fig.chineseOnly }),
    ...contextIn(doc, span, subject.subject?.name ?? null, time.year),
  };
}

/**
 * The year the extractor reads for each stored figure (its quantity's span) with this context: the
 * time stage alone, as the importer ran it. Used to re-resolve 今年/去年/上半年… when an issue's
 * date is corrected (the year's origin is not stored, so it is read again under both dates).
 */
export function yearsAt(article: Article, ctx: FactContext, figures: { id: number; span: [number, number] }[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  if (figures.length === 0) return out;
  const doc = docContextOf(article, ctx);
  for (const f of figures) {
    if (f.span[0] < 0 || f.span[1] > article.body.length || f.span[1] <= f.span[0]) continue;
    const q = quantityAt(article.body, f.span[0], f.span[1]);
    if (!q) continue;
    const fig = figureOf(doc, q, q.unit ?? ('other:?' as UnitCode), sentenceIndex(doc, q.start));
    out.set(f.id, timeOf(fig, doc, kindOf(fig)).year);
  }
  return out;
}

/** The paragraph and marked mentions of figures already stored (subject and year as they are now). */
export function contextsOf(
  article: Article,
  ctx: FactContext,
  figures: { id: number; span: [number, number]; subjectName: string | null; year: number | null }[],
): Map<number, FigureContext> {
  const out = new Map<number, FigureContext>();
  if (figures.length === 0) return out;
  const doc = docContextOf(article, ctx);
  for (const f of figures) {
    if (f.span[0] < 0 || f.span[1] > article.body.length) continue;
    out.set(f.id, contextIn(doc, f.span, f.subjectName, f.year));
  }
  return out;
}
