// The extraction engine's entry point: one newspaper issue (text) → articles and facts.
// Pure: no I/O, no database; reference places and the metric catalogue come in as options.
import { normalizeIssueText } from './normalize';
import { segmentArticles } from './segment';
import { buildPlaceIndex, DEFAULT_PLACES, type PlaceIndex } from './places';
import { DEFAULT_CATALOG } from './catalog';
import { extractArticleFacts, type FactContext } from './facts';
import type { Article, ExtractOptions, IssueExtraction, Places } from './types';

export const EXTRACTOR_VERSION = 'xt-extract/1.0.0';

export { decodeText, normalizeIssueText, normalizeWithMap } from './normalize';
export { findQuantities } from './quantities';
export { parseNumeral } from './numerals';
export { toJsonNumber } from './decimal';
export { DEFAULT_CATALOG } from './catalog';
export { DEFAULT_PLACES } from './places';
export type * from './types';

const indexCache = new WeakMap<Places, PlaceIndex>();

function placeIndex(places: Places): PlaceIndex {
  let idx = indexCache.get(places);
  if (!idx) {
    idx = buildPlaceIndex(places);
    indexCache.set(places, idx);
  }
  return idx;
}

function pubYearOf(date: string | undefined): number | null {
  const m = date ? /^(\d{4})-\d{2}-\d{2}$/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

function pubMonthOf(date: string | undefined): number | null {
  const m = date ? /^\d{4}-(\d{2})-\d{2}$/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** What extracting any article of an issue needs: built once per issue (the place index is cached). */
export function issueContext(opts: ExtractOptions = {}): FactContext {
  return {
    pubYear: pubYearOf(opts.date),
    pubMonth: pubMonthOf(opts.date),
    places: placeIndex(opts.places ?? DEFAULT_PLACES),
    catalog: opts.catalog ?? DEFAULT_CATALOG,
    publication: opts.publication,
  };
}

/**
 * Facts of some of an issue's articles, in article order. An article's facts depend on nothing but
 * the article and the issue's context, so the facts of an issue are the concatenation of those of
 * any split of its articles into consecutive runs (the import extracts a big issue on several
 * threads that way: lib/ingest/parallel-extract.ts).
 */
export function extractArticles(articles: Article[], ctx: FactContext): IssueExtraction['facts'] {
  return articles.flatMap((a) => extractArticleFacts(a, ctx).map((f) => ({ ...f, articleOrdinal: a.ordinal })));
}

/** The articles of an issue's text (normalised first unless opts.normalised says it is). */
export function issueArticles(text: string, opts: Pick<ExtractOptions, 'normalised'> = {}): Article[] {
  const input = typeof text === 'string' ? text : '';
  return segmentArticles(opts.normalised ? input : normalizeIssueText(input));
}

/** Articles and facts of one issue. Never throws on any string input. */
export function extractIssue(text: string, opts: ExtractOptions = {}): IssueExtraction {
  const articles = issueArticles(text, opts);
  return { articles, facts: extractArticles(articles, issueContext(opts)), extractorVersion: EXTRACTOR_VERSION };
}
