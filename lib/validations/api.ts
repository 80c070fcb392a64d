// zod schemas of the public read API's query strings (shared by the route handlers, the explorer's
// URL state and the OpenAPI document, which is generated from these so it cannot drift).
// Every parameter arrives as a string; each is checked against a tight pattern before it is
// converted, so malformed, out-of-range and injection-shaped values are refused with a reason.
import { z } from 'zod';
import { COMPARATORS } from '@/lib/vocab/comparators';
import { FACT_KINDS, type FactKindCode } from '@/lib/vocab/kinds';

export type FactKindParam = FactKindCode;
export const FACT_STATUSES = ['approved', 'draft', 'rejected', 'all'] as const;
export const FACT_SORTS = ['year', 'value', 'date', 'id'] as const;
export type FactSort = (typeof FACT_SORTS)[number];
export const GROUP_BYS = ['park', 'region', 'year', 'metric'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
export const MAX_LIMIT = 500;
/** Largest export (rows): bigger views must be narrowed with filters first. */
export const MAX_EXPORT_ROWS = 50_000;

const year = z
  .string()
  .regex(/^\d{4}$/, 'must be a four-digit year')
  .transform(Number)
  .pipe(z.number().int().min(MIN_YEAR, `must be ${MIN_YEAR} or later`).max(MAX_YEAR, `must be ${MAX_YEAR} or earlier`))
  .meta({ description: `Year, ${MIN_YEAR}–${MAX_YEAR}` });

const positiveId = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'must be a positive integer id')
  .transform(Number)
  .meta({ description: 'Numeric id' });

const regionCode = z
  .string()
  .regex(/^\d{6}$/, 'must be a six-digit administrative division code')
  .meta({ description: 'GB/T 2260 region code, e.g. 430300 (湘潭市); includes its counties and their parks' });

const metricKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a metric key (lower-case letters, digits, _)')
  .meta({ description: 'Metric key from /api/metrics' });

const KIND_ALTERNATIVES = FACT_KINDS.join('|');

const kindList = z
  .string()
  .regex(new RegExp(`^(${KIND_ALTERNATIVES})(,(${KIND_ALTERNATIVES})){0,${FACT_KINDS.length - 1}}$`), `must be ${FACT_KINDS.join(', ')} (comma-separated)`)
  .transform((s) => [...new Set(s.split(','))] as FactKindParam[])
  .meta({ description: `Kind(s), comma-separated: ${FACT_KINDS.join(', ')}` });

