// Figures as the newspaper writes them (3.8亿元, 150余人, 35.6%, 约2000万元) → value, unit and
// comparator, read by the extractor's own quantity reader so an admin's correction and the
// extraction agree on what a written figure means. Units are typed by their Chinese names
// (名, 人次, 亩) and mapped through the unit registry. Client-safe: no I/O.
import { findQuantitiesInLine } from '@/lib/extract/line';
import type { Comparator } from '@/lib/extract/types';
import { isCanonicalUnit, scaleZh, unitDef, UNITS, unitWords, type UnitCode } from '@/lib/vocab/units';
import { NUMBER_INPUT_ERROR, parseNumberInput } from './parse-input';

export type ParsedAsWritten =
  | { ok: true; value: string; unit: UnitCode | null; comparator: Comparator | null }
  | { ok: false; error: string };

export const AS_WRITTEN_ERROR = '无法识别的数值（示例：3.8亿元、150余人、35.6%、1.4e10）';

/**
 * One figure as written. `unit` is null when the text names none (3.8亿); `comparator` is null
 * when the text says nothing about it (a plain 3.8亿元 leaves the form's comparator alone).
 */
export function parseAsWritten(input: string): ParsedAsWritten {
  const text = input.trim();
  if (text.length === 0) return { ok: false, error: '请输入数值' };
  if (text.length > 64) return { ok: false, error: '数值过长' };
  const qs = findQuantitiesInLine(text);
  const q = qs.length === 1 ? qs[0] : undefined;
  // The whole input must be the one figure: 12abc is a typo, 8至10个 is two figures.
  if (q && q.start === 0 && q.end === text.length) {
    return { ok: true, value: q.value, unit: q.unit, comparator: q.comparator === 'eq' ? null : q.comparator };
  }
  // What people type but papers do not print: 1.4e10, 23,858万, 百分之十二.
  const n = parseNumberInput(text);
  if (n.ok) return { ok: true, value: n.value, unit: n.percent ? 'percent' : null, comparator: null };
  return { ok: false, error: qs.length > 1 ? '请只输入一个数值' : n.error === NUMBER_INPUT_ERROR ? AS_WRITTEN_ERROR : n.error };
}

let wordIndex: Map<string, UnitCode> | null = null;
function words(): Map<string, UnitCode> {
  if (!wordIndex) {
    wordIndex = new Map();
    for (const [w, code] of unitWords()) wordIndex.set(w, code);
    // Display labels too (个项目, 平方公里, 个百分点), unless a word already claims them.
    for (const d of UNITS) {
      for (const label of [d.zh, d.zhLong, d.en]) if (label && !wordIndex.has(label)) wordIndex.set(label, d.code);
    }
  }
  return wordIndex;
}

export type ParsedUnit = { ok: true; unit: UnitCode } | { ok: false; error: string };

/**
 * A unit typed by name (名 → person, 元 → CNY, 人次 → person_time, 亩 → mu) or by code (CNY,
 * other:台). A measure word the registry does not know is kept as other:<word>.
 */
export function parseUnitInput(input: string): ParsedUnit {
  const raw = input.trim();
  // NFKC folds full-width letters (ＣＮＹ) but also m³ → m3: the registry is asked both ways.
  const t = raw.normalize('NFKC');
  if (!t) return { ok: false, error: '请输入单位' };
  for (const c of [raw, t]) if (isCanonicalUnit(c) || unitDef(c)) return { ok: true, unit: c as UnitCode };
  const known = words().get(raw) ?? words().get(t) ?? words().get(t.toLowerCase());
  if (known) return { ok: true, unit: known };
  if (/^other:\S{1,20}$/.test(t)) return { ok: true, unit: t as UnitCode };
  // 万元, 亿元: a scale belongs in the value (3.8亿元), not the unit.
  if (/^[万亿千百][^\s]*$/.test(t) && words().has(t.slice(1))) return { ok: false, error: `“${t}”含数量级，请写在数值里（如 3.8亿${t.slice(1)}），单位填“${t.slice(1)}”` };
  if (/^[^\s\d.,，。%]{1,20}$/.test(t)) return { ok: true, unit: `other:${t}` };
  return { ok: false, error: '无法识别的单位（示例：元、名、人次、亩、%）' };
}

/** The Chinese name a unit is typed as, the inverse of parseUnitInput (person → 人, project → 个项目). */
export function unitInputLabel(code: string): string {
  const d = unitDef(code);
  if (!d) return code.startsWith('other:') ? code.slice(6) : code;
  for (const label of [d.zh, d.zhLong, ...d.words]) if (label && words().get(label) === d.code) return label;
  return d.code;
}

/**
 * A stored value as the editor shows it, written the paper's way (380000000 CNY → 3.8亿元), so
 * that parseAsWritten reads it back to the same value and unit; where the unit word would be
 * misread (380000000年 looks like a year) the unit is left to the unit field (3.8亿).
 */
export function asWrittenLabel(value: string, unit: string): string {
  const sc = scaleZh(value, unit);
  const number = `${sc.value}${sc.prefix}`;
  const full = `${number}${unitInputLabel(unit)}`;
  const back = parseAsWritten(full);
  const plain = parseAsWritten(number);
  if (back.ok && plain.ok && back.unit === unit && back.value === plain.value && back.comparator === null) return full;
  return number;
}
