// The explorer's pure pieces: chart option builder (series never mix units/kinds, empty stays
// empty, clicks map to filters, tooltips carry the quoted sentence) and the URL state.
import { describe, expect, it } from 'vitest';
import { explorerChartOption } from '@/lib/charts/explorer';
import { chartGroupBy, exportHref, parseExplorerState, toSearch } from '@/lib/queries/facts';
import type { AggregateRow } from '@/lib/data/fact-aggregate';

function row(p: Partial<AggregateRow> & { value: string | null }): AggregateRow {
  return {
    group: { park: null, region: null, year: null, ...p.group },
    metric: p.metric ?? { key: 'output', nameZh: '产值', nameEn: 'Output', aggregation: 'sum' },
    unit: p.unit ?? 'CNY',
    kind: p.kind ?? 'actual',
    value: p.value,
    figures: p.figures ?? 1,
    conflicts: p.conflicts ?? 0,
    reports: p.reports ?? 1,
    latest: p.latest ?? {
      factId: 1,
      articleId: 7,
      issueDate: '2023-05-19',
      headline: '园区发展',
      evidence: '产值达到23858万元<script>',
    },
  };
}

type Tooltip = {
  formatter: (p: { seriesIndex: number; dataIndex: number; seriesName: string }) => string;
};

describe('explorerChartOption', () => {
  const rows = [
    row({
      group: { park: { id: 1, name: '湘潭经开区' }, region: null, year: null },
      value: '238580000',
    }),
    row({
      group: { park: { id: 2, name: '湘潭高新区' }, region: null, year: null },
      value: null,
      figures: 2,
    }),
    row({
      group: { park: { id: 1, name: '湘潭经开区' }, region: null, year: null },
      value: '300000000',
      kind: 'target',
    }),
    row({
      group: { park: { id: 2, name: '湘潭高新区' }, region: null, year: null },
      value: '12',
      unit: 'percent',
    }),
  ];
  const chart = explorerChartOption(rows, 'park', 'zh', { metricChosen: true });

  it('one category per park, one series per kind and unit, one unit family on the axis', () => {
    expect(chart.categories.map((c) => c.label)).toEqual(['湘潭经开区', '湘潭高新区']);
    // 12% cannot share an axis with 元: it is left to the table, and the chart says so.
    expect(chart.series.map((s) => s.name)).toEqual(['实际（元）', '目标（元）']);
    expect(chart.omittedUnits).toEqual(['percent']);
  });

  it('puts convertible units on one axis in its unit (2 公顷 = 30 亩)', () => {
    const c = explorerChartOption(
      [
        row({ group: { park: { id: 1, name: '湘潭经开区' }, region: null, year: null }, value: '30', unit: 'mu' }),
        row({ group: { park: { id: 2, name: '湘潭高新区' }, region: null, year: null }, value: '2', unit: 'hectare', kind: 'target' }),
        row({ group: { park: { id: 3, name: '天易经开区' }, region: null, year: null }, value: '5', unit: 'person' }),
      ],
      'park', 'zh', { metricChosen: true },
    );
    expect(c.omittedUnits).toEqual(['person']);
    expect(c.series.flatMap((s) => s.data.map((d) => d.value)).filter((v) => v !== null)).toEqual([30, 30]);
  });

  it('keeps missing and uncombinable values empty, never zero', () => {
    const actual = chart.series[0]?.data.map((d) => d.value);
    expect(actual).toEqual([238580000, null]);
    expect(chart.series[1]?.data[1]?.value).toBeNull();
  });

  it('clicking a bar filters by its park; years and regions map likewise', () => {
    expect(chart.categories[1]?.filter).toEqual({ park: 2 });
    const byYear = explorerChartOption(
      [row({ group: { park: null, region: null, year: 2023 }, value: '1' })],
      'year',
      'zh',
      { metricChosen: true },
    );
    expect(byYear.categories[0]?.filter).toEqual({ yearFrom: 2023, yearTo: 2023 });
    expect((byYear.option.series as { type: string }[])[0]?.type).toBe('line');
    const byRegion = explorerChartOption(
      [
        row({
          group: { park: null, region: { id: 3, code: '430381', name: '湘乡市' }, year: null },
          value: '1',
        }),
      ],
      'region',
      'zh',
      { metricChosen: true },
    );
    expect(byRegion.categories[0]?.filter).toMatchObject({ region: '430381' });
  });

  it('tooltip shows the short Chinese amount, the exact value, the escaped sentence and the issue date', () => {
    const html = (chart.option.tooltip as Tooltip).formatter({
      seriesIndex: 0,
      dataIndex: 0,
      seriesName: '实际（元）',
    });
    expect(html).toContain('2.39亿元');
    expect(html).toContain('238,580,000');
    expect(html).toContain('产值达到23858万元&lt;script&gt;');
    expect(html).toContain('2023年5月19日');
  });

  it('without a metric it counts figures per metric (never sums across metrics)', () => {
    const c = explorerChartOption(
      [
        row({ value: '5', figures: 3 }),
        row({
          value: '7',
          figures: 2,
          metric: { key: 'jobs', nameZh: '就业', nameEn: 'Jobs', aggregation: 'sum' },
          unit: 'person',
        }),
      ],
      'metric',
      'zh',
      { metricChosen: false },
    );
    expect(c.mode).toBe('counts');
    expect(c.series[0]?.data.map((d) => d.value)).toEqual([3, 2]);
    expect(c.categories.map((x) => x.filter)).toEqual([{ metric: 'output' }, { metric: 'jobs' }]);
  });
});

describe('explorer URL state', () => {
  it('parses leniently and round-trips', () => {
    const s = parseExplorerState(
      new URLSearchParams(
        'region=430300&park=3&metric=gdp&yearFrom=2024&yearTo=2021&kind=target,bogus,target&sort=value&order=asc&limit=9&x=1',
      ),
    );
    expect(s).toEqual({
      region: '430300',
      park: 3,
      metric: 'gdp',
      yearFrom: 2021,
      yearTo: 2024,
      kind: ['target'],
      sort: 'value',
      order: 'asc',
    });
    expect(parseExplorerState(new URLSearchParams(toSearch(s, 'page')))).toEqual(s);
    expect(
      parseExplorerState({ park: "1' OR 1=1", yearFrom: '99999', metric: 'DROP TABLE' }),
    ).toEqual({});
  });
  it('chooses the chart grouping and builds the export link without cursor', () => {
    expect(chartGroupBy({})).toBe('metric');
    expect(chartGroupBy({ metric: 'gdp' })).toBe('year');
    expect(chartGroupBy({ metric: 'gdp', yearFrom: 2023, yearTo: 2023 })).toBe('park');
    expect(
      exportHref(
        { kind: ['target'], yearFrom: 2023, yearTo: 2023, cursor: 'abc', groupBy: 'park' },
        'csv',
      ),
    ).toBe('/api/export?yearFrom=2023&yearTo=2023&kind=target&format=csv');
  });
});
