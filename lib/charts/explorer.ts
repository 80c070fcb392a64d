// Pure builder for the explorer chart: aggregates (lib/data/fact-aggregate AggregateRow) → ECharts option
// plus, per category, the filter a click on it applies (cross-filtering). Series never mix
// metrics, units or kinds; a group whose figures cannot be combined stays empty (never 0).
// Without a chosen metric the chart counts figures per metric (a unit-free measure).
import type { EChartsCoreOption } from 'echarts/core';
import type { AggregateRow } from '@/lib/data/fact-aggregate';
import type { Lang } from '@/lib/i18n/dictionaries';
import { escapeHtml, formatAxis, formatDate, formatValue, unitLabel } from '@/lib/i18n/format';
import type { ExplorerState, GroupByCode, KindCode } from '@/lib/queries/facts';
import { oneAxis } from '@/lib/vocab/figure';
import { kindLabels } from '@/lib/vocab/kinds';
import { convert } from '@/lib/vocab/units';

export const EXPLORER_PALETTE = ['#1f5fbf', '#b3261e', '#2e7d5b', '#b7791f', '#6b4fa3', '#1b8a99'];

const KIND_LABEL: Record<Lang, Record<KindCode, string>> = { zh: kindLabels('zh'), en: kindLabels('en') };

export interface ExplorerCategory {
  label: string;
  /** The filter a click on this bar/point applies. */
  filter: Partial<ExplorerState>;
}

export interface ExplorerDatum {
  value: number | null;
  /** Exact value with unit, for the tooltip. */
  exact: string | null;
  short: string | null;
  evidence: string | null;
  issueDate: string | null;
  headline: string | null;
  figures: number;
  reports: number;
}

export interface ExplorerChart {
  option: EChartsCoreOption;
  categories: ExplorerCategory[];
  /** Series names with their data, for the accessible table view. */
  series: { name: string; data: ExplorerDatum[] }[];
  mode: 'values' | 'counts';
  /** Units left out of the chart because they cannot share its one value axis (in the table only). */
  omittedUnits: string[];
}

function categoryOf(r: AggregateRow, groupBy: GroupByCode, lang: Lang): ExplorerCategory {
  if (groupBy === 'park' && r.group.park) return { label: r.group.park.name, filter: { park: r.group.park.id } };
  if (groupBy === 'region' && r.group.region) return { label: r.group.region.name, filter: { region: r.group.region.code, park: undefined } };
  if (groupBy === 'year' && r.group.year !== null) return { label: String(r.group.year), filter: { yearFrom: r.group.year, yearTo: r.group.year } };
  return { label: lang === 'zh' ? r.metric.nameZh : r.metric.nameEn, filter: { metric: r.metric.key } };
}

export function tooltipFor(d: ExplorerDatum, series: string, category: string, lang: Lang): string {
  const lines = [`<b>${escapeHtml(category)}</b> · ${escapeHtml(series)}`];
  if (d.exact !== null) lines.push(`${escapeHtml(d.short ?? '')}<br/><span style="color:#5b6576">${escapeHtml(d.exact)}</span>`);
  else lines.push(lang === 'zh' ? `${d.figures} 项数据（不可合计）` : `${d.figures} figures (not combinable)`);
  if (d.evidence) {
    const date = d.issueDate ? formatDate(d.issueDate, lang) : '';
    lines.push(
      `<div style="max-width:340px;white-space:normal;margin-top:6px;border-left:3px solid #b3261e;padding-left:6px">“${escapeHtml(d.evidence)}”</div>`,
      `<span style="color:#5b6576">${escapeHtml([d.headline ?? '', date].filter(Boolean).join(' · '))}</span>`,
    );
  }
  if (d.reports > 1) lines.push(lang === 'zh' ? `共 ${d.reports} 次报道` : `${d.reports} reports`);
  return lines.join('<br/>');
}

