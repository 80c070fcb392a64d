// Numbers as people type them into admin forms (140亿, 1.4e10, 23,858万, 12%, ３．５, 一千二百万)
// → an exact decimal string. Never goes through floating point: the value column is exact.
import { parseNumeral } from '@/lib/extract/numerals';
import { parseDec, shift, toStr } from '@/lib/extract/decimal';

export type ParsedNumberInput =
  | { ok: true; value: string; percent: boolean }
  | { ok: false; error: string };

const MAX_INPUT = 64;
export const NUMBER_INPUT_ERROR = '无法识别的数字（示例：140亿、1.4e10、23,858万、12%）';

/** Parses one typed number. `percent` is true when the input ended with a % sign. */
export function parseNumberInput(input: string): ParsedNumberInput {
  // NFKC folds full-width digits, points, commas and signs (３．５ → 3.5, －1 → -1).
  let s = input.normalize('NFKC').replace(/\s+/g, '');
  if (s.length === 0) return { ok: false, error: '请输入数值' };
  if (s.length > MAX_INPUT) return { ok: false, error: '数值过长' };
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else if (s.startsWith('百分之')) {
    percent = true;
    s = s.slice(3);
  }
  // A money suffix the unit field already says (万元 → 万, 元 dropped).
  s = s.replace(/(?<=[\d万亿萬億千百十零一二三四五六七八九两])[元圆]$/, '');
  if (s.startsWith('+')) s = s.slice(1);

  const exp = /^(-?)(\d+(?:\.\d+)?|\.\d+)[eE]([+-]?\d{1,3})$/.exec(s);
  if (exp) {
    const mantissa = parseDec(`${exp[1] ?? ''}${(exp[2] ?? '').startsWith('.') ? '0' : ''}${exp[2] ?? ''}`);
    const power = Number(exp[3]);
    if (!mantissa || Math.abs(power) > 30) return { ok: false, error: NUMBER_INPUT_ERROR };
    return { ok: true, value: toStr(shift(mantissa, power)), percent };
  }
  // Thousands separators must sit in groups of three (23,858 yes; 2,38 no).
  if (/,/.test(s) && !/^-?\d{1,3}(,\d{3})+(\.\d+)?[万亿萬億]*$/.test(s)) return { ok: false, error: NUMBER_INPUT_ERROR };
  const plain = s.replace(/,/g, '');
  if (/^-?\d+(\.\d+)?$/.test(plain)) {
    const d = parseDec(plain);
    return d ? { ok: true, value: toStr(d), percent } : { ok: false, error: NUMBER_INPUT_ERROR };
  }
  // Only numeral characters may reach the numeral parser: it accepts a lot, but "12abc" is a typo.
  if (!/^-?[\d.点零〇一二两三四五六七八九十百千万亿萬億壹贰叁肆伍陆柒捌玖拾佰仟负]+$/.test(plain)) {
    return { ok: false, error: NUMBER_INPUT_ERROR };
  }
  const value = parseNumeral(plain);
  return value === null ? { ok: false, error: NUMBER_INPUT_ERROR } : { ok: true, value, percent };
}
