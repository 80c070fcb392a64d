// Scores the quantity layer against the public suites in ../shared/specs: cn2an (numeral →
// value pairs) and Microsoft Recognizers-Text zh-cn Number, Currency and Dimension models.
// A Recognizers case passes when the values we find equal the values it expects (as a multiset;
// for Currency/Dimension, amounts in the same unit). Cases are excluded by documented rules:
// they concern forms this product never meets in government news, or Recognizers' own split
// conventions rather than the value of a number.
// cn2an pairs are compared by value: its "direct" mode expects digit strings ('零一' → '01',
// '一二点三零' → '12.30') and the product reports values, so '01' and 1 count as equal.
// Currency cases must match amount AND currency (CNY/USD); Number and Dimension cases the values.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findQuantitiesInLine } from '@/lib/extract/line';
import { isDimensionUnit } from '@/lib/extract/units';
import { parseNumeral } from '@/lib/extract/numerals';
import { decEquals, parseDec, shift, toStr } from '@/lib/extract/decimal';

export interface SuiteResult {
  suite: string;
  total: number;
  excluded: number;
  passed: number;
  rate: number;
  failures: string[];
  exclusions: Record<string, number>;
}

interface RtCase {
  Input: string;
  NotSupported?: string;
  NotSupportedByDesign?: string;
  Results: { Text: string; TypeName: string; Start?: number; End?: number; Resolution?: { value?: string; unit?: string; isoCurrency?: string } }[];
}

/** Number JSON (possibly in exponent form) → exact decimal string. */
function numToDec(v: number | string): string {
  if (typeof v === 'string') return v;
  const s = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([-+])(\d+)$/.exec(s);
  if (!m) return s;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const exp = Number(m[5]) * (m[4] === '-' ? -1 : 1) - (m[3]?.length ?? 0);
  const d = parseDec(digits);
  if (!d) return s;
  return toStr(shift(d, exp)).replace(/^/, m[1] ?? '');
}

/** Why a Recognizers case is out of scope, or null. */
function exclusionReason(c: RtCase, suite: string): string | null {
  if (c.NotSupported || c.NotSupportedByDesign) return 'marked not supported by Recognizers itself';
  const input = c.Input;
  if (/[a-zA-Z]{3,}/.test(input) && !/[\u4e00-\u9fff]/.test(input)) return 'English-only input';
  for (const r of c.Results) {
    if (r.TypeName !== 'number' && suite === 'Number') return `result type ${r.TypeName} (ordinals, fractions of Recognizers' other models)`;
    const v = r.Resolution?.value;
    if (v === undefined || v === null) return 'no value to compare';
    if (/[几幾数數]|若干/.test(r.Text)) return 'vague amounts (几, 数, 若干): never a reportable figure';
    // 一吨半 (a unit and a half) is read; 半百, 半数 (half as a numeral) are not figures.
    if (/^半|半[百千万亿]/.test(r.Text)) return 'half as a numeral (半百): not a reportable figure';
    if (/^[点.]|点$/.test(r.Text) || /点[零一二三四五六七八九两]+点/.test(r.Text)) return 'Recognizers split convention for 点 (两百点两 → 200 and 2)';
    if (/第/.test(r.Text) || input[input.indexOf(r.Text) - 1] === '第') return 'ordinal';
    if (/[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]/.test(r.Text)) return 'Roman numerals';
    if (/^[零〇一二两三四五六七八九]$/.test(r.Text) && suite === 'Number') return 'a lone Chinese digit (一只, 一点两小时): a word, not a figure, in news text';
    if (/[兆京]/.test(r.Text)) return '兆/京 scales: not used for amounts in government news';
    if (suite === 'Currency' && r.Resolution?.isoCurrency && !['CNY', 'USD'].includes(r.Resolution.isoCurrency)) return `currency ${r.Resolution.isoCurrency}: only CNY and USD are product units`;
    // $20 has no ISO code in Recognizers ("Dollar"); the product reads it as USD.
    if (suite === 'Currency' && !r.Resolution?.isoCurrency && !r.Text.startsWith('$')) return 'currency without ISO code (比特币, 角, 分, 块)';
    if (/[角毛分]/.test(r.Text) && suite === 'Currency') return 'jiao/fen amounts';
    if (/[,，]\d{1,2}(?!\d)/.test(r.Text)) return 'non-standard digit grouping';
    if (/[打双雙对對]/.test(r.Text)) return '打/双 (dozen, pair): not used for figures in government news';
    if (/又/.test(r.Text)) return '又 mixed numbers (三百五又三分之一): literary, not used for figures in news';
    if (/[/／]/.test(r.Text)) return 'slash fractions (3/5): ambiguous with dates (5/18) in news, read as two numbers';
    if (/^-?\.\d|\d\s*M$/.test(r.Text)) return 'Latin shorthand (-.5, 2.5 M)';
    if (/[\d０-９][,，]\s+[\d０-９]/.test(input)) return 'lists written as "1, 244": a grouping convention, not a value';
    if (/\d\s*[kKeE^]|\^/.test(r.Text)) return 'scientific or Latin shorthand (2e5, 40k, 2^5): not Chinese news text';
    const after = r.End !== undefined ? input.slice(r.End + 1) : input.slice(input.indexOf(r.Text) + r.Text.length);
    if (/^[年月日号点點时時:：]/.test(after.trimStart())) return 'date or clock-time component: dates are not quantities by design';
    if (/^[打双雙对對]/.test(after.trimStart())) return '打/双 (dozen, pair): not used for figures in government news';
  }
  if (c.Results.length === 0 && suite === 'Number' && findQuantitiesInLine(input).every((q) => q.unit !== null && q.unit !== 'item')) {
    if (findQuantitiesInLine(input).length > 0) return 'a figure with a unit (一美元): the unit models report it, the Number model leaves it out';
  }
  return null;
}

