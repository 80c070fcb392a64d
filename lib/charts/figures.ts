// Pure builders from figure DTOs to ECharts options: parks ranked on a metric (bars, target as a
// marker), target vs actual, and trends over years. Empty figures stay empty (null → '-').
import type { EChartsCoreOption } from 'echarts/core';
import { dictionary, localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatAxis, unitLabel } from '@/lib/i18n/format';
import { asSourcedDatum, sourcedDatum, tooltipHtml, type SourcedDatum } from './provenance';
import type { MetricRef, SourcedValue } from '@/lib/vocab/shapes';
import { convert } from '@/lib/vocab/units';

export interface ChartTheme {
  dark?: boolean;
  /** Base font size in px (the wall screen is read from across a room). */
  fontSize?: number;
}

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Global text style and bar thickness for a theme. */
function sizing(theme: ChartTheme): { textStyle: { fontFamily: string; fontSize: number }; bar: number } {
  const fontSize = theme.fontSize ?? 12;
  return { textStyle: { fontFamily: FONT, fontSize }, bar: fontSize > 14 ? 44 : 22 };
}

export const PALETTE = ['#1f5fbf', '#b3261e', '#2e7d5b', '#b7791f', '#6b4fa3', '#1b8a99', '#8a5a44', '#5b6576'];
export const DARK_PALETTE = ['#5b9cff', '#ff7a6e', '#4cc38a', '#f2b84b', '#b18cff', '#3fd0e0', '#d49a7c', '#a8b3c4'];

interface TooltipParams {
  data?: unknown;
  seriesName?: string;
}

function tooltip(lang: Lang, dark: boolean) {
  return {
    trigger: 'item',
    confine: true,
    enterable: false,
    backgroundColor: dark ? 'rgba(16,24,40,.95)' : '#fff',
    borderColor: dark ? '#34405a' : '#dfe3ea',
    textStyle: { color: dark ? '#e6ebf5' : '#1d2430', fontSize: 13 },
    extraCssText: 'box-shadow:0 4px 14px rgba(0,0,0,.15);',
    formatter: (p: TooltipParams | TooltipParams[]) => {
      const one = Array.isArray(p) ? p[0] : p;
      const d = asSourcedDatum(one?.data);
      return d ? tooltipHtml(d, one?.seriesName ?? null, lang) : '';
    },
  };
}

function valueAxis(metric: MetricRef, lang: Lang, dark: boolean, theme: ChartTheme = {}) {
  return {
    type: 'value',
    name: unitLabel(metric.unit, lang),
    nameTextStyle: { color: dark ? '#a8b3c4' : '#5b6576' },
    axisLabel: { formatter: (v: number) => formatAxis(v, lang), color: dark ? '#a8b3c4' : '#5b6576', fontSize: theme.fontSize ?? 12 },
    splitLine: { lineStyle: { color: dark ? '#26324a' : '#eceff3' } },
  };
}

/**
 * A point as the metric's value axis plots it: in the metric's unit (30 亩 and 2 公顷 share an
 * axis), or no point at all when its unit is of another family (人次 on an axis of 人): one axis
 * never mixes unit families, whatever the caller passes.
 */
export function onMetricAxis(point: SourcedValue | null, metric: Pick<MetricRef, 'unit'>): SourcedValue | null {
  if (!point || point.unit === metric.unit) return point;
  const value = convert(point.value, point.unit, metric.unit);
  return value === null ? null : { ...point, value, unit: metric.unit };
}

export interface RankingInput {
  park: { id: number; name: string; nameEn: string | null };
  actual: SourcedValue | null;
  target: SourcedValue | null;
}

/**
 * Parks ranked on one metric: horizontal bars of the actual figure, best on top, the target as a
 * diamond on the same row. Parks without a figure are left out of the chart (the table lists them
 * as 无数据).
 */
export function rankingOption(rows: RankingInput[], metric: MetricRef, lang: Lang, theme: ChartTheme = {}): EChartsCoreOption {
  const t = dictionary(lang);
  const dark = theme.dark === true;
  const shown = rows.filter((r) => r.actual !== null || r.target !== null);
  const names = shown.map((r) => localName(lang, r.park.name, r.park.nameEn));
  const actual: SourcedDatum[] = shown.map((r, i) => sourcedDatum(onMetricAxis(r.actual, metric), names[i] ?? '', lang));
  const target: SourcedDatum[] = shown.map((r, i) => sourcedDatum(onMetricAxis(r.target, metric), names[i] ?? '', lang));
  const palette = dark ? DARK_PALETTE : PALETTE;
  return {
    backgroundColor: 'transparent',
    animationDuration: 400,
    textStyle: sizing(theme).textStyle,
    color: palette,
    tooltip: tooltip(lang, dark),
    legend: { top: 0, textStyle: { color: dark ? '#e6ebf5' : '#1d2430', fontSize: theme.fontSize ?? 12 } },
    grid: { left: 8, right: 40, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: valueAxis(metric, lang, dark, theme),
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { interval: 0, color: dark ? '#e6ebf5' : '#1d2430', fontSize: theme.fontSize ?? 12 },
    },
    series: [
      {
        type: 'bar',
        name: t.kind.actual,
        data: actual.map((d) => ({ ...d, value: d.value ?? '-' })),
        barMaxWidth: sizing(theme).bar,
        label: { show: true, position: 'right', formatter: (p: TooltipParams) => asSourcedDatum(p.data)?.text ?? '', color: dark ? '#e6ebf5' : '#1d2430' },
        cursor: 'pointer',
      },
      {
        type: 'scatter',
        name: t.kind.target,
        symbol: 'diamond',
        symbolSize: 14,
        data: target.map((d) => ({ ...d, value: d.value ?? '-' })),
        itemStyle: { color: dark ? '#f2b84b' : '#b7791f' },
        cursor: 'pointer',
      },
    ],
  };
}

