// How a figure relates to its number (余/多 → gt, 以上 → gte, 近/约 → approx…): the one list, with
// the words around a number in each language. The database enum comparator is checked against it.
export const COMPARATORS = ['eq', 'gt', 'gte', 'lt', 'lte', 'approx'] as const;
export type ComparatorCode = (typeof COMPARATORS)[number];

/** [before, after] the number in Chinese (超过100 / 100以上), and the English prefix. */
export const COMPARATOR_WORDS: Readonly<Record<ComparatorCode, { zh: readonly [string, string]; en: string }>> = {
  eq: { zh: ['', ''], en: '' },
  gt: { zh: ['超过', ''], en: 'over ' },
  gte: { zh: ['', '以上'], en: 'at least ' },
  lt: { zh: ['不足', ''], en: 'under ' },
  lte: { zh: ['', '以下'], en: 'at most ' },
  approx: { zh: ['约', ''], en: 'about ' },
};

export function isComparator(s: string): s is ComparatorCode {
  return (COMPARATORS as readonly string[]).includes(s);
}

/**
 * The comparator of a sum: exact only when every part is; "more than" when every part is at
 * least its number and some more; else approximate (150余 + 55 + 近100 ≈ 305).
 */
export function sumComparator(parts: readonly ComparatorCode[]): ComparatorCode {
  if (parts.every((c) => c === 'eq')) return 'eq';
  if (parts.every((c) => c === 'eq' || c === 'gte')) return 'gte';
  if (parts.every((c) => c === 'eq' || c === 'gte' || c === 'gt')) return 'gt';
  if (parts.every((c) => c === 'eq' || c === 'lte')) return 'lte';
  if (parts.every((c) => c === 'eq' || c === 'lte' || c === 'lt')) return 'lt';
  return 'approx';
}
