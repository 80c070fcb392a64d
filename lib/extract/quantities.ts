// Finds quantities in a line of text in one left-to-right pass: a numeral (Arabic, Chinese or
// mixed), its qualifiers (近/约/超过/余/多/以上/左右…), its unit, and ranges (8至10个, 5-6亿元).
// Dates, clock times, ordinals, versions, phone numbers, figures inside names and book titles,
// and short quoted slogans ("八五"普法, "一号工程") are skipped.
// Policies: vague amounts (几十万, 数百家, 三四百人) are not figures, but a trailing 几 reads as 多
// (二十几万 → > 200000); a lone Chinese 一 with a measure word is prose (一张蓝图, 一起) unless
// the unit is an amount (一吨, 一亿元) or it is qualified; 近3年 is an exact recent span.
// The scan is linear: numeral runs longer than any figure are skipped whole.
import { add, cmp, dec, decimals, div, isWhole, mul, neg, parseDec, shift, toStr, ZERO, type Dec } from './decimal';
import { asciiDigit, CN_DIGIT, CC_CN_BIG, CC_CN_DIGIT, CC_CN_SMALL, charClass, CN_BIG_UNIT, isArabicDigit, parseNumeralDec } from './numerals';
import { matchUnit, refineUnit } from './units';
import type { Comparator, NotFactReason, Quantity, UnitCode } from './types';

/** Qualifiers written before the number, longest first. */
const PRE_QUALIFIERS: [string, Comparator][] = [
  ['大于等于', 'gte'], ['大于或等于', 'gte'], ['小于等于', 'lte'], ['小于或等于', 'lte'], ['高于等于', 'gte'], ['低于等于', 'lte'],
  ['不小于', 'gte'], ['不大于', 'lte'], ['大于', 'gt'], ['小于', 'lt'], ['≥', 'gte'], ['≤', 'lte'], ['⩾', 'gte'], ['⩽', 'lte'],
  ['＞', 'gt'], ['＜', 'lt'], ['>', 'gt'], ['<', 'lt'],
  ['不少于', 'gte'], ['不低于', 'gte'], ['不超过', 'lte'], ['不高于', 'lte'], ['不多于', 'lte'],
  ['不足', 'lt'], ['不到', 'lt'], ['少于', 'lt'], ['低于', 'lt'], ['超过', 'gt'], ['高于', 'gt'], ['多于', 'gt'],
  ['大约', 'approx'], ['约为', 'approx'], ['接近', 'approx'], ['将近', 'approx'], ['至少', 'gte'],
  ['近', 'approx'], ['约', 'approx'], ['超', 'gt'], ['逾', 'gt'], ['上', 'gt'],
];
/** Qualifiers written after the number or its unit. */
const POST_QUALIFIERS: [string, Comparator][] = [
  ['以上', 'gte'], ['以下', 'lte'], ['以内', 'lte'], ['之内', 'lte'], ['左右', 'approx'], ['上下', 'approx'],
  ['有余', 'gt'], ['之多', 'gt'], ['出头', 'gt'], ['多', 'gt'], ['余', 'gt'],
];
const FULLWIDTH_0 = 0xff10;
const RANGE_SEPARATOR_CHARS = '至到-—－~～〜';
function isRangeSeparator(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && RANGE_SEPARATOR_CHARS.includes(ch);
}

function isLatin(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

function isCn(ch: string | undefined): boolean {
  return charClass(ch) === CC_CN_DIGIT;
}
function isCnUnitChar(ch: string | undefined): boolean {
  return (charClass(ch) & (CC_CN_SMALL | CC_CN_BIG)) !== 0;
}

/** Regions inside book titles 《…》 and short quotations (slogans), where figures are names. */
export function protectedRegions(text: string): Uint8Array | null {
  // A byte per character: a 10 MB input with one quotation must not cost a 80 MB array.
  let marks: Uint8Array | null = null;
  const mark = (a: number, b: number) => {
    marks ??= new Uint8Array(text.length);
    for (let k = a; k < b; k++) marks[k] = 1;
  };
  let bookStart = -1;
  let quoteStart = -1;
  let asciiOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') bookStart = i;
    else if (ch === '》' && bookStart >= 0) {
      if (i - bookStart <= 80) mark(bookStart, i);
      bookStart = -1;
    } else if (ch === '“' || ch === '「' || ch === '『') quoteStart = i;
    else if ((ch === '”' || ch === '」' || ch === '』') && quoteStart >= 0) {
      if (i - quoteStart <= 12) mark(quoteStart, i);
      quoteStart = -1;
    } else if (ch === '"') {
      if (asciiOpen < 0) asciiOpen = i;
      else {
        if (i - asciiOpen <= 12) mark(asciiOpen, i);
        asciiOpen = -1;
      }
    } else if (ch === '\n') {
      bookStart = quoteStart = asciiOpen = -1;
    }
  }
  return marks;
}

interface Numeral {
  start: number;
  end: number;
  value: Dec;
  /** Written with Chinese numerals only. */
  chinese: boolean;
  /** Had a 万/亿 multiplier. */
  multiplier: boolean;
  /** 余/多 inside (三千余万). */
  innerGt: boolean;
  percent: boolean;
  digitsOnly: string;
  /** 三分之一: numerator and denominator (value is their quotient). */
  fraction?: { num: Dec; den: Dec };
}

const MAX_NUMERAL_CHARS = 48;

/**
 * Reads the numeral starting at i (after an optional 百分之 / sign), or null. `depth` is 1 for
 * the numerator of a fraction: no 百分之 or nested fraction there, so 三分之三分之… cannot
 * recurse without bound (a stack overflow on hostile input).
 */
