// Loads the reference data idempotently: Hunan's cities, counties and parks (from the project's
// gazetteer, prisma/seed/gazetteer.json), the starting metric catalogue and the publications.
// Rows an admin has since edited keep their edits: existing rows are only filled in, never
// overwritten.
import { createHash } from 'node:crypto';
import gazetteer from '@/prisma/seed/gazetteer.json';
import type { GazetteerFile, GazPark, GazRegion, GazSubPark } from '@/lib/extract/gazetteer';
import type { MetricDef } from '@/lib/extract/types';
import { DEFAULT_CATALOG } from '@/lib/extract/catalog';
import type { AppPrismaClient } from '@/lib/db/client';
import { SCORECARD_DEFAULTS, seedScorecardDefaults } from './scorecard';

const GAZ = gazetteer as unknown as GazetteerFile;

export const DEFAULT_PUBLICATION = { name: '湘潭日报', nameEn: 'Xiangtan Daily' } as const;

/**
 * Bump when seedReferenceData's rules change (not its data: the data is part of the fingerprint
 * already), so that databases prepared under the old rules are seeded again.
 */
const SEED_RULES_VERSION = 2;

/** Regions parents first, so each child can find its parent's id. */
export function gazetteerRegions(): GazRegion[] {
  const order = { province: 0, city: 1, county: 2 } as const;
  return [...GAZ.regions].sort((x, y) => order[x.level] - order[y.level]);
}

/** What seedReferenceData loads: the data files' rows, as the database stores them. */
export interface ReferenceData {
  regions: { code: string; name: string; en: string | null; level: GazRegion['level']; parent: string | null; aliases: string[] }[];
  parks: { name: string; official: string | null; en: string | null; type: string | null; level: GazPark['level']; home: string; aliases: string[] }[];
  subparks: { name: string; parent: string; aliases: string[] }[];
  metrics: {
    key: string; nameZh: string; nameEn: string; unit: string; valueType: MetricDef['valueType']; aggregation: MetricDef['aggregation'];
    direction: MetricDef['direction']; nature: NonNullable<MetricDef['nature']>; category: string; description: string; keywords: string[];
  }[];
  publication: { name: string; nameEn: string };
  scorecard: Record<string, readonly string[]>;
}

/** The reference data of this checkout (the gazetteer, the catalogue, the publication, the scorecard). */
export function referenceData(): ReferenceData {
  return {
    regions: gazetteerRegions().map((r) => ({ code: r.code, name: r.name, en: r.en ?? null, level: r.level, parent: r.parent ?? null, aliases: r.aliases ?? [] })),
    parks: GAZ.parks.map((p) => ({
      name: p.name, official: p.official ?? null, en: p.en ?? null, type: p.type ?? null, level: p.level, home: p.home, aliases: p.aliases ?? [],
    })),
    subparks: (GAZ.subparks ?? []).map((sp: GazSubPark) => ({ name: sp.name, parent: sp.parent, aliases: sp.aliases ?? [] })),
    metrics: DEFAULT_CATALOG.map((m) => ({
      key: m.key, nameZh: m.nameZh, nameEn: m.nameEn, unit: m.unit, valueType: m.valueType, aggregation: m.aggregation,
      direction: m.direction, nature: m.nature ?? 'level', category: m.category, description: m.description, keywords: m.keywords,
    })),
    publication: { ...DEFAULT_PUBLICATION },
    scorecard: SCORECARD_DEFAULTS,
  };
}

/** A hash of the reference data and of the rules that load it: equal hashes, same rows loaded. */
export function referenceFingerprint(data: ReferenceData = referenceData()): string {
  return createHash('sha256').update(JSON.stringify({ rules: SEED_RULES_VERSION, data })).digest('hex');
}

export interface SeedResult {
  regions: number;
  parks: number;
  metrics: number;
  created: number;
}

const json = (rows: unknown): string => JSON.stringify(rows);

/**
 * A set number of statements whatever the size of the data (one per region level, per table): one
 * query per row took 0.5–1 s, and was paid by every CLI run (docs/benchmarks.md, issue 15).
 * Rows that exist (by code, name or key; deleted ones too) are left as they are. New rows are
 * inserted in the gazetteer's and catalogue's order (ORDER BY the element's ordinality), so ids
 * come out as they did row by row: park 1 is 湘潭高新区, not whatever a hash join put first.
 */
