// The map's assembly (lib/data/map.ts) and its tile layout and colour classes (lib/charts/tile-map.ts).
import { describe, expect, it } from 'vitest';
import { buildMapView } from '@/lib/data/map';
import type { SubjectFigure as Figure } from '@/lib/data/provenance';
import type { MetricRef, Places } from '@/lib/vocab/shapes';
import { CITY_PARKS_TILE, NARROW_LAYOUT, WIDE_LAYOUT, classOf, colourClasses, fitLabel, placeTiles } from '@/lib/charts/tile-map';

const places: Places = {
  city: { id: 1, code: '430300', name: '湘潭市', nameEn: 'Xiangtan', level: 'city', parentId: null },
  counties: [
    { id: 2, code: '430321', name: '湘潭县', nameEn: null, level: 'county', parentId: 1 },
    { id: 3, code: '430302', name: '雨湖区', nameEn: null, level: 'county', parentId: 1 },
  ],
  parks: [
    { id: 10, name: '湘潭经开区', nameEn: null, officialName: null, level: 'national', regionId: 1 },
    { id: 11, name: '天易经开区', nameEn: null, officialName: null, level: 'provincial', regionId: 2 },
    { id: 12, name: 'C区', nameEn: null, officialName: null, level: 'provincial', regionId: 2 },
    { id: 13, name: '雨湖高新区', nameEn: null, officialName: null, level: 'provincial', regionId: 3 },
  ],
};

function metric(id: number, over: Partial<MetricRef> = {}): MetricRef {
  return { id, key: `m${id}`, nameZh: `指标${id}`, nameEn: `M${id}`, unit: 'CNY', valueType: 'amount', aggregation: 'sum', direction: 'higher_better', nature: 'level', category: null, description: null, ...over };
}

let nextId = 1;
function fig(metricId: number, subject: { park?: number; region?: number }, year: number, value: string, over: Partial<Figure> = {}): Figure {
  const id = nextId++;
  return {
    metricId,
    metricKey: `m${metricId}`,
    parkId: subject.park ?? null,
    regionId: subject.region ?? null,
    projectId: null,
    orgId: null,
    event: '',
    values: 1,
    year,
    period: null,
    kind: 'actual',
    value,
    unit: 'CNY',
    comparator: 'eq',
    reports: 1,
    sources: 1,
    latest: { factId: id, articleId: 100 + id, date: `${year + 1}-05-19`, headline: 'h', evidence: `e${id}`, sourceNote: null },
    events: [],
    ...over,
  };
}

describe('buildMapView', () => {
  const unclassified = metric(99, { key: 'unclassified' });
  const output = metric(1);
  const growth = metric(2, { unit: 'percent', valueType: 'growth', aggregation: 'none' });
  const empty = metric(3);
  const metrics = [output, growth, empty, unclassified];
  const figures = [
    fig(1, { park: 11 }, 2022, '100'),
    fig(1, { park: 12 }, 2022, '50'),
    fig(1, { region: 3 }, 2022, '70'),
    fig(1, { park: 10 }, 2021, '30'),
    fig(2, { park: 10 }, 2022, '12', { unit: 'percent' }),
    fig(2, { park: 11 }, 2022, '9', { unit: 'percent', kind: 'target' }),
    fig(99, { park: 10 }, 2022, '1'),
    // Another city's park: not on this map.
    fig(1, { park: 77 }, 2022, '1000000'),
  ];

  it('offers only catalogued metrics with figures of the city, never the unclassified bin', () => {
    const v = buildMapView(places, metrics, figures);
    expect(v.metrics.map((m) => m.key)).toEqual(['m1', 'm2']);
    // Default: the metric reaching most subjects in a year (m1: three in 2022), its latest year.
    expect(v.metric?.key).toBe('m1');
    expect(v.years).toEqual([2022, 2021]);
    expect(v.year).toBe(2022);
    expect(buildMapView(places, metrics, figures, { metricKey: 'unclassified' }).metric?.key).toBe('m1');
  });

  it('colours a county by its own figure, else by its parks added up (additive metrics only), else nothing', () => {
    const v = buildMapView(places, metrics, figures);
    const county = (code: string) => v.counties.find((c) => c.region.code === code);
    expect(county('430302')?.basis).toBe('own');
    expect(county('430302')?.point?.value).toBe('70');
    expect(county('430321')?.basis).toBe('parks_sum');
    expect(county('430321')?.point?.value).toBe('150');
    expect(county('430321')?.parks.map((p) => p.point?.value ?? null)).toEqual(['100', '50']);
    expect(v.cityParks.map((p) => [p.park.name, p.point?.value ?? null])).toEqual([['湘潭经开区', null]]);
    expect(v.asOf).toBe('2023-05-19');

    // A rate does not add up: 湘潭县 has no figure of its own, so it stays uncoloured; targets are not actuals.
    const g = buildMapView(places, metrics, figures, { metricKey: 'm2' });
    expect(g.counties.every((c) => c.point === null)).toBe(true);
    expect(g.cityParks[0]?.point?.value).toBe('12');
    expect(g.counties.flatMap((c) => c.parks).every((p) => p.point === null)).toBe(true);
  });

  it('keeps the asked year when the metric has figures then, and never shows a missing figure as 0', () => {
    const v = buildMapView(places, metrics, figures, { metricKey: 'm1', year: 2021 });
    expect(v.year).toBe(2021);
    expect(v.counties.map((c) => c.point)).toEqual([null, null]);
    expect(v.cityParks[0]?.point?.value).toBe('30');
    expect(buildMapView(places, metrics, figures, { metricKey: 'm1', year: 2015 }).year).toBe(2022);
  });

  it('shows an empty map (no metric, no year) without figures', () => {
    const v = buildMapView(places, metrics, []);
    expect(v.metric).toBeNull();
    expect(v.year).toBeNull();
    expect(v.counties).toHaveLength(2);
  });
});

