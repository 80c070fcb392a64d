'use client';
// The one ECharts wrapper. It registers only the chart types the app uses, initialises once,
// replaces the option on change (notMerge), follows its container with a ResizeObserver,
// rebinds events without stacking them, and disposes on unmount.
import { useEffect, useRef, useState } from 'react';
import type * as echarts from 'echarts/core';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { PngButton } from './png-button';
import type { PngMeta } from './png-export';
import './charts.css';

// ECharts (~225 KB gzip) loads after the page is interactive, not as part of its first load.
const loadECharts = () => import('./echarts-setup').then((m) => m.echarts);

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
  /** Shows a PNG export button: the file carries this title, the filters, unit, as-of date and source. */
  png?: PngMeta & { height?: number };
}

export function EChart({
  option,
  label,
  height = 320,
  className,
  theme,
  onClick,
  onReady,
  png,
}: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const [ready, setReady] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let chart: echarts.ECharts | undefined;
    let observer: ResizeObserver | undefined;
    void loadECharts().then((ec) => {
      if (disposed) return;
      const c = ec.init(el, theme, { renderer: 'canvas' });
      chart = c;
      chartRef.current = c;
      onReady?.(c);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el);
      setReady((n) => n + 1);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
      chartRef.current = null;
    };
    // Init once per theme; option and handlers are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme]);

  useEffect(() => {
    chartRef.current?.setOption(
      { aria: { enabled: true, label: { description: label } }, ...option },
      {
        notMerge: true,
        lazyUpdate: false,
      },
    );
  }, [option, label, theme, ready]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.off('click');
    if (onClick) chart.on('click', (e) => onClick(e as ChartClickEvent));
    return () => {
      chart.off('click');
    };
  }, [onClick, theme, ready]);

  const chart = (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      className={className}
      style={{ width: '100%', height }}
    />
  );
  if (!png) return chart;
  return (
    <div className="echart-box">
      <div className="echart-tools">
        <PngButton
          option={option}
          meta={png}
          chartHeight={png.height ?? (typeof height === 'number' ? Math.max(height, 360) : 420)}
          label={label}
        />
      </div>
      {chart}
    </div>
  );
}
