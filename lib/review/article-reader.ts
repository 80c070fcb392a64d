// The extractor's view of a stored article: the article as the extractor shaped it and the
// context it was read with (publication year and name, places and metrics from the database).
// Server-side: loads reference data; the reading itself is lib/review/read-figure.ts.
import 'server-only';
import type { FactContext } from '@/lib/extract/facts';
import { buildPlaceIndex } from '@/lib/extract/places';
import type { Article } from '@/lib/extract/types';
import type { AppPrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadCatalog, loadPlaces } from '@/lib/ingest/ingest';
import { toExtractArticle } from './read-figure';

type Reader = Pick<AppPrismaClient, 'region' | 'park' | 'metric'> | Prisma.TransactionClient;

export async function extractContextFor(prisma: Reader, issue: { date: Date; publication: string }): Promise<FactContext> {
  const [places, catalog] = await Promise.all([loadPlaces(prisma as AppPrismaClient), loadCatalog(prisma as AppPrismaClient)]);
  return { pubYear: issue.date.getUTCFullYear(), pubMonth: issue.date.getUTCMonth() + 1, places: buildPlaceIndex(places), catalog, publication: issue.publication };
}

export const ARTICLE_READ_SELECT = {
  id: true, ordinal: true, headline: true, subheadline: true, byline: true, dateline: true, kind: true, body: true,
  issue: { select: { date: true, publication: { select: { name: true } } } },
} satisfies Prisma.ArticleSelect;

export type ArticleRow = Prisma.ArticleGetPayload<{ select: typeof ARTICLE_READ_SELECT }>;

export function articleOf(row: ArticleRow): Article {
  return toExtractArticle(row);
}
