// One page of facts for the public API, the analyst explorer and the exports: filtered,
// keyset-paginated fact rows with their provenance (publication, issue date, headline,
// sentence, span) and how often each figure was reported (fact_figure). Values travel as
// decimal strings.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getReadOnlyPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { MAX_EXPORT_ROWS, type FactFilters, type FactKindParam, type FactSort } from '@/lib/validations/api';
import type { ComparatorCode } from '@/lib/vocab/comparators';
import type { AggregationCode } from '@/lib/vocab/shapes';
import { canonicalDecimal } from '@/lib/vocab/units';
import { decodeCursor, encodeCursor, type CursorKey } from './fact-cursor';
import { filterConditions, FROM, ints, statusesFor, statusList, type StatusCode } from './fact-scope';
import { isoDate } from './provenance';

export interface FactSource {
  publication: string | null;
  issueDate: string | null;
  headline: string | null;
  articleId: number | null;
  evidence: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  sourceNote: string | null;
}

export interface FactRow {
  id: number;
  metric: { key: string; nameZh: string; nameEn: string; aggregation: AggregationCode };
  metricLabel: string | null;
  park: { id: number; name: string; nameEn: string | null } | null;
  region: { id: number; code: string; name: string; nameEn: string | null } | null;
  orgName: string | null;
  /** The project the figure belongs to (then park and region are null). */
  project: string | null;
  year: number | null;
  period: string | null;
  kind: FactKindParam;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  status: StatusCode;
  source: FactSource;
  /** How many visible facts report the same figure (metric, subject, year, period, kind). */
  reports: number;
  /** The latest of those reports (by issue date, then id). */
  latestFactId: number;
  latestIssueDate: string | null;
  /** The figure (fact_figure) an approved report belongs to; rows with one id are one figure. */
  figureId: number | null;
  /** The figure's reports give different values (to be settled by an admin). */
  conflict: boolean;
}

export interface FactsPage {
  items: FactRow[];
  nextCursor: string | null;
  /** Rows matching the filters, counted up to COUNT_CAP. */
  total: number;
  /** True when there are more than COUNT_CAP rows (total is then COUNT_CAP). */
  totalCapped: boolean;
}

export const COUNT_CAP = MAX_EXPORT_ROWS;

export interface ListOptions {
  sort?: FactSort;
  order?: 'asc' | 'desc';
  /** Admins may see drafts and rejected facts; everybody else only approved ones. */
  isAdmin?: boolean;
}


function sortExpr(sort: FactSort): Prisma.Sql {
  switch (sort) {
    case 'year':
      return Prisma.sql`f.year`;
    case 'value':
      return Prisma.sql`f.value`;
    case 'date':
      return Prisma.sql`coalesce(i.date, DATE '0001-01-01')`;
    case 'id':
      return Prisma.sql`f.id`;
  }
}

/**
 * The scans that make up one page, run in order until the page is full. Year order follows the
 * (…, year NULLS FIRST, id) indexes: descending puts facts without a year last, ascending first,
 * and each block is scanned with a plain range condition an index can serve (an OR across the
 * blocks would make PostgreSQL filter row by row). Cursor key null = inside the no-year block.
 */