function readNumeral(text: string, i: number, depth = 0): Numeral | null {
  let j = i;
  let percent = false;
  if (depth === 0 && text.startsWith('百分之', j)) {
    percent = true;
    j += 3;
  }
  let negative = false;
  if ((text[j] === '负' || text[j] === '負' || text[j] === '-') && (isArabicDigit(text[j + 1]) || isCn(text[j + 1]) || text[j + 1] === '十')) {
    negative = true;
    j++;
  }
  const bodyStart = j;
  let raw = '';
  let chinese = true;
  let multiplier = false;
  let innerGt = false;
  let digitsOnly = '';
  let fwGroups = false; // a '，' already read as a thousands separator: the next ones are too
  while (j < text.length) {
    // No figure in a newspaper is this long; reading (and BigInt-parsing) an endless run of
    // digits from every start position would make hostile input quadratic.
    if (j - bodyStart >= MAX_NUMERAL_CHARS) return null;
    const ch = text[j] ?? '';
    if (isArabicDigit(ch)) {
      chinese = false;
      raw += asciiDigit(ch);
      digitsOnly += asciiDigit(ch);
      j++;
    } else if ((ch === '.' || ch === '．') && isArabicDigit(text[j - 1]) && isArabicDigit(text[j + 1])) {
      raw += '.';
      j++;
    } else if ((ch === ',' || (ch === '，' && (fwGroups || fullWidthSeparator(text, j)))) && isArabicDigit(text[j - 1]) && /^\d{3}(?!\d)/.test(asciiRun(text, j + 1, 4))) {
      // Thousands separator: ASCII ',' (1,234.5) or '，' where it can only be one (４，５６５,
      // 3，456.50元); a Chinese comma after ASCII digits otherwise separates list items
      // (分别为20，300).
      if (ch === '，') fwGroups = true;
      j++;
    } else if (isCn(ch)) {
      raw += ch;
      j++;
    } else if (isCnUnitChar(ch)) {
      // 12千米, 2.3千克, 3.5百分点: a unit word, not a multiplier.
      const u = raw.length > 0 ? matchUnit(text, j) : null;
      if (u && u.word.length > 1 && !(u.word === '百分点' && isCn(text[j - 1]) && raw.endsWith('个'))) break;
      // 十/百/千 only continue a numeral (or start 十二); 万/亿 multiply what is before.
      if (ch in CN_BIG_UNIT) multiplier = true;
      raw += ch;
      j++;
    } else if ((ch === '点' || ch === '點') && raw.length > 0 && (isCn(text[j + 1]) || isArabicDigit(text[j + 1])) && !raw.includes('点')) {
      raw += '点';
      j++;
    } else if ((ch === '余' || ch === '多') && raw.length > 0 && (text[j + 1] === '万' || text[j + 1] === '亿' || text[j + 1] === '萬' || text[j + 1] === '億')) {
      innerGt = true; // 三千余万
      j++;
    } else break;
  }
  if (raw.length === 0) return null;
  // Fractions: 三分之一, 5分之2.
  if (depth === 0 && text.startsWith('分之', j)) {
    const num = readNumeral(text, j + 2, 1);
    if (num) {
      const v = parseNumeralDec(`${raw}分之${text.slice(num.start, num.end)}`);
      const den = parseNumeralDec(raw);
      if (v && den)
        return { start: i, end: num.end, value: negative ? neg(v) : v, chinese: chinese && num.chinese, multiplier: false, innerGt: false, percent, digitsOnly: '', fraction: percent ? undefined : { num: num.value, den } };
    }
  }
  // A numeral cannot end in 点.
  while (raw.endsWith('点')) {
    raw = raw.slice(0, -1);
    j--;
  }
  // Trailing 十/百/千 without a digit before (十大, 百姓) only counts in 十二-style numerals.
  const value = parseNumeralDec(raw);
  if (!value) return null;
  return {
    start: i,
    end: j,
    value: negative ? neg(value) : value,
    chinese,
    multiplier,
    innerGt,
    percent,
    digitsOnly: bodyStart < j ? digitsOnly : '',
  };
}

/**
 * Whether the '，' at j is a thousands separator: between full-width digits (４，５６５), or before
 * a group of three that ends in a decimal part or another group (3，456.50元, 1，234，567元).
 */
function fullWidthSeparator(text: string, j: number): boolean {
  return text.charCodeAt(j - 1) >= FULLWIDTH_0 || groupAfterSeparator(text, j);
}

/** After the '，' at j: three digits, then a decimal part or another '，ddd' group. */
function groupAfterSeparator(text: string, j: number): boolean {
  const next = text[j + 4];
  if (!(isArabicDigit(text[j + 1]) && isArabicDigit(text[j + 2]) && isArabicDigit(text[j + 3]))) return false;
  if ((next === '.' || next === '．') && isArabicDigit(text[j + 5])) return true;
  return next === '，' && isArabicDigit(text[j + 5]) && isArabicDigit(text[j + 6]) && isArabicDigit(text[j + 7]) && !isArabicDigit(text[j + 8]);
}

/** End of the run of Chinese numeral characters starting at i (i itself when there is none). */
function cnRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && (isCn(text[j]) || isCnUnitChar(text[j]))) j++;
  return j;
}

/** A Chinese numeral of two or more digits without 十/百/千/万/亿 (七一, 二〇二三). */
function isDigitByDigit(text: string, n: Numeral): boolean {
  if (n.end - n.start < 2) return false;
  for (let k = n.start; k < n.end; k++) {
    const ch = text[k];
    if (ch === '负' || ch === '負') continue;
    if (!isCn(ch)) return false;
  }
  return true;
}

/** Characters that can continue a numeral run. */
function isNumeralRunChar(ch: string | undefined): boolean {
  return isArabicDigit(ch) || isCn(ch) || isCnUnitChar(ch) || ch === '.' || ch === '．' || ch === ',' || ch === '，' || ch === '点' || ch === '點' || ch === '余' || ch === '多' || ch === '分' || ch === '之';
}

/** End of the numeral run at i when it is longer than any numeral, else -1. */
function longRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isNumeralRunChar(text[j])) j++;
  return j - i >= MAX_NUMERAL_CHARS ? j : -1;
}

function asciiRun(text: string, from: number, len: number): string {
  let out = '';
  for (let k = from; k < text.length && k < from + len; k++) out += asciiDigit(text[k] ?? '');
  return out;
}

