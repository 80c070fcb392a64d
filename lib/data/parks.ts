// Reads for the park page: the park, its county, its figures over the years, awards, articles.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { ParkRef, RegionRef } from '@/lib/vocab/shapes';
import { getSubjectFigures, type SubjectFigure as Figure } from './provenance';
import { getArticlesMentioning, getRecognitions, type ArticleLink, type RecognitionItem } from './regions';

export interface ParkView {
  park: ParkRef & { type: string | null; aliases: string[] };
  /** The park it belongs to (for a sub-park, 产业园, 众创城), and the parks that belong to it. */
  parentPark: { id: number; name: string; nameEn: string | null } | null;
  subparks: { id: number; name: string; nameEn: string | null }[];
  region: RegionRef;
  /** The region's parent (the city for a county), for the breadcrumb. */
  parentRegion: RegionRef | null;
  figures: Figure[];
  recognitions: RecognitionItem[];
  articles: ArticleLink[];
}

const regionSelect = { id: true, code: true, name: true, nameEn: true, level: true, parentId: true } as const;

/** Everything the park page shows; null when the id is unknown or the park deleted. */
export async function getParkView(id: number): Promise<ParkView | null> {
  await requireRole('viewer');
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const prisma = await getPrisma();
  const park = await prisma.park.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      name: true,
      nameEn: true,
      officialName: true,
      level: true,
      regionId: true,
      type: true,
      aliases: true,
      region: { select: { ...regionSelect, parent: { select: regionSelect } } },
      parent: { select: { id: true, name: true, nameEn: true, deletedAt: true } },
      subparks: { where: { deletedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, nameEn: true } },
    },
  });
  if (!park) return null;
  const { region, parent: parentPark, subparks, ...rest } = park;
  const { parent, ...regionRef } = region;
  const [figures, recognitions, articles] = await Promise.all([
    getSubjectFigures({ parkIds: [park.id], periods: 'annual' }),
    getRecognitions({ parkIds: [park.id] }),
    getArticlesMentioning({ parkIds: [park.id], regionIds: [], names: [park.name, ...park.aliases] }),
  ]);
  const parentLink = parentPark && parentPark.deletedAt === null ? { id: parentPark.id, name: parentPark.name, nameEn: parentPark.nameEn } : null;
  return { park: rest, parentPark: parentLink, subparks, region: regionRef, parentRegion: parent, figures, recognitions, articles };
}
