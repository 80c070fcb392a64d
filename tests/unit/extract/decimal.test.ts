// Exact decimal arithmetic: no float drift anywhere a newspaper figure passes through.
import { describe, expect, it } from 'vitest';
import { add, cmp, decEquals, div, mul, neg, parseDec, shift, toJsonNumber, toStr, type Dec } from '@/lib/extract/decimal';

const d = (s: string): Dec => {
  const v = parseDec(s);
  if (!v) throw new Error(`bad decimal ${s}`);
  return v;
};

describe('parseDec / toStr', () => {
  it.each([
    ['0', '0'], ['123', '123'], ['-1.50', '-1.5'], ['0.001', '0.001'], ['007', '7'], ['12.000', '12'], ['-0.0', '0'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('%s → %s', (input, out) => {
    expect(toStr(d(input))).toBe(out);
  });

  it.each(['', '-', '1.', '.5', '1e5', '1,234', ' 1', 'abc', '1.2.3', '--1'])('rejects %j', (input) => {
    expect(parseDec(input)).toBeNull();
  });
});

describe('arithmetic', () => {
  it('shifts by powers of ten exactly (万, 亿, 万亿)', () => {
    expect(toStr(shift(d('23858'), 4))).toBe('238580000');
    expect(toStr(shift(d('0.1'), 8))).toBe('10000000');
    expect(toStr(shift(d('1.2'), 12))).toBe('1200000000000');
    expect(toStr(shift(d('2.35'), 8))).toBe('235000000');
    expect(toStr(shift(d('543.6'), 8))).toBe('54360000000');
    expect(toStr(shift(d('12.5'), -3))).toBe('0.0125');
  });

  it('adds, multiplies and negates exactly where floats drift', () => {
    expect(toStr(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(toStr(mul(d('1.1'), d('1.1')))).toBe('1.21');
    expect(toStr(mul(d('4.35'), d('100')))).toBe('435');
    expect(toStr(neg(d('3.5')))).toBe('-3.5');
    expect(toStr(add(d('-1.25'), d('1.25')))).toBe('0');
  });

  it('compares across scales', () => {
    expect(cmp(d('1.50'), d('1.5'))).toBe(0);
    expect(cmp(d('-2'), d('1'))).toBe(-1);
    expect(cmp(d('10'), d('9.999'))).toBe(1);
    expect(decEquals('12.0', '12')).toBe(true);
    expect(decEquals('12', 'x')).toBe(false);
  });

  it('divides: exact when terminating, rounded half-up to 6 decimals otherwise', () => {
    expect(toStr(div(d('1'), d('4')) ?? d('0'))).toBe('0.25');
    expect(toStr(div(d('1'), d('3')) ?? d('0'))).toBe('0.333333');
    expect(toStr(div(d('2'), d('3')) ?? d('0'))).toBe('0.666667');
    expect(toStr(div(d('-2'), d('3')) ?? d('0'))).toBe('-0.666667');
    expect(div(d('1'), d('0'))).toBeNull();
  });
});

describe('toJsonNumber', () => {
  it.each([
    ['238580000', 238580000], ['3.5', 3.5], ['0.333333', 0.333333], ['-3', -3], ['1200000000000', 1200000000000],
  ])('%s → number %d', (input, out) => {
    expect(toJsonNumber(input)).toBe(out);
  });

  it('keeps a string when a double cannot hold the value exactly', () => {
    expect(toJsonNumber('9007199254740993')).toBe('9007199254740993');
    expect(toJsonNumber('123456789012345678901234567890')).toBe('123456789012345678901234567890');
    expect(toJsonNumber('0.1234567890123456789')).toBe('0.1234567890123456789');
  });
});
