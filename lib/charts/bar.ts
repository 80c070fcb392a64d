// Pure builders from plain data to ECharts options (unit-tested, no DOM).
import type { EChartsCoreOption } from 'echarts/core';

export interface BarDatum {
  name: string;
  value: number;
}

export function barOption(data: BarDatum[], opts: { seriesName: string; horizontal?: boolean }): EChartsCoreOption {
  const names = data.map((d) => d.name);
  const values = data.map((d) => d.value);
  const category = { type: 'category', data: names, axisLabel: { interval: 0 } };
  const value = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', name: opts.seriesName, data: values, barMaxWidth: 32 }],
  };
}