/** After a date ending at k: the end of a range to a second date (2018年至2019年, 5月8日至14日). */
function skipDateRange(text: string, k: number): number {
  if (isRangeSeparator(text[k])) {
    const m = readNumeral(text, k + 1);
    const after = text[m?.end ?? -1];
    if (m && (after === '年' || after === '月' || after === '日' || after === '号')) {
      let e = m.end + 1;
      if (text[e] === '度') e++;
      if (text[e] === '份') e++;
      const more = readNumeral(text, e);
      const tail = text[more?.end ?? -1];
      if (more && (tail === '月' || tail === '日' || tail === '号')) e = more.end + 1;
      return e;
    }
  }
  return k;
}

/** End of a date/time expression starting with the numeral n, or -1 when n is not a date. */
function dateEnd(text: string, n: Numeral): number {
  let j = n.end;
  const next = text[j];
  const v = Number(toStr(n.value));
  const isYear = (n.digitsOnly.length === 4 || (n.chinese && n.end - n.start === 4)) && v >= 1900 && v <= 2100;
  if (isYear && n.digitsOnly.length === 4) {
    // 2023-05-18, 2023/5/18: numeric dates.
    const numeric = /^[-/.－—](\d{1,2})[-/.－—](\d{1,2})(?!\d)/.exec(text.slice(j, j + 7));
    if (numeric) return j + numeric[0].length;
    // 2022-2023年, 2021—2025年: a range of years.
    if (isRangeSeparator(next)) {
      const m = readNumeral(text, j + 1);
      const w = m ? Number(toStr(m.value)) : 0;
      if (m && m.digitsOnly.length === 4 && w >= 1900 && w <= 2100 && text[m.end] === '年') return text[m.end + 1] === '度' ? m.end + 2 : m.end + 1;
    }
  }
  if (next === '年' && isYear) {
    j++;
    if (text[j] === '度') j++;
    const m = readNumeral(text, j);
    if (m && text[m.end] === '月') {
      j = m.end + 1;
      const d = readNumeral(text, j);
      if (d && (text[d.end] === '日' || text[d.end] === '号')) j = d.end + 1;
    }
    return skipDateRange(text, j);
  }
  if (next === '月' && v >= 1 && v <= 12 && isWhole(n.value)) {
    j++;
    if (text[j] === '份') j++;
    const d = readNumeral(text, j);
    if (d && (text[d.end] === '日' || text[d.end] === '号')) j = d.end + 1;
    return skipDateRange(text, j);
  }
  // 18日 is a date; 30日内 (within 30 days) is a duration.
  const within = text[j + 1] === '内' || text.startsWith('以内', j + 1) || text.startsWith('之内', j + 1);
  if ((next === '日' || next === '号') && v >= 1 && v <= 31 && isWhole(n.value) && !(next === '日' && within)) return skipDateRange(text, j + 1);
  if (isRangeSeparator(next) && v >= 1 && v <= 12) {
    // 1至7月, 1-7月
    const m = readNumeral(text, j + 1);
    if (m && text[m.end] === '月') return m.end + 1;
  }
  if ((next === ':' || next === '：') && isArabicDigit(text[j + 1]) && isArabicDigit(text[j + 2]) && v < 25) return j + 3;
  if ((next === '时' || (next === '点' && !isArabicDigit(text[j + 1]) && !isCn(text[j + 1]))) && v <= 24 && isWhole(n.value)) {
    // 下午3时, 9点30分 — but not 3点 in 一点两小时 (handled as numeral already)
    let e = j + 1;
    const m = readNumeral(text, e);
    if (m && text[m.end] === '分') e = m.end + 1;
    return e;
  }
  return -1;
}

function matchFrom(list: [string, Comparator][], text: string, i: number): [string, Comparator] | null {
  for (const entry of list) if (text.startsWith(entry[0], i)) return entry;
  return null;
}

/**
 * Words that end in a one-character qualifier but do not qualify the number: 签约3个项目 (signed,
 * not "about"), 节约3000万元 (saved), 最近3年 / 附近3个小区 (recent, nearby), 赶超2家 (overtook).
 */
const NOT_QUALIFIER_BEFORE: Readonly<Record<string, string>> = {
  约: '签节制预公条合特婚履违邀守相立简盟誓缔集隐如践毁解续新',
  近: '最附临靠邻亲贴就远走挨',
  超: '赶高',
};

function preQualifier(text: string, start: number): [string, Comparator] | null {
  for (const entry of PRE_QUALIFIERS) {
    const w = entry[0];
    if (start >= w.length && text.startsWith(w, start - w.length)) {
      // 上 only as in 上千家/上万人 (a bare unit numeral), handled by the caller.
      const not = NOT_QUALIFIER_BEFORE[w];
      if (not && not.includes(text[start - 2] ?? '\n')) return null;
      return entry;
    }
  }
  return null;
}

/** Units for which a lone Chinese 一 is still a figure (一吨, 一亩, 一元). */
const LONE_ONE_UNITS = new Set<string>(['CNY', 'USD', 'mu', 'm2', 'hectare', 'km2', 'ton', 'kwh', 'percent', 'pp', 'other:倍']);
/** Words starting with 成 after a numeral that are not tenths (三成员国, 一成不变 is caught as lone 一). */
const TENTHS_STOP = '员为功本果立绩就交品熟型效不';
const HALF: Dec = dec('0.5');
const TEN: Dec = dec(10);
const HUNDRED: Dec = dec(100);
const CJK = /[\u4e00-\u9fff]/;

function unitAllowedForChinese(word: string): boolean {
  // 十分 (very), 一点 (a little), 三期 (phase names) are words, not measures.
  return !['分', '期', '方', '门', '本', '头', '班', '处', '种', '周', '间', '笔', '块', '架', '层', '所', '列', '支'].includes(word);
}

export interface FindOptions {
  /**
   * Also report the quantities that are not facts (`notFact` set): a lone 一 with a measure
   * word (一个 → 1), thresholds (年满60周岁). The `numbers` CLI asks for these (CONTRACTS §2).
   */
  all?: boolean;
}

