'use client';
// The one ECharts wrapper. It registers only the chart types the app uses, initialises once,
// replaces the option on change (notMerge), follows its container with a ResizeObserver,
// rebinds events without stacking them, and disposes on unmount.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  DatasetComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  DatasetComponent,
  CanvasRenderer,
]);

export type EChartsOption = EChartsCoreOption;
export type ChartClickEvent = ECElementEvent;

export interface EChartProps {
  option: EChartsOption;
  /** Accessible name of the chart (also used as the aria description title). */
  label: string;
  height?: number | string;
  className?: string;
  theme?: 'dark' | undefined;
  onClick?: (event: ChartClickEvent) => void;
  /** Receives the instance once it exists (e.g. to export a PNG). */
  onReady?: (chart: echarts.ECharts) => void;
}

export function EChart({ option, label, height = 320, className, theme, onClick, onReady }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, theme, { renderer: 'canvas' });
    chartRef.current = chart;
    onReady?.(chart);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
    // Init once per theme; option and handlers are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme]);

  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, {
      notMerge: true,
      lazyUpdate: false,
    });
  }, [option, label, theme]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.off('click');
    if (onClick) chart.on('click', (e) => onClick(e as ChartClickEvent));
    return () => {
      chart.off('click');
    };
  }, [onClick, theme]);

  return <div ref={ref} role="img" aria-label={label} className={className} style={{ width: '100%', height }} />;
}
