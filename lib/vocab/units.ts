// The unit registry: every unit the product knows, in one place. For each canonical code of
// ../shared/CONTRACTS.md (and the common `other:<word>` units) it holds the display labels
// (zh/en), the unit family (what kind of quantity it measures: money, area, headcount…), the
// exact conversion to the family's base unit where one exists, and the words and symbols the
// extractor recognises for it. The extractor's lexicon (lib/extract/units.ts), the formatters
// (lib/i18n/format.ts, components/admin/format.ts), validation and the data layer read it
// from here, so adding a unit touches this file only.
//
// Pure and client-safe: no Node, Next or Prisma imports. Conversion maths uses decimal.js, never
// floating point (15亩 is exactly 1公顷; 2.3858亿元 is exactly 238580000元).
import DecimalBase from 'decimal.js';

/**
 * decimal.js with room for any figure a paper prints: 64 significant digits (the default 20
 * would round a 24-digit value), half-up rounding as in the papers' own rounding.
 */
export const Decimal = DecimalBase.clone({ precision: 64, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -64, toExpPos: 64 });
export type Decimal = DecimalBase;

/** The canonical unit codes of CONTRACTS.md, in the contract's order. */
export const CANONICAL_UNITS = [
  'CNY',
  'USD',
  'percent',
  'pp',
  'mu',
  'm2',
  'hectare',
  'km2',
  'ton',
  'kwh',
  'person',
  'person_time',
  'org',
  'project',
  'item',
  'case',
  'times',
  'day',
  'month',
  'year_count',
] as const;

export type CanonicalUnit = (typeof CANONICAL_UNITS)[number];
/** A canonical code, or `other:<measure word or symbol>`. */
export type UnitCode = CanonicalUnit | `other:${string}`;

/**
 * What a unit measures. Two figures can only be compared, summed or drawn on one axis when
 * their units are of one family; 人次 (person_visits) is not 人 (headcount).
 */
export const UNIT_FAMILIES = [
  'money',
  'ratio',
  'ratio_change',
  'area',
  'length',
  'volume',
  'mass',
  'energy',
  'power',
  'headcount',
  'person_visits',
  'organisations',
  'projects',
  'count',
  'cases',
  'occurrences',
  'duration',
  'calendar_duration',
  'age',
  'multiple',
  'temperature',
  'concentration',
  'data_size',
  'other',
] as const;
export type UnitFamily = (typeof UNIT_FAMILIES)[number];

export const FAMILY_LABELS: Readonly<Record<UnitFamily, { zh: string; en: string }>> = {
  money: { zh: '金额', en: 'money' },
  ratio: { zh: '比率', en: 'ratio' },
  ratio_change: { zh: '百分点变化', en: 'change in percentage points' },
  area: { zh: '面积', en: 'area' },
  length: { zh: '长度', en: 'length' },
  volume: { zh: '体积', en: 'volume' },
  mass: { zh: '重量', en: 'mass' },
  energy: { zh: '电量/能量', en: 'energy' },
  power: { zh: '功率', en: 'power' },
  headcount: { zh: '人数', en: 'headcount' },
  person_visits: { zh: '人次', en: 'person-visits' },
  organisations: { zh: '单位/企业数', en: 'organisations' },
  projects: { zh: '项目数', en: 'projects' },
  count: { zh: '数量', en: 'count' },
  cases: { zh: '案件数', en: 'cases' },
  occurrences: { zh: '次数', en: 'occurrences' },
  duration: { zh: '时长', en: 'duration' },
  calendar_duration: { zh: '月/年数', en: 'months or years' },
  age: { zh: '年龄', en: 'age' },
  multiple: { zh: '倍数', en: 'multiple' },
  temperature: { zh: '温度', en: 'temperature' },
  concentration: { zh: '浓度', en: 'concentration' },
  data_size: { zh: '数据量', en: 'data size' },
  other: { zh: '其他', en: 'other' },
};

export interface UnitDef {
  code: UnitCode;
  family: UnitFamily;
  /** Display label in Chinese (元, 个百分点, 人次). */
  zh: string;
  /** A longer Chinese label where the short one is ambiguous out of context (个项目). */
  zhLong?: string;
  /** Display label in English (CNY, pp, person-times). */
  en: string;
  /**
   * Exact factor to the family's conversion base as [numerator, denominator] (亩 → m²: 2000/3).
   * Absent when the unit does not convert (USD to CNY has no fixed rate).
   */
  toBase?: readonly [string, string];
  /** The base the factor refers to (units convert only when their bases agree). */
  base?: string;
  /** Chinese large-number scaling (万/亿) applies in display: 2.39亿元, 3.5万人; not for rates. */
  scale: boolean;
  /**
   * The words and symbols the extractor reads as this unit right after a number (元, 名, kWh).
   * Ambiguous measure words (个/项/件/家) list the unit they mean without context; the extractor
   * refines them by the noun that follows.
   */
  words: readonly string[];
}

