// Display helpers for admin tables (exact strings in, readable words out): Chinese by default,
// English when the page passes lang 'en'.
import { formatValue as formatI18n } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/dictionaries';
import { comparatorWord } from '@/lib/vocab/comparators';
import { kindLabel as vocabKindLabel } from '@/lib/vocab/kinds';
import { periodLabel as vocabPeriodLabel } from '@/lib/vocab/periods';
import { formatQuantityZh } from '@/lib/vocab/units';

/** 238580000 CNY → "2.3858亿元"; exact digits kept (the registry scales with exact decimals). */
export function formatValue(value: string, unit: string, lang: Lang = 'zh'): string {
  return lang === 'zh' ? formatQuantityZh(value, unit) : formatI18n(value, unit, 'en').text;
}

/** The comparator's word, to put before formatValue (a trailing space in English). */
export function comparatorLabel(c: string, lang: Lang = 'zh'): string {
  const w = comparatorWord(c, lang);
  return lang === 'en' && w ? `${w} ` : w;
}
export function kindLabel(k: string, lang: Lang = 'zh'): string {
  return vocabKindLabel(k, lang);
}
export function periodLabel(p: string | null, lang: Lang = 'zh'): string {
  return p ? vocabPeriodLabel(p, lang) : '';
}
export const STATUS_LABELS = { draft: '待审', approved: '已批准', rejected: '已驳回' } as const;
const STATUS_LABELS_EN = { draft: 'Draft', approved: 'Approved', rejected: 'Rejected' } as const;

export function statusLabel(st: keyof typeof STATUS_LABELS, lang: Lang = 'zh'): string {
  return (lang === 'zh' ? STATUS_LABELS : STATUS_LABELS_EN)[st];
}

/** 2023 + H1 → "2023年上半年" (en "2023 H1"); no year → "—". */
export function timeLabel(year: number | null, period: string | null, lang: Lang = 'zh'): string {
  const p = periodLabel(period, lang);
  if (year === null) return p || '—';
  if (lang === 'en') return `${year}${p && p !== 'full year' ? ` ${p}` : ''}`;
  return `${year}年${p && p !== '全年' ? ` ${p}` : ''}`;
}
