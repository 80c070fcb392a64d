// Reads for the admin review queue and landing page: issues with their draft counts, and one
// issue's facts grouped by article, each with what the editor form needs (plain DTOs only).
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type ReviewStatusFilter = 'draft' | 'approved' | 'rejected' | 'all';

/** Narrowing the queue (issue 13): by the extractor's confidence, kind, unclassified, no subject. */
export interface ReviewFilters {
  confidence?: 'low' | 'mid' | 'high' | undefined;
  kind?: 'actual' | 'target' | 'forecast' | 'plan' | undefined;
  unclassified?: boolean | undefined;
  noSubject?: boolean | undefined;
}

/** Confidence bands: below 0.6 (a stage guessed), 0.6–0.85, from 0.85 (everything found in the sentence). */
export const CONFIDENCE_BANDS = { low: { lt: 0.6 }, mid: { gte: 0.6, lt: 0.85 }, high: { gte: 0.85 } } as const;

function filterWhere(f: ReviewFilters): Prisma.FactWhereInput {
  const and: Prisma.FactWhereInput[] = [];
  if (f.confidence) and.push({ confidence: CONFIDENCE_BANDS[f.confidence] });
  if (f.kind) and.push({ kind: f.kind });
  if (f.unclassified) and.push({ metric: { key: 'unclassified' } });
  if (f.noSubject) and.push({ parkId: null, regionId: null, projectId: null, orgId: null, OR: [{ orgName: null }, { orgName: '' }] });
  return and.length ? { AND: and } : {};
}

export interface ReviewFact {
  id: number;
  version: number;
  status: 'draft' | 'approved' | 'rejected';
  metricId: number;
  metricName: string;
  metricKey: string;
  metricLabel: string | null;
  parkId: number | null;
  parkName: string | null;
  regionId: number | null;
  regionName: string | null;
  /** A project's or organisation's own figure (orgName is then its name). */
  projectId: number | null;
  orgId: number | null;
  orgName: string | null;
  year: number | null;
  period: string | null;
  kind: 'actual' | 'target' | 'forecast' | 'plan';
  comparator: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx';
  value: string;
  unit: string;
  rawText: string | null;
  evidence: string | null;
  confidence: string | null;
  rejectionReason: string | null;
  source: 'extracted' | 'manual';
  sourceNote: string | null;
}

export interface ReviewArticle {
  id: number;
  ordinal: number;
  headline: string;
  facts: ReviewFact[];
}

export interface ReviewIssue {
  id: number;
  date: string;
  publication: string;
  page: string | null;
  drafts: number;
  total: number;
  createdAt: string;
}

export const FACT_REVIEW_SELECT = {
  id: true, version: true, status: true, metricId: true, metricLabel: true, parkId: true, regionId: true, orgName: true, projectId: true, orgId: true,
  year: true, period: true, kind: true, comparator: true, value: true, unit: true, rawText: true, evidence: true,
  confidence: true, rejectionReason: true, source: true, sourceNote: true, articleId: true,
  metric: { select: { nameZh: true, key: true } },
  park: { select: { name: true } },
  region: { select: { name: true } },
} satisfies Prisma.FactSelect;

type FactRow = Prisma.FactGetPayload<{ select: typeof FACT_REVIEW_SELECT }>;

export function toReviewFact(f: FactRow): ReviewFact {
  return {
    id: f.id, version: f.version, status: f.status, metricId: f.metricId, metricName: f.metric.nameZh,
    metricKey: f.metric.key, metricLabel: f.metricLabel, parkId: f.parkId, parkName: f.park?.name ?? null,
    regionId: f.regionId, regionName: f.region?.name ?? null, projectId: f.projectId, orgId: f.orgId, orgName: f.orgName, year: f.year, period: f.period,
    kind: f.kind, comparator: f.comparator, value: f.value.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''),
    unit: f.unit, rawText: f.rawText, evidence: f.evidence, confidence: f.confidence ? f.confidence.toString() : null,
    rejectionReason: f.rejectionReason, source: f.source, sourceNote: f.sourceNote,
  };
}

/** Issues newest first, with how many facts still wait for review. */
export async function getReviewIssues(limit = 50): Promise<ReviewIssue[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const issues = await prisma.issue.findMany({
    where: { deletedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, date: true, page: true, createdAt: true, publication: { select: { name: true } } },
  });
  if (issues.length === 0) return [];
  const counts = await prisma.fact.groupBy({
    by: ['articleId', 'status'],
    where: { deletedAt: null, article: { issueId: { in: issues.map((i) => i.id) } } },
    _count: { _all: true },
  });
  const articleIssue = new Map(
    (await prisma.article.findMany({ where: { issueId: { in: issues.map((i) => i.id) } }, select: { id: true, issueId: true } })).map((a) => [a.id, a.issueId]),
  );
  const drafts = new Map<number, number>();
  const totals = new Map<number, number>();
  for (const c of counts) {
    const issueId = c.articleId === null ? undefined : articleIssue.get(c.articleId);
    if (issueId === undefined) continue;
    totals.set(issueId, (totals.get(issueId) ?? 0) + c._count._all);
    if (c.status === 'draft') drafts.set(issueId, (drafts.get(issueId) ?? 0) + c._count._all);
  }
  return issues.map((i) => ({
    id: i.id, date: i.date.toISOString().slice(0, 10), publication: i.publication.name, page: i.page,
    drafts: drafts.get(i.id) ?? 0, total: totals.get(i.id) ?? 0, createdAt: i.createdAt.toISOString(),
  }));
}

/** One issue's facts (filtered by status) grouped by article in reading order. */
export async function getReviewArticles(issueId: number, status: ReviewStatusFilter, filters: ReviewFilters = {}): Promise<ReviewArticle[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const articles = await prisma.article.findMany({
    where: { issueId },
    orderBy: { ordinal: 'asc' },
    select: {
      id: true, ordinal: true, headline: true,
      facts: {
        where: { deletedAt: null, ...(status === 'all' ? {} : { status }), ...filterWhere(filters) },
        orderBy: [{ spanStart: 'asc' }, { id: 'asc' }],
        select: FACT_REVIEW_SELECT,
      },
    },
  });
  return articles
    .filter((a) => a.facts.length > 0)
    .map((a) => ({ id: a.id, ordinal: a.ordinal, headline: a.headline, facts: a.facts.map(toReviewFact) }));
}

/** Manual facts (no article) waiting for review. */
export async function getManualDrafts(): Promise<ReviewFact[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const rows = await prisma.fact.findMany({
    where: { deletedAt: null, articleId: null, status: 'draft' },
    orderBy: { id: 'asc' },
    take: 200,
    select: FACT_REVIEW_SELECT,
  });
  return rows.map(toReviewFact);
}

export interface AdminCounts {
  drafts: number;
  approved: number;
  rejected: number;
  issues: number;
  metrics: number;
  parks: number;
  recentImports: ReviewIssue[];
}

export async function getAdminCounts(): Promise<AdminCounts> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const [byStatus, issues, metrics, parks, recentImports] = await Promise.all([
    prisma.fact.groupBy({ by: ['status'], where: { deletedAt: null }, _count: { _all: true } }),
    prisma.issue.count({ where: { deletedAt: null } }),
    prisma.metric.count({ where: { deletedAt: null, mergedIntoId: null } }),
    prisma.park.count({ where: { deletedAt: null } }),
    getReviewIssues(5),
  ]);
  const n = (s: string) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
  return { drafts: n('draft'), approved: n('approved'), rejected: n('rejected'), issues, metrics, parks, recentImports };
}
