// The pivot's totals follow the figure rules: places add up only for metrics that add up (and a
// park inside its county's own figure is not counted twice), years add up only for event metrics
// that add up, events in one cell are summed only when allowed, and every merge or sum is named.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildPivot, parsePivotSort, sortPivotRows } from '@/lib/explorer/pivot';
import { buildComparison, comparisonCharts } from '@/lib/explorer/compare';
import { pivotToCsv, pivotToXlsx } from '@/lib/export/pivot';
import type { PlaceFigure, PlaceRef } from '@/lib/data/explorer';

const county: PlaceRef = {
  key: 'r:430381',
  type: 'region',
  id: 3,
  code: '430381',
  name: '湘乡市',
  nameEn: 'Xiangxiang',
  county: { code: '430300', name: '湘潭市', nameEn: null },
  within: ['430300'],
};
const parkA: PlaceRef = {
  key: 'p:1',
  type: 'park',
  id: 1,
  code: null,
  name: '湘乡经开区',
  nameEn: null,
  county: { code: '430381', name: '湘乡市', nameEn: 'Xiangxiang' },
  within: ['430381', '430300'],
};
const parkB: PlaceRef = {
  key: 'p:2',
  type: 'park',
  id: 2,
  code: null,
  name: '湘潭高新区',
  nameEn: null,
  county: { code: '430302', name: '雨湖区', nameEn: null },
  within: ['430302', '430300'],
};

type M = PlaceFigure['metric'];
const output: M = {
  id: 1,
  key: 'output',
  nameZh: '产值',
  nameEn: 'Output',
  unit: 'CNY',
  aggregation: 'sum',
  nature: 'level',
};
const rate: M = {
  id: 2,
  key: 'growth',
  nameZh: '增速',
  nameEn: 'Growth',
  unit: 'percent',
  aggregation: 'none',
  nature: 'level',
};
const signed: M = {
  id: 3,
  key: 'projects_signed',
  nameZh: '签约项目投资',
  nameEn: 'Signed',
  unit: 'CNY',
  aggregation: 'sum',
  nature: 'event',
};
const experts: M = {
  id: 4,
  key: 'experts',
  nameZh: '专家',
  nameEn: 'Experts',
  unit: 'person',
  aggregation: 'none',
  nature: 'event',
};

let nextId = 1;
function fig(
  metric: M,
  place: PlaceRef,
  year: number,
  value: string,
  extra: Partial<PlaceFigure> = {},
): PlaceFigure {
  const id = nextId++;
  return {
    metric,
    place,
    year,
    period: '',
    kind: 'actual',
    value,
    unit: metric.unit,
    comparator: 'eq',
    reports: 1,
    sources: 1,
    values: 1,
    latest: {
      factId: id,
      articleId: 10 + id,
      date: `${year}-06-0${(id % 9) + 1}`,
      headline: `标题${id}`,
      evidence: `原文${id}`,
    },
    ...extra,
  };
}

