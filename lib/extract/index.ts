// The extraction engine's entry point: one newspaper issue (text) → articles and facts.
// Pure: no I/O, no database; reference places and the metric catalogue come in as options.
import { normalizeIssueText } from './normalize';
import { segmentArticles } from './segment';
import { buildPlaceIndex, DEFAULT_PLACES, type PlaceIndex } from './places';
import { DEFAULT_CATALOG } from './catalog';
import { extractArticleFacts } from './facts';
import type { ExtractOptions, IssueExtraction, Places } from './types';

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

/** Articles and facts of one issue. Never throws on any string input. */
export function extractIssue(text: string, opts: ExtractOptions = {}): IssueExtraction {
  const normalised = normalizeIssueText(typeof text === 'string' ? text : '');
  const articles = segmentArticles(normalised);
  const ctx = {
    pubYear: pubYearOf(opts.date),
    pubMonth: pubMonthOf(opts.date),
    places: placeIndex(opts.places ?? DEFAULT_PLACES),
    catalog: opts.catalog ?? DEFAULT_CATALOG,
    publication: opts.publication,
  };
  const facts = articles.flatMap((a) => extractArticleFacts(a, ctx).map((f) => ({ ...f, articleOrdinal: a.ordinal })));
  return { articles, facts, extractorVersion: EXTRACTOR_VERSION };
}
