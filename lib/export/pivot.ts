// The pivot and the comparison as files, laid out as the explorer shows them: the same groups,
// rows in the same order, the same totals (only where the figure rules allow them), numbers as
// numeric cells formatted as the pages show them (亿元/万元), names instead of codes, the county
// beside each park, then the source of every cell (headline, date, link) and the notes saying
// what was merged or summed.
import ExcelJS from 'exceljs';
import type { Comparison } from '@/lib/explorer/compare';
import {
  metricName,
  placeName,
  sortPivotRows,
  type Pivot,
  type PivotCell,
  type PivotSort,
} from '@/lib/explorer/pivot';
import { csvLines, kindWord, numberFormat, numeric, unitWord, type ExportLang } from './cells';

export interface LayoutExportContext {
  lang: ExportLang;
  filters?: string[];
  origin?: string;
}

type Cell = string | number | null;
interface Line {
  cells: Cell[];
  /** Units of numeric cells (index → unit), for their number format. */
  units?: Map<number, string>;
  bold?: boolean;
}

const countyName = (
  p: { county: { name: string; nameEn: string | null } | null },
  lang: ExportLang,
) => (p.county ? (lang === 'en' && p.county.nameEn ? p.county.nameEn : p.county.name) : null);

function cellValue(c: PivotCell | null | undefined, lang: ExportLang): Cell {
  if (!c) return null;
  if (c.value === null)
    return lang === 'zh' ? `${c.figures} 个数字，不可合计` : `${c.figures} figures, no total`;
  return numeric(c.value);
}

interface SourceLine {
  what: string;
  headline: string | null;
  date: string | null;
  link: string | null;
}

function pivotLines(
  p: Pivot,
  sort: PivotSort | null,
  ctx: LayoutExportContext,
): { table: Line[]; sources: SourceLine[] } {
  const { lang } = ctx;
  const zh = lang === 'zh';
  const anyTime = p.groups.some((g) => g.sumTime);
  const head = [
    zh ? '指标' : 'Metric',
    zh ? '类型' : 'Kind',
    zh ? '园区/地区' : 'Place',
    zh ? '所属区县' : 'County',
    ...p.columns.map((c) => c.label),
    ...(anyTime ? [zh ? '合计' : 'Total'] : []),
    zh ? '计量单位' : 'Unit',
  ];
  const table: Line[] = [{ cells: head, bold: true }];
  const sources: SourceLine[] = [];
  const first = 4;
  for (const g of p.groups) {
    const mName = metricName(g.metric, lang);
    const unit = unitWord(g.unit, lang);
    for (const r of sortPivotRows(g.rows, sort, lang)) {
      const units = new Map<number, string>();
      const cells: Cell[] = [
        mName,
        kindWord(g.kind, lang),
        placeName(r.place, lang),
        countyName(r.place, lang),
      ];
      p.columns.forEach((c, i) => {
        const cell = r.cells[c.key];
        cells.push(cellValue(cell, lang));
        units.set(first + i, g.unit);
        if (cell?.source) {
          sources.push({
            what: `${mName} · ${placeName(r.place, lang)} · ${c.label}`,
            headline: cell.source.headline,
            date: cell.source.date,
            link:
              cell.source.articleId !== null
                ? `${ctx.origin ?? ''}/articles/${cell.source.articleId}?fact=${cell.source.factId}`
                : null,
          });
        }
      });
      if (anyTime) {
        cells.push(g.sumTime ? cellValue(r.total, lang) : null);
        units.set(first + p.columns.length, g.unit);
      }
      cells.push(unit);
      table.push({ cells, units });
    }
    if (g.sumPlaces && g.rows.length > 1) {
      const units = new Map<number, string>();
      const cells: Cell[] = [mName, kindWord(g.kind, lang), zh ? '合计' : 'Total', null];
      p.columns.forEach((c, i) => {
        cells.push(cellValue(g.totals[c.key], lang));
        units.set(first + i, g.unit);
      });
      if (anyTime) {
        cells.push(g.sumTime ? cellValue(g.grandTotal, lang) : null);
        units.set(first + p.columns.length, g.unit);
      }
      cells.push(unit);
      table.push({ cells, units, bold: true });
    }
  }
  return { table, sources };
}

function compareLines(
  c: Comparison,
  ctx: LayoutExportContext,
): { table: Line[]; sources: SourceLine[] } {
  const { lang } = ctx;
  const zh = lang === 'zh';
  const table: Line[] = [
    {
      cells: [
        zh ? '指标' : 'Metric',
        zh ? '类型' : 'Kind',
        ...c.places.flatMap((p) => [placeName(p, lang), zh ? '年份' : 'Year']),
        zh ? '计量单位' : 'Unit',
      ],
      bold: true,
    },
    {
      cells: [
        zh ? '所属区县' : 'County',
        null,
        ...c.places.flatMap((p) => [countyName(p, lang), null]),
        null,
      ],
    },
  ];
  const sources: SourceLine[] = [];
  for (const r of c.rows) {
    const units = new Map<number, string>();
    const cells: Cell[] = [metricName(r.group.metric, lang), kindWord(r.group.kind, lang)];
    r.cells.forEach((cell, i) => {
      units.set(cells.length, r.group.unit);
      cells.push(cellValue(cell, lang), cell?.year ?? null);
      const place = c.places[i];
      if (cell?.source && place) {
        sources.push({
          what: `${metricName(r.group.metric, lang)} · ${placeName(place, lang)} · ${cell.year}`,
          headline: cell.source.headline,
          date: cell.source.date,
          link:
            cell.source.articleId !== null
              ? `${ctx.origin ?? ''}/articles/${cell.source.articleId}?fact=${cell.source.factId}`
              : null,
        });
      }
    });
    cells.push(unitWord(r.group.unit, lang));
    table.push({ cells, units });
  }
  return { table, sources };
}

