'use client';
// The "download PNG" button of a chart (every chart: EChart renders it when given `png`).
import { useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { downloadChartPng, type PngMeta } from './png-export';

const LABELS = {
  zh: { png: '导出图片 PNG', busy: '正在生成图片…', failed: '图片生成失败' },
  en: { png: 'Download PNG', busy: 'Making the image…', failed: 'Could not make the image' },
} as const;

export function PngButton({
  option,
  meta,
  chartHeight,
  label,
}: {
  option: EChartsCoreOption;
  meta: PngMeta;
  chartHeight?: number;
  label?: string;
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const t = LABELS[meta.lang];
  return (
    <button
      type="button"
      className="button secondary png-button"
      disabled={state === 'busy'}
      aria-label={label ? `${t.png}：${label}` : undefined}
      onClick={() => {
        setState('busy');
        downloadChartPng(option, meta, chartHeight).then(
          () => setState('idle'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'busy' ? t.busy : state === 'failed' ? t.failed : t.png}
    </button>
  );
}
