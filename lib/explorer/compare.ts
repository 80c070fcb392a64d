// Places side by side (2–6 parks or counties) on chosen metrics: each cell is the place's latest
// whole-year figure of the metric (the pivot's cell rule, so events add up only where allowed),
// with its year; and charts that never put two unit families on one axis (one chart per family).
import type { EChartsCoreOption } from 'echarts/core';
import { formatAxis, formatValue, unitLabel } from '@/lib/i18n/format';
import { figureFamily } from '@/lib/vocab/figure';
import { convert } from '@/lib/vocab/units';
import { buildPivot, metricName, placeName, type PivotCell, type PivotGroup } from './pivot';
import type { PlaceFigure, PlaceRef } from '@/lib/data/explorer';

type Lang = 'zh' | 'en';
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

export interface CompareCell extends PivotCell {
  year: number;
}

export interface CompareRow {
  group: Pick<PivotGroup, 'id' | 'metric' | 'kind' | 'unit'>;
  cells: (CompareCell | null)[];
}

export interface Comparison {
  places: PlaceRef[];
  rows: CompareRow[];
}

/**
 * The comparison of `placeKeys` (in that order) over the figures given; a place without figures
 * keeps its column (from `known`, the places the caller can name) with empty cells.
 */
export function buildComparison(
  figures: readonly PlaceFigure[],
  placeKeys: readonly string[],
  lang: Lang,
  known?: ReadonlyMap<string, PlaceRef>,
): Comparison {
  const pivot = buildPivot(figures, { cols: 'year', lang });
  const placeByKey = new Map<string, PlaceRef>(known ?? []);
  for (const f of figures) placeByKey.set(f.place.key, f.place);
  const places = placeKeys
    .map((k) => placeByKey.get(k))
    .filter((p): p is PlaceRef => p !== undefined);
  const rows: CompareRow[] = pivot.groups.map((g) => ({
    group: { id: g.id, metric: g.metric, kind: g.kind, unit: g.unit },
    cells: places.map((p) => {
      const row = g.rows.find((r) => r.place.key === p.key);
      if (!row) return null;
      for (let i = pivot.columns.length - 1; i >= 0; i--) {
        const col = pivot.columns[i]!;
        const cell = row.cells[col.key];
        if (cell && cell.value !== null) return { ...cell, year: col.year };
      }
      return null;
    }),
  }));
  return { places, rows };
}

export interface CompareChart {
  /** The unit of the chart's value axis. */
  unit: string;
  title: string;
  option: EChartsCoreOption;
}

const PALETTE = ['#1f5fbf', '#b3261e', '#2e7d5b', '#b7791f', '#6b4fa3', '#1b8a99'];

/** Places as compare columns, from the reference lists (parks with their county, counties with their city). */
export function knownPlaces(
  parks: readonly { id: number; name: string; nameEn: string | null; regionCode: string }[],
  regions: readonly {
    code: string;
    name: string;
    nameEn: string | null;
    parentCode: string | null;
    id?: number;
  }[],
): Map<string, PlaceRef> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const chain = (code: string | null): string[] => {
    const out: string[] = [];
    for (let c = code; c && !out.includes(c); c = byCode.get(c)?.parentCode ?? null) out.push(c);
    return out;
  };
  const out = new Map<string, PlaceRef>();
  for (const p of parks) {
    const county = byCode.get(p.regionCode);
    out.set(`p:${p.id}`, {
      key: `p:${p.id}`,
      type: 'park',
      id: p.id,
      code: null,
      name: p.name,
      nameEn: p.nameEn,
      county: county ? { code: county.code, name: county.name, nameEn: county.nameEn } : null,
      within: chain(p.regionCode),
    });
  }
  for (const r of regions) {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    out.set(`r:${r.code}`, {
      key: `r:${r.code}`,
      type: 'region',
      id: r.id ?? 0,
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      county: parent ? { code: parent.code, name: parent.name, nameEn: parent.nameEn } : null,
      within: chain(r.parentCode),
    });
  }
  return out;
}

/** One bar chart per unit family (money with money, % with %): places on the axis, metrics as series. */
export function comparisonCharts(c: Comparison, lang: Lang): CompareChart[] {
  const families = new Map<string, CompareRow[]>();
  for (const r of c.rows) {
    if (r.cells.every((x) => x === null)) continue;
    const fam = figureFamily(r.group.unit);
    // Units of one family that do not convert (元, 美元) get charts of their own.
    const key =
      [...families.keys()].find(
        (k) => k.startsWith(`${fam}|`) && convert('1', r.group.unit, k.split('|')[1]!) !== null,
      ) ?? `${fam}|${r.group.unit}`;
    const list = families.get(key);
    if (list) list.push(r);
    else families.set(key, [r]);
  }
  const names = c.places.map((p) => placeName(p, lang));
  return [...families.entries()].map(([key, rows]) => {
    const unit = key.split('|')[1]!;
    const series = rows.map((r) => ({
      type: 'bar',
      name: metricName(r.group.metric, lang),
      barMaxWidth: 28,
      data: r.cells.map((cell) => {
        const v = cell?.value != null ? convert(cell.value, r.group.unit, unit) : null;
        return v === null
          ? null
          : {
              value: Number(v),
              exact: formatValue(v, unit, lang, cell?.comparator).text,
              year: cell?.year,
            };
      }),
    }));
    const title = rows
      .map((r) => metricName(r.group.metric, lang))
      .join(lang === 'zh' ? '、' : ', ');
    const option: EChartsCoreOption = {
      color: PALETTE,
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'item',
        formatter: (p: {
          seriesName?: string;
          name?: string;
          data?: { exact?: string; year?: number } | null;
        }) =>
          `${p.name ?? ''} · ${p.seriesName ?? ''}<br/>${p.data?.exact ?? '—'}${p.data?.year ? ` (${p.data.year})` : ''}`,
      },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, width: 96, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        name: unitLabel(unit, lang),
        axisLabel: { formatter: (v: number) => formatAxis(v, lang) },
      },
      series,
    };
    return { unit, title, option };
  });
}
