// The facts export: headers and labels in the reader's language (no codes), the county beside a
// park, the article's headline, date and link, numeric XLSX cells formatted as the pages show them
// (and that sum), CSV with a BOM, and a column and notes saying which reports are one figure.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FactRow } from '@/lib/data/fact-list';
import { factsToCsv, factsToXlsx, mergeNote } from '@/lib/export/facts';
import { numberFormat } from '@/lib/export/cells';

function row(id: number, p: Partial<FactRow> = {}): FactRow {
  return {
    id,
    metric: { key: 'output_value', nameZh: '产值', nameEn: 'Output', aggregation: 'sum' },
    metricLabel: null,
    park: { id: 7, name: '湘潭高新区', nameEn: 'Xiangtan Hi-tech Zone' },
    region: null,
    orgName: null,
    project: null,
    year: 2022,
    period: null,
    kind: 'actual',
    value: '238580000',
    unit: 'CNY',
    comparator: 'gt',
    status: 'approved',
    source: {
      publication: '湘潭日报',
      issueDate: '2023-05-19',
      headline: '园区发展',
      articleId: 3,
      evidence: '产值超过23858万元',
      spanStart: 0,
      spanEnd: 4,
      sourceNote: null,
    },
    reports: 1,
    latestFactId: id,
    latestIssueDate: '2023-05-19',
    figureId: 100 + id,
    conflict: false,
    ...p,
  };
}

const ctx = {
  lang: 'zh' as const,
  origin: 'https://xt.example',
  countyOfPark: (id: number) => (id === 7 ? { name: '雨湖区', nameEn: 'Yuhu' } : null),
  filters: ['年份：2022'],
};

describe('facts export', () => {
  const rows = [
    row(1),
    row(2, { value: '12345', reports: 2, latestFactId: 3 }),
    row(3, { value: '12345', reports: 2 }),
    row(4, {
      value: '12.5',
      unit: 'percent',
      comparator: 'eq',
      metric: { key: 'growth', nameZh: '增速', nameEn: 'Growth', aggregation: 'none' },
    }),
  ];

  it('CSV: BOM, Chinese headers, words not codes, county beside the park, link', () => {
    const csv = factsToCsv(rows, ctx);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const head = lines[0]!.split(',');
    expect(head).toEqual(
      expect.arrayContaining([
        '编号',
        '指标',
        '园区',
        '所属区县',
        '类型',
        '比较',
        '数值',
        '计量单位',
        '状态',
        '合并说明',
        '标题',
        '刊期',
        '链接',
      ]),
    );
    const first = lines[1]!.split(',');
    const at = (h: string) => first[head.indexOf(h)];
    expect(at('所属区县')).toBe('雨湖区');
    expect(at('类型')).toBe('实际');
    expect(at('比较')).toBe('超过');
    expect(at('计量单位')).toBe('元');
    expect(at('状态')).toBe('已审核');
    expect(at('数值')).toBe('238580000');
    expect(at('链接')).toBe('https://xt.example/articles/3?fact=1');
    expect(csv).not.toMatch(/,(actual|gt|CNY|approved|person),/);
  });

  it('CSV in English when the UI is English', () => {
    const csv = factsToCsv(rows, { ...ctx, lang: 'en' });
    expect(csv.slice(1, 40)).toMatch(/^ID,Metric,Park,County/);
    expect(csv).toContain('Xiangtan Hi-tech Zone,Yuhu');
  });

  it('states which reports were merged', () => {
    expect(mergeNote(rows[1]!, 'zh')).toContain('同一数字共 2 次报道');
    expect(mergeNote(rows[0]!, 'zh')).toBe('');
  });

  it('XLSX: numeric value cells that sum, 亿元/万元 formats, date cells, hyperlinks, notes sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await factsToXlsx(rows, ctx)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => head.indexOf(h) + 1;
    const money = [2, 3, 4].map((n) => ws.getRow(n).getCell(col('数值')));
    expect(money.every((c) => typeof c.value === 'number')).toBe(true);
    expect(money.reduce((s, c) => s + (c.value as number), 0)).toBe(238580000 + 12345 + 12345);
    expect(money[0]!.numFmt).toContain('亿元');
    expect(money[1]!.numFmt).toContain('万元');
    expect(ws.getRow(5).getCell(col('数值')).numFmt).toContain('%');
    expect(ws.getRow(2).getCell(col('刊期')).value).toBeInstanceOf(Date);
    expect(ws.getRow(2).getCell(col('链接')).value).toMatchObject({
      text: '园区发展',
      hyperlink: 'https://xt.example/articles/3?fact=1',
    });
    expect(ws.getRow(2).getCell(col('所属区县')).value).toBe('雨湖区');
    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((r) => notes.push(String(r.getCell(1).value)));
    expect(notes[0]).toBe('筛选：年份：2022');
    expect(notes.join('\n')).toMatch(/4 行，属于 4 个数字；其中 2 行是同一数字的重复报道/);
  });

  it('number formats show values as the pages do', () => {
    expect(numberFormat(238580000, 'CNY', 'zh')).toBe('0!.00,,"亿元"');
    expect(numberFormat(12345, 'person', 'zh')).toBe('0!.0,"万人"');
    expect(numberFormat(12, 'percent', 'zh')).toBe('#,##0"%"');
    expect(numberFormat(238580000, 'CNY', 'en')).toBe('"CNY "#,##0.00,," m"');
  });
});
