// Display helpers for admin tables (exact strings in, readable Chinese out).
import { comparatorWord } from '@/lib/vocab/comparators';
import { kindLabel as vocabKindLabel } from '@/lib/vocab/kinds';
import { periodLabel as vocabPeriodLabel } from '@/lib/vocab/periods';
import { formatQuantityZh } from '@/lib/vocab/units';

/** 238580000 CNY → "2.3858亿元"; exact digits kept (the registry scales with exact decimals). */
export function formatValue(value: string, unit: string): string {
  return formatQuantityZh(value, unit);
}

export function comparatorLabel(c: string): string {
  return comparatorWord(c, 'zh');
}
export function kindLabel(k: string): string {
  return vocabKindLabel(k, 'zh');
}
export function periodLabel(p: string | null): string {
  return p ? vocabPeriodLabel(p, 'zh') : '';
}
export const STATUS_LABELS = { draft: '待审', approved: '已批准', rejected: '已驳回' } as const;

/** 2023 + H1 → "2023年上半年"; no year → "—". */
export function timeLabel(year: number | null, period: string | null): string {
  const p = periodLabel(period);
  if (year === null) return p || '—';
  return `${year}年${p && p !== '全年' ? ` ${p}` : ''}`;
}