describe('buildPivot totals', () => {
  const figures = [
    fig(output, parkA, 2022, '100000000'),
    fig(output, parkB, 2022, '50000000', { reports: 3, sources: 2 }),
    fig(output, parkA, 2023, '120000000'),
    fig(output, parkB, 2023, '60000000'),
    fig(rate, parkA, 2023, '12'),
    fig(rate, parkB, 2023, '8'),
    fig(signed, parkA, 2022, '30000000'),
    fig(signed, parkA, 2022, '20000000'),
    fig(signed, parkA, 2023, '10000000'),
    fig(experts, parkA, 2023, '3'),
    fig(experts, parkA, 2023, '4'),
  ];
  const p = buildPivot(figures, { cols: 'year', lang: 'zh' });
  const group = (key: string) => p.groups.find((g) => g.metric.key === key)!;

  it('columns are the years, in order', () => {
    expect(p.columns.map((c) => c.key)).toEqual(['2022', '2023']);
  });

  it('a level metric that adds up: totals across places per year, never across years', () => {
    const g = group('output');
    expect(g.sumPlaces).toBe(true);
    expect(g.sumTime).toBe(false);
    expect(g.totals['2022']?.value).toBe('150000000');
    expect(g.totals['2023']?.value).toBe('180000000');
    expect(g.rows.every((r) => r.total === null)).toBe(true);
    expect(g.grandTotal).toBeNull();
  });

  it('a rate has no total at all', () => {
    const g = group('growth');
    expect(g.sumPlaces).toBe(false);
    expect(g.totals['2023']).toBeNull();
    expect(p.notes.some((n) => n.includes('增速') && n.includes('不可跨地区相加'))).toBe(true);
  });

  it('an event metric that adds up: distinct events summed in the cell, and across years', () => {
    const g = group('projects_signed');
    const row = g.rows[0]!;
    expect(row.cells['2022']?.value).toBe('50000000');
    expect(row.cells['2022']?.summed).toBe(true);
    expect(row.cells['2022']?.figures).toBe(2);
    expect(row.total?.value).toBe('60000000');
    expect(g.sumTime).toBe(true);
    expect(g.grandTotal?.value).toBe('60000000');
    expect(p.notes.some((n) => n.includes('签约项目投资') && n.includes('2 个不同事件相加'))).toBe(
      true,
    );
  });

  it('events of a metric that does not add up stay apart: no value, the count of figures', () => {
    const cell = group('experts').rows[0]!.cells['2023'];
    expect(cell?.value).toBeNull();
    expect(cell?.figures).toBe(2);
  });

  it('names merged reports', () => {
    expect(
      p.notes.some((n) => n.includes('湘潭高新区') && n.includes('3 次报道合并为 1 个数字')),
    ).toBe(true);
  });

  it('does not count a park inside its county when the county has its own figure', () => {
    const q = buildPivot(
      [
        fig(output, county, 2023, '500000000'),
        fig(output, parkA, 2023, '120000000'),
        fig(output, parkB, 2023, '60000000'),
      ],
      { cols: 'year', lang: 'zh' },
    );
    expect(q.groups[0]!.totals['2023']?.value).toBe('560000000');
    expect(q.notes.some((n) => n.includes('湘乡经开区') && n.includes('未重复计入'))).toBe(true);
  });

  it('period columns keep periods apart and never total across them', () => {
    const q = buildPivot(
      [fig(signed, parkA, 2023, '5', { period: 'H1' }), fig(signed, parkA, 2023, '10')],
      { cols: 'period', lang: 'zh' },
    );
    expect(q.columns.map((c) => c.key)).toEqual(['2023.H1', '2023']);
    expect(q.columns[0]!.label).toBe('2023 上半年');
    expect(q.groups[0]!.sumTime).toBe(false);
    expect(q.groups[0]!.rows[0]!.total).toBeNull();
    // by year: the half-year figure is left out
    expect(
      buildPivot([fig(signed, parkA, 2023, '5', { period: 'H1' })], { cols: 'year', lang: 'zh' })
        .groups,
    ).toHaveLength(0);
  });

  it('converts a group into the metric unit (公顷 under a metric in 亩)', () => {
    const land: M = {
      id: 5,
      key: 'land',
      nameZh: '用地',
      nameEn: 'Land',
      unit: 'mu',
      aggregation: 'sum',
      nature: 'level',
    };
    const q = buildPivot(
      [fig(land, parkA, 2023, '1', { unit: 'hectare' }), fig(land, parkB, 2023, '30')],
      { cols: 'year', lang: 'zh' },
    );
    expect(q.groups[0]!.unit).toBe('mu');
    expect(q.groups[0]!.totals['2023']?.value).toBe('45');
  });

  it('sorts rows by a column, empty cells last', () => {
    const g = group('output');
    expect(
      sortPivotRows(g.rows, { key: '2023', desc: true }, 'zh').map((r) => r.place.name),
    ).toEqual(['湘乡经开区', '湘潭高新区']);
    expect(
      sortPivotRows(g.rows, { key: '2023', desc: false }, 'zh').map((r) => r.place.name),
    ).toEqual(['湘潭高新区', '湘乡经开区']);
    expect(parsePivotSort('2023:desc')).toEqual({ key: '2023', desc: true });
    expect(parsePivotSort('2023.H1:asc')).toEqual({ key: '2023.H1', desc: false });
    expect(parsePivotSort('drop table:asc')).toBeNull();
  });

  it('exports the pivot as shown: numeric cells that sum to the total row, words not codes, notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(
        await pivotToXlsx(p, { key: '2023', desc: true }, { lang: 'zh', origin: 'http://x' }),
      ) as unknown as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      '指标',
      '类型',
      '园区/地区',
      '所属区县',
      '2022年',
      '2023年',
      '合计',
      '计量单位',
    ]);
    const outputRows = rows.filter((r) => r[0] === '产值');
    expect(outputRows.map((r) => r[2])).toEqual(['湘乡经开区', '湘潭高新区', '合计']);
    expect(outputRows[0]![3]).toBe('湘乡市');
    expect(outputRows[0]![1]).toBe('实际');
    expect(outputRows[0]![7]).toBe('元');
    const parts = outputRows.slice(0, 2).map((r) => r[5] as number);
    expect(parts.every((v) => typeof v === 'number')).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(outputRows[2]![5]);
    // the cell shows 亿元 as the page does
    const cell = ws.getRow(rows.indexOf(outputRows[0]!) + 1).getCell(6);
    expect(cell.numFmt).toContain('亿元');
    const notes = wb.worksheets.find((w) => w.name === '说明')!;
    const noteText: string[] = [];
    notes.eachRow((r) => noteText.push(String(r.getCell(1).value)));
    expect(noteText.join('\n')).toContain('3 次报道合并为 1 个数字');
    const sources = wb.worksheets.find((w) => w.name === '来源')!;
    expect(JSON.stringify(sources.getRow(2).getCell(4).value)).toContain('http://x/articles/');
    const zhCsv = pivotToCsv(p, null, { lang: 'zh' });
    expect(
      zhCsv.startsWith('\uFEFF指标,类型,园区/地区,所属区县,2022年,2023年,合计,计量单位\r\n'),
    ).toBe(true);
    expect(zhCsv).not.toMatch(/actual|CNY|person|percent/);
    const csv = pivotToCsv(buildPivot(figures, { cols: 'year', lang: 'en' }), null, { lang: 'en' });
    expect(csv.startsWith('\uFEFFMetric,Kind,Place,County,2022,2023,Total,Unit\r\n')).toBe(true);
    expect(csv).not.toMatch(/,actual,/);
    expect(csv).toContain('Output,Actual,');
  });
});

describe('comparison', () => {
  const figures = [
    fig(output, parkA, 2022, '100000000'),
    fig(output, parkA, 2023, '120000000'),
    fig(output, parkB, 2022, '50000000'),
    fig(rate, parkA, 2023, '12'),
    fig(rate, parkB, 2023, '8'),
  ];
  it('latest whole-year figure per place, with its year', () => {
    const c = buildComparison(figures, ['p:2', 'p:1'], 'zh');
    expect(c.places.map((p) => p.key)).toEqual(['p:2', 'p:1']);
    const out = c.rows.find((r) => r.group.metric.key === 'output')!;
    expect(out.cells.map((x) => [x?.value, x?.year])).toEqual([
      ['50000000', 2022],
      ['120000000', 2023],
    ]);
  });
  it('never puts two unit families on one chart axis', () => {
    const charts = comparisonCharts(buildComparison(figures, ['p:1', 'p:2'], 'zh'), 'zh');
    expect(charts.map((c) => c.unit).sort()).toEqual(['CNY', 'percent']);
    for (const ch of charts) expect((ch.option.series as unknown[]).length).toBe(1);
  });
});