type Def = Omit<UnitDef, 'code'>;
const r = (num: string, den = '1') => [num, den] as const;

const CANONICAL: Readonly<Record<CanonicalUnit, Def>> = {
  CNY: { family: 'money', zh: '元', en: 'CNY', base: 'CNY', toBase: r('1'), scale: true, words: ['元', '圆', '人民币'] },
  USD: { family: 'money', zh: '美元', en: 'USD', base: 'USD', toBase: r('1'), scale: true, words: ['美元', '美圆'] },
  percent: { family: 'ratio', zh: '%', en: '%', base: 'percent', toBase: r('1'), scale: false, words: ['%', '％'] },
  pp: { family: 'ratio_change', zh: '个百分点', en: 'pp', base: 'pp', toBase: r('1'), scale: false, words: ['个百分点', '百分点'] },
  mu: { family: 'area', zh: '亩', en: 'mu', base: 'm2', toBase: r('2000', '3'), scale: true, words: ['亩'] },
  m2: { family: 'area', zh: '平方米', en: 'm²', base: 'm2', toBase: r('1'), scale: true, words: ['平方米', '平米', '㎡', 'm²', 'M²'] },
  hectare: { family: 'area', zh: '公顷', en: 'ha', base: 'm2', toBase: r('10000'), scale: true, words: ['公顷'] },
  km2: { family: 'area', zh: '平方公里', en: 'km²', base: 'm2', toBase: r('1000000'), scale: false, words: ['平方公里', '平方千米', 'km²', '㎢'] },
  ton: { family: 'mass', zh: '吨', en: 't', base: 'kg', toBase: r('1000'), scale: true, words: ['吨', 't'] },
  kwh: { family: 'energy', zh: '千瓦时', en: 'kWh', base: 'kwh', toBase: r('1'), scale: true, words: ['千瓦时', '度电', '度', 'kWh', 'kwh', 'KWh', 'KWH'] },
  person: { family: 'headcount', zh: '人', en: 'persons', base: 'person', toBase: r('1'), scale: true, words: ['名', '人', '位'] },
  person_time: { family: 'person_visits', zh: '人次', en: 'person-times', base: 'person_time', toBase: r('1'), scale: true, words: ['人次'] },
  org: { family: 'organisations', zh: '家', en: 'organisations', base: 'org', toBase: r('1'), scale: true, words: ['家'] },
  project: { family: 'projects', zh: '个', zhLong: '个项目', en: 'projects', base: 'project', toBase: r('1'), scale: true, words: ['个项目'] },
  item: { family: 'count', zh: '个', zhLong: '个/项', en: 'items', base: 'item', toBase: r('1'), scale: true, words: ['个', '项', '条', '类', '件'] },
  case: { family: 'cases', zh: '起', en: 'cases', base: 'case', toBase: r('1'), scale: true, words: ['起', '宗'] },
  times: { family: 'occurrences', zh: '次', en: 'times', base: 'times', toBase: r('1'), scale: false, words: ['次', '届'] },
  day: { family: 'duration', zh: '天', en: 'days', base: 'day', toBase: r('1'), scale: false, words: ['天', '日', '个工作日', '工作日'] },
  month: { family: 'calendar_duration', zh: '个月', en: 'months', base: 'month', toBase: r('1'), scale: false, words: ['个月'] },
  year_count: { family: 'calendar_duration', zh: '年', en: 'years', base: 'month', toBase: r('12'), scale: false, words: ['年'] },
};

/**
 * Units without a canonical code, written `other:<word>`. The code keeps the word or symbol as
 * written (other:kg, other:公斤); the family and factor let them convert and group.
 */
