// Display helpers for admin tables (exact strings in, readable Chinese out).
import { formatQuantityZh } from '@/lib/vocab/units';
import { COMPARATOR_LABELS, KIND_LABELS, PERIOD_LABELS } from '@/lib/validations/facts';

/** 238580000 CNY → "2.3858亿元"; exact digits kept (the registry scales with exact decimals). */
export function formatValue(value: string, unit: string): string {
  return formatQuantityZh(value, unit);
}

export function comparatorLabel(c: string): string {
  return c === 'eq' ? '' : (COMPARATOR_LABELS[c as keyof typeof COMPARATOR_LABELS] ?? c).split(' ')[0] ?? '';
}
export function kindLabel(k: string): string {
  return KIND_LABELS[k as keyof typeof KIND_LABELS] ?? k;
}
export function periodLabel(p: string | null): string {
  if (!p) return '';
  const m = /^M(\d{2})-M(\d{2})$/.exec(p);
  if (m) return `${Number(m[1])}—${Number(m[2])}月`;
  return PERIOD_LABELS[p] ?? p;
}
export const STATUS_LABELS = { draft: '待审', approved: '已批准', rejected: '已驳回' } as const;

/** 2023 + H1 → "2023年上半年"; no year → "—". */
export function timeLabel(year: number | null, period: string | null): string {
  const p = periodLabel(period);
  if (year === null) return p || '—';
  return `${year}年${p && p !== '全年' ? ` ${p}` : ''}`;
}
