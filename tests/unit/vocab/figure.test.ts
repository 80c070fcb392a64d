import { describe, expect, it } from 'vitest';
import { eventsAddUp, figureKey, fitToMetric, oneAxis, subjectTotals, type FigureLike } from '@/lib/vocab/figure';
import { sumComparator } from '@/lib/vocab/comparators';
import { periodClass } from '@/lib/vocab/periods';
import { projectStageOf } from '@/lib/vocab/projects';

const base = { metricId: 1, nature: 'event' as const, kind: 'actual' as const, year: 2023, period: null, parkId: null, regionId: 7, projectId: null, orgId: null, eventKey: null };
let n = 0;
const fig = (value: string, over: Partial<FigureLike> = {}): FigureLike => ({
  metricId: 1, parkId: null, regionId: 7, projectId: null, orgId: null, year: 2023, period: null, kind: 'actual', value, unit: 'person',
  comparator: 'eq', reports: 1, sources: 1, values: 1, latest: { factId: ++n, date: '2023-05-19' }, ...over,
});

describe('the figure rule', () => {
  it('keys an event by its value, a level by its subject and period only', () => {
    expect(figureKey({ ...base, unit: 'person', value: '150' })).not.toBe(figureKey({ ...base, unit: 'person', value: '55' }));
    expect(figureKey({ ...base, unit: 'person', value: '150' })).toBe(figureKey({ ...base, unit: 'person', value: '150.0' }));
    expect(figureKey({ ...base, nature: 'level', unit: 'percent', value: '12' })).toBe(figureKey({ ...base, nature: 'level', unit: 'percent', value: '11.5' }));
    // an admin's key merges or splits
    expect(figureKey({ ...base, unit: 'person', value: '1', eventKey: 'm3' })).toBe(figureKey({ ...base, unit: 'person', value: '2', eventKey: 'm3' }));
    // FY and no period are one whole year; 人 and 人次 are two figures; 亩 and 公顷 one
    expect(figureKey({ ...base, nature: 'level', unit: 'percent', value: '1', period: 'FY' })).toBe(figureKey({ ...base, nature: 'level', unit: 'percent', value: '1' }));
    expect(figureKey({ ...base, nature: 'level', unit: 'person', value: '1' })).not.toBe(figureKey({ ...base, nature: 'level', unit: 'person_time', value: '1' }));
    expect(figureKey({ ...base, unit: 'mu', value: '15' })).toBe(figureKey({ ...base, unit: 'hectare', value: '1' }));
    expect(periodClass('H1')).toBe('H1');
  });

  it('sums the distinct events of a subject, with the breakdown, and keeps levels as they are', () => {
    const event = { nature: 'event' as const, aggregation: 'sum' };
    const [t, ...rest] = subjectTotals([fig('150', { comparator: 'gt' }), fig('55'), fig('100', { comparator: 'approx' })], () => event);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ value: '305', comparator: 'approx' });
    expect(t?.events.map((e) => e.value)).toEqual(['150', '100', '55']);
    // events of a metric that does not add up give no total
    expect(subjectTotals([fig('3'), fig('300')], () => ({ nature: 'event', aggregation: 'none' }))).toEqual([]);
    // a level figure passes through
    expect(subjectTotals([fig('12', { unit: 'percent' })], () => ({ nature: 'level', aggregation: 'latest' }))[0]?.value).toBe('12');
    // 亩 and 公顷 events add up in the first one's unit
    expect(subjectTotals([fig('15', { unit: 'mu' }), fig('1', { unit: 'hectare' })], () => event)[0]).toMatchObject({ value: '30', unit: 'mu' });
    // 元 and 美元 are one family without a fixed rate: no total; readers without values decide alike
    expect(subjectTotals([fig('5', { unit: 'CNY' }), fig('1', { unit: 'USD' })], () => event)).toEqual([]);
    expect(eventsAddUp(['CNY', 'USD'], event)).toBe(false);
    expect(eventsAddUp(['mu', 'hectare'], event)).toBe(true);
    expect(eventsAddUp(['mu', 'mu'], { aggregation: 'none' })).toBe(false);
  });

  it('fits figures to the metric unit and never puts two families on one axis', () => {
    expect(fitToMetric([fig('1', { unit: 'hectare' }), fig('5', { unit: 'person_time' })], 'mu').map((f) => [f.value, f.unit])).toEqual([['15', 'mu']]);
    expect(oneAxis(['mu', 'hectare'])).toBe(true);
    expect(oneAxis(['person', 'person_time'])).toBe(false);
    expect(oneAxis(['CNY', 'USD'])).toBe(false);
  });

  it('says the comparator of a sum', () => {
    expect(sumComparator(['eq', 'eq'])).toBe('eq');
    expect(sumComparator(['gt', 'eq'])).toBe('gt');
    expect(sumComparator(['gte', 'eq'])).toBe('gte');
    expect(sumComparator(['gt', 'lt'])).toBe('approx');
  });

  it('reads a project stage from its sentence', () => {
    expect(projectStageOf('施工人员正在为新建的厂房进行外墙装修')).toBe('under_construction');
    expect(projectStageOf('项目竣工投产')).toBe('in_operation');
    expect(projectStageOf('集中签约12个项目')).toBe('signed');
    expect(projectStageOf('召开会议')).toBeNull();
  });
});
