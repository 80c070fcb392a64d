// The overview lists the year's first targets (its JSON must not grow with every target of the
// year) and says how many there are; linkTargets pairs each target with its own subject's actual.
import { describe, expect, it } from 'vitest';
import { OVERVIEW_TARGETS, overviewTargets } from '@/lib/data/overview';
import type { SubjectFigure } from '@/lib/data/provenance';
import { linkTargets, type TargetItem } from '@/lib/data/targets';
import type { MetricRef, Places } from '@/lib/vocab/shapes';

const places: Places = {
  city: { id: 1, code: '430300', name: '湘潭市', nameEn: 'Xiangtan', level: 'city', parentId: null },
  counties: [{ id: 2, code: '430321', name: '湘潭县', nameEn: null, level: 'county', parentId: 1 }],
  parks: [
    { id: 10, name: 'A区', nameEn: null, officialName: null, level: 'national', regionId: 1 },
    { id: 11, name: 'B区', nameEn: null, officialName: null, level: 'provincial', regionId: 2 },
  ],
};

function metric(id: number): MetricRef {
  return { id, key: `m${id}`, nameZh: `指标${id}`, nameEn: `M${id}`, unit: 'org', valueType: 'count', aggregation: 'sum', direction: 'higher_better', nature: 'level', category: null, description: null };
}

let nextId = 1;
function fig(metricId: number, subject: { park?: number; region?: number }, kind: SubjectFigure['kind'], value: string): SubjectFigure {
  const id = nextId++;
  const f: Omit<SubjectFigure, 'events'> = {
    metricId,
    metricKey: `m${metricId}`,
    parkId: subject.park ?? null,
    regionId: subject.region ?? null,
    projectId: null,
    orgId: null,
    event: '',
    values: 1,
    year: 2023,
    period: null,
    kind,
    value,
    unit: 'org',
    comparator: 'eq',
    reports: 1,
    sources: 1,
    latest: { factId: id, articleId: 100 + id, date: '2023-05-19', headline: 'h', evidence: `e${id}`, sourceNote: null },
  };
  return { ...f, events: [] };
}

const metrics = [1, 2, 3, 4, 5].map(metric);

describe('linkTargets', () => {
  it('answers each target with the actual of its own metric and subject only', () => {
    const items = linkTargets(
      [
        fig(1, { park: 10 }, 'target', '100'),
        fig(1, { park: 11 }, 'actual', '90'), // another park's
        fig(2, { park: 10 }, 'actual', '50'), // another metric's
        fig(1, { region: 2 }, 'target', '300'),
        fig(1, { region: 2 }, 'actual', '150'),
      ],
      metrics,
      places,
    );
    expect(items.map((t) => [t.subject.type, t.subject.id, t.actual?.value ?? null])).toEqual([
      ['region', 2, '150'],
      ['park', 10, null],
    ]);
  });
});

describe('overviewTargets', () => {
  // Targets of every subject and metric: the city's, a county's and two parks'.
  const figures = [1, 2, 3, 4, 5].flatMap((m) => [
    fig(m, { park: 11 }, 'target', '1'),
    fig(m, { park: 10 }, 'target', '2'),
    fig(m, { region: 2 }, 'target', '3'),
    fig(m, { region: 1 }, 'target', '4'),
  ]);
  const items: TargetItem[] = linkTargets(figures, metrics, places);
  const indicators = [metric(4), metric(2)];

  it('lists the city’s targets first, the indicators first in their order, and cuts the list', () => {
    const o = overviewTargets(items, indicators, places, 6);
    expect(o.targets.map((t) => `${t.subject.type}${t.subject.id}:m${t.metric.id}`)).toEqual([
      'region1:m4',
      'region1:m2',
      'region1:m1',
      'region1:m3',
      'region1:m5',
      'region2:m4',
    ]);
  });

  it('says how many targets the year has and of which metrics, not only those listed', () => {
    const o = overviewTargets(items, indicators, places);
    expect(o.targets).toHaveLength(OVERVIEW_TARGETS);
    expect(o.targetCount).toBe(20);
    expect(o.targetMetricIds).toEqual([1, 2, 3, 4, 5]);
    const few = overviewTargets(items.filter((t) => t.subject.type === 'park' && t.metric.id === 3), indicators, places);
    expect([few.targets.length, few.targetCount, few.targetMetricIds]).toEqual([2, 2, [3]]);
    expect(overviewTargets([], indicators, places)).toEqual({ targets: [], targetCount: 0, targetMetricIds: [] });
  });
});
