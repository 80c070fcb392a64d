// Reads for the home page: what is in the database, and figures per park.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';

export interface HomeSummary {
  issues: number;
  articles: number;
  facts: { draft: number; approved: number; rejected: number };
  latestIssueDate: string | null;
}

export async function getHomeSummary(): Promise<HomeSummary> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const [issues, articles, byStatus, latest] = await Promise.all([
    prisma.issue.count({ where: { deletedAt: null } }),
    prisma.article.count(),
    prisma.fact.groupBy({ by: ['status'], where: { deletedAt: null }, _count: { _all: true } }),
    prisma.issue.findFirst({ where: { deletedAt: null }, orderBy: { date: 'desc' }, select: { date: true } }),
  ]);
  const facts = { draft: 0, approved: 0, rejected: 0 };
  for (const row of byStatus) facts[row.status] = row._count._all;
  return { issues, articles, facts, latestIssueDate: latest ? latest.date.toISOString().slice(0, 10) : null };
}

export interface SubjectCount {
  subject: string;
  facts: number;
}

/** Number of extracted figures per park (all review states), most first. */
export async function getFactCountsByPark(): Promise<SubjectCount[]> {
  await requireRole('viewer');
  const prisma = await getPrisma();
  const rows = await prisma.fact.groupBy({
    by: ['parkId'],
    where: { deletedAt: null, parkId: { not: null } },
    _count: { _all: true },
  });
  const parks = await prisma.park.findMany({ select: { id: true, name: true } });
  const name = new Map(parks.map((p) => [p.id, p.name]));
  return rows
    .map((r) => ({ subject: name.get(r.parkId ?? -1) ?? '?', facts: r._count._all }))
    .sort((a, b) => b.facts - a.facts);
}