function segments(sort: FactSort, order: 'asc' | 'desc', c: { key: CursorKey; id: number } | null): { where: Prisma.Sql | null; orderBy: Prisma.Sql }[] {
  const dir = Prisma.raw(order === 'asc' ? 'ASC' : 'DESC');
  const op = Prisma.raw(order === 'asc' ? '>' : '<');
  if (sort === 'year') {
    const years = { orderBy: Prisma.sql`f.year ${dir} ${Prisma.raw(order === 'asc' ? 'NULLS FIRST' : 'NULLS LAST')}, f.id ${dir}` };
    const noYear = { orderBy: Prisma.sql`f.id ${dir}` };
    if (!c) return [{ where: null, ...years }];
    if (c.key === null) {
      const inNulls = { where: Prisma.sql`f.year IS NULL AND f.id ${op} ${c.id}::int`, ...noYear };
      return order === 'desc' ? [inNulls] : [inNulls, { where: Prisma.sql`f.year IS NOT NULL`, ...years }];
    }
    const inYears = { where: Prisma.sql`(f.year, f.id) ${op} (${c.key}::int, ${c.id}::int)`, ...years };
    return order === 'desc' ? [inYears, { where: Prisma.sql`f.year IS NULL`, ...noYear }] : [inYears];
  }
  const expr = sortExpr(sort);
  const orderBy = sort === 'id' ? Prisma.sql`f.id ${dir}` : Prisma.sql`${expr} ${dir}, f.id ${dir}`;
  if (!c) return [{ where: null, orderBy }];
  if (sort === 'id') return [{ where: Prisma.sql`f.id ${op} ${c.id}::int`, orderBy }];
  const key = sort === 'value' ? Prisma.sql`${c.key}::numeric` : Prisma.sql`${c.key}::date`;
  return [{ where: Prisma.sql`(${expr}, f.id) ${op} (${key}, ${c.id}::int)`, orderBy }];
}

interface RawFactRow {
  id: number;
  metric_key: string;
  metric_name_zh: string;
  metric_name_en: string;
  aggregation: AggregationCode;
  metric_label: string | null;
  park_id: number | null;
  park_name: string | null;
  park_name_en: string | null;
  region_id: number | null;
  region_code: string | null;
  region_name: string | null;
  region_name_en: string | null;
  org_name: string | null;
  year: number | null;
  period: string | null;
  kind: FactKindParam;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  status: StatusCode;
  publication: string | null;
  issue_date: Date | string | null;
  headline: string | null;
  article_id: number | null;
  evidence: string | null;
  span_start: number | null;
  span_end: number | null;
  source_note: string | null;
  reports: bigint | number;
  latest_id: number;
  latest_date: Date | string | null;
  figure_id: number | null;
  value_count: number;
  project_name: string | null;
  org_record_name: string | null;
}

function toFactRow(r: RawFactRow): FactRow {
  return {
    id: r.id,
    metric: { key: r.metric_key, nameZh: r.metric_name_zh, nameEn: r.metric_name_en, aggregation: r.aggregation },
    metricLabel: r.metric_label,
    park: r.park_id !== null ? { id: r.park_id, name: r.park_name ?? '', nameEn: r.park_name_en } : null,
    region:
      r.region_id !== null ? { id: r.region_id, code: r.region_code ?? '', name: r.region_name ?? '', nameEn: r.region_name_en } : null,
    orgName: r.project_name !== null ? null : (r.org_record_name ?? r.org_name),
    project: r.project_name,
    year: r.year,
    period: r.period,
    kind: r.kind,
    value: canonicalDecimal(r.value),
    unit: r.unit,
    comparator: r.comparator,
    status: r.status,
    source: {
      publication: r.publication,
      issueDate: isoDate(r.issue_date),
      headline: r.headline,
      articleId: r.article_id,
      evidence: r.evidence,
      spanStart: r.span_start,
      spanEnd: r.span_end,
      sourceNote: r.source_note,
    },
    reports: Number(r.reports),
    latestFactId: r.latest_id,
    latestIssueDate: isoDate(r.latest_date),
    figureId: r.figure_id,
    conflict: Number(r.value_count) > 1,
  };
}

function sortKeyOf(sort: FactSort, r: RawFactRow): CursorKey {
  switch (sort) {
    case 'year':
      return r.year;
    case 'value':
      return r.value;
    case 'date':
      return isoDate(r.issue_date) ?? '0001-01-01';
    case 'id':
      return null;
  }
}


/**
 * For approved figures with a year and a subject (the common case), the report count, the latest
 * report and whether the reports disagree come from fact_figure, kept by triggers with the one
 * figure rule (migration 20261202060100, lib/vocab/figure.ts): the same figures the aggregates and
 * the dashboards count. Other rows (drafts asked for by an admin, no year) are looked up by
 * reportsOf() with the same SQL functions. Joins nothing (ff.id is null) when the view includes drafts or rejected facts.
 */
