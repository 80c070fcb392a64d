// The explorer's pivot, as a pure function of the figures (lib/data/explorer PlaceFigure):
// metric (× kind × unit family) groups, one row per place, one column per year (or per year and
// period), and totals only where the figure rules allow them:
//   - a cell is one figure; an event metric's distinct events in it are summed when the metric
//     adds up (aggregation 'sum'), else the cell says how many figures it holds and gives no value;
//   - a column total sums the places when the metric adds up, leaving out places that lie inside
//     another place of the same column (a county's own figure already contains its parks);
//   - a row total across years only for event metrics that add up (a level metric — output,
//     rate, headcount — is never summed over years), and never across overlapping periods.
// Client-safe: the explorer draws it with TanStack Table and the export writes the same object.
import { sumComparator, type ComparatorCode } from '@/lib/vocab/comparators';
import { figureFamily, subjectTotals, type FigureLike } from '@/lib/vocab/figure';
import { periodLabel } from '@/lib/vocab/periods';
import { convert, Decimal, decimalString } from '@/lib/vocab/units';
import { KIND_LABELS } from '@/lib/vocab/kinds';
import type { PlaceFigure, PlaceRef } from '@/lib/data/explorer';

export type PivotCols = 'year' | 'period';
type Lang = 'zh' | 'en';

export interface PivotSource {
  factId: number;
  articleId: number | null;
  date: string | null;
  headline: string | null;
  evidence: string | null;
}

export interface PivotCell {
  /** Decimal string in the group's unit; null when the figures cannot be combined. */
  value: string | null;
  comparator: ComparatorCode;
  /** Figures (distinct events, or the one level figure) behind the cell. */
  figures: number;
  /** Reports behind them (several reports of one figure are merged into it). */
  reports: number;
  conflict: boolean;
  /** Several events (or places, years) added up. */
  summed: boolean;
  source: PivotSource | null;
}

export interface PivotColumn {
  key: string;
  year: number;
  period: string;
  label: string;
}

export interface PivotRow {
  id: string;
  place: PlaceRef;
  cells: Record<string, PivotCell | undefined>;
  /** Across the columns: only for event metrics that add up, by year. */
  total: PivotCell | null;
}

export interface PivotGroup {
  id: string;
  metric: PlaceFigure['metric'];
  kind: PlaceFigure['kind'];
  unit: string;
  /** Whether places may be summed (metric adds up). */
  sumPlaces: boolean;
  /** Whether years may be summed (event metric that adds up, columns by year). */
  sumTime: boolean;
  rows: PivotRow[];
  totals: Record<string, PivotCell | null>;
  grandTotal: PivotCell | null;
}

export interface Pivot {
  cols: PivotCols;
  columns: PivotColumn[];
  groups: PivotGroup[];
  /** What was merged or summed, in words (every export carries these lines). */
  notes: string[];
}

const PERIOD_END: Record<string, number> = {
  Q1: 3,
  H1: 6.5,
  Q2: 6,
  Q3: 9,
  Q4: 12,
  H2: 12.5,
  '': 13,
};
function periodOrder(p: string): number {
  const m = /^M(\d{2})-M(\d{2})$/.exec(p);
  if (m) return Number(m[2]) - 0.5;
  return PERIOD_END[p] ?? 14;
}

export function columnKey(year: number, period: string): string {
  return period ? `${year}.${period}` : String(year);
}

function placeName(p: PlaceRef, lang: Lang): string {
  return lang === 'en' && p.nameEn ? p.nameEn : p.name;
}

