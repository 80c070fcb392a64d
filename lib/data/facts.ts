// Fact reads for the public API, the analyst explorer and exports: filtered, keyset-paginated
// fact lists with their provenance (publication, issue date, headline, sentence, span) and how
// often each figure was reported; aggregates that respect each metric's aggregation rule; and
// the reference lists (metrics, parks, regions, recognitions). Values travel as decimal strings.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { figureFamily } from '@/lib/vocab/figure';
import { convert, Decimal, decimalString } from '@/lib/vocab/units';
import { MAX_EXPORT_ROWS, type FactFilters, type FactKindParam, type FactSort, type GroupBy } from '@/lib/validations/api';

export type AggregationCode = 'sum' | 'latest' | 'none';
type ComparatorCode = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx';
type StatusCode = 'approved' | 'draft' | 'rejected';

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

/** A cursor that was not produced by this API (or belongs to another sort). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

// ---------- helpers ----------

function isoDate(d: Date | string | null): string | null {
  if (d === null) return null;
  if (typeof d === 'string') return d.slice(0, 10);
  return d.toISOString().slice(0, 10);
}

/** numeric::text keeps the column's scale (12.000000); rows carry canonical decimals (12). */
export function canonicalDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

interface PlaceTree {
  regions: { id: number; code: string; name: string; nameEn: string | null; parentId: number | null }[];
  parks: { id: number; name: string; nameEn: string | null; regionId: number }[];
}

async function loadPlaceTree(): Promise<PlaceTree> {
  const prisma = await getPrisma();
  const [regions, parks] = await Promise.all([
    prisma.region.findMany({ where: { deletedAt: null }, select: { id: true, code: true, name: true, nameEn: true, parentId: true } }),
    prisma.park.findMany({ where: { deletedAt: null }, select: { id: true, name: true, nameEn: true, regionId: true } }),
  ]);
  return { regions, parks };
}

/** The region's id and all its descendants' ids. */
function regionSubtree(tree: PlaceTree, rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of tree.regions) {
      if (r.parentId !== null && out.has(r.parentId) && !out.has(r.id)) {
        out.add(r.id);
        grew = true;
      }
    }
  }
  return out;
}

function ints(values: Iterable<number>): Prisma.Sql {
  return Prisma.join([...values].map((v) => Prisma.sql`${v}::int`));
}

function statusList(statuses: StatusCode[]): Prisma.Sql {
  return Prisma.join(statuses.map((s) => Prisma.sql`${s}::review_status`));
}

function statusesFor(filters: FactFilters, isAdmin: boolean): StatusCode[] {
  if (!isAdmin) return ['approved'];
  const s = filters.status ?? 'approved';
  return s === 'all' ? ['approved', 'draft', 'rejected'] : [s];
}

/** WHERE conditions of a filter (without the cursor); null when the filter can match nothing. */
async function filterConditions(filters: FactFilters, isAdmin: boolean, tree?: PlaceTree): Promise<Prisma.Sql[] | null> {
  const keys = await keyConditions(filters, 'f', tree);
  if (!keys) return null;
  return [
    Prisma.sql`f.deleted_at IS NULL`,
    // Facts of a deleted issue are gone; NOT EXISTS keeps the scan on fact's own indexes.
    Prisma.sql`NOT EXISTS (SELECT 1 FROM article a0 JOIN issue i0 ON i0.id = a0.issue_id WHERE a0.id = f.article_id AND i0.deleted_at IS NOT NULL)`,
    Prisma.sql`f.status IN (${statusList(statusesFor(filters, isAdmin))})`,
    ...keys,
  ];
}

/**
 * Conditions on the figure columns (region subtree, park, metric, years, kinds) of the table
 * aliased `alias` (fact, or fact_figure which has the same columns); null when nothing can match.
 */
