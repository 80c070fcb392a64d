// Places for the dashboards (the city, its counties, the parks) and the region page's reads.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import type { ParkRef, Places, RegionRef } from '@/lib/vocab/shapes';
import { getSubjectFigures, isoDate, type SubjectFigure as Figure } from './provenance';

/** Code of 湘潭市 (GB/T 2260): the dashboards' root. */
export const CITY_CODE = '430300';

const regionSelect = { id: true, code: true, name: true, nameEn: true, level: true, parentId: true } as const;

/** 湘潭市, its counties (by code) and all live parks of the city (by level, then name). */
export async function getPlaces(): Promise<Places> {
  await requireRole('viewer');
  return cached('overview:places', async () => {
    const prisma = await getPrisma();
    const city = await prisma.region.findUnique({ where: { code: CITY_CODE }, select: regionSelect });
    const counties: RegionRef[] = city
      ? await prisma.region.findMany({
          where: { parentId: city.id, deletedAt: null },
          orderBy: { code: 'asc' },
          select: regionSelect,
        })
      : [];
    const regionIds = [city?.id, ...counties.map((c) => c.id)].filter((id): id is number => id !== undefined);
    const parks: ParkRef[] = await prisma.park.findMany({
      where: { deletedAt: null, regionId: { in: regionIds } },
      orderBy: [{ level: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, nameEn: true, officialName: true, level: true, regionId: true },
    });
    return { city, counties, parks };
  }, { ttlMs: 60_000 });
}

export interface RecognitionItem {
  id: number;
  year: number;
  title: string;
  level: 'national' | 'province' | 'city' | 'county';
  parkId: number | null;
  regionId: number | null;
  subjectName: string;
  subjectNameEn: string | null;
  articleId: number | null;
  evidence: string | null;
  date: string | null;
}

/** Approved awards and titles, newest year first; optionally only those of some parks/regions. */
export async function getRecognitions(opts: { parkIds?: number[]; regionIds?: number[] } = {}): Promise<RecognitionItem[]> {
  await requireRole('viewer');
  return cached(`overview:recognitions:${JSON.stringify(opts)}`, () => loadRecognitions(opts), { ttlMs: 10_000 });
}

async function loadRecognitions(opts: { parkIds?: number[]; regionIds?: number[] }): Promise<RecognitionItem[]> {
  const prisma = await getPrisma();
  const or = [
    ...(opts.parkIds ? [{ parkId: { in: opts.parkIds } }] : []),
    ...(opts.regionIds ? [{ regionId: { in: opts.regionIds } }] : []),
  ];
  const rows = await prisma.recognition.findMany({
    where: { status: 'approved', deletedAt: null, ...(or.length ? { OR: or } : {}) },
    orderBy: [{ year: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      year: true,
      title: true,
      level: true,
      parkId: true,
      regionId: true,
      articleId: true,
      evidence: true,
      park: { select: { name: true, nameEn: true } },
      region: { select: { name: true, nameEn: true } },
      article: { select: { issue: { select: { date: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    level: r.level,
    parkId: r.parkId,
    regionId: r.regionId,
    subjectName: r.park?.name ?? r.region?.name ?? '',
    subjectNameEn: r.park?.nameEn ?? r.region?.nameEn ?? null,
    articleId: r.articleId,
    evidence: r.evidence,
    date: r.article ? isoDate(r.article.issue.date) : null,
  }));
}

export interface ArticleLink {
  id: number;
  headline: string;
  date: string;
  publication: string;
  /** Approved figures about the subject in this article. */
  figures: number;
}

/**
 * Articles that mention any of the parks/regions: those holding approved figures or awards about
 * them, and those whose text names them (name or alias). Newest first.
 */
export async function getArticlesMentioning(
  subject: { parkIds: number[]; regionIds: number[]; names: string[] },
  limit = 20,
): Promise<ArticleLink[]> {
  await requireRole('viewer');
  return cached(`overview:mentions:${JSON.stringify(subject)}:${limit}`, () => loadArticlesMentioning(subject, limit), { ttlMs: 30_000 });
}

async function loadArticlesMentioning(
  subject: { parkIds: number[]; regionIds: number[]; names: string[] },
  limit: number,
): Promise<ArticleLink[]> {
  const prisma = await getPrisma();
  const names = subject.names.filter((n) => n.length >= 2);
  const rows = await prisma.article.findMany({
    where: {
      issue: { deletedAt: null },
      OR: [
        { facts: { some: { status: 'approved', deletedAt: null, OR: [{ parkId: { in: subject.parkIds } }, { regionId: { in: subject.regionIds } }] } } },
        { recognitions: { some: { status: 'approved', deletedAt: null, OR: [{ parkId: { in: subject.parkIds } }, { regionId: { in: subject.regionIds } }] } } },
        ...names.map((n) => ({ body: { contains: n } })),
      ],
    },
    orderBy: [{ issue: { date: 'desc' } }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      headline: true,
      issue: { select: { date: true, publication: { select: { name: true } } } },
      _count: {
        select: {
          facts: { where: { status: 'approved', deletedAt: null, OR: [{ parkId: { in: subject.parkIds } }, { regionId: { in: subject.regionIds } }] } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    date: isoDate(r.issue.date) ?? '',
    publication: r.issue.publication.name,
    figures: r._count.facts,
  }));
}

export interface RegionView {
  region: RegionRef;
  parent: RegionRef | null;
  aliases: string[];
  /** Counties below it (for the city). */
  children: RegionRef[];
  parks: ParkRef[];
  /** Approved whole-year figures of the region itself and of its parks, all years. */
  figures: Figure[];
  recognitions: RecognitionItem[];
  articles: ArticleLink[];
}

/** Everything the region page shows; null when the code is unknown or the region deleted. */
export async function getRegionView(code: string): Promise<RegionView | null> {
  await requireRole('viewer');
  if (!/^\d{6}$/.test(code)) return null;
  const prisma = await getPrisma();
  const region = await prisma.region.findFirst({
    where: { code, deletedAt: null },
    select: { ...regionSelect, aliases: true, parent: { select: regionSelect } },
  });
  if (!region) return null;
  const [children, parks] = await Promise.all([
    prisma.region.findMany({ where: { parentId: region.id, deletedAt: null }, orderBy: { code: 'asc' }, select: regionSelect }),
    prisma.park.findMany({
      where: { regionId: region.id, deletedAt: null },
      orderBy: [{ level: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, nameEn: true, officialName: true, level: true, regionId: true, aliases: true },
    }),
  ]);
  const parkIds = parks.map((p) => p.id);
  // Awards of a city list every awarded park in it: those of its counties' parks and the counties' own too.
  const childIds = children.map((c) => c.id);
  const childParks = childIds.length
    ? await prisma.park.findMany({ where: { regionId: { in: childIds }, deletedAt: null }, select: { id: true } })
    : [];
  const [figures, recognitions, articles] = await Promise.all([
    getSubjectFigures({ regionIds: [region.id], parkIds, periods: 'annual' }),
    getRecognitions({ parkIds: [...parkIds, ...childParks.map((p) => p.id)], regionIds: [region.id, ...childIds] }),
    getArticlesMentioning({
      parkIds,
      regionIds: [region.id],
      names: [region.name, ...region.aliases.filter((a) => a.length >= 3), ...parks.flatMap((p) => [p.name, ...p.aliases])],
    }),
  ]);
  const { parent, aliases, ...rest } = region;
  return {
    region: rest,
    parent,
    aliases,
    children,
    parks: parks.map(({ aliases: _a, ...p }) => p),
    figures,
    recognitions,
    articles,
  };
}
