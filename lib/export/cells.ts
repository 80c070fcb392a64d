// What every export shares: words instead of codes (kinds, comparators, units, statuses, periods
// from lib/vocab), spreadsheet number formats that show a value the way the pages do (2.39亿元,
// 1.2万人, 12.5%; en CNY 238.58 m) while the cell keeps the exact number, CSV quoting, file names.
import { COMPARATOR_WORDS, type ComparatorCode } from '@/lib/vocab/comparators';
import { KIND_LABELS, type FactKindCode } from '@/lib/vocab/kinds';
import { periodLabel } from '@/lib/vocab/periods';
import { formatUnit, unitScales } from '@/lib/vocab/units';

export type ExportLang = 'zh' | 'en';

export function kindWord(kind: FactKindCode, lang: ExportLang): string {
  const w = KIND_LABELS[kind][lang];
  return lang === 'en' ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

/** 超过 / 以上 / 约 …; '' for an exact figure. */
export function comparatorWord(c: ComparatorCode, lang: ExportLang): string {
  const w = COMPARATOR_WORDS[c];
  return lang === 'zh' ? w.zh.join('') : w.en.trim();
}

export function unitWord(unit: string, lang: ExportLang): string {
  return formatUnit(unit, lang, { long: false });
}

const STATUS_WORDS: Record<'approved' | 'draft' | 'rejected', { zh: string; en: string }> = {
  approved: { zh: '已审核', en: 'Approved' },
  draft: { zh: '待审核', en: 'Draft' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};
export function statusWord(s: 'approved' | 'draft' | 'rejected', lang: ExportLang): string {
  return STATUS_WORDS[s][lang];
}

export function periodWord(period: string | null, lang: ExportLang): string {
  return period ? periodLabel(period, lang) : '';
}

function quoted(s: string): string {
  return `"${s.replace(/"/g, '')}"`;
}

/**
 * The number format of a value cell: the cell holds the exact number in the figure's unit and the
 * format scales it for display as the pages do — zh 亿/万 (238580000 → 2.39亿元, 12345 → 1.2万元),
 * en millions/billions (CNY 238.58 m). Excel's thousands-scaling commas divide by 10^3 each and
 * `!.` inserts a literal point, which is how 亿 (10^8) and 万 (10^4) are shown.
 */
export function numberFormat(value: number, unit: string, lang: ExportLang): string {
  const word = unitWord(unit, lang);
  const abs = Math.abs(value);
  const frac = Number.isInteger(value) ? '0' : '0.0#';
  if (lang === 'zh') {
    if (unitScales(unit) && abs >= 1e8) return `0!.00,,${quoted(`亿${word}`)}`;
    if (unitScales(unit) && abs >= 1e4) return `0!.0,${quoted(`万${word}`)}`;
    return `#,##${frac}${quoted(word)}`;
  }
  if (unit === 'percent') return `${frac}${quoted('%')}`;
  const money = unit === 'CNY' || unit === 'USD';
  const pre = money ? quoted(`${word} `) : '';
  const post = money ? '' : quoted(` ${word}`);
  if (unitScales(unit) && abs >= 1e9) return `${pre}#,##0.00,,,${quoted(' bn')}${post}`;
  if (unitScales(unit) && abs >= 1e6) return `${pre}#,##0.00,,${quoted(' m')}${post}`;
  return `${pre}#,##${frac}${post}`;
}

/** RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so spreadsheets never run them as formulas. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_BOM = '\uFEFF';

export function csvLines(
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `${CSV_BOM}${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A decimal string as a spreadsheet number (exact up to 15 significant digits, which every reported figure fits). */
export function numeric(value: string | null): number | null {
  if (value === null || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** File name for the download, e.g. xiangtan-facts-2026-11-28.csv */
export function exportFileName(what: string, format: 'csv' | 'xlsx', now = new Date()): string {
  return `xiangtan-${what}-${now.toISOString().slice(0, 10)}.${format}`;
}
