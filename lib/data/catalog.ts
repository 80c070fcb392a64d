// Catalogue reads for admin pickers and management pages: metrics, parks, regions, recognitions.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';

export interface PickerOption {
  id: number;
  label: string;
  /** Extra words the picker matches (key, English name, aliases, official name). */
  terms: string[];
  hint?: string;
}

export interface PickerOptions {
  metrics: (PickerOption & { unit: string })[];
  parks: PickerOption[];
  regions: PickerOption[];
  /** Projects and organisations, the subjects of their own figures. */
  projects: PickerOption[];
  orgs: PickerOption[];
}

export async function getPickerOptions(): Promise<PickerOptions> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const [metrics, parks, regions, projects, orgs] = await Promise.all([
    prisma.metric.findMany({
      where: { deletedAt: null, mergedIntoId: null },
      orderBy: [{ category: 'asc' }, { nameZh: 'asc' }],
      select: { id: true, key: true, nameZh: true, nameEn: true, unit: true, keywords: true, category: true },
    }),
    prisma.park.findMany({
      where: { deletedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, officialName: true, nameEn: true, aliases: true, region: { select: { name: true } } },
    }),
    prisma.region.findMany({
      where: { deletedAt: null },
      orderBy: { code: 'asc' },
      select: { id: true, name: true, nameEn: true, aliases: true, code: true },
    }),
    prisma.project.findMany({
      where: { deletedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, park: { select: { name: true } }, region: { select: { name: true } } },
    }),
    prisma.organization.findMany({
      where: { deletedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, park: { select: { name: true } }, region: { select: { name: true } } },
    }),
  ]);
  return {
    metrics: metrics.map((m) => ({
      id: m.id, label: m.nameZh, unit: m.unit, hint: `${m.key} · ${m.unit}`,
      terms: [m.key, m.nameEn, ...m.keywords, m.category ?? ''].filter(Boolean),
    })),
    parks: parks.map((p) => ({
      id: p.id, label: p.name, hint: p.region.name,
      terms: [p.officialName ?? '', p.nameEn ?? '', ...p.aliases].filter(Boolean),
    })),
    regions: regions.map((r) => ({ id: r.id, label: r.name, hint: r.code, terms: [r.nameEn ?? '', ...r.aliases].filter(Boolean) })),
    projects: projects.map((p) => ({ id: p.id, label: p.name, hint: p.park?.name ?? p.region?.name ?? '', terms: [] })),
    orgs: orgs.map((o) => ({ id: o.id, label: o.name, hint: o.park?.name ?? o.region?.name ?? '', terms: [] })),
  };
}

export interface MetricRow {
  id: number;
  version: number;
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  valueType: 'count' | 'amount' | 'rate' | 'growth' | 'share' | 'quantity';
  aggregation: 'sum' | 'latest' | 'none';
  nature: 'level' | 'event';
  direction: 'higher_better' | 'lower_better' | 'neutral';
  category: string | null;
  description: string | null;
  keywords: string[];
  mergedInto: string | null;
  facts: number;
}

export async function listMetrics(): Promise<MetricRow[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const rows = await prisma.metric.findMany({
    where: { deletedAt: null },
    orderBy: [{ mergedIntoId: { sort: 'asc', nulls: 'first' } }, { category: 'asc' }, { key: 'asc' }],
    select: {
      id: true, version: true, key: true, nameZh: true, nameEn: true, unit: true, valueType: true, aggregation: true,
      nature: true, direction: true, category: true, description: true, keywords: true,
      mergedInto: { select: { nameZh: true } },
      _count: { select: { facts: { where: { deletedAt: null } } } },
    },
  });
  return rows.map(({ _count, mergedInto, ...m }) => ({ ...m, mergedInto: mergedInto?.nameZh ?? null, facts: _count.facts }));
}

export interface ParkRow {
  id: number; version: number; name: string; officialName: string | null; nameEn: string | null; aliases: string[];
  type: string | null; level: 'national' | 'provincial' | 'municipal'; regionId: number; regionName: string; facts: number;
  /** The park it belongs to (a sub-park), and the parks that belong to it. */
  parentId: number | null; parentName: string | null; subparks: { id: number; name: string }[];
}
export interface RegionRow {
  id: number; version: number; code: string; name: string; nameEn: string | null; aliases: string[];
  level: 'province' | 'city' | 'county'; parentId: number | null; parentName: string | null;
}

export async function listPlaces(): Promise<{ parks: ParkRow[]; regions: RegionRow[] }> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const [parks, regions] = await Promise.all([
    prisma.park.findMany({
      where: { deletedAt: null },
      orderBy: { name: 'asc' },
      select: {
        id: true, version: true, name: true, officialName: true, nameEn: true, aliases: true, type: true, level: true,
        regionId: true, region: { select: { name: true } }, _count: { select: { facts: { where: { deletedAt: null } } } },
        parentId: true, parent: { select: { name: true } },
        subparks: { where: { deletedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true } },
      },
    }),
    prisma.region.findMany({
      where: { deletedAt: null },
      orderBy: { code: 'asc' },
      select: { id: true, version: true, code: true, name: true, nameEn: true, aliases: true, level: true, parentId: true, parent: { select: { name: true } } },
    }),
  ]);
  return {
    parks: parks.map(({ region, _count, parent, ...p }) => ({ ...p, regionName: region.name, facts: _count.facts, parentName: parent?.name ?? null })),
    regions: regions.map(({ parent, ...r }) => ({ ...r, parentName: parent?.name ?? null })),
  };
}

export interface RecognitionRow {
  id: number; year: number; title: string; level: 'national' | 'province' | 'city' | 'county';
  parkId: number | null; regionId: number | null; subject: string; articleId: number | null; headline: string | null;
}

export async function listRecognitions(): Promise<RecognitionRow[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const rows = await prisma.recognition.findMany({
    where: { deletedAt: null },
    orderBy: [{ year: 'desc' }, { id: 'desc' }],
    take: 500,
    select: {
      id: true, year: true, title: true, level: true, parkId: true, regionId: true, articleId: true,
      park: { select: { name: true } }, region: { select: { name: true } }, article: { select: { headline: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, year: r.year, title: r.title, level: r.level, parkId: r.parkId, regionId: r.regionId,
    subject: r.park?.name ?? r.region?.name ?? '—', articleId: r.articleId, headline: r.article?.headline ?? null,
  }));
}
