import { describe, expect, it } from 'vitest';
import { formatValue, timeLabel, comparatorLabel } from '@/components/admin/format';
import { checkUpload } from '@/lib/validations/import';
import { factUpdateSchema } from '@/lib/validations/facts';

describe('admin display helpers', () => {
  it.each([
    ['238580000', 'CNY', '2.3858亿元'],
    ['14000000000', 'CNY', '140亿元'],
    ['45000', 'CNY', '4.5万元'],
    ['-120000000', 'CNY', '-1.2亿元'],
    ['999', 'CNY', '999元'],
    ['12.5', 'percent', '12.5%'],
    ['23', 'person', '23人'],
    ['3', 'other:座', '3座'],
  ])('formatValue(%s, %s) = %s', (v, u, out) => expect(formatValue(v, u)).toBe(out));

  it('labels time and comparators', () => {
    expect(timeLabel(2023, 'H1')).toBe('2023年 上半年');
    expect(timeLabel(2023, 'M01-M05')).toBe('2023年 1—5月');
    expect(timeLabel(2023, 'FY')).toBe('2023年');
    expect(timeLabel(null, null)).toBe('—');
    expect(comparatorLabel('eq')).toBe('');
    expect(comparatorLabel('gt')).toBe('超过');
  });
});

describe('upload and fact schemas', () => {
  it('refuses empty, oversized and unknown files before reading', () => {
    expect(checkUpload({ name: 'a.txt', size: 0 })).toMatch(/0 字节/);
    expect(checkUpload({ name: 'a.txt', size: 20 * 1024 * 1024 })).toMatch(/20\.0 MB/);
    expect(checkUpload({ name: 'a.docx', size: 10 })).toMatch(/只支持/);
    expect(checkUpload({ name: 'a.PDF', size: 10 })).toBeNull();
  });

  it('parses typed values and requires the subject of the chosen type', () => {
    const base = { id: '3', version: '1', metricId: '2', kind: 'actual', comparator: 'eq', unit: 'CNY', year: '2023', period: '' };
    const ok = factUpdateSchema.safeParse({ ...base, value: '23,858万', subjectType: 'none' });
    expect(ok.success && ok.data.value).toBe('238580000');
    const noPark = factUpdateSchema.safeParse({ ...base, value: '1', subjectType: 'park', parkId: '' });
    expect(noPark.success).toBe(false);
    if (!noPark.success) expect(noPark.error.issues[0]?.path).toEqual(['parkId']);
  });
});