export function metricName(m: { nameZh: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' && m.nameEn ? m.nameEn : m.nameZh;
}

function add(parts: readonly PivotCell[]): PivotCell | null {
  if (!parts.length || parts.some((p) => p.value === null)) return null;
  const sum = parts.reduce((acc, p) => acc.plus(p.value!), new Decimal(0));
  return {
    value: decimalString(sum),
    comparator: sumComparator(parts.map((p) => p.comparator)),
    figures: parts.reduce((n, p) => n + p.figures, 0),
    reports: parts.reduce((n, p) => n + p.reports, 0),
    conflict: parts.some((p) => p.conflict),
    summed: parts.length > 1 || parts.some((p) => p.summed),
    source: null,
  };
}

interface Tagged extends FigureLike {
  src: PlaceFigure;
}

export function buildPivot(
  figures: readonly PlaceFigure[],
  opts: { cols: PivotCols; lang: Lang },
): Pivot {
  const { lang } = opts;
  const zh = lang === 'zh';
  const cols = opts.cols;
  const usable = cols === 'year' ? figures.filter((f) => f.period === '') : figures;
  const columnMap = new Map<string, PivotColumn>();
  for (const f of usable) {
    const key = columnKey(f.year, cols === 'year' ? '' : f.period);
    if (!columnMap.has(key)) {
      const period = cols === 'year' ? '' : f.period;
      columnMap.set(key, {
        key,
        year: f.year,
        period,
        label: period
          ? `${f.year} ${periodLabel(period, lang)}`
          : zh
            ? `${f.year}年`
            : String(f.year),
      });
    }
  }
  const columns = [...columnMap.values()].sort(
    (a, b) => a.year - b.year || periodOrder(a.period) - periodOrder(b.period),
  );

  // Groups: metric × kind × unit family (figures of different families never share a row).
  const groupMap = new Map<string, PlaceFigure[]>();
  for (const f of usable) {
    const id = `${f.metric.key}|${f.kind}|${figureFamily(f.unit)}`;
    const list = groupMap.get(id);
    if (list) list.push(f);
    else groupMap.set(id, [f]);
  }
  const notes: string[] = [];
  const groups: PivotGroup[] = [];
  for (const [id, list] of groupMap) {
    const first = list[0]!;
    const metric = first.metric;
    const unit = list.every((f) => convert('1', f.unit, metric.unit) !== null)
      ? metric.unit
      : first.unit;
    const sumPlaces = metric.aggregation === 'sum';
    const sumTime = cols === 'year' && metric.nature === 'event' && metric.aggregation === 'sum';
    const mName =
      metricName(metric, lang) +
      (first.kind === 'actual' ? '' : `（${KIND_LABELS[first.kind][lang]}）`);

    // Cells: per place and column, the figures combined by the vocabulary's rule.
    const byPlaceCol = new Map<string, Map<string, Tagged[]>>();
    const placeByKey = new Map<string, PlaceRef>();
    for (const f of list) {
      placeByKey.set(f.place.key, f.place);
      const value = convert(f.value, f.unit, unit);
      if (value === null) continue;
      const tagged: Tagged = {
        src: f,
        metricId: metric.id,
        parkId: f.place.type === 'park' ? f.place.id : null,
        regionId: f.place.type === 'region' ? f.place.id : null,
        projectId: null,
        orgId: null,
        year: f.year,
        period: f.period || null,
        kind: f.kind,
        value,
        unit,
        comparator: f.comparator,
        reports: f.reports,
        sources: f.sources,
        values: f.values,
        latest: { factId: f.latest.factId, date: f.latest.date },
      };
      const ck = columnKey(f.year, cols === 'year' ? '' : f.period);
      const row = byPlaceCol.get(f.place.key) ?? new Map<string, Tagged[]>();
      byPlaceCol.set(f.place.key, row);
      const cell = row.get(ck);
      if (cell) cell.push(tagged);
      else row.set(ck, [tagged]);
    }
    const rows: PivotRow[] = [];
    for (const [placeKey, colsOf] of byPlaceCol) {
      const place = placeByKey.get(placeKey)!;
      const cells: Record<string, PivotCell | undefined> = {};
      for (const [ck, items] of colsOf) {
        const totals = subjectTotals(items, () => ({
          nature: metric.nature,
          aggregation: metric.aggregation,
        }));
        const label = `${mName} · ${placeName(place, lang)} · ${columnMap.get(ck)?.label ?? ck}`;
        const latestItem = [...items].sort(
          (a, b) =>
            (b.latest.date ?? '').localeCompare(a.latest.date ?? '') ||
            b.latest.factId - a.latest.factId,
        )[0]!;
        const source = { ...latestItem.src.latest };
        const reports = items.reduce((n, f) => n + f.reports, 0);
        const conflict = items.some((f) => f.values > 1);
        if (totals.length === 1) {
          const t = totals[0]!;
          const events = t.events.length;
          cells[ck] = {
            value: t.value,
            comparator: t.comparator,
            figures: events,
            reports,
            conflict,
            summed: events > 1,
            source,
          };
          if (events > 1)
            notes.push(
              zh
                ? `${label}：${events} 个不同事件相加`
                : `${label}: ${events} distinct events added up`,
            );
        } else {
          cells[ck] = {
            value: null,
            comparator: 'eq',
            figures: items.length,
            reports,
            conflict,
            summed: false,
            source,
          };
          notes.push(
            zh
              ? `${label}：${items.length} 个数字不可合计，未给出值`
              : `${label}: ${items.length} figures that do not add up, no value given`,
          );
        }
        if (reports > items.length) {
          notes.push(
            zh
              ? `${label}：${reports} 次报道合并为 ${items.length} 个数字`
              : `${label}: ${reports} reports merged into ${items.length} figure${items.length > 1 ? 's' : ''}`,
          );
        }
      }
      let total: PivotCell | null = null;
      if (sumTime) {
        const parts = Object.values(cells).filter((c): c is PivotCell => c !== undefined);
        total = add(parts);
      }
      rows.push({ id: `${id}|${placeKey}`, place, cells, total });
    }
    rows.sort(
      (a, b) =>
        (a.place.type === b.place.type ? 0 : a.place.type === 'region' ? -1 : 1) ||
        (a.place.code ?? '').localeCompare(b.place.code ?? '') ||
        a.place.id - b.place.id,
    );

    const totals: Record<string, PivotCell | null> = {};
    const excluded = new Set<string>();
    for (const c of columns) {
      if (!sumPlaces) {
        totals[c.key] = null;
        continue;
      }
      const present = new Set(rows.filter((r) => r.cells[c.key]).map((r) => r.place.key));
      const kept = rows.filter(
        (r) => r.cells[c.key] && !r.place.within.some((code) => present.has(`r:${code}`)),
      );
      for (const r of rows)
        if (r.cells[c.key] && !kept.includes(r)) excluded.add(placeName(r.place, lang));
      totals[c.key] = kept.length ? add(kept.map((r) => r.cells[c.key]!)) : null;
    }
    const colTotals = columns
      .map((c) => totals[c.key])
      .filter((t): t is PivotCell => t !== null && t !== undefined);
    const grandTotal = sumPlaces && sumTime && colTotals.length ? add(colTotals) : null;
    if (sumPlaces && rows.length > 1) {
      notes.push(
        zh
          ? `${mName}：合计行为各地之和${excluded.size ? `（${[...excluded].join('、')} 已含在其所属区县的数字中，未重复计入）` : ''}`
          : `${mName}: the total row adds up the places${excluded.size ? ` (${[...excluded].join(', ')} left out: already in their county's figure)` : ''}`,
      );
    }
    if (!sumPlaces && rows.length > 1)
      notes.push(
        zh
          ? `${mName}：此指标不可跨地区相加，无合计`
          : `${mName}: this metric does not add up across places; no total`,
      );
    if (sumTime)
      notes.push(
        zh
          ? `${mName}：“合计”列为各年不同事件之和`
          : `${mName}: the Total column adds up the distinct events of the years`,
      );
    groups.push({
      id,
      metric,
      kind: first.kind,
      unit,
      sumPlaces,
      sumTime,
      rows,
      totals,
      grandTotal,
    });
  }
  groups.sort(
    (a, b) =>
      a.metric.key.localeCompare(b.metric.key) ||
      a.kind.localeCompare(b.kind) ||
      a.unit.localeCompare(b.unit),
  );
  return { cols, columns, groups, notes };
}

export type PivotSortKey = 'place' | 'county' | 'total' | string;
export interface PivotSort {
  key: PivotSortKey;
  desc: boolean;
}

/** The numeric value a sort compares (null sorts last either way). */
export function cellNumber(c: PivotCell | null | undefined): number | null {
  return c?.value != null ? Number(c.value) : null;
}

/** Rows of a group in the order the table shows them (the export uses the same order). */
export function sortPivotRows(
  rows: readonly PivotRow[],
  sort: PivotSort | null,
  lang: Lang,
): PivotRow[] {
  if (!sort) return [...rows];
  const dir = sort.desc ? -1 : 1;
  const text = (r: PivotRow) =>
    sort.key === 'county'
      ? r.place.county
        ? lang === 'en' && r.place.county.nameEn
          ? r.place.county.nameEn
          : r.place.county.name
        : ''
      : placeName(r.place, lang);
  return [...rows].sort((a, b) => {
    if (sort.key === 'place' || sort.key === 'county')
      return dir * text(a).localeCompare(text(b), lang === 'zh' ? 'zh-Hans-CN' : 'en');
    const va = cellNumber(sort.key === 'total' ? a.total : a.cells[sort.key]);
    const vb = cellNumber(sort.key === 'total' ? b.total : b.cells[sort.key]);
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    return dir * (va - vb);
  });
}

/** 'place' | 'county' | 'total' | '<year>' | '<year>.<period>', then ':asc' or ':desc'. */
export function parsePivotSort(s: string | undefined | null): PivotSort | null {
  const m = /^(place|county|total|\d{4}(?:\.[A-Za-z0-9-]{1,12})?):(asc|desc)$/.exec(s ?? '');
  return m ? { key: m[1]!, desc: m[2] === 'desc' } : null;
}

export { placeName };
