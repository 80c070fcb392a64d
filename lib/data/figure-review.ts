// Admin reads about figures (issue 10): figures whose reports disagree (conflicts to settle, with
// every report) and facts still unclassified (the "to classify" list). Admins only, checked here
// where the data is read (lib/auth/dal.ts).
import 'server-only';
import { getReadOnlyPrisma } from '@/lib/db';
import { requireRole } from '@/lib/auth/dal';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { isoDate } from './provenance';

export interface FigureReport {
  factId: number;
  version: number;
  value: string;
  unit: string;
  comparator: string;
  period: string | null;
  issueDate: string | null;
  headline: string | null;
  articleId: number | null;
  evidence: string | null;
  sourceNote: string | null;
}

export interface ConflictItem {
  figureId: number;
  metricKey: string;
  metricName: string;
  nature: 'level' | 'event';
  subject: string;
  year: number;
  period: string;
  kind: string;
  values: number;
  reports: FigureReport[];
}

interface ConflictRow {
  figure_id: number;
  metric_key: string;
  metric_name: string;
  nature: 'level' | 'event';
  subject: string | null;
  year: number;
  period: string;
  kind: string;
  value_count: number;
  fact_id: number;
  version: number;
  value: string;
  unit: string;
  comparator: string;
  fact_period: string | null;
  issue_date: Date | string | null;
  headline: string | null;
  article_id: number | null;
  evidence: string | null;
  source_note: string | null;
}

/** Figures whose approved reports give different values, each with all its reports (newest first). */
export async function listConflicts(opts: { limit?: number } = {}): Promise<ConflictItem[]> {
  await requireRole('admin');
  const prisma = await getReadOnlyPrisma();
  const limit = Math.min(Math.max(opts.limit ?? 200, 1), 1000);
  const rows = await prisma.$queryRaw<ConflictRow[]>`
    WITH c AS (
      SELECT * FROM fact_figure WHERE value_count > 1 ORDER BY year DESC, id LIMIT ${limit}
    )
    SELECT c.id AS figure_id, m.key AS metric_key, m.name_zh AS metric_name, m.nature::text AS nature,
           coalesce(pk.name, rg.name, pj.name, og.name) AS subject, c.year, c.period, c.kind::text AS kind, c.value_count,
           f.id AS fact_id, f.version, f.value::text AS value, f.unit, f.comparator::text AS comparator, f.period AS fact_period,
           r.issue_date, a.headline, f.article_id, f.evidence, f.source_note
      FROM c
      JOIN metric m ON m.id = c.metric_id
      LEFT JOIN park pk ON pk.id = c.park_id
      LEFT JOIN region rg ON rg.id = c.region_id
      LEFT JOIN project pj ON pj.id = c.project_id
      LEFT JOIN organization og ON og.id = c.org_id
      JOIN fact_figure_reports() r ON r.metric_id = c.metric_id AND r.year = c.year AND r.kind = c.kind
           AND r.unit_family = c.unit_family AND r.period = c.period AND r.event = c.event
           AND r.park_id IS NOT DISTINCT FROM c.park_id AND r.region_id IS NOT DISTINCT FROM c.region_id
           AND r.project_id IS NOT DISTINCT FROM c.project_id AND r.org_id IS NOT DISTINCT FROM c.org_id
      JOIN fact f ON f.id = r.fact_id
      LEFT JOIN article a ON a.id = f.article_id
     ORDER BY c.year DESC, c.id, r.issue_date DESC NULLS LAST, f.id DESC`;
  const out = new Map<number, ConflictItem>();
  for (const r of rows) {
    let item = out.get(r.figure_id);
    if (!item) {
      item = {
        figureId: r.figure_id,
        metricKey: r.metric_key,
        metricName: r.metric_name,
        nature: r.nature,
        subject: r.subject ?? '—',
        year: r.year,
        period: r.period,
        kind: r.kind,
        values: Number(r.value_count),
        reports: [],
      };
      out.set(r.figure_id, item);
    }
    item.reports.push({
      factId: r.fact_id,
      version: r.version,
      value: r.value.includes('.') ? r.value.replace(/\.?0+$/, '') : r.value,
      unit: r.unit,
      comparator: r.comparator,
      period: r.fact_period,
      issueDate: isoDate(r.issue_date),
      headline: r.headline,
      articleId: r.article_id,
      evidence: r.evidence,
      sourceNote: r.source_note,
    });
  }
  return [...out.values()];
}

export interface UnclassifiedItem {
  id: number;
  version: number;
  status: 'draft' | 'approved' | 'rejected';
  label: string | null;
  value: string;
  unit: string;
  year: number | null;
  subject: string | null;
  evidence: string | null;
  articleId: number | null;
  issueDate: string | null;
}

/** Live facts of the unclassified metric (drafts and approved), newest first: what is left to classify. */
export async function listUnclassified(opts: { limit?: number } = {}): Promise<{ total: number; items: UnclassifiedItem[] }> {
  await requireRole('admin');
  const prisma = await getReadOnlyPrisma();
  const where = { deletedAt: null, status: { in: ['draft' as const, 'approved' as const] }, metric: { key: UNCLASSIFIED_KEY } };
  const [total, rows] = await Promise.all([
    prisma.fact.count({ where }),
    prisma.fact.findMany({
      where,
      orderBy: { id: 'desc' },
      take: Math.min(Math.max(opts.limit ?? 200, 1), 1000),
      select: {
        id: true, version: true, status: true, metricLabel: true, value: true, unit: true, year: true, evidence: true, articleId: true, orgName: true,
        park: { select: { name: true } }, region: { select: { name: true } }, project: { select: { name: true } },
        article: { select: { issue: { select: { date: true } } } },
      },
    }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status,
      label: r.metricLabel,
      value: r.value.toString(),
      unit: r.unit,
      year: r.year,
      subject: r.park?.name ?? r.region?.name ?? r.project?.name ?? r.orgName,
      evidence: r.evidence,
      articleId: r.articleId,
      issueDate: r.article ? isoDate(r.article.issue.date) : null,
    })),
  };
}
