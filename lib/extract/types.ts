// Shared types of the extraction engine. The shapes mirror ../shared/CONTRACTS.md so the
// CLIs can print them without translation; keep them stable.

/** Canonical unit codes (CONTRACTS.md); anything else is `other:<measure word>`. The unit registry owns them. */
import type { UnitCode } from '../vocab/units';
export type { UnitCode };

export type Comparator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx';
export type FactKind = 'actual' | 'target' | 'forecast' | 'plan';
/** `FY`, `H1`, `H2`, `Q1`…`Q4`, `M01-M07`, `cumulative`. */
export type Period = string;

/** One quantity found in a line of text (the `numbers` CLI prints these). */
export interface Quantity {
  text: string;
  /** Offsets into the input string, end exclusive. */
  start: number;
  end: number;
  /** Exact decimal as a string without exponent, e.g. "238580000", "35.6", "-3". */
  value: string;
  unit: UnitCode | null;
  comparator: Comparator;
  /** The measure word as written (万元, 名, 家, 个 …), or null for a bare number. */
  measure: string | null;
  /** For ranges (8至10个): the upper bound; `value` holds the lower one. */
  upper?: string;
  /** For ranges: where the lower bound's text ends and the upper bound's starts (30~50个). */
  lowerEnd?: number;
  upperStart?: number;
  /**
   * Why a quantity a reader recognises is still not a fact (年满60周岁 is a threshold, 一名老党员
   * is prose). `findQuantities` leaves these out unless asked for all (the `numbers` CLI).
   */
  notFact?: NotFactReason;
}

export type NotFactReason = 'threshold' | 'prose' | 'rank' | 'rating' | 'ordinal';

export interface SubjectRef {
  type: 'park' | 'region' | 'project' | 'org';
  name: string;
  /** For a project or organisation: the park the text places it in (canonical name). */
  park?: string;
  /** For a project or organisation: the county or city the text places it in. */
  region?: string;
}

export interface MetricRef {
  key: string;
  label: string;
}

/** One fact as the `extract` CLI prints it (value is kept as an exact decimal string here). */
export interface ExtractedFact {
  article: string;
  value: string;
  unit: UnitCode;
  raw: string;
  comparator: Comparator;
  kind: FactKind;
  year: number | null;
  period: Period | null;
  subject: SubjectRef | null;
  metric: MetricRef;
  evidence: string;
  /** Offsets of `raw` in the normalised article body. */
  span: [number, number];
  confidence: number;
}

export type ValueType = 'count' | 'amount' | 'rate' | 'growth' | 'share' | 'quantity';
export type Aggregation = 'sum' | 'latest' | 'none';
export type Direction = 'higher_better' | 'lower_better' | 'neutral';

/** A metric of the catalogue. The database seed loads these too, so keys are stable ids. */
export interface MetricDef {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: UnitCode;
  valueType: ValueType;
  aggregation: Aggregation;
  direction: Direction;
  /** level: one value per subject and period; event: each event its own figure (lib/vocab/figure.ts). */
  nature?: 'level' | 'event';
  category: string;
  description: string;
  /** Cue words near the quantity that select this metric. */
  keywords: string[];
}

/** Reference places (same shape as prisma/seed/gazetteer.json, or built from the database). */
export interface Places {
  regions: { code: string; name: string; level: string; parent: string | null; aliases?: string[] }[];
  parks: { name: string; official?: string; home: string; aliases?: string[] }[];
  /** Parks inside a park (产业园, 众创城), each with its park's name. */
  subparks?: { name: string; parent: string; aliases?: string[] }[];
}

export interface Article {
  /** Position in the issue, from 0. */
  ordinal: number;
  headline: string;
  /** Secondary headline lines (引题/副题), if any. */
  subheadlines: string[];
  byline: string | null;
  dateline: string | null;
  /** 'news' or 'photo' (photo caption: 本报记者 … 摄影报道). */
  kind: 'news' | 'photo';
  /** Normalised body text; fact spans are offsets into this. */
  body: string;
  /** How many leading lines of the body are headline lines (0 when the article has none). */
  headLineCount?: number;
}

export interface ExtractOptions {
  /** Publication date of the issue, YYYY-MM-DD; resolves 今年/去年/上半年. */
  date?: string;
  publication?: string;
  places?: Places;
  catalog?: MetricDef[];
  /**
   * The text is already normalizeIssueText's output (the import normalises once for its checksums
   * and hands that on: normalising a 10 MB issue again costs ~0.3 s).
   */
  normalised?: boolean;
}

export interface IssueExtraction {
  articles: Article[];
  facts: (ExtractedFact & { articleOrdinal: number })[];
  extractorVersion: string;
}
