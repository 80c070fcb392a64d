// The explorer's current view as a file: CSV (UTF-8 with a BOM, so Excel opens Chinese text
// correctly) or XLSX (exceljs), one row per report with its provenance — publication, issue date,
// headline, the quoted sentence and a link to the article — so every exported figure can be
// checked. Headers and labels in the reader's language, never codes; values as numbers (XLSX
// cells are numeric with a format showing 亿元/万元 as the pages do); the county beside each park;
// and a column saying which reports are one figure (merged on the dashboards, never summed here).
import ExcelJS from 'exceljs';
import type { FactRow } from '@/lib/data/fact-list';
import {
  comparatorWord,
  csvLines,
  kindWord,
  numberFormat,
  numeric,
  periodWord,
  statusWord,
  unitWord,
  type ExportLang,
} from './cells';

export { csvCell, CSV_BOM } from './cells';

export interface FactExportContext {
  lang: ExportLang;
  /** The county (or city) a park lies in, by park id. */
  countyOfPark?: (parkId: number) => { name: string; nameEn: string | null } | null;
  /** Origin for article links, e.g. https://metrics.example.cn; relative links without it. */
  origin?: string;
  /** The filters of the view, in words (first lines of the notes). */
  filters?: string[];
}

interface Column {
  zh: string;
  en: string;
  width: number;
  value: (r: FactRow, ctx: FactExportContext) => string | number | null;
  kind?: 'value' | 'date' | 'link';
}

const local = (lang: ExportLang, zh: string | null | undefined, en: string | null | undefined) =>
  lang === 'en' && en ? en : (zh ?? null);

export function articleLink(r: FactRow, ctx: FactExportContext): string | null {
  return r.source.articleId !== null
    ? `${ctx.origin ?? ''}/articles/${r.source.articleId}?fact=${r.id}`
    : null;
}

/** How this row relates to the figure it belongs to, in words. */
export function mergeNote(r: FactRow, lang: ExportLang): string {
  const parts: string[] = [];
  if (r.reports > 1) {
    parts.push(
      lang === 'zh'
        ? `同一数字共 ${r.reports} 次报道${r.figureId !== null ? `（数字编号 ${r.figureId}）` : ''}，看板合并为一个数字，${r.id === r.latestFactId ? '本行为最新报道' : '以最新报道为准'}`
        : `one figure reported ${r.reports} times${r.figureId !== null ? ` (figure ${r.figureId})` : ''}, merged on the dashboards; ${r.id === r.latestFactId ? 'this is the latest report' : 'the latest report counts'}`,
    );
  }
  if (r.conflict)
    parts.push(
      lang === 'zh'
        ? '各次报道数值不一致，待管理员核定'
        : 'the reports disagree; an admin settles it',
    );
  return parts.join(lang === 'zh' ? '；' : '; ');
}

export const FACT_COLUMNS: Column[] = [
  { zh: '编号', en: 'ID', width: 8, value: (r) => r.id },
  {
    zh: '指标',
    en: 'Metric',
    width: 24,
    value: (r, c) => local(c.lang, r.metric.nameZh, r.metric.nameEn),
  },
  {
    zh: '园区',
    en: 'Park',
    width: 16,
    value: (r, c) => (r.park ? local(c.lang, r.park.name, r.park.nameEn) : null),
  },
  {
    zh: '所属区县',
    en: 'County',
    width: 12,
    value: (r, c) => {
      if (r.park) {
        const county = c.countyOfPark?.(r.park.id);
        return county ? local(c.lang, county.name, county.nameEn) : null;
      }
      return r.region ? local(c.lang, r.region.name, r.region.nameEn) : null;
    },
  },
  { zh: '项目', en: 'Project', width: 16, value: (r) => r.project },
  { zh: '单位名称', en: 'Organisation', width: 16, value: (r) => r.orgName },
  { zh: '年份', en: 'Year', width: 8, value: (r) => r.year },
  { zh: '期间', en: 'Period', width: 10, value: (r, c) => periodWord(r.period, c.lang) || null },
  { zh: '类型', en: 'Kind', width: 8, value: (r, c) => kindWord(r.kind, c.lang) },
  {
    zh: '比较',
    en: 'Comparator',
    width: 8,
    value: (r, c) => comparatorWord(r.comparator, c.lang) || null,
  },
  { zh: '数值', en: 'Value', width: 16, value: (r) => numeric(r.value) ?? r.value, kind: 'value' },
  { zh: '计量单位', en: 'Unit', width: 10, value: (r, c) => unitWord(r.unit, c.lang) },
  { zh: '状态', en: 'Status', width: 8, value: (r, c) => statusWord(r.status, c.lang) },
  { zh: '报道次数', en: 'Reports', width: 8, value: (r) => r.reports },
  { zh: '合并说明', en: 'Merged', width: 36, value: (r, c) => mergeNote(r, c.lang) || null },
  { zh: '报纸', en: 'Publication', width: 12, value: (r) => r.source.publication },
  { zh: '刊期', en: 'Issue date', width: 12, value: (r) => r.source.issueDate, kind: 'date' },
  { zh: '标题', en: 'Headline', width: 36, value: (r) => r.source.headline },
  { zh: '原文', en: 'Quoted sentence', width: 80, value: (r) => r.source.evidence },
  { zh: '链接', en: 'Link', width: 40, value: (r, c) => articleLink(r, c), kind: 'link' },
  { zh: '备注', en: 'Source note', width: 20, value: (r) => r.source.sourceNote },
];