export interface TrendInput {
  id: string;
  name: string;
  nameEn: string | null;
  points: (SourcedValue | null)[];
}

/** Every year from the first to the last: the real axis, with room for the years without figures. */
export function yearSpan(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/**
 * Figures over the years on a real time axis (a value axis of years: 2016, 2017 and 2023 are not
 * evenly spaced), one line per subject; a year without a figure is a gap in the line, never a
 * zero and never bridged. An event metric's years are separate totals of separate events (two
 * cases are not a series that doubled): bars, never a line joining them.
 */
export function trendOption(years: number[], series: TrendInput[], metric: MetricRef, lang: Lang, theme: ChartTheme = {}): EChartsCoreOption {
  const dark = theme.dark === true;
  const span = yearSpan(years);
  const first = span[0] ?? 0;
  const last = span.at(-1) ?? 0;
  const muted = dark ? '#a8b3c4' : '#5b6576';
  const pad = span.length < 2 || metric.nature === 'event';
  // Points by year; the missing years of the span are '-' so the line breaks there.
  const pointsOf = (s: TrendInput, name: string) => {
    const byYear = new Map(years.map((y, i) => [y, s.points[i] ?? null]));
    return span.map((y) => {
      const p = byYear.get(y) ?? null;
      const d = sourcedDatum(onMetricAxis(p, metric), name, lang);
      return { ...d, name: String(y), value: [y, d.value ?? '-'] };
    });
  };
  return {
    backgroundColor: 'transparent',
    animationDuration: 400,
    textStyle: sizing(theme).textStyle,
    color: dark ? DARK_PALETTE : PALETTE,
    tooltip: tooltip(lang, dark),
    legend: { type: 'scroll', top: 0, textStyle: { color: dark ? '#e6ebf5' : '#1d2430', fontSize: theme.fontSize ?? 12 } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      // A year of room either side for a single year or bars (a bar is not cut by the frame).
      min: pad ? first - 1 : first,
      max: pad ? last + 1 : last,
      interval: 1,
      minInterval: 1,
      splitLine: { show: false },
      axisLine: { show: true, lineStyle: { color: dark ? '#34405a' : '#c9cfd8' } },
      axisTick: { show: true },
      axisLabel: {
        color: muted,
        fontSize: theme.fontSize ?? 12,
        // Only the years of the span are labelled (not the margins).
        formatter: (v: number) => (Number.isInteger(v) && v >= first && v <= last ? String(v) : ''),
        hideOverlap: true,
      },
    },
    yAxis: valueAxis(metric, lang, dark, theme),
    series: series.map((s) => {
      const name = localName(lang, s.name, s.nameEn);
      if (metric.nature === 'event') {
        return { type: 'bar', name, barMaxWidth: sizing(theme).bar, cursor: 'pointer', data: pointsOf(s, name) };
      }
      return {
        type: 'line',
        name,
        connectNulls: false,
        symbolSize: (theme.fontSize ?? 12) > 14 ? 14 : 9,
        lineStyle: { width: (theme.fontSize ?? 12) > 14 ? 4 : 2 },
        showAllSymbol: true,
        cursor: 'pointer',
        data: pointsOf(s, name),
      };
    }),
  };
}

/** Actual and target side by side for each park that has either. */
export function targetActualOption(rows: RankingInput[], metric: MetricRef, lang: Lang, theme: ChartTheme = {}): EChartsCoreOption {
  const t = dictionary(lang);
  const dark = theme.dark === true;
  const shown = rows.filter((r) => r.target !== null);
  const names = shown.map((r) => localName(lang, r.park.name, r.park.nameEn));
  const series = (kind: 'actual' | 'target') => ({
    type: 'bar',
    name: t.kind[kind],
    barMaxWidth: 26,
    cursor: 'pointer',
    data: shown.map((r, i) => {
      const d = sourcedDatum(onMetricAxis(r[kind], metric), names[i] ?? '', lang);
      return { ...d, value: d.value ?? '-' };
    }),
  });
  return {
    backgroundColor: 'transparent',
    animationDuration: 400,
    textStyle: sizing(theme).textStyle,
    color: dark ? ['#5b9cff', '#f2b84b'] : ['#1f5fbf', '#d9a441'],
    tooltip: tooltip(lang, dark),
    legend: { top: 0, textStyle: { color: dark ? '#e6ebf5' : '#1d2430', fontSize: theme.fontSize ?? 12 } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, color: dark ? '#a8b3c4' : '#5b6576' } },
    yAxis: valueAxis(metric, lang, dark, theme),
    series: [series('actual'), series('target')],
  };
}
