// Where each figure comes from. `getFigures` reads the approved figures (fact_figure: the one
// figure rule, lib/vocab/figure.ts) with the latest report (its sentence, article and issue
// date), how often and how consistently the figure was reported; `getSubjectFigures` adds up an
// event metric's events per subject; every chart and KPI is built from these.
// `getArticleWithFacts` reads one article for the provenance page.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getReadOnlyPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { cached } from '@/lib/data/read-cache';
import type { ComparatorCode, FactKindCode, SourceRef } from '@/lib/vocab/shapes';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { groupBySubject, newestReport, subjectGroupRule, subjectTotals, type FigureLike, type SubjectKeyed, type SubjectTotal } from '@/lib/vocab/figure';
import { getMetrics } from './metrics-view';
// Shared with the API's reads (API/EXPLORER helper): numeric::text → canonical decimal string.
import { canonicalDecimal } from '@/lib/vocab/units';

export type { SourceRef } from '@/lib/vocab/shapes';

/** A figure as lib/vocab/figure.ts defines it, with its metric's key, its event and its latest source. */
export interface Figure extends FigureLike {
  metricKey: string;
  /** '' for a level metric, else the event this figure is (lib/vocab/figure.ts). */
  event: string;
  latest: SourceRef;
}

/** A subject's figure for a metric, year, period and kind: an event metric's events summed. */
export type SubjectFigure = SubjectTotal<Figure>;

export interface FigureFilter {
  years?: number[];
  metricIds?: number[];
  parkIds?: number[];
  regionIds?: number[];
  projectIds?: number[];
  kinds?: FactKindCode[];
  /**
   * 'annual' keeps whole-year figures (no period, FY, cumulative); 'all' keeps every period;
   * 'annual-and-targets' whole-year figures and targets of every period (the overview).
   */
  periods?: 'annual' | 'all' | 'annual-and-targets';
  /** Only figures of parks (true) or of regions (false); both when undefined. */
  parksOnly?: boolean;
}

interface FigureRow {
  metric_id: number;
  metric_key: string;
  park_id: number | null;
  region_id: number | null;
  project_id: number | null;
  org_id: number | null;
  year: number;
  period: string | null;
  kind: FactKindCode;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  event: string;
  reports: number;
  sources: number;
  value_count: number;
  fact_id: number;
  article_id: number | null;
  issue_date: Date | string | null;
  headline: string | null;
  evidence: string | null;
  source_note: string | null;
}

export function isoDate(d: Date | string | null): string | null {
  if (d === null) return null;
  if (typeof d === 'string') return d.slice(0, 10);
  return d.toISOString().slice(0, 10);
}

function ints(values: number[]): Prisma.Sql {
  return Prisma.join(values.map((v) => Prisma.sql`${v}::int`));
}

/** What a figure read joins: the figure, its latest report, its metric, that report's article and issue. */
const FIGURE_SOURCE = Prisma.sql`
  FROM fact_figure ff
  JOIN fact f ON f.id = ff.latest_fact_id
  JOIN metric m ON m.id = ff.metric_id
  LEFT JOIN article a ON a.id = f.article_id
  LEFT JOIN issue i ON i.id = a.issue_id`;

/** The order of a figure read (subjectTotals groups in it; the keys read must match getFigures). */
const FIGURE_ORDER = Prisma.sql`ORDER BY ff.year, ff.metric_id, ff.park_id NULLS FIRST, ff.region_id, ff.project_id, ff.org_id, ff.kind, ff.period, ff.event`;

