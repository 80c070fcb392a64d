// Chinese, Arabic and mixed numerals to exact decimals: 二十三, 两百, 壹佰, 三万五, 一百二十万三,
// 23858万, 1.2万亿, 100万三千, 200亿零四千230, 一点五, 一七二零, 负一点二, 三分之一, 壹拾壹元壹角.
import { add, div, fromInt, mul, neg, parseDec, shift, toStr, ZERO, type Dec } from './decimal';

/** Chinese digit characters → value. */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 洞: 0, 一: 1, 壹: 1, 幺: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 倆: 2, 俩: 2, 三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
/** Units inside a section: 十 百 千. */
export const CN_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
/** Section units: 万 亿 (and 兆 as 10^12 is not used in the news; left out on purpose). */
export const CN_BIG_UNIT: Readonly<Record<string, number>> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

const FULLWIDTH_0 = 0xff10;

/**
 * Character classes by UTF-16 code unit, so the scanner's per-character tests are one array
 * read instead of an object lookup (the scan runs over every character of an issue).
 */
export const CC_ARABIC = 1;
export const CC_CN_DIGIT = 2;
export const CC_CN_SMALL = 4;
export const CC_CN_BIG = 8;
export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 48; c <= 57; c++) t[c] = CC_ARABIC;
  for (let c = FULLWIDTH_0; c <= FULLWIDTH_0 + 9; c++) t[c] = CC_ARABIC;
  for (const ch of Object.keys(CN_DIGIT)) t[ch.charCodeAt(0)] = CC_CN_DIGIT;
  for (const ch of Object.keys(CN_SMALL_UNIT)) t[ch.charCodeAt(0)] = CC_CN_SMALL;
  for (const ch of Object.keys(CN_BIG_UNIT)) t[ch.charCodeAt(0)] = CC_CN_BIG;
  return t;
})();

/** The class bits of a one-character string (0 for undefined or the empty string). */
export function charClass(ch: string | undefined): number {
  return ch ? (CHAR_CLASS[ch.charCodeAt(0)] ?? 0) : 0;
}

/** Maps a full-width digit/point/sign to ASCII, else returns the character unchanged. */
export function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) return ch;
  if (c >= FULLWIDTH_0 && c <= FULLWIDTH_0 + 9) return String.fromCharCode(c - FULLWIDTH_0 + 48);
  if (ch === '．') return '.';
  if (ch === '－') return '-';
  return ch;
}

export function isArabicDigit(ch: string | undefined): boolean {
  return charClass(ch) === CC_ARABIC;
}

export function isCnNumeralChar(ch: string | undefined): boolean {
  return (charClass(ch) & (CC_CN_DIGIT | CC_CN_SMALL | CC_CN_BIG)) !== 0;
}

/**
 * Value of a numeral string made of Chinese digits/units and Arabic digit runs (no unit words,
 * no qualifiers). Returns null when the string is not a numeral.
 */
function parseMixed(s: string): Dec | null {
  if (s.length === 0) return null;
  // Digit-by-digit forms (一七二零, 二〇〇二, 一一): only digits, no units.
  let onlyDigits = true;
  for (const ch of s) if (!(ch in CN_DIGIT) && !isArabicDigit(ch)) onlyDigits = false;
  if (onlyDigits && s.length > 1 && /[两兩倆俩]/.test(s)) return null; // 两两: a word, never digit by digit
  if (onlyDigits) {
    let digits = '';
    for (const ch of s) digits += isArabicDigit(ch) ? asciiDigit(ch) : String(CN_DIGIT[ch]);
    return parseDec(digits);
  }

  let total: Dec = ZERO; // completed 万/亿 sections
  let section: Dec = ZERO; // within the current section
  let pending: Dec | null = null; // a digit (or Arabic run) not yet bound to a unit
  let pendingIsSingleCn = false;
  let lastUnitExp = -1; // exponent of the last unit seen, for 三万五 / 两千六
  let zeroSinceUnit = false;
  // Whether the current section has any digit or unit, so 0万 is 0 while a bare 万 is 10000.
  let touched = false;
  // 十/百/千 must fall within a section (一千二百): 十十 or 百千 is not a numeral.
  let lastSmallExp = 99;
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (isArabicDigit(ch)) {
      let j = i;
      let run = '';
      while (j < s.length && (isArabicDigit(s[j]) || ((s[j] === '.' || s[j] === '．') && isArabicDigit(s[j + 1])))) {
        run += asciiDigit(s[j] ?? '');
        j++;
      }
      const d = parseDec(run);
      if (!d || pending) return null;
      pending = d;
      touched = true;
      pendingIsSingleCn = false;
      i = j;
      continue;
    }
    if (ch in CN_DIGIT) {
      const v = CN_DIGIT[ch] ?? 0;
      touched = true;
      if (v === 0) {
        zeroSinceUnit = true;
        if (pending) return null;
        i++;
        continue;
      }
      if (pending) return null; // two digits in a row inside a unit numeral
      pending = fromInt(v);
      pendingIsSingleCn = true;
      i++;
      continue;
    }
    if (ch in CN_SMALL_UNIT) {
      const exp = CN_SMALL_UNIT[ch] ?? 1;
      if (exp >= lastSmallExp) return null;
      lastSmallExp = exp;
      const base = pending ?? fromInt(1); // 十一, 零百一十一: a unit without a digit counts once
      section = add(section, shift(base, exp));
      touched = true;
      pending = null;
      lastUnitExp = exp;
      zeroSinceUnit = false;
      i++;
      continue;
    }
    if (ch in CN_BIG_UNIT) {
      const exp = CN_BIG_UNIT[ch] ?? 4;
      let sec = section;
      if (pending) sec = add(sec, pending);
      if (exp === 8) {
        // 亿 closes everything before it, including a 万 section (一千一百一十一万…亿).
        // A bare 亿 (上亿元) is one 亿; 0万亿 stays 0.
        total = !touched && i === 0 ? shift(fromInt(1), 8) : shift(add(total, sec), 8);
      } else if (!touched && !total.isZero()) {
        // 万亿: the 万 multiplies what came before.
        total = shift(total, exp);
      } else {
        total = add(total, shift(touched ? sec : fromInt(1), exp));
      }
      section = ZERO;
      touched = false;
      lastSmallExp = 99;
      pending = null;
      lastUnitExp = exp;
      zeroSinceUnit = false;
      i++;
      continue;
    }
    return null;
  }
  let value = add(total, section);
  if (pending) {
    // 三万五 = 35000, 一百二 = 120: a lone trailing Chinese digit right after a unit counts one
    // place below it; after 零 (十万零一) or as an Arabic run (1万600) it counts as written.
    if (pendingIsSingleCn && lastUnitExp > 0 && !zeroSinceUnit) value = add(value, shift(pending, lastUnitExp - 1));
    else value = add(value, pending);
  }
  return value;
}

