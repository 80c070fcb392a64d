'use client';
// Charts of sourced figures. Options are built here, in the browser, because their tooltip
// formatters are functions; the server passes plain DTOs. Clicking a bar or point opens the
// article at the quoted sentence.
import { useCallback, useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { EChart, type ChartClickEvent } from '@/components/charts/echart';
import { rankingOption, targetActualOption, trendOption, type RankingInput, type TrendInput } from '@/lib/charts/figures';
import { asSourcedDatum } from '@/lib/charts/provenance';
import type { MetricRef } from '@/lib/vocab/shapes';
import type { Lang } from '@/lib/i18n/dictionaries';

export type SourcedChartProps =
  | { kind: 'ranking' | 'target'; rows: RankingInput[]; metric: MetricRef; lang: Lang; label: string; dark?: boolean; fontSize?: number; height?: number | string }
  | { kind: 'trend'; years: number[]; series: TrendInput[]; metric: MetricRef; lang: Lang; label: string; dark?: boolean; fontSize?: number; height?: number | string };

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
  const count = rows ? rows.filter((r) => (kind === 'target' ? r.target : r.actual ?? r.target)).length : (series?.length ?? 0);
  const height = props.height ?? (kind === 'ranking' ? Math.max(180, count * 34 + 60) : 320);
  return <EChart option={option} label={props.label} height={height} theme={dark ? 'dark' : undefined} onClick={onClick} />;
}