const OTHER: readonly (Omit<Def, 'zh' | 'en' | 'words'> & { word: string; en?: string; words?: readonly string[] })[] = [
  // Money in other currencies: the family is money, but there is no fixed rate.
  ...['港元', '港币', '欧元', '日元', '英镑', '台币'].map((word) => ({ word, family: 'money' as const, scale: true, words: word === '台币' ? ['台币', '新台币'] : [word] })),
  { word: '‰', family: 'ratio', base: 'percent', toBase: r('1', '10'), scale: false },
  { word: '倍', family: 'multiple', scale: false, en: 'times (multiple)' },
  // Length.
  { word: '公里', family: 'length', base: 'm', toBase: r('1000'), scale: true, en: 'km' },
  { word: '千米', family: 'length', base: 'm', toBase: r('1000'), scale: true, en: 'km' },
  { word: 'km', family: 'length', base: 'm', toBase: r('1000'), scale: true, words: ['km', 'KM', 'Km'] },
  { word: '米', family: 'length', base: 'm', toBase: r('1'), scale: true, en: 'm' },
  { word: 'm', family: 'length', base: 'm', toBase: r('1'), scale: true },
  { word: '厘米', family: 'length', base: 'm', toBase: r('1', '100'), scale: false, en: 'cm' },
  { word: '公分', family: 'length', base: 'm', toBase: r('1', '100'), scale: false, en: 'cm' },
  { word: 'cm', family: 'length', base: 'm', toBase: r('1', '100'), scale: false, words: ['cm', 'CM'] },
  { word: '毫米', family: 'length', base: 'm', toBase: r('1', '1000'), scale: false, en: 'mm' },
  { word: 'mm', family: 'length', base: 'm', toBase: r('1', '1000'), scale: false },
  { word: '英里', family: 'length', base: 'm', toBase: r('1609.344'), scale: false, en: 'miles' },
  { word: '海里', family: 'length', base: 'm', toBase: r('1852'), scale: false, en: 'nautical miles' },
  { word: '英尺', family: 'length', base: 'm', toBase: r('0.3048'), scale: false, en: 'ft' },
  { word: '光年', family: 'length', scale: false, en: 'light years' },
  // Volume.
  { word: '立方米', family: 'volume', base: 'm3', toBase: r('1'), scale: true, en: 'm³' },
  { word: 'm³', family: 'volume', base: 'm3', toBase: r('1'), scale: true },
  { word: '方', family: 'volume', base: 'm3', toBase: r('1'), scale: true, en: 'm³' },
  { word: '升', family: 'volume', base: 'm3', toBase: r('1', '1000'), scale: true, en: 'L' },
  { word: '公升', family: 'volume', base: 'm3', toBase: r('1', '1000'), scale: true, en: 'L' },
  { word: 'L', family: 'volume', base: 'm3', toBase: r('1', '1000'), scale: true },
  { word: '毫升', family: 'volume', base: 'm3', toBase: r('1', '1000000'), scale: false, en: 'mL' },
  { word: 'mL', family: 'volume', base: 'm3', toBase: r('1', '1000000'), scale: false, words: ['mL', 'ml'] },
  // Mass (the canonical ton is 1000 kg).
  { word: '公斤', family: 'mass', base: 'kg', toBase: r('1'), scale: true, en: 'kg' },
  { word: '千克', family: 'mass', base: 'kg', toBase: r('1'), scale: true, en: 'kg' },
  { word: 'kg', family: 'mass', base: 'kg', toBase: r('1'), scale: true, words: ['kg', 'KG', 'Kg'] },
  { word: '斤', family: 'mass', base: 'kg', toBase: r('1', '2'), scale: true, en: 'jin' },
  { word: '克', family: 'mass', base: 'kg', toBase: r('1', '1000'), scale: true, en: 'g' },
  { word: 'g', family: 'mass', base: 'kg', toBase: r('1', '1000'), scale: true },
  { word: '毫克', family: 'mass', base: 'kg', toBase: r('1', '1000000'), scale: false, en: 'mg' },
  { word: 'mg', family: 'mass', base: 'kg', toBase: r('1', '1000000'), scale: false },
  { word: '微克', family: 'mass', base: 'kg', toBase: r('1', '1000000000'), scale: false, en: 'μg' },
  // Energy and power.
  { word: 'MWh', family: 'energy', base: 'kwh', toBase: r('1000'), scale: true },
  { word: '千瓦', family: 'power', base: 'kW', toBase: r('1'), scale: true, en: 'kW' },
  { word: 'kW', family: 'power', base: 'kW', toBase: r('1'), scale: true, words: ['kW', 'KW', 'kw'] },
  { word: '兆瓦', family: 'power', base: 'kW', toBase: r('1000'), scale: true, en: 'MW' },
  { word: 'MW', family: 'power', base: 'kW', toBase: r('1000'), scale: true },
  { word: 'GW', family: 'power', base: 'kW', toBase: r('1000000'), scale: true },
  // Time below a day, weeks; ages.
  { word: '小时', family: 'duration', base: 'day', toBase: r('1', '24'), scale: false, en: 'hours' },
  { word: '分钟', family: 'duration', base: 'day', toBase: r('1', '1440'), scale: false, en: 'minutes' },
  { word: '秒', family: 'duration', base: 'day', toBase: r('1', '86400'), scale: false, en: 'seconds' },
  { word: '周', family: 'duration', base: 'day', toBase: r('7'), scale: false, en: 'weeks' },
  { word: '岁', family: 'age', scale: false, en: 'years old', words: ['岁', '周岁'] },
  // Temperature, concentration, data.
  { word: '℃', family: 'temperature', scale: false, en: '°C' },
  { word: '微克/立方米', family: 'concentration', scale: false, en: 'μg/m³' },
  { word: '字节', family: 'data_size', base: 'byte', toBase: r('1'), scale: true, en: 'bytes' },
  { word: '千字节', family: 'data_size', base: 'byte', toBase: r('1024'), scale: true, en: 'KB' },
  // Person-visits other than 人次.
  ...['车次', '架次', '户次'].map((word) => ({ word, family: 'occurrences' as const, scale: true })),
  // Sessions and rounds of something held.
  ...['场', '轮', '期'].map((word) => ({ word, family: 'occurrences' as const, scale: false })),
  // Countable things by their measure word.
  ...['台', '辆', '座', '所', '套', '栋', '幢', '户', '批', '支', '张', '本', '册', '卷', '盒', '袋', '瓶', '箱', '枚', '幅', '盏', '部', '面', '篇', '份', '处', '块', '棵', '株', '头', '只', '架', '艘', '列', '层', '例', '村', '门', '款', '种', '笔', '间', '桩', '班'].map(
    (word) => ({ word, family: 'count' as const, scale: true }),
  ),
];

