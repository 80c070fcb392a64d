// One article with all its (non-deleted) facts, for the admin article view.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { FACT_REVIEW_SELECT, toReviewFact, type ReviewFact } from './review';

export interface AdminArticle {
  id: number;
  headline: string;
  subheadline: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  issue: { id: number; date: string; page: string | null; publication: string };
  facts: (ReviewFact & { spanStart: number | null; spanEnd: number | null })[];
}

export async function getAdminArticle(id: number): Promise<AdminArticle | null> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const a = await prisma.article.findUnique({
    where: { id },
    select: {
      id: true, headline: true, subheadline: true, byline: true, dateline: true, body: true,
      issue: { select: { id: true, date: true, page: true, publication: { select: { name: true } } } },
      facts: {
        where: { deletedAt: null },
        orderBy: [{ spanStart: 'asc' }, { id: 'asc' }],
        select: { ...FACT_REVIEW_SELECT, spanStart: true, spanEnd: true },
      },
    },
  });
  if (!a) return null;
  return {
    id: a.id, headline: a.headline, subheadline: a.subheadline, byline: a.byline, dateline: a.dateline, body: a.body,
    issue: { id: a.issue.id, date: a.issue.date.toISOString().slice(0, 10), page: a.issue.page, publication: a.issue.publication.name },
    facts: a.facts.map((f) => ({ ...toReviewFact(f), spanStart: f.spanStart, spanEnd: f.spanEnd })),
  };
}
