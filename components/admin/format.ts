// Display helpers for admin tables (exact strings in, readable Chinese out).
import { COMPARATOR_LABELS, KIND_LABELS, PERIOD_LABELS } from '@/lib/validations/facts';

const UNIT_LABELS: Record<string, string> = {
  CNY: '元', USD: '美元', percent: '%', pp: '个百分点', mu: '亩', m2: '平方米', hectare: '公顷', km2: '平方公里',
  ton: '吨', kwh: '千瓦时', person: '人', person_time: '人次', org: '家', project: '个项目', item: '个', case: '起',
  times: '次', day: '天', month: '个月', year_count: '年',
};

/** 238580000 CNY → "2.3858亿元"; exact digits kept (string arithmetic on the decimal point). */
export function formatValue(value: string, unit: string): string {
  if (unit === 'CNY') {
    const abs = value.replace('-', '');
    const intLen = abs.split('.')[0]!.length;
    if (intLen >= 9) return `${shiftDown(value, 8)}亿元`;
    if (intLen >= 5) return `${shiftDown(value, 4)}万元`;
    return `${value}元`;
  }
  const label = UNIT_LABELS[unit] ?? unit.replace(/^other:/, '');
  return `${value}${label}`;
}

function shiftDown(value: string, k: number): string {
  const neg = value.startsWith('-');
  const [i = '0', f = ''] = value.replace('-', '').split('.');
  const padded = i.padStart(k + 1, '0');
  const int = padded.slice(0, padded.length - k).replace(/^0+(?=\d)/, '');
  const frac = (padded.slice(padded.length - k) + f).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
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
