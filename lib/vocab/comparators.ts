// How a figure relates to its number (余/多 → gt, 以上 → gte, 近/约 → approx…): the one list, with
// the words around a number in each language. The database enum comparator is checked against it.
export const COMPARATORS = ['eq', 'gt', 'gte', 'lt', 'lte', 'approx'] as const;
export type ComparatorCode = (typeof COMPARATORS)[number];

/** [before, after] the number in Chinese (超过100 / 100以上), the English prefix, and the sign. */
export const COMPARATOR_WORDS: Readonly<Record<ComparatorCode, { zh: readonly [string, string]; en: string; sign: string }>> = {
  eq: { zh: ['', ''], en: '', sign: '=' },
  gt: { zh: ['超过', ''], en: 'over ', sign: '>' },
  gte: { zh: ['', '以上'], en: 'at least ', sign: '≥' },
  lt: { zh: ['不足', ''], en: 'under ', sign: '<' },
  lte: { zh: ['', '以下'], en: 'at most ', sign: '≤' },
  approx: { zh: ['约', ''], en: 'about ', sign: '≈' },
};

/** The comparator's word alone (超过, 以上…; '' for eq): for tables that show it beside the number. */
export function comparatorWord(c: string, lang: 'zh' | 'en' = 'zh'): string {
  if (!isComparator(c)) return c;
  const w = COMPARATOR_WORDS[c];
  return lang === 'zh' ? w.zh[0] || w.zh[1] : w.en.trim();
}

/** A select option: 超过 > / 以上 ≥ / = (the word and its sign). */
export function comparatorOption(c: ComparatorCode, lang: 'zh' | 'en' = 'zh'): string {
  const word = comparatorWord(c, lang);
  return word ? `${word} ${COMPARATOR_WORDS[c].sign}` : COMPARATOR_WORDS[c].sign;
}

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
