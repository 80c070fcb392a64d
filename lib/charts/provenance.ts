// Provenance inside charts: every bar and point carries its source (quote, issue date, article),
// the tooltip shows it as escaped HTML, and a click opens the article at the quoted sentence.
import { dictionary, fill, type Lang } from '@/lib/i18n/dictionaries';
import { escapeHtml, formatDate, formatValue } from '@/lib/i18n/format';
import type { SourcedValue } from '@/lib/vocab/shapes';

/** What a chart data item carries besides its number (ECharts keeps extra fields on `data`). */
export interface SourcedDatum {
  value: number | null;
  name?: string;
  /** Display text of the value (e.g. 1.4亿元) and its exact form. */
  text: string;
  exact: string;
  subject: string;
  quote: string | null;
  date: string | null;
  headline: string | null;
  reports: number;
  href: string | null;
}

/** Link to the article with the cited sentence highlighted (null for manual figures without one). */
export function sourceHref(point: Pick<SourcedValue, 'latest'>): string | null {
  const { articleId, factId } = point.latest;
  return articleId === null ? null : `/articles/${articleId}?fact=${factId}#cited`;
}

/** A chart data item for a value (or an empty slot: value null, never 0). */
export function sourcedDatum(point: SourcedValue | null, subject: string, lang: Lang): SourcedDatum {
  if (!point) {
    const none = dictionary(lang).noData;
    return { value: null, text: none, exact: none, subject, quote: null, date: null, headline: null, reports: 0, href: null };
  }
  const f = formatValue(point.value, point.unit, lang, point.comparator);
  const t = dictionary(lang);
  const flag = point.conflict ? ` ${t.figure.conflict}` : '';
  const events = (point.events ?? 1) > 1 ? ` · ${fill(t.figure.events, { n: point.events ?? 1 })}` : '';
  return {
    value: Number(point.value),
    text: `${f.text}${flag}`,
    exact: `${f.exact}${flag}${events}`,
    subject,
    quote: point.latest.evidence ?? point.latest.sourceNote,
    date: point.latest.date,
    headline: point.latest.headline,
    reports: point.reports,
    href: sourceHref(point),
  };
}

/** Tooltip HTML for one data item; all newspaper text is escaped. */
export function tooltipHtml(d: SourcedDatum, series: string | null, lang: Lang): string {
  const t = dictionary(lang);
  const lines: string[] = [];
  const head = [d.subject, series].filter(Boolean).map((s) => escapeHtml(String(s))).join(' · ');
  lines.push(`<div style="font-weight:600">${head}</div>`);
  if (d.value === null) {
    lines.push(`<div>${escapeHtml(t.noData)}</div>`);
    return lines.join('');
  }
  lines.push(`<div style="font-size:15px;font-weight:600">${escapeHtml(d.text)}</div>`);
  if (d.exact !== d.text) lines.push(`<div style="opacity:.75">${escapeHtml(d.exact)}</div>`);
  if (d.quote) {
    lines.push(
      `<div style="max-width:320px;white-space:normal;margin-top:6px;border-left:3px solid #b3261e;padding-left:6px">“${escapeHtml(d.quote)}”</div>`,
    );
  }
  const meta: string[] = [];
  if (d.date) meta.push(`${escapeHtml(t.provenance.issue)} ${escapeHtml(formatDate(d.date, lang))}`);
  if (d.headline) meta.push(`《${escapeHtml(d.headline)}》`);
  if (d.reports > 1) meta.push(escapeHtml(fill(t.overview.reports, { n: d.reports })));
  if (meta.length) lines.push(`<div style="opacity:.75;margin-top:4px;white-space:normal;max-width:320px">${meta.join(' · ')}</div>`);
  if (d.href) lines.push(`<div style="opacity:.75;margin-top:4px">${escapeHtml(t.provenance.open)} ›</div>`);
  return lines.join('');
}

/** Narrows an ECharts `params.data` back to our datum. */
export function asSourcedDatum(data: unknown): SourcedDatum | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<SourcedDatum>;
  return typeof d.text === 'string' && typeof d.subject === 'string' ? (d as SourcedDatum) : null;
}
