'use client';
// PNG export of any chart: the chart is drawn again off screen at a print width (so category
// labels are not cut), then set on a canvas between a title band (title, filters, unit) and a
// footer (as-of date, source line). The file also carries its title and filters as PNG iTXt
// metadata, so the words travel with the picture.
import type { EChartsCoreOption } from 'echarts/core';

export interface PngMeta {
  title: string;
  /** The filters in words (["区域：湘乡市", "年份：2023"]). */
  filters?: readonly string[];
  /** The unit of the value axis, in words (亿元, %, 人). */
  unit?: string | null;
  /** The data's as-of date (latest issue date), YYYY-MM-DD or words. */
  asOf?: string | null;
  /** The source line (湘潭日报 …). */
  source?: string | null;
  lang: 'zh' | 'en';
  fileName?: string;
}

export interface PngResult {
  blob: Blob;
  width: number;
  height: number;
  /** Height (px) of the title band above the chart. */
  band: number;
}

const FONT =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const WIDTH = 1200;
const PAD = 24;

/** Wider axis labels for print: nothing truncated (the screen chart truncates to fit a panel). */
function forPrint(option: EChartsCoreOption): EChartsCoreOption {
  const widen = (axis: unknown): unknown => {
    if (Array.isArray(axis)) return axis.map(widen);
    if (!axis || typeof axis !== 'object') return axis;
    const a = axis as { type?: string; axisLabel?: Record<string, unknown> };
    if (a.type !== 'category') return a;
    return {
      ...a,
      axisLabel: { ...(a.axisLabel ?? {}), width: 260, overflow: 'break', hideOverlap: false },
    };
  };
  const o = option as { xAxis?: unknown; yAxis?: unknown; animation?: boolean; tooltip?: unknown };
  return {
    ...option,
    animation: false,
    tooltip: { show: false },
    xAxis: widen(o.xAxis),
    yAxis: widen(o.yAxis),
  } as EChartsCoreOption;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

// ---------- PNG iTXt chunk (title and filters as metadata) ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function itxt(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  // keyword \0 compression-flag(0) method(0) language-tag \0 translated-keyword \0 text
  const body = new Uint8Array([
    ...enc.encode('iTXt'),
    ...enc.encode(keyword),
    0,
    0,
    0,
    0,
    0,
    ...enc.encode(text),
  ]);
  const out = new Uint8Array(body.length + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length - 4);
  out.set(body, 4);
  view.setUint32(body.length + 4, crc32(body));
  return out;
}

/** Inserts iTXt chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const at = 8 + 25;
  const chunks = Object.entries(entries).map(([k, v]) => itxt(k, v));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, at), 0);
  let pos = at;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  out.set(png.subarray(at), pos);
  return out;
}

// ---------- rendering ----------

/** Renders the option with its title band and footer; height follows the chart's own (categories). */
export async function renderChartPng(
  option: EChartsCoreOption,
  meta: PngMeta,
  chartHeight = 420,
): Promise<PngResult> {
  const { echarts } = await import('./echarts-setup');
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${WIDTH}px;height:${chartHeight}px`;
  document.body.appendChild(host);
  const chart = echarts.init(host, undefined, {
    renderer: 'canvas',
    width: WIDTH - 2 * PAD,
    height: chartHeight,
    devicePixelRatio: 2,
  });
  try {
    chart.setOption({ ...forPrint(option), backgroundColor: '#fff' }, { notMerge: true });
    const chartUrl = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('chart image failed'));
      img.src = chartUrl;
    });
    const scale = 2;
    const measure = document.createElement('canvas').getContext('2d')!;
    measure.font = `14px ${FONT}`;
    const zh = meta.lang === 'zh';
    const filterText = (meta.filters ?? []).join(zh ? '　' : ' · ');
    const unitText = meta.unit ? (zh ? `单位：${meta.unit}` : `Unit: ${meta.unit}`) : '';
    const subLines = wrap(
      measure,
      [filterText, unitText].filter(Boolean).join(zh ? '　' : ' · '),
      WIDTH - 2 * PAD,
    );
    measure.font = `bold 22px ${FONT}`;
    const titleLines = wrap(measure, meta.title, WIDTH - 2 * PAD);
    const band = PAD + titleLines.length * 30 + subLines.length * 22 + 12;
    const footerText = [
      meta.asOf ? (zh ? `数据截至 ${meta.asOf}` : `Data as of ${meta.asOf}`) : '',
      meta.source ?? (zh ? '来源：湘潭日报' : 'Source: Xiangtan Daily'),
    ]
      .filter(Boolean)
      .join(zh ? '　' : ' · ');
    measure.font = `12px ${FONT}`;
    const footLines = wrap(measure, footerText, WIDTH - 2 * PAD);
    const footer = 12 + footLines.length * 18 + PAD / 2;
    const width = WIDTH;
    const height = band + chartHeight + footer;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#1d2430';
    ctx.font = `bold 22px ${FONT}`;
    let y = PAD;
    for (const l of titleLines) {
      ctx.fillText(l, PAD, y);
      y += 30;
    }
    ctx.fillStyle = '#5b6576';
    ctx.font = `14px ${FONT}`;
    for (const l of subLines) {
      ctx.fillText(l, PAD, y);
      y += 22;
    }
    ctx.strokeStyle = '#dfe3ea';
    ctx.beginPath();
    ctx.moveTo(PAD, band - 6);
    ctx.lineTo(width - PAD, band - 6);
    ctx.stroke();
    ctx.drawImage(img, PAD, band, WIDTH - 2 * PAD, chartHeight);
    ctx.fillStyle = '#5b6576';
    ctx.font = `12px ${FONT}`;
    y = band + chartHeight + 12;
    for (const l of footLines) {
      ctx.fillText(l, PAD, y);
      y += 18;
    }
    const raw = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
    );
    const bytes = withPngText(new Uint8Array(await raw.arrayBuffer()), {
      Title: meta.title,
      Description: [filterText, unitText, footerText].filter(Boolean).join(' | '),
    });
    return {
      blob: new Blob([bytes as BlobPart], { type: 'image/png' }),
      width: canvas.width,
      height: canvas.height,
      band: band * scale,
    };
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** Renders and downloads. */
export async function downloadChartPng(
  option: EChartsCoreOption,
  meta: PngMeta,
  chartHeight?: number,
): Promise<PngResult> {
  const result = await renderChartPng(option, meta, chartHeight);
  const url = URL.createObjectURL(result.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = meta.fileName ?? `xiangtan-chart-${new Date().toISOString().slice(0, 10)}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return result;
}
