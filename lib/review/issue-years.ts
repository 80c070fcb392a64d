// The years of an issue's extracted figures read again under a corrected publication date:
// 今年/去年/上半年/截至目前 (and a year taken from the date when the text names none) resolve against
// the date. The year's origin is not stored, so the extractor's time stage reads each figure's
// sentence under the old and the new date; a figure whose stored year is the old reading (not an
// admin's correction) and whose new reading differs has a year that came from the date.
import 'server-only';
import type { AppPrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ARTICLE_READ_SELECT, articleOf, extractContextFor } from './article-reader';
import { yearsAt } from './read-figure';

type Reader = Prisma.TransactionClient | AppPrismaClient;

export interface YearMove {
  factId: number;
  articleId: number;
  headline: string;
  status: 'draft' | 'approved' | 'rejected';
  version: number;
  /** The stored year (the extractor's reading under the old date). */
  from: number;
  /** The year the same words give under the new date. */
  to: number;
}

/** Figures of the issue whose year follows the date from `oldDate` to `newDate` (YYYY-MM-DD). */
export async function yearMovesOf(
  db: Reader,
  issueId: number,
  oldDate: string,
  newDate: string,
  statuses: ('draft' | 'approved')[],
): Promise<YearMove[]> {
  if (oldDate === newDate) return [];
  const client = db as Prisma.TransactionClient;
  const facts = await client.fact.findMany({
    where: { article: { issueId }, status: { in: statuses }, deletedAt: null, year: { not: null }, spanStart: { not: null }, spanEnd: { not: null } },
    orderBy: { id: 'asc' },
    select: { id: true, articleId: true, spanStart: true, spanEnd: true, year: true, status: true, version: true },
  });
  if (facts.length === 0) return [];
  const articles = await client.article.findMany({ where: { id: { in: [...new Set(facts.map((f) => f.articleId!))] } }, select: ARTICLE_READ_SELECT });
  const first = articles[0];
  if (!first) return [];
  const publication = first.issue.publication.name;
  const base = await extractContextFor(db, { date: new Date(`${oldDate}T00:00:00Z`), publication });
  const at = (d: string) => ({ ...base, pubYear: Number(d.slice(0, 4)), pubMonth: Number(d.slice(5, 7)) });
  const before = at(oldDate);
  const afterCtx = at(newDate);
  const out: YearMove[] = [];
  for (const a of articles) {
    const mine = facts.filter((f) => f.articleId === a.id).map((f) => ({ ...f, span: [f.spanStart!, f.spanEnd!] as [number, number] }));
    const article = articleOf(a);
    const was = yearsAt(article, before, mine);
    const now = yearsAt(article, afterCtx, mine);
    for (const f of mine) {
      if (!was.has(f.id) || was.get(f.id) !== f.year) continue; // an admin's year, or not the extractor's reading: left alone
      const to = now.get(f.id) ?? null;
      if (to === null || to === f.year) continue;
      out.push({ factId: f.id, articleId: a.id, headline: a.headline, status: f.status, version: f.version, from: f.year!, to });
    }
  }
  return out;
}