/** The WHERE of a figure read (fact_figure ff, its metric m). */
function figureWhere(filter: FigureFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`m.deleted_at IS NULL`, Prisma.sql`m.key <> ${UNCLASSIFIED_KEY}`];
  if (filter.years?.length) where.push(Prisma.sql`ff.year IN (${ints(filter.years)})`);
  if (filter.metricIds?.length) where.push(Prisma.sql`ff.metric_id IN (${ints(filter.metricIds)})`);
  const subjects: Prisma.Sql[] = [];
  if (filter.parkIds?.length) subjects.push(Prisma.sql`ff.park_id IN (${ints(filter.parkIds)})`);
  if (filter.regionIds?.length) subjects.push(Prisma.sql`ff.region_id IN (${ints(filter.regionIds)})`);
  if (filter.projectIds?.length) subjects.push(Prisma.sql`ff.project_id IN (${ints(filter.projectIds)})`);
  if (subjects.length) where.push(Prisma.sql`(${Prisma.join(subjects, ' OR ')})`);
  // Without a project filter, dashboards read parks and regions only: a project's or an
  // organisation's figure is never its park's own.
  if (!filter.projectIds?.length) where.push(Prisma.sql`(ff.park_id IS NOT NULL OR ff.region_id IS NOT NULL)`);
  if (filter.parksOnly === true) where.push(Prisma.sql`ff.park_id IS NOT NULL`);
  if (filter.parksOnly === false) where.push(Prisma.sql`ff.park_id IS NULL`);
  if (filter.kinds?.length) {
    // Compared as the enum, not as text: the planner then knows how many rows match (with ::text
    // it guessed 1 row of 4,800 at 1M facts and joined the metrics by nested loop).
    where.push(Prisma.sql`ff.kind IN (${Prisma.join(filter.kinds.map((k) => Prisma.sql`${k}::fact_kind`))})`);
  }
  const periods = filter.periods ?? 'annual';
  if (periods === 'annual') where.push(Prisma.sql`ff.period = ''`);
  if (periods === 'annual-and-targets') where.push(Prisma.sql`(ff.period = '' OR ff.kind = 'target')`);
  return Prisma.join(where, ' AND ');
}

/**
 * Approved, classified figures matching the filter, one per figure as fact_figure defines it (the
 * figure rule of lib/vocab/figure.ts, kept by triggers): an event metric gives one figure per event.
 * The latest report (by issue date, then fact id) gives the value and the quote; a figure whose
 * reports disagree says so (values > 1). Unclassified facts are never figures of a dashboard.
 */
export async function getFigures(filter: FigureFilter): Promise<Figure[]> {
  await requireRole('viewer');
  const prisma = await getReadOnlyPrisma();
  const where = figureWhere(filter);
  const rows = await prisma.$queryRaw<FigureRow[]>`
    SELECT ff.metric_id, m.key AS metric_key, ff.park_id, ff.region_id, ff.project_id, ff.org_id, ff.year, f.period,
           ff.kind::text AS kind, f.value::text AS value, f.unit, f.comparator::text AS comparator, ff.event,
           ff.reports, ff.sources, ff.value_count, f.id AS fact_id, f.article_id, i.date AS issue_date,
           a.headline, f.evidence, f.source_note
    ${FIGURE_SOURCE}
     WHERE ${where}
    ${FIGURE_ORDER}`;
  return rows.map((r) => ({
    metricId: r.metric_id,
    metricKey: r.metric_key,
    parkId: r.park_id,
    regionId: r.region_id,
    projectId: r.project_id,
    orgId: r.org_id,
    year: r.year,
    period: r.period,
    kind: r.kind,
    value: canonicalDecimal(r.value),
    unit: r.unit,
    comparator: r.comparator,
    event: r.event,
    reports: Number(r.reports),
    sources: Number(r.sources),
    values: Number(r.value_count),
    latest: {
      factId: r.fact_id,
      articleId: r.article_id,
      date: isoDate(r.issue_date),
      headline: r.headline,
      evidence: r.evidence,
      sourceNote: r.source_note,
    },
  }));
}

/** getFigures behind the shared read-model cache (dashboards are read far more than written). */
export async function getFiguresCached(filter: FigureFilter): Promise<Figure[]> {
  await requireRole('viewer');
  return cached(`overview:figures:${JSON.stringify(filter)}`, () => getFigures(filter), { ttlMs: 10_000 });
}

/**
 * What the dashboards show: one figure per subject, metric, year, period and kind, with an event
 * metric's distinct events summed (breakdown in `events`). Every page, KPI card, ranking and trend
 * reads these, so they agree with each other and with /api/aggregates.
 */
export async function getSubjectFigures(filter: FigureFilter): Promise<SubjectFigure[]> {
  await requireRole('viewer');
  const [figures, metrics] = await Promise.all([getFiguresCached(filter), getMetrics()]);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  return subjectTotals(figures, (id) => byId.get(id));
}

/**
 * A subject figure without its value or quote (getSubjectFigureKeys): what counts, ranks and
 * picks figures need. `latest` is the report getSubjectFigures would show; `events` how many
 * figures it sums (1 for a level metric).
 */
export type SubjectFigureKey = SubjectKeyed & { latest: FigureLike['latest']; events: number };

type FigureKeyRow = Pick<
  FigureRow,
  'metric_id' | 'park_id' | 'region_id' | 'project_id' | 'org_id' | 'year' | 'period' | 'kind' | 'unit' | 'fact_id' | 'issue_date'
>;

/**
 * The subject figures getSubjectFigures gives for the filter, in its order, with the same
 * grouping and the same events left out, but without values, units converted or quotes: no
 * article text leaves the database, and no Decimal is summed. For a view that counts and picks
 * figures and then reads only the few it shows (the overview).
 */