/** All quantities in the text, in order and non-overlapping. Never throws. */
export function findQuantities(text: string, opts: FindOptions = {}): Quantity[] {
  const all = findAllQuantities(text);
  if (!opts.all) return all.filter((q) => q.notFact === undefined);
  // Both ends of a range as two quantities (30~50个 → 30 and 50; 4%至6% → 4 and 6).
  const out: Quantity[] = [];
  for (const q of all) out.push(...splitRange(text, q));
  return out;
}

/** A range as its two ends, each with the unit; other quantities as they are. */
export function splitRange(text: string, q: Quantity): Quantity[] {
  if (q.upper === undefined || q.lowerEnd === undefined || q.upperStart === undefined) return [q];
  const { upper, lowerEnd, upperStart, ...base } = q;
  const low: Quantity = { ...base, end: lowerEnd, text: text.slice(q.start, lowerEnd) };
  const high: Quantity = { ...base, start: upperStart, text: text.slice(upperStart, q.end), value: upper };
  return [low, high];
}

function findAllQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const protectedAt = protectedRegions(text);
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const startsNumber =
      isArabicDigit(ch) ||
      isCn(ch) ||
      ch === '十' ||
      (ch === '拾' && (isCn(text[i + 1]) || isCnUnitChar(text[i + 1]))) ||
      ((ch === '负' || ch === '負') && (isArabicDigit(text[i + 1]) || isCn(text[i + 1]) || text[i + 1] === '十')) ||
      (ch === '-' && isArabicDigit(text[i + 1]) && !isArabicDigit(text[i - 1]) && !isLatin(text[i - 1])) ||
      ((ch === '百' || ch === '千') && isCn(text[i + 1]) && !isCnUnitChar(text[i + 2]) && !isCn(text[i + 2])) ||
      ((ch === '百' || ch === '千' || ch === '万' || ch === '亿') && (text[i - 1] === '近' || text[i - 1] === '上' || text[i - 1] === '逾' || text[i - 1] === '超')) ||
      text.startsWith('百分之', i);
    if (!startsNumber) {
      i++;
      continue;
    }
    const q = readQuantityAt(text, i, protectedAt, out[out.length - 1]?.end ?? 0);
    if (q.quantity) out.push(q.quantity);
    i = Math.max(q.next, i + 1);
  }
  return out;
}

const CAPITAL_DIGITS = '壹贰貳叁參肆伍陆陸柒捌玖';

/** A quantity being read: each stage below takes one and returns the next (or a skip). */
export interface Draft {
  /** The numeral the quantity starts with. */
  n: Numeral;
  start: number;
  end: number;
  value: Dec;
  comparator: Comparator;
  /** The qualifier written before the number (近, 超过, 大于等于), if any. */
  pre: [string, Comparator] | null;
  /** Ranges: the upper bound, where the lower bound's text ends and the upper one's starts. */
  upper?: Dec;
  lowerEnd?: number;
  upperStart?: number;
  unit: UnitCode | null;
  measure: string | null;
  notFact?: NotFactReason;
}
/** A stage's verdict that there is no quantity here: scanning resumes at `next`. */
export interface Skip {
  skip: number;
}
type Staged = Draft | Skip;
const isSkip = (d: Staged): d is Skip => 'skip' in d;

/**
 * The quantity starting at text[i], in named stages: the numeral and what rules it out
 * (`numeralStage`), a comparator written before it (`comparatorBeforeStage`), scale words
 * after it (`scaleStage`), a range (`rangeStage`), the unit (`unitStage`), a comparator after
 * it (`comparatorAfterStage`) and whether it is a fact (`factStage`).
 */
function readQuantityAt(text: string, i: number, protectedAt: Uint8Array | null, minStart: number): { quantity: Quantity | null; next: number } {
  const n = numeralStage(text, i, protectedAt);
  if ('skip' in n) return { quantity: null, next: n.skip };
  let d: Staged = comparatorBeforeStage(text, n, minStart);
  if (!isSkip(d)) d = scaleStage(text, d);
  if (!isSkip(d)) d = rangeStage(text, d);
  if (!isSkip(d)) d = unitStage(text, d);
  if (!isSkip(d)) d = comparatorAfterStage(text, d);
  if (!isSkip(d)) d = factStage(text, d, protectedAt);
  if (isSkip(d)) return { quantity: null, next: d.skip };
  const quantity: Quantity = {
    text: text.slice(d.start, d.end),
    start: d.start,
    end: d.end,
    value: toStr(d.value),
    unit: d.unit,
    comparator: d.comparator,
    measure: d.measure,
  };
  if (d.upper) {
    quantity.upper = toStr(d.upper);
    if (d.lowerEnd !== undefined && d.upperStart !== undefined) {
      quantity.lowerEnd = d.lowerEnd;
      quantity.upperStart = d.upperStart;
    }
  }
  if (d.notFact) quantity.notFact = d.notFact;
  return { quantity, next: d.end };
}

/**
 * Stage 1, the numeral at i and what rules it out before any unit is read: vague amounts
 * (几十万), digit-by-digit names (七一, 二〇二三), dates and clock times, ordinals (第三),
 * codes and versions (G60, 5G), phone numbers, figures inside titles and slogans.
 */
