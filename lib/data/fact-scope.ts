// What a fact query covers, shared by the fact list and the aggregates: the place tree (a
// region's subtree and its parks), the WHERE conditions of a filter on fact or fact_figure, and
// which review statuses a caller sees. The reads here check the caller like every lib/data read.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { FactFilters } from '@/lib/validations/api';

export type StatusCode = 'approved' | 'draft' | 'rejected';

export interface PlaceTree {
  regions: { id: number; code: string; name: string; nameEn: string | null; parentId: number | null }[];
  parks: { id: number; name: string; nameEn: string | null; regionId: number }[];
}

export async function loadPlaceTree(): Promise<PlaceTree> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const [regions, parks] = await Promise.all([
    prisma.region.findMany({ where: { deletedAt: null }, select: { id: true, code: true, name: true, nameEn: true, parentId: true } }),
    prisma.park.findMany({ where: { deletedAt: null }, select: { id: true, name: true, nameEn: true, regionId: true } }),
  ]);
  return { regions, parks };
}

/** The region's id and all its descendants' ids. */
export function regionSubtree(tree: PlaceTree, rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of tree.regions) {
      if (r.parentId !== null && out.has(r.parentId) && !out.has(r.id)) {
        out.add(r.id);
        grew = true;
      }
    }
  }
  return out;
}

export function ints(values: Iterable<number>): Prisma.Sql {
  return Prisma.join([...values].map((v) => Prisma.sql`${v}::int`));
}

export function statusList(statuses: StatusCode[]): Prisma.Sql {
  return Prisma.join(statuses.map((s) => Prisma.sql`${s}::review_status`));
}

export function statusesFor(filters: FactFilters, isAdmin: boolean): StatusCode[] {
  if (!isAdmin) return ['approved'];
  const s = filters.status ?? 'approved';
  return s === 'all' ? ['approved', 'draft', 'rejected'] : [s];
}

/** WHERE conditions of a filter (without the cursor); null when the filter can match nothing. */
export async function filterConditions(filters: FactFilters, isAdmin: boolean, tree?: PlaceTree): Promise<Prisma.Sql[] | null> {
  const keys = await keyConditions(filters, 'f', tree);
  if (!keys) return null;
  return [
    Prisma.sql`f.deleted_at IS NULL`,
    // Facts of a deleted issue are gone; NOT EXISTS keeps the scan on fact's own indexes.
    Prisma.sql`NOT EXISTS (SELECT 1 FROM article a0 JOIN issue i0 ON i0.id = a0.issue_id WHERE a0.id = f.article_id AND i0.deleted_at IS NOT NULL)`,
    Prisma.sql`f.status IN (${statusList(statusesFor(filters, isAdmin))})`,
    ...keys,
  ];
}

/**
 * Conditions on the figure columns (region subtree, park, metric, years, kinds) of the table
 * aliased `alias` (fact, or fact_figure which has the same columns); null when nothing can match.
 */
export async function keyConditions(filters: FactFilters, alias: 'f' | 'ff', tree?: PlaceTree): Promise<Prisma.Sql[] | null> {
  await requireRole('viewer');
  const t = Prisma.raw(alias);
  const where: Prisma.Sql[] = [];
  if (filters.region !== undefined) {
    const places = tree ?? (await loadPlaceTree());
    const root = places.regions.find((r) => r.code === filters.region);
    if (!root) return null;
    const regionIds = regionSubtree(places, root.id);
    const parkIds = places.parks.filter((p) => regionIds.has(p.regionId)).map((p) => p.id);
    where.push(
      parkIds.length
        ? Prisma.sql`(${t}.region_id IN (${ints(regionIds)}) OR ${t}.park_id IN (${ints(parkIds)}))`
        : Prisma.sql`${t}.region_id IN (${ints(regionIds)})`,
    );
  }
  if (filters.park !== undefined) where.push(Prisma.sql`${t}.park_id = ${filters.park}::int`);
  if (filters.metric !== undefined) {
    // Resolved to an id first so the (metric_id, status, year, id) index drives the scan.
    const prisma = await getPrisma();
    const metric = await prisma.metric.findUnique({ where: { key: filters.metric }, select: { id: true } });
    if (!metric) return null;
    where.push(Prisma.sql`${t}.metric_id = ${metric.id}::int`);
  }
  if (filters.yearFrom !== undefined) where.push(Prisma.sql`${t}.year >= ${filters.yearFrom}::int`);
  if (filters.yearTo !== undefined) where.push(Prisma.sql`${t}.year <= ${filters.yearTo}::int`);
  if (filters.kind?.length) where.push(Prisma.sql`${t}.kind IN (${Prisma.join(filters.kind.map((k) => Prisma.sql`${k}::fact_kind`))})`);
  return where;
}

/** A fact with its metric, place and source, aliased as the list and aggregate queries expect. */
export const FROM = Prisma.sql`
  FROM fact f
  JOIN metric m ON m.id = f.metric_id
  LEFT JOIN park pk ON pk.id = f.park_id
  LEFT JOIN region r ON r.id = f.region_id
  LEFT JOIN article a ON a.id = f.article_id
  LEFT JOIN issue i ON i.id = a.issue_id
  LEFT JOIN publication pub ON pub.id = i.publication_id`;
