// Where each figure comes from. `getFigures` resolves approved facts into figures — one per
// metric, subject, year, period and kind — carrying the latest report (its sentence, article and
// issue date) and how often the figure was reported; every chart and KPI is built from these.
// `getArticleWithFacts` reads one article for the provenance page.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { cached } from '@/lib/perf/cache';
import type { ComparatorCode, FactKindCode, SourceRef } from '@/lib/charts/types';
// Shared with the API's reads (API/EXPLORER helper): numeric::text → canonical decimal string.
import { canonicalDecimal } from './facts';

export type { SourceRef } from '@/lib/charts/types';

export interface Figure {
  metricId: number;
  metricKey: string;
  parkId: number | null;
  regionId: number | null;
  year: number;
  period: string | null;
  kind: FactKindCode;
  /** Decimal as a string (exact). */
  value: string;
  unit: string;
  comparator: ComparatorCode;
  /** How many approved facts report this figure, and in how many distinct articles. */
  reports: number;
  sources: number;
  latest: SourceRef;
}

export interface FigureFilter {
  years?: number[];
  metricIds?: number[];
  parkIds?: number[];
  regionIds?: number[];
  kinds?: FactKindCode[];
  /** 'annual' keeps whole-year figures (no period, FY, cumulative); 'all' keeps every period. */
  periods?: 'annual' | 'all';
  /** Only figures of parks (true) or of regions (false); both when undefined. */
  parksOnly?: boolean;
}

interface FigureRow {
  metric_id: number;
  metric_key: string;
  park_id: number | null;
  region_id: number | null;
  year: number;
  period: string | null;
  kind: FactKindCode;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  reports: bigint | number;
  sources: bigint | number;
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

/**
 * Approved figures matching the filter. When a figure was reported several times, the latest
 * report (by issue date, then fact id) gives the value and the quote.
 */
export async function getFigures(filter: FigureFilter): Promise<Figure[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const where: Prisma.Sql[] = [
    Prisma.sql`f.status = 'approved'`,
    Prisma.sql`f.deleted_at IS NULL`,
    Prisma.sql`f.year IS NOT NULL`,
    Prisma.sql`(f.park_id IS NOT NULL OR f.region_id IS NOT NULL)`,
    Prisma.sql`m.deleted_at IS NULL`,
    Prisma.sql`(i.id IS NULL OR i.deleted_at IS NULL)`,
  ];
  if (filter.years?.length) where.push(Prisma.sql`f.year IN (${ints(filter.years)})`);
  if (filter.metricIds?.length) where.push(Prisma.sql`f.metric_id IN (${ints(filter.metricIds)})`);
  if (filter.parkIds?.length && filter.regionIds?.length) {
    where.push(Prisma.sql`(f.park_id IN (${ints(filter.parkIds)}) OR f.region_id IN (${ints(filter.regionIds)}))`);
  } else if (filter.parkIds?.length) {
    where.push(Prisma.sql`f.park_id IN (${ints(filter.parkIds)})`);
  } else if (filter.regionIds?.length) {
    where.push(Prisma.sql`f.region_id IN (${ints(filter.regionIds)})`);
  }
  if (filter.parksOnly === true) where.push(Prisma.sql`f.park_id IS NOT NULL`);
  if (filter.parksOnly === false) where.push(Prisma.sql`f.park_id IS NULL`);
  if (filter.kinds?.length) {
    where.push(Prisma.sql`f.kind::text IN (${Prisma.join(filter.kinds.map((k) => Prisma.sql`${k}`))})`);
  }
  if ((filter.periods ?? 'annual') === 'annual') {
    where.push(Prisma.sql`(f.period IS NULL OR f.period IN ('FY', 'cumulative'))`);
  }
  const rows = await prisma.$queryRaw<FigureRow[]>`
    WITH hits AS (
      SELECT f.id, f.metric_id, f.park_id, f.region_id, f.year, f.period, f.kind, f.value::text AS value,
             f.unit, f.comparator, f.article_id, f.evidence, f.source_note, i.date AS issue_date,
             a.headline, m.key AS metric_key,
             count(*) OVER g AS reports,
             row_number() OVER (g ORDER BY i.date DESC NULLS LAST, f.id DESC) AS rn
      FROM fact f
      JOIN metric m ON m.id = f.metric_id
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
      WHERE ${Prisma.join(where, ' AND ')}
      -- no period, FY and cumulative are one whole-year figure (as in fact_figure and the API)
      WINDOW g AS (PARTITION BY f.metric_id, f.park_id, f.region_id, f.year, (CASE WHEN f.period IS NULL OR f.period IN ('FY', 'cumulative') THEN '' ELSE f.period END), f.kind)
    ), sources AS (
      SELECT metric_id, park_id, region_id, year, (CASE WHEN period IS NULL OR period IN ('FY', 'cumulative') THEN '' ELSE period END) AS p, kind,
             count(DISTINCT coalesce(article_id, -id)) AS sources
      FROM hits GROUP BY 1, 2, 3, 4, 5, 6
    )
    SELECT h.metric_id, h.metric_key, h.park_id, h.region_id, h.year, h.period, h.kind::text AS kind, h.value, h.unit,
           h.comparator::text AS comparator, h.reports, s.sources, h.id AS fact_id, h.article_id, h.issue_date,
           h.headline, h.evidence, h.source_note
    FROM hits h
    JOIN sources s ON s.metric_id = h.metric_id AND s.park_id IS NOT DISTINCT FROM h.park_id
      AND s.region_id IS NOT DISTINCT FROM h.region_id AND s.year = h.year
      AND s.p = (CASE WHEN h.period IS NULL OR h.period IN ('FY', 'cumulative') THEN '' ELSE h.period END)
      AND s.kind = h.kind
    WHERE h.rn = 1
    ORDER BY h.year, h.metric_id, h.park_id NULLS FIRST, h.region_id`;
  return rows.map((r) => ({
    metricId: r.metric_id,
    metricKey: r.metric_key,
    parkId: r.park_id,
    regionId: r.region_id,
    year: r.year,
    period: r.period,
    kind: r.kind,
    value: canonicalDecimal(r.value),
    unit: r.unit,
    comparator: r.comparator,
    reports: Number(r.reports),
    sources: Number(r.sources),
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
  const prisma = await getPrisma();
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