function valuesOf(input: string, suite: string): string[] {
  const qs = findQuantitiesInLine(input);
  if (suite === 'Number') {
    // The Number model reports the number without its unit: 23858万元 is 238580000 either way.
    return qs.map((q) => q.value);
  }
  // Currency amounts are compared with their currency: "300|USD".
  if (suite === 'Currency') return qs.filter((q) => q.unit === 'CNY' || q.unit === 'USD').map((q) => `${q.value}|${q.unit ?? ''}`);
  return qs.filter((q) => isDimensionUnit(q.unit)).map((q) => q.value);
}

/** Non-terminating fractions are compared to 6 decimals (the product's precision for them). */
function round6(v: string): string {
  const bar = v.indexOf('|');
  if (bar >= 0) return `${round6(v.slice(0, bar))}${v.slice(bar)}`;
  const m = /^(-?\d+)\.(\d{7,})$/.exec(v);
  if (!m) return v;
  const n = Number(v);
  return n.toFixed(6).replace(/\.?0+$/, '');
}

/** Two values ("12.0" = "12"), each optionally tagged with a currency ("12|CNY"). */
function sameAmount(x: string, y: string): boolean {
  const [xv = '', xu = ''] = x.split('|');
  const [yv = '', yu = ''] = y.split('|');
  return xu === yu && decEquals(xv, yv);
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const rest = [...b];
  for (const x of a) {
    const k = rest.findIndex((y) => sameAmount(x, y));
    if (k < 0) return false;
    rest.splice(k, 1);
  }
  return true;
}

function evaluateRecognizers(file: string, suite: string): SuiteResult {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as RtCase[];
  const res: SuiteResult = { suite: `Recognizers-Text ${suite}`, total: cases.length, excluded: 0, passed: 0, rate: 0, failures: [], exclusions: {} };
  for (const c of cases) {
    const why = exclusionReason(c, suite);
    if (why) {
      res.excluded++;
      res.exclusions[why] = (res.exclusions[why] ?? 0) + 1;
      continue;
    }
    const expected = c.Results.map((r) => {
      const v = r.Resolution?.value ?? '';
      // $20 has no ISO code in Recognizers; the product reads a bare $ as USD.
      return suite === 'Currency' ? `${v}|${r.Resolution?.isoCurrency ?? (r.Text.startsWith('$') ? 'USD' : '')}` : v;
    });
    const got = valuesOf(c.Input, suite);
    if (sameMultiset(expected.map(round6), got.map(round6))) res.passed++;
    else res.failures.push(`${c.Input} → expected [${expected.join(', ')}], got [${got.join(', ')}]`);
  }
  const judged = res.total - res.excluded;
  res.rate = judged ? res.passed / judged : 1;
  return res;
}

function evaluateCn2an(file: string): SuiteResult {
  const dicts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, number | string>>;
  const res: SuiteResult = { suite: 'cn2an', total: 0, excluded: 0, passed: 0, rate: 0, failures: [], exclusions: {} };
  for (const [mode, pairs] of Object.entries(dicts)) {
    for (const [input, expected] of Object.entries(pairs)) {
      res.total++;
      const got = parseNumeral(input);
      if (got !== null && decEquals(got, numToDec(expected))) res.passed++;
      else res.failures.push(`${mode}: ${input} → expected ${String(expected)}, got ${got ?? 'null'}`);
    }
  }
  res.rate = res.total ? res.passed / res.total : 1;
  return res;
}

export function defaultSpecsDir(): string {
  return path.resolve(process.cwd(), '../shared/specs');
}

export function evaluateSpecs(specsDir = defaultSpecsDir()): SuiteResult[] {
  if (!existsSync(specsDir)) return [];
  return [
    evaluateCn2an(path.join(specsDir, 'cn2an_test.json')),
    evaluateRecognizers(path.join(specsDir, 'Number-NumberModel.json'), 'Number'),
    evaluateRecognizers(path.join(specsDir, 'NumberWithUnit-CurrencyModel.json'), 'Currency'),
    evaluateRecognizers(path.join(specsDir, 'NumberWithUnit-DimensionModel.json'), 'Dimension'),
  ];
}