const limit = z
  .string()
  .regex(/^\d{1,4}$/, 'must be an integer')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`))
  .meta({ description: `Page size, 1–${MAX_LIMIT} (default 50)` });

const cursor = z
  .string()
  .max(200, 'is too long')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned by a previous page')
  .meta({ description: 'Opaque cursor: nextCursor of the previous page' });

/** Filters shared by facts, aggregates and export. */
const filterShape = {
  region: regionCode.optional(),
  park: positiveId.optional(),
  metric: metricKey.optional(),
  yearFrom: year.optional(),
  yearTo: year.optional(),
  kind: kindList.optional(),
  status: z.enum(FACT_STATUSES).optional().meta({ description: 'Review status (admins only; others always get approved)' }),
};

function yearOrder<T extends { yearFrom?: number; yearTo?: number }>(v: T, ctx: z.RefinementCtx): void {
  if (v.yearFrom !== undefined && v.yearTo !== undefined && v.yearFrom > v.yearTo) {
    ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'must not be before yearFrom' });
  }
}

export const factFiltersQuery = z.strictObject(filterShape).superRefine(yearOrder);

export const factsQuery = z
  .strictObject({
    ...filterShape,
    sort: z.enum(FACT_SORTS).optional().meta({ description: 'Sort key (default year)' }),
    order: z.enum(['asc', 'desc']).optional().meta({ description: 'Sort order (default desc)' }),
    cursor: cursor.optional(),
    limit: limit.optional(),
  })
  .superRefine(yearOrder);
export type FactsQuery = z.output<typeof factsQuery>;

export const aggregatesQuery = z
  .strictObject({
    ...filterShape,
    groupBy: z.enum(GROUP_BYS).meta({ description: 'Group by park, region, year or metric' }),
  })
  .superRefine(yearOrder);
export type AggregatesQuery = z.output<typeof aggregatesQuery>;

export const exportQuery = z
  .strictObject({
    ...filterShape,
    sort: z.enum(FACT_SORTS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    format: z.enum(EXPORT_FORMATS).meta({ description: 'csv (UTF-8 with BOM) or xlsx' }),
  })
  .superRefine(yearOrder);
export type ExportQuery = z.output<typeof exportQuery>;

export const recognitionsQuery = z
  .strictObject({
    region: regionCode.optional(),
    park: positiveId.optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
  })
  .superRefine(yearOrder);
export type RecognitionsQuery = z.output<typeof recognitionsQuery>;

export const overviewQuery = z.strictObject({
  year: year.optional().meta({ description: 'Year of the overview (default: the latest with approved figures)' }),
  metric: metricKey.optional().meta({ description: 'Ranking and trend metric (default: the one reported for most parks that year)' }),
});
export type OverviewQuery = z.output<typeof overviewQuery>;

/** Lists without parameters still refuse unknown ones (typos should not silently do nothing). */
export const noQuery = z.strictObject({});

/** The filter part of a parsed query, as lib/data/fact-list and fact-aggregate take it. */
export interface FactFilters {
  region?: string;
  park?: number;
  metric?: string;
  yearFrom?: number;
  yearTo?: number;
  kind?: FactKindParam[];
  status?: (typeof FACT_STATUSES)[number];
}

/** The filters of any parsed query (drops paging, sorting and format). */
export function filtersOf(q: FactFilters): FactFilters {
  const out: FactFilters = {};
  if (q.region !== undefined) out.region = q.region;
  if (q.park !== undefined) out.park = q.park;
  if (q.metric !== undefined) out.metric = q.metric;
  if (q.yearFrom !== undefined) out.yearFrom = q.yearFrom;
  if (q.yearTo !== undefined) out.yearTo = q.yearTo;
  if (q.kind !== undefined) out.kind = q.kind;
  if (q.status !== undefined) out.status = q.status;
  return out;
}

// ---------- response shapes (documentation only: the OpenAPI document is built from them) ----------

const sourceSchema = z.object({
  publication: z.string().nullable(),
  issueDate: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
  headline: z.string().nullable(),
  articleId: z.number().int().nullable(),
  evidence: z.string().nullable().meta({ description: 'The sentence the figure was read from' }),
  spanStart: z.number().int().nullable(),
  spanEnd: z.number().int().nullable(),
  sourceNote: z.string().nullable(),
});

export const factRowSchema = z.object({
  id: z.number().int(),
  metric: z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), aggregation: z.enum(['sum', 'latest', 'none']) }),
  metricLabel: z.string().nullable(),
  park: z.object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() }).nullable(),
  region: z.object({ id: z.number().int(), code: z.string(), name: z.string(), nameEn: z.string().nullable() }).nullable(),
  orgName: z.string().nullable(),
  year: z.number().int().nullable(),
  period: z.string().nullable(),
  kind: z.enum(FACT_KINDS),
  value: z.string().meta({ description: 'Exact decimal as a string' }),
  unit: z.string(),
  comparator: z.enum(COMPARATORS),
  status: z.enum(['approved', 'draft', 'rejected']),
  source: sourceSchema,
  reports: z.number().int().meta({ description: 'How many visible facts report this figure (same subject, metric, year, period, kind, unit family and, for event metrics, event)' }),
  latestFactId: z.number().int().meta({ description: 'The latest report of this figure (by issue date)' }),
  latestIssueDate: z.string().nullable(),
  project: z.string().nullable().meta({ description: 'The project the figure belongs to (then park and region are null)' }),
  figureId: z.number().int().nullable().meta({ description: 'The figure an approved report belongs to: rows with one figureId are one figure' }),
  conflict: z.boolean().meta({ description: "The figure's reports give different values (an admin settles it)" }),
});

export const factsPageSchema = z.object({
  items: z.array(factRowSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().meta({ description: 'Matching rows, counted up to 50000' }),
  totalCapped: z.boolean().meta({ description: 'More rows match than total says' }),
});

export const aggregateRowSchema = z.object({
  group: z.object({
    park: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    region: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
    year: z.number().int().nullable(),
  }),
  metric: z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), aggregation: z.enum(['sum', 'latest', 'none']) }),
  unit: z.string(),
  kind: z.enum(FACT_KINDS),
  value: z.string().nullable().meta({ description: 'Aggregated value; null when the metric cannot be combined (aggregation none, several figures)' }),
  figures: z.number().int(),
  conflicts: z.number().int().meta({ description: 'Figures among them whose reports disagree' }),
  reports: z.number().int(),
  latest: z.object({ factId: z.number().int(), articleId: z.number().int().nullable(), issueDate: z.string().nullable(), headline: z.string().nullable(), evidence: z.string().nullable() }),
});

export const errorSchema = z.object({
  error: z.string(),
  details: z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) }).optional(),
});
