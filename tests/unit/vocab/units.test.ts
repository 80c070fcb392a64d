import { describe, expect, it } from 'vitest';
import {
  CANONICAL_UNITS,
  convert,
  convertible,
  formatQuantityZh,
  formatUnit,
  isUnitCode,
  sameFamily,
  scaleZh,
  unitDef,
  unitFamily,
  unitMismatch,
  unitsOfFamily,
  unitWords,
  UNIT_FAMILIES,
  UNITS,
} from '@/lib/vocab/units';
import { matchUnit } from '@/lib/extract/units';

describe('unit registry', () => {
  it('holds every canonical code of the contract, with labels and a family', () => {
    expect(CANONICAL_UNITS).toHaveLength(20);
    for (const code of CANONICAL_UNITS) {
      const d = unitDef(code);
      expect(d, code).toBeDefined();
      expect(d!.zh.length).toBeGreaterThan(0);
      expect(d!.en.length).toBeGreaterThan(0);
      expect(UNIT_FAMILIES).toContain(d!.family);
    }
  });

  it('gives every word or symbol one unit only', () => {
    const seen = new Map<string, string>();
    for (const [w, code] of unitWords()) {
      expect(seen.get(w), `${w} is listed for ${seen.get(w)} and ${code}`).toBeUndefined();
      seen.set(w, code);
    }
  });

  it('is what the extractor reads: a registered word maps to its unit', () => {
    for (const u of UNITS) for (const w of u.words) {
      const m = matchUnit(w + '。', 0);
      expect(m?.word, w).toBe(w);
      expect(m?.unit, w).toBe(u.code);
    }
  });

  it('sorts units into families: 人次 is not 人, 亩 is 公顷, 元 is 美元', () => {
    expect(unitFamily('person')).toBe('headcount');
    expect(unitFamily('person_time')).toBe('person_visits');
    expect(sameFamily('person', 'person_time')).toBe(false);
    expect(sameFamily('mu', 'hectare')).toBe(true);
    expect(sameFamily('km2', 'm2')).toBe(true);
    expect(sameFamily('CNY', 'USD')).toBe(true);
    expect(sameFamily('percent', 'pp')).toBe(false);
    expect(sameFamily('project', 'item')).toBe(false);
    expect(sameFamily('ton', 'other:公斤')).toBe(true);
    expect(sameFamily('other:册', 'other:本')).toBe(true);
    expect(sameFamily('other:某某', 'other:某某')).toBe(true);
    expect(sameFamily('other:某某', 'other:某')).toBe(false);
    expect(unitFamily('other:某某')).toBe('other');
    expect(unitsOfFamily('area').map((u) => u.code)).toEqual(expect.arrayContaining(['mu', 'm2', 'hectare', 'km2']));
  });

  it('converts exactly within a base, and refuses across bases', () => {
    expect(convert('15', 'mu', 'hectare')).toBe('1');
    expect(convert('2.5', 'hectare', 'mu')).toBe('37.5');
    expect(convert('1', 'mu', 'm2')).toBe('666.666667');
    expect(convert('3', 'km2', 'hectare')).toBe('300');
    expect(convert('1.5', 'ton', 'other:公斤')).toBe('1500');
    expect(convert('500', 'other:斤', 'ton')).toBe('0.25');
    expect(convert('18', 'month', 'year_count')).toBe('1.5');
    expect(convert(36, 'other:小时', 'day')).toBe('1.5');
    expect(convert('123456789012345678901234', 'hectare', 'm2')).toBe('1234567890123456789012340000');
    expect(convert('1', 'USD', 'CNY')).toBeNull();
    expect(convert('1', 'day', 'month')).toBeNull();
    expect(convert('1', 'person', 'person_time')).toBeNull();
    expect(convert('abc', 'mu', 'hectare')).toBeNull();
    expect(convertible('mu', 'km2')).toBe(true);
    expect(convertible('other:某', 'other:某')).toBe(true);
  });

  it('labels units in both languages, one label for each code', () => {
    expect(formatUnit('CNY', 'zh')).toBe('元');
    expect(formatUnit('project', 'zh')).toBe('个');
    expect(formatUnit('project', 'zh', { long: true })).toBe('个项目');
    expect(formatUnit('person_time', 'en')).toBe('person-times');
    expect(formatUnit('other:台', 'en')).toBe('台');
    expect(formatUnit('other:kg', 'zh')).toBe('kg');
    expect(formatUnit('other:公斤', 'en')).toBe('kg');
    expect(formatUnit('weird', 'zh')).toBe('weird');
  });

  it('scales Chinese display values exactly (元/万元/亿元)', () => {
    expect(scaleZh('238580000', 'CNY')).toEqual({ value: '2.3858', prefix: '亿' });
    expect(scaleZh('45000', 'CNY')).toEqual({ value: '4.5', prefix: '万' });
    expect(scaleZh('-120000000', 'CNY')).toEqual({ value: '-1.2', prefix: '亿' });
    expect(scaleZh('120000', 'percent')).toEqual({ value: '120000', prefix: '' });
    expect(formatQuantityZh('238580000', 'CNY')).toBe('2.3858亿元');
    expect(formatQuantityZh('999', 'CNY')).toBe('999元');
    expect(formatQuantityZh('12.5', 'percent')).toBe('12.5%');
    expect(formatQuantityZh('not a number', 'CNY')).toBe('not a number元');
  });

  it('says why a unit does not fit a metric', () => {
    expect(unitMismatch('hectare', 'mu')).toBeNull();
    expect(unitMismatch('person_time', 'person')).toMatch(/人次.*人/);
    expect(unitMismatch('hectare', 'CNY')).toMatch(/面积.*金额/);
  });

  it('accepts canonical and other: codes only', () => {
    expect(isUnitCode('CNY')).toBe(true);
    expect(isUnitCode('other:册')).toBe(true);
    expect(isUnitCode('other:')).toBe(false);
    expect(isUnitCode('yuan')).toBe(false);
  });
});