export function factHeaders(lang: ExportLang): string[] {
  return FACT_COLUMNS.map((c) => c[lang]);
}

/** The notes every facts export carries: the filters, and what was merged or summed. */
export function factNotes(rows: readonly FactRow[], ctx: FactExportContext): string[] {
  const zh = ctx.lang === 'zh';
  const figures = new Set(rows.map((r) => (r.figureId !== null ? `f${r.figureId}` : `r${r.id}`)))
    .size;
  const merged = rows.filter((r) => r.reports > 1).length;
  return [
    ...(ctx.filters?.length
      ? [(zh ? '筛选：' : 'Filters: ') + ctx.filters.join(zh ? '；' : '; ')]
      : []),
    zh
      ? `每行是一次报道：${rows.length} 行，属于 ${figures} 个数字；其中 ${merged} 行是同一数字的重复报道（见“合并说明”），看板只计一次。本文件未对任何数值相加。`
      : `One row per report: ${rows.length} rows, ${figures} figures; ${merged} rows are repeated reports of one figure (see "Merged"), counted once on the dashboards. No values were summed in this file.`,
    zh
      ? '数值列为精确数值，单元格格式按页面显示（亿元/万元）。'
      : 'Values are exact numbers; the cell format shows them as the pages do.',
    zh
      ? '来源：湘潭日报；链接指向原文中的句子。'
      : 'Source: Xiangtan Daily; links open the quoted sentence in the article.',
  ];
}

export function factsToCsv(
  rows: readonly FactRow[],
  ctx: FactExportContext = { lang: 'zh' },
): string {
  return csvLines([
    factHeaders(ctx.lang),
    ...rows.map((r) => FACT_COLUMNS.map((c) => c.value(r, ctx))),
  ]);
}

export async function factsToXlsx(
  rows: readonly FactRow[],
  ctx: FactExportContext = { lang: 'zh' },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiangtan-metrics';
  const ws = wb.addWorksheet(ctx.lang === 'zh' ? '数据明细' : 'Figures', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = FACT_COLUMNS.map((c) => ({ header: c[ctx.lang], key: c.en, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(FACT_COLUMNS.map((c) => c.value(r, ctx)));
    FACT_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.kind === 'value' && typeof cell.value === 'number')
        cell.numFmt = numberFormat(cell.value, r.unit, ctx.lang);
      if (c.kind === 'date' && typeof cell.value === 'string') {
        cell.value = new Date(`${cell.value}T00:00:00Z`);
        cell.numFmt = 'yyyy-mm-dd';
      }
      if (c.kind === 'link' && typeof cell.value === 'string') {
        const url = cell.value;
        cell.value = { text: r.source.headline ?? url, hyperlink: url };
        cell.font = { color: { argb: 'FF1F5FBF' }, underline: true };
      }
    });
  }
  const notes = wb.addWorksheet(ctx.lang === 'zh' ? '说明' : 'Notes');
  notes.getColumn(1).width = 120;
  for (const line of factNotes(rows, ctx)) notes.addRow([line]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
