// Number formatting for the dashboards: the Chinese way (亿元/万元, 万人, %, 个百分点) by default,
// English short scales (CNY 1.4 bn) for `en`. Every formatter also returns the exact value, for
// tooltips and titles, because a rounded 1.4亿元 must never hide 140,000,000.00 from a reader.
import { COMPARATOR_WORDS, type ComparatorCode } from '@/lib/vocab/comparators';
import { formatUnit, unitScales } from '@/lib/vocab/units';
import type { Lang } from './dictionaries';

export interface Formatted {
  /** Short, rounded display text, e.g. 1.4亿元. */
  text: string;
  /** Exact value with its unit, e.g. 140,000,000 元. */
  exact: string;
}

/** The unit as a word in the language (`other:台` → 台), from the unit registry. */
export function unitLabel(unit: string, lang: Lang): string {
  return formatUnit(unit, lang);
}

/** Parses a decimal string or number; NaN for anything else. */
export function toNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  const t = value.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** A decimal string without trailing zeros and with thousands separators: 140000000.000000 → 140,000,000. */
export function exactDecimal(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const int = (m[2] ?? '0').replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1] ?? ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Rounds to at most `digits` decimals and drops trailing zeros (12.50 → 12.5). */
export function trimmed(n: number, digits: number): string {
  const r = Number(n.toFixed(digits));
  return Object.is(r, -0) ? '0' : String(r);
}

function grouped(n: number, digits: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
}

function scaledZh(n: number): { num: string; prefix: string } {
  const abs = Math.abs(n);
  if (abs >= 1e8) return { num: trimmed(n / 1e8, abs >= 1e10 ? 1 : 2), prefix: '亿' };
  if (abs >= 1e4) return { num: trimmed(n / 1e4, abs >= 1e6 ? 0 : 2), prefix: '万' };
  return { num: grouped(n, 2), prefix: '' };
}

function scaledEn(n: number): { num: string; suffix: string } {
  const abs = Math.abs(n);
  if (abs >= 1e9) return { num: trimmed(n / 1e9, 2), suffix: ' bn' };
  if (abs >= 1e6) return { num: trimmed(n / 1e6, 2), suffix: ' m' };
  return { num: grouped(n, 2), suffix: '' };
}

/**
 * A figure for display: 238580000 CNY → 2.39亿元 (exact 238,580,000 元); en → CNY 238.58 m.
 * Unknown or non-numeric values come back as given.
 */
export function formatValue(value: string | number, unit: string, lang: Lang, comparator: ComparatorCode = 'eq'): Formatted {
  const n = toNumber(value);
  const word = unitLabel(unit, lang);
  const exactNum = exactDecimal(value);
  if (Number.isNaN(n)) return { text: String(value), exact: String(value) };
  const scale = unitScales(unit);
  if (lang === 'zh') {
    const [pre, post] = COMPARATOR_WORDS[comparator].zh;
    const glue = unit === 'percent' ? '' : '';
    const { num, prefix } = scale ? scaledZh(n) : { num: grouped(n, 2), prefix: '' };
    return { text: `${pre}${num}${prefix}${glue}${word}${post}`, exact: `${pre}${exactNum}${unit === 'percent' ? '' : ' '}${word}${post}` };
  }
  const pre = COMPARATOR_WORDS[comparator].en;
  if (unit === 'percent') return { text: `${pre}${grouped(n, 2)}%`, exact: `${pre}${exactNum}%` };
  const { num, suffix } = scale ? scaledEn(n) : { num: grouped(n, 2), suffix: '' };
  if (unit === 'CNY' || unit === 'USD') return { text: `${pre}${word} ${num}${suffix}`, exact: `${pre}${word} ${exactNum}` };
  return { text: `${pre}${num}${suffix} ${word}`, exact: `${pre}${exactNum} ${word}` };
}

/** Axis labels: short numbers without units (1.2亿, 3,500; en 1.2 bn). */
export function formatAxis(n: number, lang: Lang): string {
  if (lang === 'zh') {
    const { num, prefix } = scaledZh(n);
    return `${num}${prefix}`;
  }
  const { num, suffix } = scaledEn(n);
  return `${num}${suffix}`;
}

export interface Change {
  text: string;
  direction: 'up' | 'down' | 'flat';
  /** Whether the change is good news given the metric's direction (null when neutral). */
  good: boolean | null;
}

/**
 * Change on the previous figure. Rates (percent units) change in percentage points (个百分点);
 * everything else in per cent. Null when either side is missing or the base is zero.
 */
export function formatChange(
  current: string | number,
  previous: string | number | null | undefined,
  unit: string,
  lang: Lang,
  direction: 'higher_better' | 'lower_better' | 'neutral' = 'higher_better',
): Change | null {
  if (previous === null || previous === undefined) return null;
  const a = toNumber(current);
  const b = toNumber(previous);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  const points = unit === 'percent' || unit === 'pp';
  if (!points && b === 0) return null;
  const delta = points ? a - b : ((a - b) / Math.abs(b)) * 100;
  const d = Number(delta.toFixed(1));
  const dir = d > 0 ? 'up' : d < 0 ? 'down' : 'flat';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = trimmed(Math.abs(d), 1);
  const text = points ? (lang === 'zh' ? `${sign}${abs}个百分点` : `${sign}${abs} pp`) : `${sign}${abs}%`;
  const good = direction === 'neutral' || dir === 'flat' ? null : (dir === 'up') === (direction === 'higher_better');
  return { text, direction: dir, good };
}

/** Share of a target reached, in per cent (null when there is no usable target). */
export function targetReached(actual: string | number, target: string | number | null | undefined): number | null {
  if (target === null || target === undefined) return null;
  const a = toNumber(actual);
  const t = toNumber(target);
  if (Number.isNaN(a) || Number.isNaN(t) || t === 0) return null;
  return Number(((a / t) * 100).toFixed(1));
}

/** An ISO date (YYYY-MM-DD) as 2023年5月19日 or 19 May 2023. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'zh') return `${y}年${mo}月${d}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[mo - 1] ?? ''} ${y}`;
}

/** Escapes text for ECharts' HTML tooltips (quoted sentences come from newspapers, not us). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
