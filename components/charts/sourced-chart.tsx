'use client';
// Charts of sourced figures. Options are built here, in the browser, because their tooltip
// formatters are functions; the server passes plain DTOs. Clicking a bar or point opens the
// article at the quoted sentence.
import { useCallback, useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { EChart, type ChartClickEvent } from '@/components/charts/echart';
import {
  rankingOption,
  targetActualOption,
  trendOption,
  type RankingInput,
  type TrendInput,
} from '@/lib/charts/figures';
import { asSourcedDatum } from '@/lib/charts/provenance';
import type { MetricRef } from '@/lib/vocab/shapes';
import type { Lang } from '@/lib/i18n/dictionaries';
import { formatDate, unitLabel } from '@/lib/i18n/format';
import type { PngMeta } from './png-export';

/** What the PNG export adds to the chart's own label and unit (the page's filters, a source line); false: no export. */
export type SourcedPng = Partial<Pick<PngMeta, 'title' | 'filters' | 'source' | 'asOf'>> | false;

type Common = {
  metric: MetricRef;
  lang: Lang;
  label: string;
  dark?: boolean;
  fontSize?: number;
  height?: number | string;
  png?: SourcedPng;
};
export type SourcedChartProps = (
  | { kind: 'ranking' | 'target'; rows: RankingInput[] }
  | { kind: 'trend'; years: number[]; series: TrendInput[] }
) &
  Common;

/** The latest issue date among the figures a chart draws (its as-of date). */
function latestDate(props: SourcedChartProps): string | null {
  const dates: string[] = [];
  if (props.kind === 'trend')
    for (const s of props.series)
      for (const p of s.points) if (p?.latest.date) dates.push(p.latest.date);
  if (props.kind !== 'trend')
    for (const r of props.rows)
      for (const v of [r.actual, r.target]) if (v?.latest.date) dates.push(v.latest.date);
  return dates.sort().at(-1) ?? null;
}

export function SourcedChart(props: SourcedChartProps) {
  const router = useRouter();
  const { kind, metric, lang, dark, fontSize } = props;
  const rows = props.kind === 'trend' ? null : props.rows;
  const years = props.kind === 'trend' ? props.years : null;
  const series = props.kind === 'trend' ? props.series : null;
  const option = useMemo(() => {
    const theme = { dark: dark === true, fontSize };
    if (kind === 'trend') return trendOption(years ?? [], series ?? [], metric, lang, theme);
    if (kind === 'target') return targetActualOption(rows ?? [], metric, lang, theme);
    return rankingOption(rows ?? [], metric, lang, theme);
  }, [kind, rows, years, series, metric, lang, dark, fontSize]);
  const onClick = useCallback(
    (e: ChartClickEvent) => {
      const href = asSourcedDatum(e.data)?.href;
      if (href) router.push(href);
    },
    [router],
  );
  const count = rows
    ? rows.filter((r) => (kind === 'target' ? r.target : (r.actual ?? r.target))).length
    : (series?.length ?? 0);
  const height = props.height ?? (kind === 'ranking' ? Math.max(180, count * 34 + 60) : 320);
  // Every light chart exports a PNG with its title, unit, as-of date and source (the wall does not: it is a display).
  const asOf = latestDate(props);
  const png: PngMeta | undefined =
    dark || props.png === false
      ? undefined
      : {
          lang,
          title: props.png?.title ?? props.label,
          filters: props.png?.filters ?? [],
          unit: unitLabel(metric.unit, lang),
          asOf: props.png?.asOf ?? (asOf ? formatDate(asOf, lang) : null),
          source:
            props.png?.source ??
            (lang === 'zh'
              ? '来源：湘潭日报（经审核的数字）'
              : 'Source: Xiangtan Daily (reviewed figures)'),
          fileName: `xiangtan-${kind}-${metric.key}.png`,
        };
  return (
    <EChart
      option={option}
      label={props.label}
      height={height}
      theme={dark ? 'dark' : undefined}
      onClick={onClick}
      png={png}
    />
  );
}