export async function seedReferenceData(prisma: AppPrismaClient, data: ReferenceData = referenceData()): Promise<SeedResult> {
  let created = 0;
  const regionCodes = new Set(data.regions.map((r) => r.code));
  // Parents first: a child's parent is looked up by code among the rows that exist by then.
  for (const level of ['province', 'city', 'county'] as const) {
    const rows = data.regions.filter((r) => r.level === level);
    if (!rows.length) continue;
    created += await prisma.$executeRaw`
      INSERT INTO region (code, name, name_en, level, parent_id, aliases, updated_at)
      SELECT r.code, r.name, r.en, r.level::region_level, (SELECT p.id FROM region p WHERE p.code = r.parent),
             ARRAY(SELECT jsonb_array_elements_text(r.aliases)), now()
        FROM jsonb_array_elements(${json(rows)}::jsonb) WITH ORDINALITY AS e(v, n),
             jsonb_to_record(e.v) AS r(code text, name text, en text, level text, parent text, aliases jsonb)
       ORDER BY e.n
      ON CONFLICT (code) DO NOTHING`;
  }

  for (const p of data.parks) {
    if (!regionCodes.has(p.home)) throw new Error(`Gazetteer park ${p.name} has unknown home region ${p.home}`);
  }
  if (data.parks.length) {
    created += await prisma.$executeRaw`
      INSERT INTO park (name, official_name, name_en, type, level, region_id, aliases, updated_at)
      SELECT p.name, p.official, p.en, p.type, p.level::park_level, r.id, ARRAY(SELECT jsonb_array_elements_text(p.aliases)), now()
        FROM jsonb_array_elements(${json(data.parks)}::jsonb) WITH ORDINALITY AS e(v, n)
       CROSS JOIN LATERAL jsonb_to_record(e.v) AS p(name text, official text, en text, type text, level text, home text, aliases jsonb)
        JOIN region r ON r.code = p.home
       ORDER BY e.n
      ON CONFLICT (name) DO NOTHING`;
  }

  // Sub-parks: a park row of their own (their figures are not their park's totals), at their
  // park's home, linked to it. Level municipal: no approval of their own is claimed.
  if (data.subparks.length) {
    const parents = [...new Set(data.subparks.map((sp) => sp.parent))];
    const found = new Set(
      (await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM park WHERE name = ANY(${parents}::text[])`).map((r) => r.name),
    );
    const unknown = data.subparks.find((sp) => !found.has(sp.parent));
    if (unknown) throw new Error(`Gazetteer sub-park ${unknown.name} has unknown park ${unknown.parent}`);
    // A row imported before the link existed gets its park; an admin's own link stays.
    await prisma.$executeRaw`
      UPDATE park SET parent_id = parent.id, updated_at = now()
        FROM jsonb_to_recordset(${json(data.subparks)}::jsonb) AS sp(name text, parent text), park parent
       WHERE park.name = sp.name AND parent.name = sp.parent AND park.parent_id IS NULL`;
    created += await prisma.$executeRaw`
      INSERT INTO park (name, level, region_id, parent_id, aliases, updated_at)
      SELECT sp.name, 'municipal'::park_level, parent.region_id, parent.id, ARRAY(SELECT jsonb_array_elements_text(sp.aliases)), now()
        FROM jsonb_array_elements(${json(data.subparks)}::jsonb) WITH ORDINALITY AS e(v, n)
       CROSS JOIN LATERAL jsonb_to_record(e.v) AS sp(name text, parent text, aliases jsonb)
        JOIN park parent ON parent.name = sp.parent
       ORDER BY e.n
      ON CONFLICT (name) DO NOTHING`;
  }

  if (data.metrics.length) {
    created += await prisma.$executeRaw`
      INSERT INTO metric (key, name_zh, name_en, unit, value_type, aggregation, direction, nature, category, description, keywords, updated_at)
      SELECT m."key", m."nameZh", m."nameEn", m.unit, m."valueType"::value_type, m.aggregation::aggregation, m.direction::direction,
             m.nature::metric_nature, m.category, m.description, ARRAY(SELECT jsonb_array_elements_text(m.keywords)), now()
        FROM jsonb_array_elements(${json(data.metrics)}::jsonb) WITH ORDINALITY AS e(v, n)
       CROSS JOIN LATERAL jsonb_to_record(e.v)
          AS m("key" text, "nameZh" text, "nameEn" text, unit text, "valueType" text, aggregation text, direction text, nature text,
               category text, description text, keywords jsonb)
       ORDER BY e.n
      ON CONFLICT (key) DO NOTHING`;
  }

  created += await prisma.$executeRaw`
    INSERT INTO publication (name, name_en, updated_at) VALUES (${data.publication.name}, ${data.publication.nameEn}, now())
    ON CONFLICT (name) DO NOTHING`;

  // After the catalogue: the scorecard's default indicators are catalogue metrics.
  created += await seedScorecardDefaults(prisma, data.scorecard);

  return { regions: data.regions.length, parks: data.parks.length + data.subparks.length, metrics: data.metrics.length, created };
}
