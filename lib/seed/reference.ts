// Loads the reference data idempotently: Hunan's cities, counties and parks (from the project's
// gazetteer, prisma/seed/gazetteer.json), the starting metric catalogue and the publications.
// Rows an admin has since edited keep their edits: existing rows are only filled in, never
// overwritten.
import gazetteer from '@/prisma/seed/gazetteer.json';
import type { GazetteerFile, GazPark, GazRegion } from '@/lib/extract/gazetteer';
import { DEFAULT_CATALOG } from '@/lib/extract/catalog';
import type { AppPrismaClient } from '@/lib/db/client';
import { seedScorecardDefaults } from './scorecard';

const GAZ = gazetteer as unknown as GazetteerFile;

export const DEFAULT_PUBLICATION = { name: '湘潭日报', nameEn: 'Xiangtan Daily' } as const;

/** Regions parents first, so each child can find its parent's id. */
export function gazetteerRegions(): GazRegion[] {
  const order = { province: 0, city: 1, county: 2 } as const;
  return [...GAZ.regions].sort((x, y) => order[x.level] - order[y.level]);
}

export interface SeedResult {
  regions: number;
  parks: number;
  metrics: number;
  created: number;
}

export async function seedReferenceData(prisma: AppPrismaClient): Promise<SeedResult> {
  let created = 0;
  const idByCode = new Map<string, number>();
  const regions = gazetteerRegions();
  for (const r of regions) {
    const parentId = r.parent ? idByCode.get(r.parent) : undefined;
    const existing = await prisma.region.findUnique({ where: { code: r.code }, select: { id: true } });
    if (existing) {
      idByCode.set(r.code, existing.id);
      continue;
    }
    const row = await prisma.region.create({
      data: {
        code: r.code,
        name: r.name,
        nameEn: r.en ?? null,
        level: r.level,
        parentId: parentId ?? null,
        aliases: r.aliases ?? [],
      },
      select: { id: true },
    });
    idByCode.set(r.code, row.id);
    created++;
  }

  const parks: GazPark[] = GAZ.parks;
  for (const p of parks) {
    const regionId = idByCode.get(p.home);
    if (regionId === undefined) throw new Error(`Gazetteer park ${p.name} has unknown home region ${p.home}`);
    const existing = await prisma.park.findUnique({ where: { name: p.name }, select: { id: true } });
    if (existing) continue;
    await prisma.park.create({
      data: {
        name: p.name,
        officialName: p.official ?? null,
        nameEn: p.en ?? null,
        type: p.type ?? null,
        level: p.level,
        regionId,
        aliases: p.aliases ?? [],
      },
    });
    created++;
  }

  // Sub-parks: a park row of their own (their figures are not their park's totals), at their
  // park's home, linked to it. Level municipal: no approval of their own is claimed.
  for (const sp of GAZ.subparks ?? []) {
    const parent = await prisma.park.findUnique({ where: { name: sp.parent }, select: { id: true, regionId: true } });
    if (!parent) throw new Error(`Gazetteer sub-park ${sp.name} has unknown park ${sp.parent}`);
    const existing = await prisma.park.findUnique({ where: { name: sp.name }, select: { id: true, parentId: true } });
    if (existing) {
      // A row imported before the link existed gets its park; an admin's own link stays.
      if (existing.parentId === null) await prisma.park.update({ where: { id: existing.id }, data: { parentId: parent.id } });
      continue;
    }
    await prisma.park.create({
      data: { name: sp.name, level: 'municipal', regionId: parent.regionId, parentId: parent.id, aliases: sp.aliases ?? [] },
    });
    created++;
  }

  for (const m of DEFAULT_CATALOG) {
    const existing = await prisma.metric.findUnique({ where: { key: m.key }, select: { id: true } });
    if (existing) continue;
    await prisma.metric.create({
      data: {
        key: m.key,
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        unit: m.unit,
        valueType: m.valueType,
        aggregation: m.aggregation,
        direction: m.direction,
        nature: m.nature ?? 'level',
        category: m.category,
        description: m.description,
        keywords: m.keywords,
      },
    });
    created++;
  }

  const pub = await prisma.publication.findUnique({ where: { name: DEFAULT_PUBLICATION.name } });
  if (!pub) {
    await prisma.publication.create({ data: { ...DEFAULT_PUBLICATION } });
    created++;
  }

  // After the catalogue: the scorecard's default indicators are catalogue metrics.
  created += await seedScorecardDefaults(prisma);

  return { regions: regions.length, parks: parks.length + (GAZ.subparks ?? []).length, metrics: DEFAULT_CATALOG.length, created };
}