export function numeralStage(text: string, i: number, protectedAt: Uint8Array | null = null): Numeral | Skip {
  const n = readNumeral(text, i);
  // A short run that is not a numeral may hold one further on, so retry at i + 1; an over-long
  // run (binary or hostile input) is skipped whole, else every start would re-read it.
  // A run of Chinese numeral characters that is not one numeral (十四五, 一两千, 三四百) is a
  // name or a vague amount: skip it whole rather than read a figure from its tail (四五, 两千).
  if (!n) return { skip: Math.max(i + 1, longRunEnd(text, i), cnRunEnd(text, i)) };
  const prev = text[i - 1];
  // 几十万, 数百家: vague amounts are not figures.
  if (n.chinese && (prev === '几' || prev === '幾' || prev === '数' || prev === '數')) return { skip: cnRunEnd(text, n.end) };
  // 七一, 四五, 二〇二三 read digit by digit: names, festivals and years, never a count; but 七五折
  // is a discount written digit by digit.
  if (n.chinese && !n.percent && isDigitByDigit(text, n) && !(n.end - n.start === 2 && discountAt(text, n.end))) return { skip: n.end };
  // A lone capital digit is a word (登陆, 队伍, 叁 in names): capitals make figures only in
  // longer numerals (壹拾伍万元).
  // A lone 零 is a word too (零部件, 零距离).
  if (n.chinese && n.end - n.start === 1 && (CAPITAL_DIGITS.includes(text[i] ?? '') || text[i] === '零' || text[i] === '〇')) return { skip: n.end };
  // Inside a longer Arabic run that started earlier (we only start at run beginnings).
  if (isArabicDigit(ch0(text, i)) && (isArabicDigit(prev) || prev === '.' || prev === '．')) return { skip: n.end };
  const date = dateEnd(text, n);
  if (date >= 0) return { skip: date };
  // Ordinals: 第三, 第1名; 第5-6名: the range of ranks goes too.
  if (prev === '第') {
    const m = isRangeSeparator(text[n.end]) ? readNumeral(text, n.end + 1) : null;
    return { skip: skipUnit(text, m ? m.end : n.end) };
  }
  // Names, codes and versions: G60, 5G, PM2.5, VOC, 精益生产4.0, V2.1.
  if (isLatin(prev) || (isLatin(text[n.end]) && !latinUnitAt(text, n.end))) return { skip: n.end };
  // Phone numbers and codes: 0731-58888888, 13812345678.
  if (!n.chinese && n.digitsOnly.startsWith('0') && n.digitsOnly.length >= 3 && (text[n.end] === '-' || text[n.end] === '—') && isArabicDigit(text[n.end + 1])) {
    let e = n.end + 1;
    while (isArabicDigit(text[e]) || text[e] === '-') e++;
    return { skip: e };
  }
  if (!n.chinese && n.digitsOnly.length >= 7 && !n.multiplier && (text[n.end] === '-' || prev === '-' || /^1[3-9]\d{9}$/.test(n.digitsOnly) || n.digitsOnly.length >= 12))
    return { skip: n.end + 1 };
  if (protectedAt?.[i]) return { skip: n.end };
  return n;
}

/**
 * Stage 2, a comparator written before the number (近, 超过, 不低于, 大于等于, ≥). 上 only
 * qualifies a bare 千/万 (上千家, 上万人); a bare 千/万 without a qualifier is no figure.
 */
export function comparatorBeforeStage(text: string, n: Numeral, minStart = 0): Draft | Skip {
  const i = n.start;
  const d: Draft = { n, start: i, end: n.end, value: n.value, comparator: n.innerGt ? 'gt' : 'eq', pre: null, unit: null, measure: null };
  const pre = preQualifier(text, i);
  // A qualifier already read as part of the previous quantity (5以上万元) is not taken twice.
  if (pre && i - pre[0].length >= minStart && !(pre[0] === '上' && (isArabicDigit(text[i]) || isCn(text[i])))) {
    d.comparator = pre[1];
    d.start = i - pre[0].length;
    d.pre = pre;
  } else if ((text[i] === '百' || text[i] === '千' || text[i] === '万' || text[i] === '亿') && !isCn(text[i + 1]) && !text.startsWith('百分之', i)) {
    return { skip: n.end };
  }
  return d;
}

/**
 * Stage 3, scale words after the numeral: 余/多 between the number and its unit (150余名,
 * 22万余元; 十几个 reads as 多) and a 万/亿 multiplier after them (10余万).
 */
export function scaleStage(text: string, d: Draft): Draft {
  if (d.n.percent) return d;
  let { end, value, comparator } = d;
  if (text[end] === '余' || text[end] === '多' || text[end] === '几' || text[end] === '幾') {
    const after = matchUnit(text, end + 1);
    if (after || isBigUnit(text[end + 1])) {
      comparator = 'gt';
      end++;
    }
  }
  if (isBigUnit(text[end])) {
    let exp = 0;
    while (isBigUnit(text[end])) {
      exp += CN_BIG_UNIT[text[end] ?? ''] ?? 0;
      end++;
    }
    value = shift(value, exp);
  }
  return { ...d, end, value, comparator };
}

function isBigUnit(ch: string | undefined): boolean {
  return ch === '万' || ch === '亿' || ch === '萬' || ch === '億';
}

/** Stage 4, a range written with the unit once (8至10个, 5-6亿元, 三到五家). */
export function rangeStage(text: string, d: Draft): Draft {
  const { n, end } = d;
  if (!isRangeSeparator(text[end]) || n.percent) return d;
  const m = readNumeral(text, end + 1);
  if (!m || m.chinese !== n.chinese || (text[end] === '-' && isArabicDigit(text[end + 2]) && text[end + 5] === '-')) return d;
  const u = matchUnit(text, m.end);
  const hasTail = !!u || m.multiplier || text[m.end] === '%' || text[m.end] === '％';
  if (!hasTail) return d;
  // 5-6亿元: the multiplier written once applies to both ends.
  const value = m.multiplier && !n.multiplier ? shift(d.value, multiplierExp(text, m)) : d.value;
  return { ...d, value, upper: m.value, lowerEnd: end, upperStart: m.start, end: m.end };
}

/**
 * Stage 5, the unit after the number: a measure word or symbol of the registry (refined by the
 * noun that follows for 个/项/件), tenths (六成, ３成) and discounts (七五折) as percentages,
 * money in 元角分 and 毛/块 (三毛五, 两块五), half a unit (一年半), a currency sign before
 * the number (￥300), 两个多月, and a range with the unit on both ends (3%至5%).
 */