function figureJoin(statuses: StatusCode[]): Prisma.Sql {
  const approvedOnly = statuses.length === 1 && statuses[0] === 'approved';
  return Prisma.sql`
    LEFT JOIN fact_figure ff ON ${approvedOnly ? Prisma.sql`true` : Prisma.sql`false`}
      AND f.status = 'approved'::review_status AND f.deleted_at IS NULL AND f.year IS NOT NULL
      AND ff.metric_id = f.metric_id AND ff.unit_family = unit_family(f.unit) AND ff.kind = f.kind AND ff.year = f.year
      AND ff.period = period_class(f.period)
      AND ff.park_id IS NOT DISTINCT FROM f.park_id AND ff.region_id IS NOT DISTINCT FROM f.region_id
      AND ff.project_id IS NOT DISTINCT FROM f.project_id AND ff.org_id IS NOT DISTINCT FROM f.org_id
      AND ff.event = figure_event(m.nature, f.event_key, f.value, f.unit)
    LEFT JOIN fact ffl ON ffl.id = ff.latest_fact_id
    LEFT JOIN article ffa ON ffa.id = ffl.article_id
    LEFT JOIN issue ffi ON ffi.id = ffa.issue_id`;
}

/**
 * Reports of the same figure as row f (same metric, subject, year, period class, kind, unit): how
 * many, and the latest. Park and region rows with a year match by equality in their own lateral, so the
 * (park_id|region_id, status, year, …) indexes narrow the scan: IS NOT DISTINCT FROM cannot use
 * an index and cost seconds per page on a million facts. The rest (no year, organisations) is rare.
 */
function reportsOf(yearMatch: Prisma.Sql, statuses: StatusCode[]): Prisma.Sql {
  return Prisma.sql`
      SELECT count(*) OVER () AS reports, f2.id AS latest_id, i2.date AS latest_date
      FROM fact f2
      LEFT JOIN article a2 ON a2.id = f2.article_id
      LEFT JOIN issue i2 ON i2.id = a2.issue_id
      WHERE ${yearMatch} AND f2.metric_id = f.metric_id AND f2.status IN (${statusList(statuses)}) AND f2.deleted_at IS NULL
        -- kind compared as text on purpose: otherwise the planner ANDs in the low-selectivity kind index
        AND f2.kind::text = f.kind::text
        AND f2.park_id IS NOT DISTINCT FROM f.park_id AND f2.region_id IS NOT DISTINCT FROM f.region_id
        AND f2.project_id IS NOT DISTINCT FROM f.project_id AND f2.org_id IS NOT DISTINCT FROM f.org_id
        AND (f2.org_id IS NOT NULL OR f2.org_name IS NOT DISTINCT FROM f.org_name)
        AND unit_family(f2.unit) = unit_family(f.unit)
        AND period_class(f2.period) = period_class(f.period)
        AND figure_event(m.nature, f2.event_key, f2.value, f2.unit) = figure_event(m.nature, f.event_key, f.value, f.unit)
        AND (i2.id IS NULL OR i2.deleted_at IS NULL)
      ORDER BY i2.date DESC NULLS LAST, f2.id DESC
      LIMIT 1`;
}

/**
 * One page of facts, newest year first by default. Keyset pagination on (sort key, id): a page
 * costs the same at row 10 and row 1,000,000, and rows inserted meanwhile never shift pages.
 */
