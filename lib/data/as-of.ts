// How current the dashboards are: the issue date of the newest newspaper issue with an approved
// figure. Printed and exported pages carry it ("数据截至").
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { cached } from '@/lib/data/read-cache';
import { isoDate } from './provenance';

/** YYYY-MM-DD of the newest issue with an approved figure; null before the first approval. */
export async function getDataAsOf(): Promise<string | null> {
  await requireRole('viewer');
  return cached('overview:as-of', async () => {
    const prisma = await getPrisma();
    const issue = await prisma.issue.findFirst({
      where: { deletedAt: null, articles: { some: { facts: { some: { status: 'approved', deletedAt: null } } } } },
      orderBy: { date: 'desc' },
      select: { date: true },
    });
    return issue ? isoDate(issue.date) : null;
  }, { ttlMs: 10_000 });
}
