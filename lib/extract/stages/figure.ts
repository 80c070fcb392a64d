// What every stage sees: the article as a whole (DocContext, built once per article) and one
// figure in its sentence and clause (Figure, built once per quantity). Stages are pure functions
// of these; none of them changes a Figure or reads another stage's internals.
import type { Sentence } from '../segment';
import { isFinalAt } from '../segment';
import type { PlaceIndex } from '../places';
import type { MetricDef, Quantity, SubjectRef, UnitCode } from '../types';

/** A place, project or organisation named in the text, resolved to the subject it stands for. */
export interface Resolved {
  start: number;
  end: number;
  subject: SubjectRef;
  /** 为湘潭市…, 占全省…: named, but not what the sentence is about. */
  incidental?: boolean;
}

/** The publisher's (or the article's) own place: what 我市/全市/我县/全县 stand for. */
export interface Home {
  city: string | null;
  county: string | null;
}

export interface DocContext {
  body: string;
  headline: string;
  subheadlines: string[];
  /** Offset where the body proper starts (after headline lines). */
  headlineEnd: number;
  pubYear: number | null;
  /** Publication month (1–12), or null when the date is unknown. */
  pubMonth: number | null;
  places: PlaceIndex;
  catalog: MetricDef[];
  sentences: Sentence[];
  mentions: Resolved[];
  /** Headline, dateline or publication place; null when the article names none. */
  articleSubject: SubjectRef | null;
  home: Home;
  /** Offsets of "\n" in the body, ascending. */
  newlines: number[];
  /** The year the article is about at each paragraph start: lead, or a paragraph opening with one. */
  docYears: { from: number; year: number }[];
  /** True when the headline or lead reports an event of the day (集中开工, 签约, 竣工). */
  eventArticle: boolean;
}

export interface Clause {
  text: string;
  start: number;
  end: number;
}

export interface Figure {
  q: Quantity;
  unit: UnitCode;
  /** Index of the sentence in DocContext.sentences. */
  s: number;
  sentence: Sentence;
  clauses: Clause[];
  ci: number;
  clause: Clause;
  beforeInSentence: string;
  beforeInClause: string;
  afterInClause: string;
  /** Written only in Chinese numerals (三项, 五个). */
  chineseOnly: boolean;
}

/** How far a figure looks around itself: a run without punctuation can be megabytes long. */
export const WINDOW = 300;
const CLAUSE_BREAK = /[，,：:]/;

export function clauses(sentence: string, offset: number): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i === sentence.length || CLAUSE_BREAK.test(sentence[i] ?? '')) {
      out.push({ text: sentence.slice(start, i), start: offset + start, end: offset + i });
      start = i + 1;
    }
  }
  return out;
}

/** The sentence cut to WINDOW characters either side of the figure, so each figure costs O(WINDOW). */
export function clampSentence(body: string, sn: Sentence, qStart: number, qEnd: number): Sentence {
  const start = Math.max(sn.start, qStart - WINDOW);
  const end = Math.min(sn.end, qEnd + WINDOW);
  return start === sn.start && end === sn.end ? sn : { text: body.slice(start, end), start, end };
}

/**
 * Where the sentence around pos starts when a semicolon does not count as an end; at most 300
 * characters back (each figure looks at a bounded window, so a page without full stops stays linear).
 */
export function fullSentenceStart(body: string, pos: number): number {
  const floor = Math.max(0, pos - WINDOW);
  for (let i = pos - 1; i >= floor; i--) {
    const ch = body[i] ?? '';
    if (ch === '\n' || (ch !== '；' && ch !== ';' && isFinalAt(body, i))) return i + 1;
  }
  return floor;
}

/** The Figure of quantity q in sentence number s. */
export function figureOf(doc: DocContext, q: Quantity, unit: UnitCode, s: number): Figure {
  const body = doc.body;
  const whole = doc.sentences[s] ?? { text: body, start: 0, end: body.length };
  const sentence = clampSentence(body, whole, q.start, q.end);
  const cls = clauses(sentence.text, sentence.start);
  const ci = Math.max(0, cls.findIndex((c) => q.start >= c.start && q.start <= c.end));
  const clause = cls[ci] ?? { text: sentence.text, start: sentence.start, end: sentence.end };
  return {
    q,
    unit,
    s,
    sentence,
    clauses: cls,
    ci,
    clause,
    beforeInSentence: body.slice(sentence.start, q.start),
    beforeInClause: body.slice(clause.start, q.start),
    afterInClause: body.slice(q.end, clause.end),
    chineseOnly: ![...q.text].some((ch) => /[0-9０-９]/.test(ch)),
  };
}

/** Index of the paragraph start at or before pos (0 when in the first paragraph). */
export function paragraphStart(doc: DocContext, pos: number): number {
  let lo = 0;
  let hi = doc.newlines.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.newlines[mid] ?? Infinity) < pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans >= 0 ? (doc.newlines[ans] ?? -1) + 1 : 0;
}