function notesOf(extra: readonly string[], ctx: LayoutExportContext): string[] {
  const zh = ctx.lang === 'zh';
  return [
    ...(ctx.filters?.length
      ? [(zh ? '筛选：' : 'Filters: ') + ctx.filters.join(zh ? '；' : '; ')]
      : []),
    zh
      ? '每格是一个数字：同一数字的多次报道已合并（以最新报道为准），下列各项说明哪些数字被合并或相加。'
      : 'Each cell is one figure: repeated reports of a figure are merged (the latest counts); the lines below say what was merged or summed.',
    ...(extra.length
      ? extra
      : [zh ? '没有合并或相加的数字。' : 'No figures were merged or summed.']),
    zh ? '来源：湘潭日报。' : 'Source: Xiangtan Daily.',
  ];
}

function toCsv(table: Line[], sources: SourceLine[], notes: string[], lang: ExportLang): string {
  const zh = lang === 'zh';
  return csvLines([
    ...table.map((l) => l.cells),
    [],
    [zh ? '说明' : 'Notes'],
    ...notes.map((n) => [n]),
    [],
    [
      zh ? '数字' : 'Figure',
      zh ? '标题' : 'Headline',
      zh ? '刊期' : 'Issue date',
      zh ? '链接' : 'Link',
    ],
    ...sources.map((s) => [s.what, s.headline, s.date, s.link]),
  ]);
}

async function toXlsx(
  sheet: string,
  table: Line[],
  sources: SourceLine[],
  notes: string[],
  lang: ExportLang,
): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiangtan-metrics';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const line of table) {
    const row = ws.addRow(line.cells);
    if (line.bold) row.font = { bold: true };
    for (const [i, unit] of line.units ?? []) {
      const cell = row.getCell(i + 1);
      if (typeof cell.value === 'number') cell.numFmt = numberFormat(cell.value, unit, lang);
    }
  }
  ws.columns.forEach((c, i) => {
    c.width = i < 4 ? 18 : 14;
  });
  const src = wb.addWorksheet(zh ? '来源' : 'Sources');
  src.addRow([
    zh ? '数字' : 'Figure',
    zh ? '标题' : 'Headline',
    zh ? '刊期' : 'Issue date',
    zh ? '链接' : 'Link',
  ]).font = { bold: true };
  for (const s of sources) {
    const row = src.addRow([
      s.what,
      s.headline,
      s.date ? new Date(`${s.date}T00:00:00Z`) : null,
      s.link,
    ]);
    if (s.date) row.getCell(3).numFmt = 'yyyy-mm-dd';
    if (s.link) row.getCell(4).value = { text: s.link, hyperlink: s.link };
  }
  src.getColumn(1).width = 40;
  src.getColumn(2).width = 40;
  src.getColumn(3).width = 12;
  src.getColumn(4).width = 50;
  const n = wb.addWorksheet(zh ? '说明' : 'Notes');
  n.getColumn(1).width = 120;
  for (const line of notes) n.addRow([line]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function pivotToCsv(p: Pivot, sort: PivotSort | null, ctx: LayoutExportContext): string {
  const { table, sources } = pivotLines(p, sort, ctx);
  return toCsv(table, sources, notesOf(p.notes, ctx), ctx.lang);
}

export function pivotToXlsx(
  p: Pivot,
  sort: PivotSort | null,
  ctx: LayoutExportContext,
): Promise<Uint8Array> {
  const { table, sources } = pivotLines(p, sort, ctx);
  return toXlsx(
    ctx.lang === 'zh' ? '透视表' : 'Pivot',
    table,
    sources,
    notesOf(p.notes, ctx),
    ctx.lang,
  );
}

function compareNotes(c: Comparison, lang: ExportLang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [
    zh ? '每格为该地最近一年的全年数字。' : 'Each cell is the place’s latest whole-year figure.',
  ];
  for (const r of c.rows) {
    r.cells.forEach((cell, i) => {
      const place = c.places[i];
      if (!cell || !place) return;
      const what = `${metricName(r.group.metric, lang)} · ${placeName(place, lang)} · ${cell.year}`;
      if (cell.summed)
        out.push(
          zh
            ? `${what}：${cell.figures} 个不同事件相加`
            : `${what}: ${cell.figures} distinct events added up`,
        );
      if (cell.reports > cell.figures)
        out.push(
          zh ? `${what}：${cell.reports} 次报道合并` : `${what}: ${cell.reports} reports merged`,
        );
    });
  }
  return out;
}

export function comparisonToCsv(c: Comparison, ctx: LayoutExportContext): string {
  const { table, sources } = compareLines(c, ctx);
  return toCsv(table, sources, notesOf(compareNotes(c, ctx.lang), ctx), ctx.lang);
}

export function comparisonToXlsx(c: Comparison, ctx: LayoutExportContext): Promise<Uint8Array> {
  const { table, sources } = compareLines(c, ctx);
  return toXlsx(
    ctx.lang === 'zh' ? '对比' : 'Compare',
    table,
    sources,
    notesOf(compareNotes(c, ctx.lang), ctx),
    ctx.lang,
  );
}
