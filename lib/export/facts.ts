// The current explorer view as a file: CSV (UTF-8 with a BOM, so Excel opens Chinese text
// correctly) or XLSX (exceljs), one row per fact with its provenance columns — publication,
// issue date, headline and the quoted sentence — so every exported figure can be checked.
import ExcelJS from 'exceljs';
import type { FactRow } from '@/lib/data/fact-list';

export interface ExportColumn {
  header: string;
  value: (r: FactRow) => string | number | null;
  width?: number;
}

/** Column order of both formats (bilingual headers: the file travels beyond the app). */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: '编号 ID', value: (r) => r.id, width: 8 },
  { header: '指标 Metric', value: (r) => r.metric.nameZh, width: 24 },
  { header: '指标代码 Metric key', value: (r) => r.metric.key, width: 24 },
  { header: '园区 Park', value: (r) => r.park?.name ?? null, width: 14 },
  { header: '区域 Region', value: (r) => r.region?.name ?? null, width: 12 },
  { header: '项目 Project', value: (r) => r.project, width: 16 },
  { header: '单位名称 Organisation', value: (r) => r.orgName, width: 16 },
  { header: '年份 Year', value: (r) => r.year, width: 8 },
  { header: '期间 Period', value: (r) => r.period, width: 10 },
  { header: '类型 Kind', value: (r) => r.kind, width: 10 },
  { header: '数值 Value', value: (r) => r.value, width: 18 },
  { header: '计量单位 Unit', value: (r) => r.unit, width: 10 },
  { header: '比较 Comparator', value: (r) => r.comparator, width: 10 },
  { header: '状态 Status', value: (r) => r.status, width: 10 },
  { header: '报道次数 Reports', value: (r) => r.reports, width: 8 },
  { header: '数字编号 Figure ID', value: (r) => r.figureId, width: 8 },
  { header: '数值冲突 Conflict', value: (r) => (r.conflict ? 'yes' : ''), width: 8 },
  { header: '报纸 Publication', value: (r) => r.source.publication, width: 12 },
  { header: '刊期 Issue date', value: (r) => r.source.issueDate, width: 12 },
  { header: '标题 Headline', value: (r) => r.source.headline, width: 36 },
  { header: '原文 Quoted sentence', value: (r) => r.source.evidence, width: 80 },
  { header: '文章 Article ID', value: (r) => r.source.articleId, width: 8 },
  { header: '备注 Source note', value: (r) => r.source.sourceNote, width: 20 },
];

/** RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so spreadsheets never run them as formulas. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_BOM = '\uFEFF';

export function factsToCsv(rows: FactRow[]): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(EXPORT_COLUMNS.map((c) => csvCell(c.value(r))).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

export async function factsToXlsx(rows: FactRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiangtan-metrics';
  const ws = wb.addWorksheet('facts', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width ?? 12 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    // Values stay text: a Decimal(30,6) does not fit a double, and the file must say what the paper said.
    ws.addRow(EXPORT_COLUMNS.map((c) => c.value(r)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** File name for the download, e.g. xiangtan-facts-2026-11-28.csv */
export function exportFileName(format: 'csv' | 'xlsx', now = new Date()): string {
  return `xiangtan-facts-${now.toISOString().slice(0, 10)}.${format}`;
}