function parseWithPoint(s: string): Dec | null {
  const p = s.indexOf('点');
  if (p < 0) return parseMixed(s);
  const intPart = p === 0 ? ZERO : parseMixed(s.slice(0, p));
  const frac = s.slice(p + 1);
  if (!intPart || frac.length === 0) return null;
  let digits = '';
  for (const ch of frac) {
    if (ch in CN_DIGIT) digits += String(CN_DIGIT[ch]);
    else if (isArabicDigit(ch)) digits += asciiDigit(ch);
    else return null;
  }
  const f = parseDec(`0.${digits}`);
  if (!f) return null;
  // The fraction of a numeral with a 万/亿 tail (一点五亿) is handled by the caller.
  return add(intPart, f);
}

/** Money in capital numerals: 壹拾壹元壹角壹分, 玖仟陆佰陆拾伍圆壹角捌分, 壹拾壹元整. */
function parseMoney(s: string): Dec | null {
  const m = /^(.+?)[元圆](?:(.)角)?(?:(.)分)?[整正]?$/.exec(s);
  if (!m) return null;
  const yuan = parseNumeralDec(m[1] ?? '');
  if (!yuan) return null;
  let v = yuan;
  for (const [digit, exp] of [
    [m[2], -1],
    [m[3], -2],
  ] as const) {
    if (digit === undefined) continue;
    const d = CN_DIGIT[digit] ?? (isArabicDigit(digit) ? Number(asciiDigit(digit)) : undefined);
    if (d === undefined) return null;
    v = add(v, shift(fromInt(d), exp));
  }
  return v;
}

const PLAIN_DECIMAL = /^\d{1,40}(?:\.\d{1,24})?$/;

/**
 * The exact value of a numeral, or null. Accepts a sign (负, -), Chinese and Arabic digits,
 * 十百千万亿, 点 and "." decimals, thousands separators, fractions (三分之一), money in capital
 * numerals. Units of measure and qualifiers are not part of a numeral.
 */
export function parseNumeralDec(input: string): Dec | null {
  // Fast path for the common case, a plain Arabic number ("23858", "8.5").
  if (PLAIN_DECIMAL.test(input)) return parseDec(input);
  let s = input.trim();
  if (s.length === 0 || s.length > 64) return null;
  let negative = false;
  if (s[0] === '负' || s[0] === '負' || s[0] === '-' || s[0] === '－' || s[0] === '−') {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1').replace(/廿/g, '二十').replace(/卅/g, '三十').replace(/卌/g, '四十');
  let v: Dec | null;
  const frac = s.indexOf('分之');
  if (frac > 0) {
    const den = parseNumeralDec(s.slice(0, frac));
    const num = parseNumeralDec(s.slice(frac + 2));
    v = den && num ? div(num, den) : null;
  } else if (/[元圆]/.test(s)) {
    v = parseMoney(s);
  } else {
    // A decimal with a multiplier tail: 1.2万亿, 一点五亿, 10.1万.
    const tail = /^(.*?[.．点]\S*?)([万萬亿億]+)$/.exec(s);
    const p = s.indexOf('点');
    if (tail && !/[十拾百佰千仟]/.test(tail[1] ?? '') && (p >= 0 || /[.．]/.test(s))) {
      const base = parseWithPoint((tail[1] ?? '').replace('．', '.')) ?? parseArabicDecimal(tail[1] ?? '');
      let exp = 0;
      for (const ch of tail[2] ?? '') exp += CN_BIG_UNIT[ch] ?? 0;
      v = base ? shift(base, exp) : null;
    } else {
      v = parseWithPoint(s) ?? parseArabicDecimal(s);
    }
  }
  if (!v) return null;
  return negative ? neg(v) : v;
}

function parseArabicDecimal(s: string): Dec | null {
  let out = '';
  for (const ch of s) out += asciiDigit(ch);
  return parseDec(out);
}

/**
 * The exact value of a numeral as a decimal string ("23", "1200000000000"), or null. Fractions
 * are exact when they terminate (四分之一 → "0.25") and otherwise rounded half-up to 6 decimals
 * (三分之一 → "0.333333"), the precision the product keeps for shares.
 */
export function parseNumeral(s: string): string | null {
  const v = parseNumeralDec(s);
  return v ? toStr(v) : null;
}

export { mul };