export function unitStage(text: string, d0: Draft): Draft | Skip {
  const d = { ...d0 };
  const { n } = d;
  if (n.percent) return { ...d, unit: 'percent', measure: '百分之' };
  if (n.fraction) return fractionUnit(text, d);
  const discount = discountAt(text, d.end);
  if (discount && d.upper === undefined && d.comparator === 'eq') {
    const v = discountValue(text, n);
    if (v) return { ...d, value: v, unit: 'percent', measure: '折', end: d.end + 1 };
  }
  const money = smallMoney(text, d);
  if (money) return money;
  const u = matchUnit(text, d.end);
  if (!u) {
    const prev = text[n.start - 1];
    // ￥300, $20: a currency sign before the amount.
    if (prev === '￥' || prev === '¥' || prev === '$') return { ...d, unit: prev === '$' ? 'USD' : 'CNY', measure: prev, start: d.start === n.start ? n.start - 1 : d.start };
    return d;
  }
  if (u.unit === 'SKIP') return { skip: d.end + u.word.length };
  const isYearCount = u.unit === 'year_count';
  const isTenths = u.word === '成';
  // 八成, 两成, ３成: tenths after a single digit (or 3.5成), not in 成员/成为/成功….
  if (isTenths && !(tenthsNumeral(text, n) && !TENTHS_STOP.includes(text[d.end + 1] ?? '。'))) return { skip: d.end + 1 };
  const ok =
    (!n.chinese || unitAllowedForChinese(u.word)) &&
    !(isYearCount && !(d.upper !== undefined && d.upper.lte(300) && isWhole(d.upper)) && !yearCountPlausible(text, d.end + 1, d.value, d.comparator) && !text.slice(Math.max(0, d.start - 2), d.start).endsWith('连续'));
  // A measure word that follows but does not make a quantity (十年 in prose, 三期 as a phase
  // name) means the number is not a bare figure either.
  if (!ok) return { skip: d.end + u.word.length };
  // 十五届人大, 三届二次会议: 届 numbering a body's term is an ordinal, not a count.
  if (u.word === '届' && TERM_ORDINAL.test(text.slice(d.end + 1, d.end + 5))) {
    const session = /^[一二三四五六七八九十]+次/.exec(text.slice(d.end + 1, d.end + 6));
    return { skip: d.end + 1 + (session?.[0].length ?? 0) };
  }
  let unit: UnitCode = isTenths ? 'percent' : refineUnit(u.unit, u.word, text, d.end + u.word.length, d.start);
  // 度 is a kilowatt-hour only where electricity is the subject (发电量1.2亿度); 38度 and
  // 30度 are temperatures and angles; 一度 is "at one time".
  if (u.word === '度' && !/电/.test(text.slice(Math.max(0, d.start - 12), d.start))) unit = 'other:度';
  if (isTenths) {
    d.value = shift(d.value, 1);
    if (d.upper) d.upper = shift(d.upper, 1);
  }
  d.unit = unit;
  d.measure = u.word;
  d.end += u.word.length;
  // 8亿元人民币: the currency name after the amount belongs to it.
  if (unit === 'CNY' && text.startsWith('人民币', d.end)) d.end += 3;
  // 五元八角, 3元5角2分: 角 and 分 after 元.
  if (unit === 'CNY' && (u.word === '元' || u.word === '圆') && d.upper === undefined) {
    const fen = jiaoFen(text, d.end);
    if (fen) {
      d.value = add(d.value, fen.value);
      d.end = fen.end;
    }
  }
  // 一吨半, 三斤半, 一年半: half a unit more.
  if (text[d.end] === '半' && isWhole(d.value) && d.upper === undefined && unit !== 'percent' && unit !== 'pp' && u.word !== '个') {
    d.value = add(d.value, HALF);
    d.end++;
  }
  // 3%至5%, 5万元-6万元: a range with the unit written on both ends.
  if (d.upper === undefined && isRangeSeparator(text[d.end])) {
    const m = readNumeral(text, d.end + 1);
    const mu = m ? matchUnit(text, m.end) : null;
    const top = m ? (isTenths ? shift(m.value, 1) : m.value) : null;
    if (m && top && !m.percent && mu && mu.word === u.word && cmp(top, d.value) > 0) {
      d.upper = top;
      d.lowerEnd = d.end;
      d.upperStart = m.start;
      d.end = m.end + mu.word.length;
    }
  }
  // 两个多月, 两个半月, 5个多小时: 个 + 多/半 + the real unit.
  if (d.measure === '个' && (text[d.end] === '多' || text[d.end] === '半') && d.upper === undefined) {
    const inner = text[d.end + 1] === '月' ? { word: '月', unit: 'month' as UnitCode } : matchUnit(text, d.end + 1);
    if (inner && inner.unit !== 'SKIP' && (inner.word === '月' || inner.word === '小时' || inner.word === '星期' || inner.word === '工作日')) {
      if (text[d.end] === '多') d.comparator = 'gt';
      else d.value = add(d.value, HALF);
      d.unit = inner.unit;
      d.measure = `个${inner.word}`;
      d.end += 1 + inner.word.length;
    }
  }
  return d;
}

/** 十五届人大, 三届二次会议, 十届全国人大: what follows 届 when it numbers a term. */
const TERM_ORDINAL = /^(?:[一二三四五六七八九十]+次|人大|政协|党代|全国|省委|市委|县委|区委|委员|中央|代表|全会|理事|董事|监事|领导|班子|常委|纪委|人民代表)/;

/** A fraction is a share in per cent where it is one (占全省近三分之一, 约占…的五分之三). */
function fractionUnit(text: string, d: Draft): Draft {
  const frac = d.n.fraction;
  if (!frac) return d;
  const before = text.slice(Math.max(0, d.start - 12), d.start);
  const share = d.pre !== null || /[占的达为有过超逾近约]$/.test(before);
  if (!share) return d;
  const pct = div(mul(frac.num, HUNDRED), frac.den, 6);
  if (!pct) return d;
  // 约占全县的五分之三: the 约 of 约占 qualifies the share.
  const clause = /[^，,。；;！？!?\n]*$/.exec(before)?.[0] ?? '';
  const comparator = d.comparator === 'eq' && /(?:约|近|接近|将近)占/.test(clause) ? 'approx' : d.comparator;
  return { ...d, value: pct, unit: 'percent', measure: '分之', comparator };
}

/** 折 after a numeral is a discount (七五折, 八折, 8.5折), not 一波三折 or 折扣/折叠/折腾. */
function discountAt(text: string, i: number): boolean {
  return text[i] === '折' && !'腾扣叠页线纸合算旧射服'.includes(text[i + 1] ?? '。');
}

