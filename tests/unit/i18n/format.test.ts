import { describe, expect, it } from 'vitest';
import { escapeHtml, exactDecimal, formatAxis, formatChange, formatDate, formatValue, targetReached, unitLabel } from '@/lib/i18n/format';
import { periodLabel } from '@/lib/vocab/periods';
import { dictionary, fill, parseLang } from '@/lib/i18n/dictionaries';

describe('formatValue (Chinese)', () => {
  it.each([
    ['14000000000.000000', 'CNY', 'eq', '140亿元', '14,000,000,000 元'],
    ['238580000', 'CNY', 'eq', '2.39亿元', '238,580,000 元'],
    ['220000', 'CNY', 'gt', '超过22万元', '超过220,000 元'],
    ['110000', 'CNY', 'eq', '11万元', '110,000 元'],
    ['5000', 'CNY', 'eq', '5,000元', '5,000 元'],
    ['24000', 'person', 'eq', '2.4万人', '24,000 人'],
    ['150', 'person', 'gt', '超过150人', '超过150 人'],
    ['12.000000', 'percent', 'eq', '12%', '12%'],
    ['35.6', 'percent', 'eq', '35.6%', '35.6%'],
    ['85', 'percent', 'gt', '超过85%', '超过85%'],
    ['3.5', 'pp', 'eq', '3.5个百分点', '3.5 个百分点'],
    ['120', 'org', 'gte', '120家以上', '120 家以上'],
    ['415', 'mu', 'eq', '415亩', '415 亩'],
    ['100', 'person', 'approx', '约100人', '约100 人'],
    ['8', 'other:台', 'eq', '8台', '8 台'],
  ] as const)('%s %s %s → %s', (value, unit, cmp, text, exact) => {
    expect(formatValue(value, unit, 'zh', cmp)).toEqual({ text, exact });
  });

  it('keeps non-numeric input as given', () => {
    expect(formatValue('n/a', 'CNY', 'zh').text).toBe('n/a');
  });
});

describe('formatValue (English)', () => {
  it.each([
    ['1400000000', 'CNY', 'eq', 'CNY 1.4 bn', 'CNY 1,400,000,000'],
    ['14000000000', 'CNY', 'gte', 'at least CNY 14 bn', 'at least CNY 14,000,000,000'],
    ['238580000', 'CNY', 'eq', 'CNY 238.58 m', 'CNY 238,580,000'],
    ['12', 'percent', 'eq', '12%', '12%'],
    ['3.5', 'pp', 'eq', '3.5 pp', '3.5 pp'],
    ['24000', 'person', 'eq', '24,000 persons', '24,000 persons'],
    ['200', 'org', 'gt', 'over 200 organisations', 'over 200 organisations'],
  ] as const)('%s %s %s → %s', (value, unit, cmp, text, exact) => {
    expect(formatValue(value, unit, 'en', cmp)).toEqual({ text, exact });
  });
});

describe('exactDecimal', () => {
  it('groups thousands and drops trailing zeros without going through floats', () => {
    expect(exactDecimal('123456789012345678901234.500000')).toBe('123,456,789,012,345,678,901,234.5');
    expect(exactDecimal('0.000100')).toBe('0.0001');
    expect(exactDecimal('-1200.000000')).toBe('-1,200');
  });
});

describe('formatChange', () => {
  it('gives rates in percentage points', () => {
    expect(formatChange('12', '9.5', 'percent', 'zh')).toEqual({ text: '+2.5个百分点', direction: 'up', good: true });
    expect(formatChange('12', '13', 'percent', 'en')?.text).toBe('−1 pp');
  });
  it('gives amounts and counts in per cent', () => {
    expect(formatChange('116', '90', 'org', 'zh')).toEqual({ text: '+28.9%', direction: 'up', good: true });
    expect(formatChange('80', '100', 'CNY', 'zh', 'lower_better')).toEqual({ text: '−20%', direction: 'down', good: true });
    expect(formatChange('100', '100', 'CNY', 'zh')?.direction).toBe('flat');
  });
  it('is null without a previous figure or with a zero base', () => {
    expect(formatChange('12', null, 'percent', 'zh')).toBeNull();
    expect(formatChange('12', undefined, 'org', 'zh')).toBeNull();
    expect(formatChange('12', '0', 'org', 'zh')).toBeNull();
  });
});

describe('other formatters', () => {
  it('targetReached', () => {
    expect(targetReached('120', '150')).toBe(80);
    expect(targetReached('12', null)).toBeNull();
    expect(targetReached('12', '0')).toBeNull();
  });
  it('formatAxis', () => {
    expect(formatAxis(150000000, 'zh')).toBe('1.5亿');
    expect(formatAxis(30000, 'zh')).toBe('3万');
    expect(formatAxis(1500000000, 'en')).toBe('1.5 bn');
  });
  it('formatDate', () => {
    expect(formatDate('2023-05-19', 'zh')).toBe('2023年5月19日');
    expect(formatDate('2023-05-19', 'en')).toBe('19 May 2023');
  });
  it('escapeHtml', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
  it('periodLabel', () => {
    expect(periodLabel('H1', 'zh')).toBe('上半年');
    expect(periodLabel('M01-M07', 'zh')).toBe('1—7月');
    expect(periodLabel('cumulative', 'en')).toBe('cumulative');
    expect(periodLabel('odd', 'zh')).toBe('odd');
  });
  it('unitLabel', () => {
    expect(unitLabel('CNY', 'zh')).toBe('元');
    expect(unitLabel('other:台', 'en')).toBe('台');
  });
});

describe('dictionaries', () => {
  it('have the same keys in both languages', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(dictionary('en')).sort()).toEqual(keys(dictionary('zh')).sort());
  });
  it('fill and parseLang', () => {
    expect(fill(dictionary('zh').overview.reports, { n: 3 })).toBe('报道3次');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('fr')).toBe('zh');
    expect(parseLang(undefined)).toBe('zh');
  });
});