export function explorerChartOption(rows: AggregateRow[], groupBy: GroupByCode, lang: Lang, opts: { metricChosen: boolean }): ExplorerChart {
  const counts = !opts.metricChosen;
  const categories: ExplorerCategory[] = [];
  const catIndex = new Map<string, number>();
  const seriesMap = new Map<string, { name: string; unit: string; byCat: Map<number, ExplorerDatum> }>();
  const sorted = [...rows].sort((a, b) =>
    groupBy === 'year' ? (a.group.year ?? 0) - (b.group.year ?? 0) : 0,
  );
  for (const r of sorted) {
    const cat = categoryOf(r, groupBy, lang);
    const catKey = JSON.stringify(cat.filter);
    let idx = catIndex.get(catKey);
    if (idx === undefined) {
      idx = categories.length;
      catIndex.set(catKey, idx);
      categories.push(cat);
    }
    const kind = KIND_LABEL[lang][r.kind];
    const seriesKey = counts ? r.kind : `${r.kind}|${r.unit}`;
    const unitWord = unitLabel(r.unit, lang);
    const name = counts ? kind : `${kind}（${unitWord}）`;
    const s = seriesMap.get(seriesKey) ?? { name, unit: r.unit, byCat: new Map<number, ExplorerDatum>() };
    seriesMap.set(seriesKey, s);
    const prev = s.byCat.get(idx);
    if (counts) {
      const figures = (prev?.figures ?? 0) + r.figures;
      s.byCat.set(idx, { value: figures, exact: null, short: null, evidence: null, issueDate: null, headline: null, figures, reports: (prev?.reports ?? 0) + r.reports });
    } else {
      const f = r.value !== null ? formatValue(r.value, r.unit, lang) : null;
      s.byCat.set(idx, {
        value: r.value !== null ? Number(r.value) : null,
        exact: f?.exact ?? null,
        short: f?.text ?? null,
        evidence: r.latest.evidence,
        issueDate: r.latest.issueDate,
        headline: r.latest.headline,
        figures: r.figures,
        reports: r.reports,
      });
    }
  }
  // One value axis, one unit family: series whose unit does not convert to the first series'
  // (a fact in 人次 under a metric counted in 人, the unclassified metric's many units) stay off it.
  const axisUnit = [...seriesMap.values()][0]?.unit;
  const omittedUnits: string[] = [];
  if (!counts && axisUnit !== undefined) {
    for (const [key, s] of seriesMap) {
      if (!oneAxis([axisUnit, s.unit])) {
        seriesMap.delete(key);
        if (!omittedUnits.includes(s.unit)) omittedUnits.push(s.unit);
      } else if (s.unit !== axisUnit) {
        // 公顷 beside 亩: plotted in the axis' unit (the tooltip keeps the figure as reported).
        for (const d of s.byCat.values()) {
          if (d.value !== null) d.value = Number(convert(String(d.value), s.unit, axisUnit));
        }
      }
    }
  }
  const series = [...seriesMap.values()].map((s) => ({
    name: s.name,
    data: categories.map((_, i) => s.byCat.get(i) ?? { value: null, exact: null, short: null, evidence: null, issueDate: null, headline: null, figures: 0, reports: 0 }),
  }));
  const line = groupBy === 'year' && !counts;
  const labels = categories.map((c) => c.label);
  const horizontal = !line && categories.length > 8;
  const catAxis = { type: 'category', data: labels, axisLabel: { interval: 0, hideOverlap: true, width: 90, overflow: 'truncate' } };
  const valAxis = {
    type: 'value',
    // A horizontal value axis has no room for its name at the right edge; the panel note says what it counts.
    name: horizontal ? '' : counts ? (lang === 'zh' ? '数据项' : 'figures') : series.length === 1 ? unitLabel([...seriesMap.values()][0]?.unit ?? '', lang) : '',
    axisLabel: { formatter: (v: number) => formatAxis(v, lang) },
  };
  const option: EChartsCoreOption = {
    color: EXPLORER_PALETTE,
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesIndex?: number; dataIndex?: number; seriesName?: string }) => {
        const d = series[p.seriesIndex ?? -1]?.data[p.dataIndex ?? -1];
        const cat = categories[p.dataIndex ?? -1]?.label ?? '';
        if (!d) return '';
        if (counts) return `<b>${escapeHtml(cat)}</b> · ${escapeHtml(p.seriesName ?? '')}<br/>${lang === 'zh' ? `${d.figures} 项数据，${d.reports} 次报道` : `${d.figures} figures, ${d.reports} reports`}`;
        return tooltipFor(d, p.seriesName ?? '', cat, lang);
      },
    },
    xAxis: horizontal ? valAxis : catAxis,
    yAxis: horizontal ? { ...catAxis, inverse: true } : valAxis,
    series: series.map((s) => ({
      type: line ? 'line' : 'bar',
      name: s.name,
      connectNulls: false,
      barMaxWidth: 28,
      symbolSize: 9,
      emphasis: { focus: 'series' },
      cursor: 'pointer',
      data: s.data.map((d) => d.value),
    })),
  };
  return { option, categories, series, mode: counts ? 'counts' : 'values', omittedUnits };
}
