// Property-based tests of the quantity layer (fast-check): any string gives well-formed,
// ordered, non-overlapping quantities with exact decimal values, and values obey the
// arithmetic of the notation (N万 = N × 10000, Chinese and Arabic spellings agree).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '@/lib/extract/quantities';
import { findQuantitiesInLine } from '@/lib/extract/line';
import { parseNumeral } from '@/lib/extract/numerals';
import { decEquals, toJsonNumber } from '@/lib/extract/decimal';
import type { Quantity } from '@/lib/extract/types';

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Pieces of newspaper text, numerals, units and qualifiers: random mixes of these hit the
 * scanner's branches far more often than uniformly random characters. */
const PIECES = [
  '0', '1', '2', '5', '8', '9', '12', '23858', '1.2', '0.1', '3,500', '１２', '.', ',', '，', '-', '—', '~', '～', '至', '到',
  '一', '二', '两', '三', '十', '百', '千', '万', '亿', '零', '〇', '壹', '佰', '点', '负', '分之', '百分之', '第',
  '元', '万元', '亿元', '美元', '%', '％', '个百分点', '亩', '平方米', '名', '人', '人次', '家', '个', '项', '项目', '件', '起',
  '次', '年', '月', '日', '号', '时', ':', '度', '天', '千伏', '倍', 'km', 'G', 'V', 'PM',
  '余', '多', '近', '约', '超过', '超', '逾', '上', '以上', '以下', '不足', '不少于', '左右',
  '“', '”', '"', '《', '》', '（', '）', '\n', '\r', ' ', '。', '、', '的', '企业', '园区', '投资', '增长', '同比', '全市',
  '😀', '\uD800', '\uDC00', '\u0000', '\uFFFF',
];
const newsy = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(
  newsy,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789一二三十百千万亿点余多分之%元个年月日至-'.split('')), maxLength: 120 }),
);

function checkWellFormed(text: string, qs: Quantity[]): void {
  let last = 0;
  for (const q of qs) {
    expect(q.start).toBeGreaterThanOrEqual(last);
    expect(q.end).toBeGreaterThan(q.start);
    expect(q.end).toBeLessThanOrEqual(text.length);
    expect(q.text).toBe(text.slice(q.start, q.end));
    expect(q.value).toMatch(DECIMAL);
    if (q.upper !== undefined) expect(q.upper).toMatch(DECIMAL);
    expect(['eq', 'gt', 'gte', 'lt', 'lte', 'approx']).toContain(q.comparator);
    if (q.unit === null) expect(q.measure).toBeNull();
    // The JSON value of the CLI is the same number (or the exact string when a double cannot hold it).
    const json = toJsonNumber(q.value);
    if (typeof json === 'number') expect(decEquals(String(json), q.value)).toBe(true);
    else expect(json).toBe(q.value);
    last = q.end;
  }
}

/** The standard Chinese spelling of a non-negative integer (一万零一亿, 三千零五十万零八). */
function chinese(n: bigint): string {
  const digits = '零一二三四五六七八九';
  const below10k = (x: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
      const d = Math.floor(x / size) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += (digits[d] ?? '') + unit;
    }
    return out;
  };
  const spell = (x: bigint): string => {
    if (x < 10000n) return below10k(Number(x));
    const [size, unit] = x >= 10n ** 8n ? [10n ** 8n, '亿'] : [10000n, '万'];
    const high = x / size;
    const low = x % size;
    if (low === 0n) return spell(high) + unit;
    return spell(high) + unit + (low * 10n < size ? '零' : '') + spell(low);
  };
  return n === 0n ? '零' : spell(n);
}