async function keyConditions(filters: FactFilters, alias: 'f' | 'ff', tree?: PlaceTree): Promise<Prisma.Sql[] | null> {
  const t = Prisma.raw(alias);
  const where: Prisma.Sql[] = [];
  if (filters.region !== undefined) {
    const places = tree ?? (await loadPlaceTree());
    const root = places.regions.find((r) => r.code === filters.region);
    if (!root) return null;
    const regionIds = regionSubtree(places, root.id);
    const parkIds = places.parks.filter((p) => regionIds.has(p.regionId)).map((p) => p.id);
    where.push(
      parkIds.length
        ? Prisma.sql`(${t}.region_id IN (${ints(regionIds)}) OR ${t}.park_id IN (${ints(parkIds)}))`
        : Prisma.sql`${t}.region_id IN (${ints(regionIds)})`,
    );
  }
  if (filters.park !== undefined) where.push(Prisma.sql`${t}.park_id = ${filters.park}::int`);
  if (filters.metric !== undefined) {
    // Resolved to an id first so the (metric_id, status, year, id) index drives the scan.
    const prisma = await getPrisma();
    const metric = await prisma.metric.findUnique({ where: { key: filters.metric }, select: { id: true } });
    if (!metric) return null;
    where.push(Prisma.sql`${t}.metric_id = ${metric.id}::int`);
  }
  if (filters.yearFrom !== undefined) where.push(Prisma.sql`${t}.year >= ${filters.yearFrom}::int`);
  if (filters.yearTo !== undefined) where.push(Prisma.sql`${t}.year <= ${filters.yearTo}::int`);
  if (filters.kind?.length) where.push(Prisma.sql`${t}.kind IN (${Prisma.join(filters.kind.map((k) => Prisma.sql`${k}::fact_kind`))})`);
  return where;
}

// ---------- cursor ----------

type CursorKey = number | string | null;

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

export function encodeCursor(sort: FactSort, key: CursorKey, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id]), 'utf8').toString('base64url');
}

/** Largest id PostgreSQL's int4 columns hold: anything above cannot be a fact's id. */
const MAX_INT4 = 2_147_483_647;

