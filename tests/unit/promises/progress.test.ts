// The rules of promises and delivery (lib/vocab/progress.ts): which actual answers a target, and
// how far it got — like with like only.
import { describe, expect, it } from 'vitest';
import { bestActual, coverage, progress, satisfies, yearToDateMonth, type PromiseSide } from '@/lib/vocab/progress';

const target: PromiseSide = {
  metricId: 7, parkId: null, regionId: 1, projectId: null, orgId: null, year: 2023, period: null,
  unit: 'CNY', value: '14000000000', comparator: 'gte', date: '2023-05-19',
};
const amount = { valueType: 'amount', direction: 'higher_better' } as const;
const actual = (over: Partial<PromiseSide>): PromiseSide => ({ ...target, comparator: 'eq', value: '6200000000', date: '2023-07-20', ...over });

describe('yearToDateMonth', () => {
  it.each([
    [null, 12], ['FY', 12], ['H1', 6], ['Q1', 3], ['M01-M06', 6], ['M01-M09', 9],
    ['H2', null], ['Q2', null], ['Q4', null], ['M04-M06', null],
  ] as const)('%s → %s', (period, month) => {
    expect(yearToDateMonth(period)).toBe(month);
  });
});

describe('coverage and progress', () => {
  it('a half-year actual against a full-year target is progress by June, never a shortfall', () => {
    const p = progress(target, actual({ period: 'H1' }), amount);
    expect(p.coverage).toEqual({ kind: 'to_month', month: 6 });
    expect(p.percent).toBe(44.3);
    expect(p.status).toBe('in_progress');
  });

  it('1—6月 (M01-M06) is the first half too', () => {
    const p = progress(target, actual({ period: 'M01-M06' }), amount);
    expect(p.coverage).toEqual({ kind: 'to_month', month: 6 });
    expect(p.actualValue).toBe('6200000000');
    expect(p.percent).toBe(44.3);
  });

  it('an actual in another unit of the same family is converted to the target’s (公顷 → 亩)', () => {
    const land = { ...target, unit: 'mu', value: '3000' };
    const p = progress(land, { ...land, comparator: 'eq', period: 'H1', unit: 'hectare', value: '100' }, { valueType: 'quantity', direction: 'higher_better' });
    expect(p.actualValue).toBe('1500');
    expect(p.percent).toBe(50);
  });

  it('a full-year actual below the target is missed; at or above it is met', () => {
    expect(progress(target, actual({ period: 'FY', value: '13000000000' }), amount).status).toBe('missed');
    expect(progress(target, actual({ period: 'FY', value: '14000000000' }), amount).status).toBe('met');
    // 超过85%: exactly 85 is not more than 85
    const share = { ...target, unit: 'percent', value: '85', comparator: 'gt' as const };
    expect(progress(share, { ...share, comparator: 'eq', period: 'FY', value: '85' }, { valueType: 'share', direction: 'higher_better' }).status).toBe('missed');
  });

  it('a year-to-date running total that already passed the target is met early; a rate is not', () => {
    expect(progress(target, actual({ period: 'M01-M09', value: '15000000000' }), amount).status).toBe('met');
    const share = { ...target, unit: 'percent', value: '85', comparator: 'gt' as const };
    const p = progress(share, { ...share, comparator: 'eq', period: 'H1', value: '90' }, { valueType: 'share', direction: 'higher_better' });
    expect(p.status).toBe('in_progress');
    expect(p.percent).toBeNull(); // no "105.9% of a share"
  });

  it('a figure of the year without period, reported during the year, is the year so far', () => {
    expect(coverage(target, actual({ period: null, date: '2023-08-02' }))).toEqual({ kind: 'to_date', date: '2023-08-02' });
    expect(progress(target, actual({ period: null, date: '2023-08-02', value: '1000' }), amount).status).toBe('in_progress');
    // reported the next year: the whole year
    expect(coverage(target, actual({ period: null, date: '2024-01-15' }))).toEqual({ kind: 'final' });
  });

  it('never compares different unit families, lone quarters, other subjects or years', () => {
    expect(coverage(target, actual({ unit: 'percent', value: '12' }))).toEqual({ kind: 'none', reason: 'unit_family' });
    expect(progress(target, actual({ unit: 'org', value: '12' }), amount).status).toBe('not_comparable');
    expect(coverage(target, actual({ period: 'Q2' }))).toEqual({ kind: 'none', reason: 'partial_period' });
    expect(coverage(target, actual({ period: 'H2' }))).toEqual({ kind: 'none', reason: 'partial_period' });
    expect(coverage(target, actual({ regionId: 2 }))).toEqual({ kind: 'none', reason: 'other_figure' });
    expect(coverage(target, actual({ year: 2022 }))).toEqual({ kind: 'none', reason: 'other_figure' });
    expect(coverage(target, actual({ metricId: 8 }))).toEqual({ kind: 'none', reason: 'other_figure' });
  });

  it('a half-year target is answered by the half-year actual only', () => {
    const h1 = { ...target, period: 'H1' };
    expect(coverage(h1, actual({ period: 'H1' }))).toEqual({ kind: 'final' });
    expect(coverage(h1, actual({ period: 'FY' }))).toEqual({ kind: 'none', reason: 'other_period' });
  });

  it('without an actual the target stands alone', () => {
    expect(progress(target, null, amount)).toMatchObject({ status: 'no_actual', percent: null });
  });

  it('a ceiling (lower is better) is met by staying at or under it, and only once the period is over', () => {
    const ceiling = { ...target, unit: 'percent', value: '3', comparator: 'lte' as const };
    const lower = { valueType: 'rate', direction: 'lower_better' } as const;
    expect(progress(ceiling, { ...ceiling, period: 'FY', value: '2.5' }, lower).status).toBe('met');
    expect(progress(ceiling, { ...ceiling, period: 'H1', value: '2.5' }, lower).status).toBe('in_progress');
    expect(satisfies('2', '2', 'eq', 'lower_better')).toBe(true);
    expect(satisfies('3', '2', 'eq', 'lower_better')).toBe(false);
  });
});

describe('bestActual', () => {
  it('takes the actual covering most of the year, the latest among equals, and skips what is not comparable', () => {
    const q1 = actual({ period: 'Q1', value: '2000000000', date: '2023-04-20' });
    const h1 = actual({ period: 'H1', value: '6200000000', date: '2023-07-20' });
    const h1Again = actual({ period: 'M01-M06', value: '6200000000', date: '2023-07-25' });
    const q3 = actual({ period: 'Q3', value: '4000000000', date: '2023-10-20' });
    const pct = actual({ period: 'FY', unit: 'percent', value: '12', date: '2024-01-20' });
    expect(bestActual(target, [q1, h1, q3, pct])).toBe(h1);
    expect(bestActual(target, [q1, h1, h1Again])).toBe(h1Again);
    expect(bestActual(target, [q3, pct])).toBeNull();
    const fy = actual({ period: 'FY', value: '15000000000', date: '2024-01-20' });
    expect(bestActual(target, [fy, h1])).toBe(fy);
  });
});
