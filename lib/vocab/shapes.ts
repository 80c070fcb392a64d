// Plain DTOs shared by the server reads (lib/data), the pages and the client charts: figures with
// their provenance, places and metrics. No Prisma types, no Decimal: values are decimal strings.
// Kinds and comparators are the vocabulary's (kinds.ts, comparators.ts).
import type { FactKindCode } from './kinds';
import type { ComparatorCode } from './comparators';

export type { FactKindCode, ComparatorCode };
export type DirectionCode = 'higher_better' | 'lower_better' | 'neutral';
export type AggregationCode = 'sum' | 'latest' | 'none';
export type ValueTypeCode = 'count' | 'amount' | 'rate' | 'growth' | 'share' | 'quantity';

/** The newspaper report behind a figure (or the reviewer's note for manual entries). */
export interface SourceRef {
  factId: number;
  articleId: number | null;
  /** Issue date, YYYY-MM-DD; null for manual entries without an article. */
  date: string | null;
  headline: string | null;
  evidence: string | null;
  sourceNote: string | null;
}

/** A value with where it comes from: what a chart point, bar or KPI card shows. */
export interface SourcedValue {
  value: string;
  unit: string;
  comparator: ComparatorCode;
  /** How many approved facts report it, and in how many distinct articles. */
  reports: number;
  sources: number;
  /** Its reports give different values: a conflict an admin has to settle (shown as such). */
  conflict?: boolean;
  /** How many distinct events it adds up (event metrics; 1 otherwise). */
  events?: number;
  latest: SourceRef;
}

export interface MetricRef {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  valueType: ValueTypeCode;
  aggregation: AggregationCode;
  direction: DirectionCode;
  /** level: one value per subject and period; event: each event its own figure (lib/vocab/figure.ts). */
  nature: 'level' | 'event';
  category: string | null;
  description: string | null;
}

export interface RegionRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  level: 'province' | 'city' | 'county';
  parentId: number | null;
}

export interface ParkRef {
  id: number;
  name: string;
  nameEn: string | null;
  officialName: string | null;
  level: 'national' | 'provincial' | 'municipal';
  regionId: number;
}

export interface Places {
  city: RegionRef | null;
  counties: RegionRef[];
  parks: ParkRef[];
}

/** One labelled series point; null value = no figure (never drawn as zero). */
export interface SeriesPoint {
  label: string;
  point: SourcedValue | null;
}