/** True for a real calendar date YYYY-MM-DD (not 2023-13-45 or 2026-02-30). */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(2000, mo - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * Parses and checks a cursor: every field is checked before any of it reaches SQL (it goes in as
 * a parameter cast to int, numeric or date, and a value the cast refuses would be a 500).
 * The message names the field at fault.
 */
export function decodeCursor(sort: FactSort, cursor: string): { key: CursorKey; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('Invalid query.cursor: not a cursor of this API');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError('Invalid query.cursor: not a cursor of this API');
  const [s, key, id] = parsed as unknown[];
  if (s !== sort) throw new InvalidCursorError('Invalid query.cursor: it belongs to another sort order');
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_INT4) {
    throw new InvalidCursorError(`Invalid query.cursor: its id must be an integer from 1 to ${MAX_INT4}`);
  }
  const ok =
    (sort === 'id' && key === null) ||
    (sort === 'year' && (key === null || (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key <= 9999))) ||
    (sort === 'value' && typeof key === 'string' && /^-?\d{1,24}(\.\d{1,6})?$/.test(key)) ||
    (sort === 'date' && typeof key === 'string' && isCalendarDate(key));
  if (!ok) {
    const expected = { id: 'null', year: 'a year 0–9999 or null', value: 'a decimal number', date: 'a calendar date YYYY-MM-DD' }[sort];
    throw new InvalidCursorError(`Invalid query.cursor: its ${sort} key must be ${expected}`);
  }
  return { key: key as CursorKey, id };
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

// ---------- list ----------

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

const FROM = Prisma.sql`
  FROM fact f
  JOIN metric m ON m.id = f.metric_id
  LEFT JOIN park pk ON pk.id = f.park_id
  LEFT JOIN region r ON r.id = f.region_id
  LEFT JOIN article a ON a.id = f.article_id
  LEFT JOIN issue i ON i.id = a.issue_id
  LEFT JOIN publication pub ON pub.id = i.publication_id`;

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
  const prisma = await getPrisma();
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

// ---------- aggregates ----------

export interface AggregateRow {
  group: {
    park: { id: number; name: string } | null;
    region: { id: number; code: string; name: string } | null;
    year: number | null;
  };
  metric: { key: string; nameZh: string; nameEn: string; aggregation: AggregationCode };
  unit: string;
  kind: FactKindParam;
  /** null when the metric's rule does not allow combining this group's figures. */
  value: string | null;
  /** Distinct figures combined (after dropping overlapping subjects), and the reports behind them. */
  figures: number;
  /** Figures among them whose reports disagree (to be settled by an admin). */
  conflicts: number;
  reports: number;
  latest: { factId: number; articleId: number | null; issueDate: string | null; headline: string | null; evidence: string | null };
}

interface RawFigure {
  id: number;
  metric_key: string;
  metric_unit: string;
  value_count: number;
  metric_name_zh: string;
  metric_name_en: string;
  aggregation: AggregationCode;
  park_id: number | null;
  region_id: number | null;
  year: number;
  kind: FactKindParam;
  value: string;
  unit: string;
  article_id: number | null;
  issue_date: Date | string | null;
  headline: string | null;
  evidence: string | null;
  reports: bigint | number;
}

/** 'p:<id>' or 'r:<id>' */
type SubjectKey = string;

/**
 * Aggregates whole-year figures (no period, FY or cumulative) of parks and regions. A figure
 * reported several times counts once (its latest report). Groups never mix metrics, units or
 * kinds. Within a group, a figure whose subject lies inside another figure's subject for the
 * same year is dropped (a county's own total already contains its parks). Then per metric rule:
 * sum → exact sum; latest → the latest year's figure when the group has one subject, else null;
 * none → the figure when the group has exactly one, else null.
 */
export async function aggregateFacts(
  groupBy: GroupBy,
  filters: FactFilters,
  opts: { isAdmin?: boolean; via?: 'figures' | 'facts' } = {},
): Promise<AggregateRow[]> {
  await requireRole(opts.isAdmin ? 'admin' : 'viewer');
  const tree = await loadPlaceTree();
  const isAdmin = opts.isAdmin ?? false;
  const statuses = statusesFor(filters, isAdmin);
  const prisma = await getPrisma();
  // Approved figures (everyone but an admin asking for drafts): read the latest report of each
  // figure from fact_figure, kept by triggers; otherwise take it from the facts themselves.
  // `via` lets the tests compare both paths.
  if ((opts.via ?? 'figures') === 'figures' && statuses.length === 1 && statuses[0] === 'approved') {
    const keys = await keyConditions(filters, 'ff', tree);
    if (!keys) return [];
    keys.push(Prisma.sql`ff.period = ''`); // whole-year figures
    // of parks and regions: a project's or an organisation's figure is not its place's own
    keys.push(Prisma.sql`(ff.park_id IS NOT NULL OR ff.region_id IS NOT NULL)`);
    const figures = await prisma.$queryRaw<RawFigure[]>`
      SELECT f.id, m.key AS metric_key, m.unit AS metric_unit, ff.value_count, m.name_zh AS metric_name_zh, m.name_en AS metric_name_en,
             m.aggregation::text AS aggregation, f.park_id, f.region_id, f.year, f.kind::text AS kind,
             f.value::text AS value, f.unit, f.article_id, i.date AS issue_date, a.headline, f.evidence,
             ff.reports
      FROM fact_figure ff
      JOIN fact f ON f.id = ff.latest_fact_id
      JOIN metric m ON m.id = ff.metric_id
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
      WHERE ${Prisma.join(keys, ' AND ')}
      ORDER BY ff.metric_id, ff.unit_family, ff.kind, ff.year, ff.park_id, ff.region_id, ff.event`;
    return combineFigures(groupBy, figures, tree);
  }
  const where = await filterConditions(filters, isAdmin, tree);
  if (!where) return [];
  where.push(Prisma.sql`f.year IS NOT NULL`);
  where.push(Prisma.sql`(f.park_id IS NOT NULL OR f.region_id IS NOT NULL)`);
  where.push(Prisma.sql`(f.period IS NULL OR f.period IN ('FY', 'cumulative'))`);
  // The same figure rule as fact_figure (the SQL functions of migration 20261202060100).
  const figures = await prisma.$queryRaw<RawFigure[]>`
    WITH r AS (
      SELECT f.id, m.key AS metric_key, m.unit AS metric_unit, m.name_zh AS metric_name_zh, m.name_en AS metric_name_en,
             m.aggregation::text AS aggregation, f.metric_id, f.park_id, f.region_id, f.year, f.kind,
             f.value::text AS value, f.unit, f.article_id, i.date AS issue_date, a.headline, f.evidence,
             unit_family(f.unit) AS family, figure_event(m.nature, f.event_key, f.value, f.unit) AS event,
             unit_base_value(f.value, f.unit) AS base_value
      ${FROM}
      WHERE ${Prisma.join(where, ' AND ')}
    ), g AS (
      SELECT (array_agg(id ORDER BY issue_date DESC NULLS LAST, id DESC))[1] AS latest, count(*) AS reports,
             count(DISTINCT base_value)::int AS value_count
        FROM r GROUP BY metric_id, family, kind, year, park_id, region_id, event
    )
    SELECT r.id, r.metric_key, r.metric_unit, r.metric_name_zh, r.metric_name_en, r.aggregation, r.park_id, r.region_id,
           r.year, r.kind::text AS kind, r.value, r.unit, r.article_id, r.issue_date, r.headline, r.evidence,
           g.reports, g.value_count
      FROM g JOIN r ON r.id = g.latest
     ORDER BY r.metric_id, r.family, r.kind, r.year, r.park_id, r.region_id, r.event`;
  return combineFigures(groupBy, figures, tree);
}

function combineFigures(groupBy: GroupBy, figures: RawFigure[], tree: PlaceTree): AggregateRow[] {
  const regionById = new Map(tree.regions.map((r) => [r.id, r]));
  const parkById = new Map(tree.parks.map((p) => [p.id, p]));
  const subjectOf = (f: RawFigure): SubjectKey => (f.park_id !== null ? `p:${f.park_id}` : `r:${f.region_id ?? 0}`);
  /** Regions containing a subject (excluding a region itself). */
  const ancestors = (s: SubjectKey): Set<SubjectKey> => {
    const out = new Set<SubjectKey>();
    const id = Number(s.slice(2));
    let regionId: number | null | undefined = s.startsWith('p:') ? parkById.get(id)?.regionId : regionById.get(id)?.parentId;
    while (regionId !== null && regionId !== undefined && !out.has(`r:${regionId}`)) {
      out.add(`r:${regionId}`);
      regionId = regionById.get(regionId)?.parentId;
    }
    return out;
  };
  const regionOf = (f: RawFigure): number | null => (f.park_id !== null ? (parkById.get(f.park_id)?.regionId ?? null) : f.region_id);

  // Group key: metric + unit + kind + the groupBy dimension.
  const groups = new Map<string, RawFigure[]>();
  for (const f of figures) {
    let dim: string;
    if (groupBy === 'park') {
      if (f.park_id === null) continue;
      dim = String(f.park_id);
    } else if (groupBy === 'region') {
      dim = String(regionOf(f) ?? 'none');
    } else if (groupBy === 'year') {
      dim = String(f.year);
    } else {
      dim = '';
    }
    const key = JSON.stringify([f.metric_key, figureFamily(f.unit), f.kind, dim]);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }

  const out: AggregateRow[] = [];
  for (const list of groups.values()) {
    // Drop figures inside another figure's subject for the same year (no double counting).
    const subjectsByYear = new Map<number, Set<SubjectKey>>();
    for (const f of list) {
      const set = subjectsByYear.get(f.year) ?? new Set<SubjectKey>();
      set.add(subjectOf(f));
      subjectsByYear.set(f.year, set);
    }
    const kept = list.filter((f) => {
      const present = subjectsByYear.get(f.year) ?? new Set<SubjectKey>();
      for (const a of ancestors(subjectOf(f))) if (present.has(a)) return false;
      return true;
    });
    const first = kept[0];
    if (!first) continue;
    const latestFigure = [...kept].sort(
      (a, b) => b.year - a.year || (isoDate(b.issue_date) ?? '').localeCompare(isoDate(a.issue_date) ?? '') || b.id - a.id,
    )[0] ?? first;
    let value: string | null = null;
    const subjects = new Set(kept.map(subjectOf));
    // One unit for the group: the metric's when every figure converts to it, else the first one's.
    const unit = kept.every((f) => convert(f.value, f.unit, first.metric_unit) !== null) ? first.metric_unit : first.unit;
    const inUnit = (f: RawFigure) => convert(canonicalDecimal(f.value), f.unit, unit);
    if (first.aggregation === 'sum') {
      const parts = kept.map(inUnit);
      value = parts.every((p) => p !== null) ? decimalString(parts.reduce((acc, p) => acc.plus(p!), new Decimal(0))) : null;
    } else if (first.aggregation === 'latest') value = subjects.size === 1 ? inUnit(latestFigure) : null;
    else value = kept.length === 1 ? inUnit(first) : null;

    const regionId = groupBy === 'region' ? regionOf(first) : null;
    const region = regionId !== null ? regionById.get(regionId) : undefined;
    const park = groupBy === 'park' && first.park_id !== null ? parkById.get(first.park_id) : undefined;
    out.push({
      group: {
        park: park ? { id: park.id, name: park.name } : null,
        region: region ? { id: region.id, code: region.code, name: region.name } : null,
        year: groupBy === 'year' ? first.year : null,
      },
      metric: { key: first.metric_key, nameZh: first.metric_name_zh, nameEn: first.metric_name_en, aggregation: first.aggregation },
      unit,
      kind: first.kind,
      value,
      figures: kept.length,
      conflicts: kept.filter((f) => Number(f.value_count) > 1).length,
      reports: kept.reduce((n, f) => n + Number(f.reports), 0),
      latest: {
        factId: latestFigure.id,
        articleId: latestFigure.article_id,
        issueDate: isoDate(latestFigure.issue_date),
        headline: latestFigure.headline,
        evidence: latestFigure.evidence,
      },
    });
  }
  return out.sort(
    (a, b) =>
      a.metric.key.localeCompare(b.metric.key) ||
      a.kind.localeCompare(b.kind) ||
      (a.group.year ?? 0) - (b.group.year ?? 0) ||
      (a.group.region?.code ?? '').localeCompare(b.group.region?.code ?? '') ||
      (a.group.park?.id ?? 0) - (b.group.park?.id ?? 0) ||
      a.unit.localeCompare(b.unit),
  );
}

// ---------- reference lists ----------

export interface MetricItem {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  valueType: string;
  aggregation: AggregationCode;
  direction: string;
  category: string | null;
  description: string | null;
}

export async function listMetrics(): Promise<MetricItem[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  return prisma.metric.findMany({
    where: { deletedAt: null, mergedIntoId: null },
    select: { key: true, nameZh: true, nameEn: true, unit: true, valueType: true, aggregation: true, direction: true, category: true, description: true },
    orderBy: [{ category: 'asc' }, { key: 'asc' }],
  });
}

export interface ParkItem {
  id: number;
  name: string;
  nameEn: string | null;
  officialName: string | null;
  level: string;
  regionCode: string;
}

export async function listParks(): Promise<ParkItem[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const rows = await prisma.park.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, nameEn: true, officialName: true, level: true, region: { select: { code: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn, officialName: p.officialName, level: p.level, regionCode: p.region.code }));
}