export async function listFacts(
  filters: FactFilters,
  cursor: string | undefined,
  limit: number,
  opts: ListOptions = {},
): Promise<FactsPage> {
  await requireRole(opts.isAdmin ? 'admin' : 'viewer');
  const sort = opts.sort ?? 'year';
  const order = opts.order ?? 'desc';
  const isAdmin = opts.isAdmin ?? false;
  const decoded = cursor ? decodeCursor(sort, cursor) : null;
  const where = await filterConditions(filters, isAdmin);
  if (!where) return { items: [], nextCursor: null, total: 0, totalCapped: false };
  const statuses = statusesFor(filters, isAdmin);
  const prisma = await getReadOnlyPrisma();
  // Only the date sort needs the issue joined before the limit; the others scan fact alone.
  const pageFrom =
    sort === 'date'
      ? Prisma.sql`FROM fact f LEFT JOIN article a ON a.id = f.article_id LEFT JOIN issue i ON i.id = a.issue_id`
      : Prisma.sql`FROM fact f`;
  const countPromise = prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM fact f WHERE ${Prisma.join(where, ' AND ')} LIMIT ${COUNT_CAP + 1}) capped`;
  const ids: number[] = [];
  for (const seg of segments(sort, order, decoded)) {
    const need = limit + 1 - ids.length;
    if (need <= 0) break;
    const conds = seg.where ? [...where, seg.where] : where;
    const rows = await prisma.$queryRaw<{ id: number }[]>`
      SELECT f.id ${pageFrom} WHERE ${Prisma.join(conds, ' AND ')} ORDER BY ${seg.orderBy} LIMIT ${need}`;
    ids.push(...rows.map((r) => r.id));
  }
  // Counting stops past COUNT_CAP: an exact total of a million rows costs seconds and nobody
  // pages that far (exports refuse views that big anyway).
  const count = await countPromise;
  const n = Number(count[0]?.n ?? 0);
  const total = Math.min(n, COUNT_CAP);
  if (ids.length === 0) return { items: [], nextCursor: null, total, totalCapped: n > COUNT_CAP };
  const details = await prisma.$queryRaw<RawFactRow[]>`
    SELECT f.id, m.key AS metric_key, m.name_zh AS metric_name_zh, m.name_en AS metric_name_en,
           m.aggregation::text AS aggregation, f.metric_label, f.park_id, pk.name AS park_name, pk.name_en AS park_name_en,
           f.region_id, r.code AS region_code, r.name AS region_name, r.name_en AS region_name_en, f.org_name,
           f.year, f.period, f.kind::text AS kind, f.value::text AS value, f.unit, f.comparator::text AS comparator,
           f.status::text AS status, pub.name AS publication, i.date AS issue_date, a.headline, f.article_id,
           f.evidence, f.span_start, f.span_end, f.source_note,
           coalesce(ff.reports, rp.reports, rr.reports, ro.reports, 1) AS reports,
           coalesce(ff.latest_fact_id, rp.latest_id, rr.latest_id, ro.latest_id, f.id) AS latest_id,
           coalesce(ffi.date, rp.latest_date, rr.latest_date, ro.latest_date) AS latest_date,
           ff.id AS figure_id, coalesce(ff.value_count, 1) AS value_count, pj.name AS project_name, og.name AS org_record_name
    ${FROM}
    LEFT JOIN project pj ON pj.id = f.project_id
    LEFT JOIN organization og ON og.id = f.org_id
    ${figureJoin(statuses)}
    LEFT JOIN LATERAL (${reportsOf(Prisma.sql`ff.id IS NULL AND f.year IS NOT NULL AND f.park_id IS NOT NULL AND f2.park_id = f.park_id AND f2.year = f.year`, statuses)}) rp ON true
    LEFT JOIN LATERAL (${reportsOf(Prisma.sql`ff.id IS NULL AND f.year IS NOT NULL AND f.park_id IS NULL AND f.region_id IS NOT NULL AND f2.region_id = f.region_id AND f2.year = f.year`, statuses)}) rr ON true
    LEFT JOIN LATERAL (${reportsOf(Prisma.sql`ff.id IS NULL AND (f.year IS NULL OR (f.park_id IS NULL AND f.region_id IS NULL)) AND f2.year IS NOT DISTINCT FROM f.year`, statuses)}) ro ON true
    WHERE f.id IN (${ints(ids)})`;
  const byId = new Map(details.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is RawFactRow => r !== undefined);
  const more = ordered.length > limit;
  const pageRows = more ? ordered.slice(0, limit) : ordered;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toFactRow),
    nextCursor: more && last ? encodeCursor(sort, sortKeyOf(sort, last), last.id) : null,
    total,
    totalCapped: n > COUNT_CAP,
  };
}