export async function getSubjectFigureKeys(filter: FigureFilter): Promise<SubjectFigureKey[]> {
  await requireRole('viewer');
  const prisma = await getReadOnlyPrisma();
  const [rows, metrics] = await Promise.all([
    prisma.$queryRaw<FigureKeyRow[]>`
      SELECT ff.metric_id, ff.park_id, ff.region_id, ff.project_id, ff.org_id, ff.year, f.period, ff.kind::text AS kind,
             f.unit, f.id AS fact_id, i.date AS issue_date
      ${FIGURE_SOURCE}
       WHERE ${figureWhere(filter)}
      ${FIGURE_ORDER}`,
    getMetrics(),
  ]);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const keys: SubjectFigureKey[] = rows.map((r) => ({
    metricId: r.metric_id,
    parkId: r.park_id,
    regionId: r.region_id,
    projectId: r.project_id,
    orgId: r.org_id,
    year: r.year,
    period: r.period,
    kind: r.kind,
    unit: r.unit,
    latest: { factId: r.fact_id, date: isoDate(r.issue_date) },
    events: 1,
  }));
  // subjectTotals (lib/vocab/figure.ts) on keys: the same rule for each group, the same report shown.
  const out: SubjectFigureKey[] = [];
  for (const list of groupBySubject(keys).values()) {
    const rule = subjectGroupRule(list, byId.get(list[0]!.metricId));
    if (rule === 'each') out.push(...list);
    else if (rule === 'sum') out.push({ ...newestReport(list)!, unit: list[0]!.unit, events: list.length });
  }
  return out;
}

export interface ArticleFact {
  id: number;
  metricKey: string;
  metricName: string;
  metricNameEn: string;
  subjectName: string | null;
  subjectNameEn: string | null;
  year: number | null;
  kind: FactKindCode;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  status: 'draft' | 'approved' | 'rejected';
  spanStart: number | null;
  spanEnd: number | null;
  rawText: string | null;
  evidence: string | null;
}

export interface ArticleView {
  id: number;
  headline: string;
  subheadline: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  issue: { id: number; date: string; page: string | null; publication: string; publicationEn: string | null };
  facts: ArticleFact[];
}

/** One article with its facts: approved ones only, unless the reader may see drafts (admins). */
export async function getArticleWithFacts(id: number, opts: { includeDrafts: boolean }): Promise<ArticleView | null> {
  await requireRole(opts.includeDrafts ? 'admin' : 'viewer');
  const prisma = await getReadOnlyPrisma();
  const a = await prisma.article.findFirst({
    where: { id, issue: { deletedAt: null } },
    select: {
      id: true,
      headline: true,
      subheadline: true,
      byline: true,
      dateline: true,
      body: true,
      issue: { select: { id: true, date: true, page: true, publication: { select: { name: true, nameEn: true } } } },
      facts: {
        where: { deletedAt: null, status: opts.includeDrafts ? { in: ['approved', 'draft'] } : 'approved' },
        orderBy: [{ spanStart: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          year: true,
          kind: true,
          value: true,
          unit: true,
          comparator: true,
          status: true,
          spanStart: true,
          spanEnd: true,
          rawText: true,
          evidence: true,
          orgName: true,
          metric: { select: { key: true, nameZh: true, nameEn: true } },
          park: { select: { name: true, nameEn: true } },
          region: { select: { name: true, nameEn: true } },
        },
      },
    },
  });
  if (!a) return null;
  return {
    id: a.id,
    headline: a.headline,
    subheadline: a.subheadline,
    byline: a.byline,
    dateline: a.dateline,
    body: a.body,
    issue: {
      id: a.issue.id,
      date: isoDate(a.issue.date) ?? '',
      page: a.issue.page,
      publication: a.issue.publication.name,
      publicationEn: a.issue.publication.nameEn,
    },
    facts: a.facts.map((f) => ({
      id: f.id,
      metricKey: f.metric.key,
      metricName: f.metric.nameZh,
      metricNameEn: f.metric.nameEn,
      subjectName: f.park?.name ?? f.region?.name ?? f.orgName,
      subjectNameEn: f.park?.nameEn ?? f.region?.nameEn ?? null,
      year: f.year,
      kind: f.kind,
      value: f.value.toString(),
      unit: f.unit,
      comparator: f.comparator,
      status: f.status,
      spanStart: f.spanStart,
      spanEnd: f.spanEnd,
      rawText: f.rawText,
      evidence: f.evidence,
    })),
  };
}
