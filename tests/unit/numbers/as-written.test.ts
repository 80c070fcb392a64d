import { describe, expect, it } from 'vitest';
import { asWrittenLabel, parseAsWritten, parseUnitInput, unitInputLabel } from '@/lib/numbers/as-written';
import { UNITS } from '@/lib/vocab/units';

describe('parseAsWritten: figures as the paper writes them, read by the extractor', () => {
  it.each([
    ['3.8亿元', '380000000', 'CNY', null],
    ['150余人', '150', 'person', 'gt'],
    ['35.6%', '35.6', 'percent', null],
    ['约2000万元', '20000000', 'CNY', 'approx'],
    ['超过300家', '300', 'org', 'gt'],
    ['近5万人次', '50000', 'person_time', 'approx'],
    ['两千余名', '2000', 'person', 'gt'],
    ['12.5个百分点', '12.5', 'pp', null],
    ['5台', '5', 'other:台', null],
    ['3.8亿', '380000000', null, null],
    // What people type but papers do not print falls back to the form parser.
    ['1.4e10', '14000000000', null, null],
    ['23,858万', '238580000', null, null],
    ['百分之十二', '12', 'percent', null],
    [' 42 ', '42', null, null],
  ])('%s → %s %s %s', (input, value, unit, comparator) => {
    expect(parseAsWritten(input)).toEqual({ ok: true, value, unit, comparator });
  });

  it.each(['', '   ', '12abc', 'abc', '8至10个', '1..2'])('refuses %j with a message', (input) => {
    const r = parseAsWritten(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows stored values the paper\'s way', () => {
    expect(asWrittenLabel('380000000', 'CNY')).toBe('3.8亿元');
    expect(asWrittenLabel('150', 'person')).toBe('150人');
    expect(asWrittenLabel('35.6', 'percent')).toBe('35.6%');
    expect(asWrittenLabel('23858', 'person_time')).toBe('2.3858万人次');
  });

  it('reads back what the editor shows, for every registered unit and several sizes', () => {
    for (const u of UNITS) {
      for (const v of ['380000000', '35.6', '150', '0.5', '-3']) {
        const shown = asWrittenLabel(v, u.code);
        const r = parseAsWritten(shown);
        expect(r.ok, `${u.code}: ${shown}`).toBe(true);
        if (!r.ok) continue;
        expect(r.value, `${u.code}: ${shown}`).toBe(v);
        // The unit is either read from the text or left to the unit field (null), never another one.
        expect([u.code, null], `${u.code}: ${shown}`).toContain(r.unit);
      }
    }
  });
});

describe('parseUnitInput: units by their Chinese names', () => {
  it.each([
    ['名', 'person'],
    ['人', 'person'],
    ['元', 'CNY'],
    ['人次', 'person_time'],
    ['亩', 'mu'],
    ['%', 'percent'],
    ['个项目', 'project'],
    ['个百分点', 'pp'],
    ['CNY', 'CNY'],
    ['other:名', 'other:名'],
    ['台', 'other:台'],
    ['头猪', 'other:头猪'],
  ])('%s → %s', (input, unit) => {
    expect(parseUnitInput(input)).toEqual({ ok: true, unit });
  });

  it.each(['', '万元', '12', 'a b'])('refuses %j', (input) => {
    expect(parseUnitInput(input).ok).toBe(false);
  });

  it('round-trips every registered unit through its Chinese name', () => {
    for (const u of UNITS) expect(parseUnitInput(unitInputLabel(u.code))).toEqual({ ok: true, unit: u.code });
  });
});
