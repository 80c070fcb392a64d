// The reference lists of the API and the explorer's options: metrics, parks, regions and the
// approved recognitions (awards and titles) of a place.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AggregationCode } from '@/lib/vocab/shapes';
import { loadPlaceTree, regionSubtree } from './fact-scope';
import { isoDate } from './provenance';

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