function buildRegistry(): Map<string, UnitDef> {
  const m = new Map<string, UnitDef>();
  for (const code of CANONICAL_UNITS) m.set(code, { code, ...CANONICAL[code] });
  for (const o of OTHER) {
    const code = `other:${o.word}` as const;
    const { word, en, words, ...rest } = o;
    m.set(code, { code, zh: word, en: en ?? word, words: words ?? [word], ...rest });
  }
  return m;
}

const REGISTRY = buildRegistry();

/** Every registered unit (canonical first, in the contract's order). */
export const UNITS: readonly UnitDef[] = [...REGISTRY.values()];

export function isCanonicalUnit(code: string): code is CanonicalUnit {
  return (CANONICAL_UNITS as readonly string[]).includes(code);
}

/** A well-formed unit code: canonical, or other:<1–20 characters without spaces>. */
export function isUnitCode(code: string): code is UnitCode {
  return isCanonicalUnit(code) || /^other:\S{1,20}$/.test(code);
}

/** The registry entry, or undefined for an unregistered other:<word>. */
export function unitDef(code: string): UnitDef | undefined {
  return REGISTRY.get(code);
}

/** The family of a unit; an unregistered other:<word> is of family `other`. */
export function unitFamily(code: string): UnitFamily {
  return REGISTRY.get(code)?.family ?? 'other';
}

/**
 * Whether two units measure the same kind of thing (亩 and 公顷; 元 and 美元; not 人 and 人次).
 * Unregistered other:<word> units are only of one family with themselves.
 */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = unitFamily(a);
  return fa !== 'other' && fa === unitFamily(b);
}

/** Whether a value in `from` converts exactly to `to` (same base: 亩 → 公顷 yes, 美元 → 元 no). */
export function convertible(from: string, to: string): boolean {
  if (from === to) return true;
  const a = REGISTRY.get(from);
  const b = REGISTRY.get(to);
  return !!a?.toBase && !!b?.toBase && !!a.base && a.base === b.base;
}

/** Decimal places kept by convert when the result does not terminate (亩 → m²). */
export const CONVERT_PLACES = 6;

/**
 * Converts an exact decimal value between two units of one base: convert('15', 'mu', 'hectare')
 * → '1'; convert('2.5', 'hectare', 'mu') → '37.5'. Returns a decimal string (no exponent, no
 * trailing zeros; rounded half-up to `places` decimals when it does not terminate), or null when
 * the units do not convert or the value is not a number.
 */
