import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '@/lib/numbers/parse-input';

describe('parseNumberInput', () => {
  it.each([
    ['140亿', '14000000000', false],
    ['1.4e10', '14000000000', false],
    ['1.4E+10', '14000000000', false],
    ['1e-3', '0.001', false],
    ['23,858万', '238580000', false],
    ['23858万元', '238580000', false],
    ['12%', '12', true],
    ['１２％', '12', true],
    ['百分之十二', '12', true],
    ['３．５', '3.5', false],
    [' 3.50 ', '3.5', false],
    ['-3.5', '-3.5', false],
    ['一千二百万', '12000000', false],
    ['1.2万亿', '1200000000000', false],
    ['0.1亿', '10000000', false],
    ['1,234,567.89', '1234567.89', false],
    ['0.000001', '0.000001', false],
  ])('%s → %s', (input, value, percent) => {
    expect(parseNumberInput(input)).toEqual({ ok: true, value, percent });
  });

  it.each(['', '   ', '12abc', '2,38', 'abc', '1e999', '1..2', '%'])('refuses %j', (input) => {
    const r = parseNumberInput(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });

  it('keeps digits beyond float precision', () => {
    expect(parseNumberInput('12345678901234567.89')).toEqual({ ok: true, value: '12345678901234567.89', percent: false });
  });
});