describe('tile map', () => {
  it('places every county of 湘潭市 and the city parks in both layouts without overlap', () => {
    for (const layout of [WIDE_LAYOUT, NARROW_LAYOUT]) {
      const keys = ['430302', '430304', '430321', '430381', '430382', CITY_PARKS_TILE];
      const { cells } = placeTiles(layout, keys);
      const taken = new Set<string>();
      for (const key of keys) {
        const c = cells.get(key)!;
        for (let x = c.col; x < c.col + c.w; x++)
          for (let y = c.row; y < c.row + c.h; y++) {
            expect(taken.has(`${x},${y}`), `${key} overlaps at ${x},${y}`).toBe(false);
            taken.add(`${x},${y}`);
            expect(x).toBeLessThan(layout.cols);
          }
      }
    }
    // West stays west: 湘乡市 left of 岳塘区, 韶山市 north of 湘潭县.
    expect(WIDE_LAYOUT.cells['430381']!.col).toBeLessThan(WIDE_LAYOUT.cells['430304']!.col);
    expect(WIDE_LAYOUT.cells['430382']!.row).toBeLessThan(WIDE_LAYOUT.cells['430321']!.row);
  });

  it('appends a county the layout does not know below the grid', () => {
    const { cells, rows } = placeTiles(WIDE_LAYOUT, ['430302', '439999']);
    expect(cells.get('439999')).toEqual({ col: 0, row: 2, w: 1, h: 1 });
    expect(rows).toBe(3);
  });

  it('classes values from light to dark and never classes a missing value', () => {
    const classes = colourClasses([10, 20, 30, 40, 50, 60]);
    expect(classes).toHaveLength(5);
    expect(classes[0]?.from).toBe(10);
    expect(classes.at(-1)?.to).toBe(60);
    expect(classOf(classes, 10)?.fill).toBe(classes[0]?.fill);
    expect(classOf(classes, 60)?.fill).toBe(classes.at(-1)?.fill);
    expect(classOf(classes, null)).toBeNull();
    // Two distinct values: two classes at the two ends of the palette.
    const two = colourClasses([1, 2]);
    expect(two.map((c) => c.fill)).toEqual(['#deebf7', '#08519c']);
    expect(colourClasses([5, 5])).toHaveLength(1);
    expect(colourClasses([])).toEqual([]);
  });

  it('cuts long labels to the tile, counting CJK characters double', () => {
    expect(fitLabel('湘潭经开区', 10)).toBe('湘潭经开区');
    expect(fitLabel('湘潭经济技术开发区', 10)).toBe('湘潭经济…');
    expect(fitLabel('Xiangtan Economic and Technological Development Zone', 20)).toBe('Xiangtan Economic…');
  });
});