/** 七五折 → 75, 八折 → 80, 8.5折 → 85, 75折 → 75 (per cent of the price). */
function discountValue(text: string, n: Numeral): Dec | null {
  if (text[n.start - 1] === '波' || text[n.start - 1] === '曲') return null; // 一波三折, 九曲十八折
  const v = n.value;
  if (n.chinese && n.end - n.start === 2 && isDigitByDigit(text, n)) return v;
  if (n.chinese && n.end - n.start === 1 && v.gte(1) && v.lte(9)) return shift(v, 1);
  if (!n.chinese && cmp(v, TEN) < 0 && v.isPositive() && !v.isZero()) return shift(v, 1);
  if (!n.chinese && isWhole(v) && v.gte(10) && v.lt(100)) return v;
  return null;
}

/** 六成, ３成, 3.5成: one Chinese or Arabic digit (or a digit and a tenth) before 成. */
function tenthsNumeral(text: string, n: Numeral): boolean {
  if (n.multiplier) return false;
  if (n.chinese) return n.end - n.start === 1;
  const v = n.value;
  return v.gt(0) && v.lte(10) && decimals(v) <= 1;
}

/** 角/毛 and 分 after 元 or after a 角 amount: 八角 → 0.8, 五分 → 0.05. */
function jiaoFen(text: string, i: number): { value: Dec; end: number } | null {
  let value: Dec = ZERO;
  let j = i;
  const digitAt = (k: number): number | null => {
    const ch = text[k];
    if (ch === undefined) return null;
    if (isArabicDigit(ch)) return Number(asciiDigit(ch));
    const v = CN_DIGIT[ch];
    return v === undefined ? null : v;
  };
  const jiao = digitAt(j);
  if (jiao !== null && (text[j + 1] === '角' || text[j + 1] === '毛') && !isArabicDigit(text[j - 1])) {
    value = add(value, shift(dec(jiao), -1));
    j += 2;
  }
  const fen = digitAt(j);
  if (fen !== null && text[j + 1] === '分' && j > i) {
    value = add(value, shift(dec(fen), -2));
    j += 2;
  }
  return j > i ? { value, end: j } : null;
}

/**
 * Money below a yuan and colloquial yuan: 三毛五 → 0.35, 五角 → 0.5, 八角五分 → 0.85,
 * 两块五 → 2.5, 五块钱 → 5 (块 is money only before 钱 or a trailing digit).
 */
function smallMoney(text: string, d: Draft): Draft | null {
  const { n } = d;
  if (d.upper !== undefined || n.multiplier || !isWhole(n.value)) return null;
  const ch = text[d.end];
  const after = text[d.end + 1];
  const digitAfter = after !== undefined && (CN_DIGIT[after] !== undefined || isArabicDigit(after));
  const tail = (k: number): number => (text[k] === '钱' ? k + 1 : k);
  if ((ch === '毛' || ch === '角') && n.value.lt(10) && (digitAfter || after === '钱' || after === undefined || STOP_AFTER.includes(after))) {
    let value: Dec = shift(n.value, -1);
    let end = d.end + 1;
    const sub = after !== undefined && digitAfter ? (isArabicDigit(after) ? Number(asciiDigit(after)) : CN_DIGIT[after]) : undefined;
    if (sub !== undefined && !isCn(text[end + 1]) && !isArabicDigit(text[end + 1])) {
      value = add(value, shift(dec(sub), -2));
      end += text[end + 1] === '分' ? 2 : 1;
    }
    return { ...d, value, unit: 'CNY', measure: ch, end: tail(end) };
  }
  if (ch === '块' && (after === '钱' || (digitAfter && !isCn(text[d.end + 2]) && !isArabicDigit(text[d.end + 2]) && !matchUnit(text, d.end + 2)))) {
    let value = d.value;
    let end = d.end + 1;
    if (digitAfter) {
      const sub = isArabicDigit(after) ? Number(asciiDigit(after ?? '0')) : (CN_DIGIT[after ?? ''] ?? 0);
      value = add(value, shift(dec(sub), -1));
      end++;
      if (text[end] === '毛' || text[end] === '角') end++;
    }
    return { ...d, value, unit: 'CNY', measure: '块', end: tail(end) };
  }
  return null;
}
const STOP_AFTER = '，,。；;、！？!?：:）)」”\n 的';

/**
 * Stage 6, a comparator written after the number or its unit (以上, 左右, 3年多); 近3年 is the
 * last three years, an exact span.
 */
export function comparatorAfterStage(text: string, d0: Draft): Draft {
  const d = { ...d0 };
  const post = matchFrom(POST_QUALIFIERS, text, d.end);
  if (post && (d.unit !== null || post[0] === '以上' || post[0] === '以下' || post[0] === '左右') && postQualifierFits(text, post[0], d.end + post[0].length)) {
    if (!((post[0] === '多' || post[0] === '余') && d.unit === null)) {
      d.comparator = post[1];
      d.end += post[0].length;
    }
  }
  if (d.pre?.[0] === '近' && d.start === d.n.start - 1 && (d.unit === 'year_count' || d.unit === 'month' || d.unit === 'day') && d.comparator === 'approx') {
    d.comparator = 'eq';
    d.start = d.n.start;
  }
  return d;
}

/**
 * Stage 7, whether what was read is a quantity, and whether it is a fact. Not quantities: a lone
 * Chinese digit or 十/百 inside words (统一, 十全十美), titles (十大重点任务), classes (100亿级),
 * model numbers, school names, versions. Quantities that are not facts (reported by `numbers`
 * only): a lone 一 with a measure word (一名老党员说), ranks (排名前5位), ratings in product
 * names (120吨级), thresholds (年满60周岁).
 */