export interface RegionItem {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
}

export async function listRegions(): Promise<RegionItem[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const rows = await prisma.region.findMany({
    where: { deletedAt: null },
    select: { id: true, code: true, name: true, nameEn: true, level: true, parent: { select: { code: true } } },
    orderBy: { code: 'asc' },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, nameEn: r.nameEn, level: r.level, parentCode: r.parent?.code ?? null }));
}

export interface RecognitionItem {
  id: number;
  year: number;
  title: string;
  level: string;
  park: { id: number; name: string } | null;
  region: { code: string; name: string } | null;
  articleId: number | null;
  evidence: string | null;
  issueDate: string | null;
}

/** Approved awards and titles (drafts are for the review queue only). */
export async function listRecognitions(filters: { region?: string; park?: number; yearFrom?: number; yearTo?: number }): Promise<RecognitionItem[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const where: Prisma.RecognitionWhereInput = { deletedAt: null, status: 'approved' };
  if (filters.park !== undefined) where.parkId = filters.park;
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    where.year = {
      ...(filters.yearFrom !== undefined ? { gte: filters.yearFrom } : {}),
      ...(filters.yearTo !== undefined ? { lte: filters.yearTo } : {}),
    };
  }
  if (filters.region !== undefined) {
    const tree = await loadPlaceTree();
    const root = tree.regions.find((r) => r.code === filters.region);
    if (!root) return [];
    const regionIds = [...regionSubtree(tree, root.id)];
    const parkIds = tree.parks.filter((p) => regionIds.includes(p.regionId)).map((p) => p.id);
    where.OR = [{ regionId: { in: regionIds } }, { parkId: { in: parkIds } }];
  }
  const rows = await prisma.recognition.findMany({
    where,
    select: {
      id: true,
      year: true,
      title: true,
      level: true,
      articleId: true,
      evidence: true,
      park: { select: { id: true, name: true } },
      region: { select: { code: true, name: true } },
      article: { select: { issue: { select: { date: true } } } },
    },
    orderBy: [{ year: 'desc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    level: r.level,
    park: r.park,
    region: r.region,
    articleId: r.articleId,
    evidence: r.evidence,
    issueDate: r.article ? isoDate(r.article.issue.date) : null,
  }));
}