export function convert(value: string | number, from: string, to: string, places = CONVERT_PLACES): string | null {
  const v = toDecimal(value);
  if (!v) return null;
  if (from === to) return decimalString(v);
  if (!convertible(from, to)) return null;
  const a = REGISTRY.get(from)!.toBase!;
  const b = REGISTRY.get(to)!.toBase!;
  // value × (a.num / a.den) / (b.num / b.den), with one division at the end.
  const num = v.times(a[0]).times(b[1]);
  const den = new Decimal(a[1]).times(b[0]);
  return decimalString(num.dividedBy(den).toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
}

/** The display label: formatUnit('CNY', 'zh') → 元; other:台 → 台; unknown codes as given. */
export function formatUnit(code: string, locale: 'zh' | 'en', opts: { long?: boolean } = {}): string {
  const d = REGISTRY.get(code);
  if (d) return locale === 'zh' ? ((opts.long ? d.zhLong : undefined) ?? d.zh) : d.en;
  if (code.startsWith('other:')) return code.slice(6);
  return code;
}

/** Whether 万/亿 scaling applies to the unit's display (not to rates, durations, km²). */
export function unitScales(code: string): boolean {
  return REGISTRY.get(code)?.scale ?? true;
}

export interface ScaledValue {
  /** The exact value in the scaled unit, as a decimal string (238580000 → "2.3858"). */
  value: string;
  /** 亿, 万 or '' (zh); the value is `value` × 10^8, 10^4 or 1. */
  prefix: '' | '万' | '亿';
}

/**
 * The Chinese scaling of an exact value: 亿 from 10^8, 万 from 10^4, for units that scale
 * (238580000 CNY → 2.3858 亿, so 2.3858亿元). Exact: digits are never rounded here.
 */
export function scaleZh(value: string | number, code: string): ScaledValue {
  const v = toDecimal(value);
  if (!v) return { value: String(value), prefix: '' };
  if (!unitScales(code)) return { value: decimalString(v), prefix: '' };
  const abs = v.abs();
  if (abs.gte(1e8)) return { value: decimalString(v.dividedBy(1e8)), prefix: '亿' };
  if (abs.gte(1e4)) return { value: decimalString(v.dividedBy(1e4)), prefix: '万' };
  return { value: decimalString(v), prefix: '' };
}

/** A value with its unit in Chinese, exact: 238580000 CNY → 2.3858亿元; 12.5 percent → 12.5%. */
export function formatQuantityZh(value: string | number, code: string): string {
  const s = scaleZh(value, code);
  return `${s.value}${s.prefix}${formatUnit(code, 'zh')}`;
}

/**
 * The extractor's lexicon: every word or symbol the registry lists, with its unit. A word
 * belongs to one unit only (a test checks this).
 */
export function unitWords(): [string, UnitCode][] {
  const out: [string, UnitCode][] = [];
  for (const d of REGISTRY.values()) for (const w of d.words) out.push([w, d.code]);
  return out;
}

/** The registered units of a family (for pickers: a metric of family area offers 亩/公顷/…). */
export function unitsOfFamily(family: UnitFamily): UnitDef[] {
  return UNITS.filter((u) => u.family === family);
}

/**
 * Why a unit does not fit a metric's unit, in Chinese, or null when it fits (same family).
 * For the editor and the import: 人次 does not fit a metric counted in 人.
 */
export function unitMismatch(unit: string, metricUnit: string): string | null {
  if (sameFamily(unit, metricUnit)) return null;
  const fu = unitFamily(unit);
  const fm = unitFamily(metricUnit);
  return `单位“${formatUnit(unit, 'zh', { long: true })}”（${FAMILY_LABELS[fu].zh}）与指标的单位“${formatUnit(metricUnit, 'zh', { long: true })}”（${FAMILY_LABELS[fm].zh}）不属同一类，不能换算`;
}

function toDecimal(value: string | number | Decimal): Decimal | null {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : null;
  const t = value.trim();
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : null;
}

/** A decimal as a plain string: no exponent, no trailing zeros ("1e+8" never appears). */
export function decimalString(d: Decimal): string {
  const s = d.toFixed();
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s === '-0' ? '0' : s;
}


/** A decimal string as the database returns it (numeric::text keeps the scale: 12.000000) → "12". */
export function canonicalDecimal(s: string): string {
  return decimalString(new Decimal(s));
}