export function factStage(text: string, d0: Draft, protectedAt: Uint8Array | null = null): Draft | Skip {
  const d = { ...d0 };
  const { n } = d;
  const i = n.start;
  const prev = text[i - 1];
  // 排名前5位, 前三名, 全国前10强: a rank, not a count of people.
  if (prev === '前' && (d.unit === null || d.measure === '位' || d.measure === '名' || text[d.end] === '强') && d.upper === undefined) {
    return { ...d, unit: null, measure: null, start: i, end: n.end, comparator: 'eq', notFact: 'rank' };
  }
  // 120吨级, 10万吨级, 5000千瓦级: a rating that names a class of product.
  if (d.unit !== null && text[d.end] === '级') d.notFact = 'rating';
  // A lone 一 with a measure word is mostly prose (一张蓝图, 一名老党员说, 一起 = together): a
  // figure only for units of amount (一吨, 一亩) or with a qualifier.
  if (d.unit !== null && n.chinese && n.end - n.start === 1 && (text[n.start] === '一' || text[n.start] === '壹') && d.comparator === 'eq' && !LONE_ONE_UNITS.has(d.unit) && !text.slice(n.end, d.end).includes('半')) {
    // 一起 (together), 一度 (at one time) are words, not even numbers.
    if (d.measure === '起' && !/^(?:[^，,。；;]{0,6}(?:案|事故|纠纷|火灾|事件))/.test(text.slice(d.end, d.end + 8))) return { skip: d.end };
    if (d.measure === '度') return { skip: d.end };
    d.notFact = 'prose';
  }
  // 分两次, 分三批, 这两年, 两天内: manner, deixis and deadlines written with a small Chinese
  // numeral are prose.
  if (d.unit !== null && n.chinese && n.end - n.start === 1 && d.comparator === 'eq' && !d.notFact && !LONE_ONE_UNITS.has(d.unit)) {
    if ('分这那每各此该'.includes(prev ?? '。') || /^(?:之内|以内|内)/.test(text.slice(d.end, d.end + 2))) d.notFact = 'prose';
  }
  // 年满60周岁, 60岁以上老人: an age that defines who is meant is a threshold, not a figure.
  if (d.unit === 'other:岁' && (d.comparator !== 'eq' || /满$/.test(text.slice(Math.max(0, d.start - 2), d.start)))) d.notFact = 'threshold';

  // 等十大重点任务, 等三大产业: 大 closing an enumeration counts its items (elsewhere N大 is a
  // title: 十大重点任务, "五大行动").
  if (d.unit === null && n.chinese && text[n.end] === '大' && d.end === n.end && prev === '等' && !protectedAt?.[i]) {
    return { ...d, unit: 'item', measure: '大', end: n.end + 1 };
  }
  if (d.unit !== null) return d;
  // Bare numbers: Arabic ones are reported (unit null); Chinese ones only when substantial
  // (十二 or 一千二百万, not the 一 of 统一 / 一带一路).
  // 100亿级企业, 千亿级产业: a class, not a figure.
  if (text[d.end] === '级') return { skip: d.end + 1 };
  // iPhone 15, Windows 10: a model number after a Latin word and a space.
  if (prev === ' ' && isLatin(text[i - 2])) return { skip: n.end };
  // 十二中, 二十小: school names.
  if (n.chinese && (text[n.end] === '中' || text[n.end] === '小') && d.end === n.end) return { skip: n.end + 1 };
  if (n.chinese) {
    const len = n.end - n.start;
    // A lone 十/百/千/万 inside words (成百上千, 十全十美) is not a figure; 十 on its own, 十二 and
    // 一千二百万 are.
    const substantial = len >= 2 || n.percent || (isCnUnitChar(text[n.start]) && !CJK.test(text[n.end] ?? '') && !CJK.test(text[d.start - 1] ?? ''));
    if (!substantial || (len === 1 && isCn(text[n.start]))) return { skip: n.end };
    // 十大重点任务, 五大行动: 大 after a Chinese numeral makes a title.
    if (text[n.end] === '大') return { skip: n.end };
  }
  // Versions: 精益生产4.0 (a bare x.0 glued to a word).
  if (!n.chinese && isWhole(d.value) && /\.0+$/.test(text.slice(n.start, n.end)) && /[\u4e00-\u9fff]/.test(prev ?? '')) return { skip: n.end };
  return d;
}

/**
 * Whether a post-qualifier ending at `after` qualifies the number: not in 上下游 (upstream and
 * downstream), and 多/余 not as the start of a word (3项多措并举, 5家多元化企业).
 */
function postQualifierFits(text: string, word: string, after: number): boolean {
  const next = text[after] ?? '';
  if (word === '上下') return !'游级班半楼车功'.includes(next) || next === '';
  if (word === '多' || word === '余') return !/[\u4e00-\u9fff]/.test(next) || '来的时前后以里'.includes(next);
  return true;
}

/** A Latin unit (km, kg, cm, kWh) at i, followed by a non-letter. */
function latinUnitAt(text: string, i: number): boolean {
  const u = matchUnit(text, i);
  return !!u && isLatin(u.word[0]) && !isLatin(text[i + u.word.length]);
}

function ch0(text: string, i: number): string {
  return text[i] ?? '';
}

function multiplierExp(text: string, m: Numeral): number {
  let exp = 0;
  const raw = text.slice(m.start, m.end);
  for (let k = raw.length - 1; k >= 0 && (raw[k] === '万' || raw[k] === '亿'); k--) exp += CN_BIG_UNIT[raw[k] ?? ''] ?? 0;
  return exp;
}

function skipUnit(text: string, end: number): number {
  const u = matchUnit(text, end);
  return u ? end + u.word.length : end;
}

/** 40余年, 近5年来, 3年内 are durations; 2022年 (handled as a date) and 5年级 are not. */
function yearCountPlausible(text: string, after: number, value: Dec, comparator: Comparator): boolean {
  const v = Number(toStr(value));
  if (v > 300 || decimals(value) > 1) return false;
  if (text[after] === '级') return false;
  if (comparator !== 'eq') return true;
  const next = text.slice(after, after + 2);
  return ['来', '内', '间', '后', '前', '里', '的', '时', '多', '左', '半'].some((w) => next.startsWith(w)) || next.startsWith('以来');
}

/** Parses a decimal string from a Quantity (for callers that need arithmetic). */
export function quantityValue(q: Quantity): Dec | null {
  return parseDec(q.value);
}