describe('findQuantities on any input', () => {
  it('never throws, keeps offsets and text consistent, values exact decimals, ordered and non-overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkWellFormed(text, findQuantities(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('does the same through the line wrapper the numbers CLI uses (offsets into the raw line)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkWellFormed(text, findQuantitiesInLine(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('is not fooled by non-strings', () => {
    expect(findQuantities(undefined as unknown as string)).toEqual([]);
    expect(findQuantities('')).toEqual([]);
  });

  it('stays linear on long hostile runs (no quadratic re-reading, no deep recursion)', () => {
    const unit = 200_000;
    for (const piece of ['1', '一', '十', '一十', '1万', '1.', '三分之', '百分之', '1月', '1至', '“一”', '负', '1余', '《', '一点', '1,']) {
      const text = piece.repeat(Math.ceil(unit / piece.length));
      // Quadratic behaviour would take minutes and hit the test's timeout; speed is measured
      // by the bench, not asserted here.
      const qs = findQuantities(text);
      checkWellFormed(text, qs.slice(0, 50));
    }
  }, 120_000);
});

describe('metamorphic properties', () => {
  const natural = fc.bigInt({ min: 0n, max: 10n ** 15n });
  const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.integer({ min: 0, max: 4 })).map(([int, scale]) => {
    const s = int.toString().padStart(scale + 1, '0');
    return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
  });

  it('N万元 is N × 10^4 yuan and N亿元 is N × 10^8 yuan, exactly', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(['万元', 4], ['亿元', 8], ['万亿元', 12]), (n, [suffix, exp]) => {
        const qs = findQuantities(`项目总投资${n}${suffix}，`);
        expect(qs).toHaveLength(1);
        expect(qs[0]?.unit).toBe('CNY');
        expect(qs[0]?.value).toBe(shiftDecimal(n, exp));
      }),
      { numRuns: 500 },
    );
  });

  it('the Chinese spelling of N parses to N', () => {
    fc.assert(
      fc.property(natural, (n) => {
        expect(parseNumeral(chinese(n))).toBe(n.toString());
      }),
      { numRuns: 1000 },
    );
  });

  it('Arabic, full-width and thousands-separated spellings agree', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1000n, max: 10n ** 10n - 1n }), (n) => {
        const plain = n.toString();
        const full = [...plain].map((c) => String.fromCharCode(c.charCodeAt(0) - 48 + 0xff10)).join('');
        const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        for (const form of [plain, full, grouped]) {
          const qs = findQuantities(`共有${form}名职工参加`);
          expect(qs.map((q) => [q.value, q.unit])).toEqual([[plain, 'person']]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a qualifier changes the comparator, never the value', () => {
    const cases: [string, string, string][] = [
      ['近', '', 'approx'], ['约', '', 'approx'], ['超过', '', 'gt'], ['逾', '', 'gt'], ['不足', '', 'lt'], ['不少于', '', 'gte'],
      ['', '以上', 'gte'], ['', '以下', 'lte'], ['', '左右', 'approx'], ['至少', '', 'gte'], ['不超过', '', 'lte'],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom(...cases), fc.constantFrom('人', '家', '亩', '万元', '%'), (n, [pre, post, cmp], unit) => {
        const bare = findQuantities(`全市${n}${unit}，`);
        const qualified = findQuantities(`全市${pre}${n}${unit}${post}，`);
        expect(qualified).toHaveLength(1);
        expect(qualified[0]?.value).toBe(bare[0]?.value);
        expect(qualified[0]?.unit).toBe(bare[0]?.unit);
        expect(qualified[0]?.comparator).toBe(cmp);
        expect(qualified[0]?.text).toBe(`${pre}${n}${unit}${post}`);
      }),
      { numRuns: 500 },
    );
  });

  it('surrounding sentence text does not change a quantity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('23858万元', '150余名', '3.5个百分点', '百分之十二', '1.2万亿元', '近100人', '22万余元', '8至10个', '5-6亿元', '三千余万元', '12起'),
        fc.constantFrom('', '今年以来，', '全市', '据统计，我市'),
        fc.constantFrom('', '。', '，同比增长', '；'),
        (q, before, after) => {
          const alone = findQuantities(q);
          const inContext = findQuantities(`${before}${q}${after}`);
          expect(inContext.map((x) => [x.text, x.value, x.unit, x.comparator])).toEqual(alone.map((x) => [x.text, x.value, x.unit, x.comparator]));
          expect(inContext[0]?.start).toBe(before.length);
        },
      ),
    );
  });
});

function shiftDecimal(n: string, exp: number): string {
  const [i = '0', f = ''] = n.split('.');
  const digits = (i + f.padEnd(exp, '0')).replace(/^0+(?=\d)/, '');
  const intPart = digits.slice(0, digits.length - Math.max(0, f.length - exp));
  const frac = f.length > exp ? f.slice(exp).replace(/0+$/, '') : '';
  const whole = (intPart || '0').replace(/^0+(?=\d)/, '');
  return frac ? `${whole}.${frac}` : whole;
}
