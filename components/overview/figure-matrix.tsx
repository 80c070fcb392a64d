// All figures of one or more subjects over the years: a row per subject × metric × kind (and
// period when not a whole year), a column per year; each cell links to its source sentence.
// The newest MATRIX_YEARS years are shown (a subject reported for twenty years would otherwise make
// a page of megabytes), and at most MATRIX_ROWS rows, the most significant by the rule of
// lib/vocab/significance.ts (listed in the usual subject and metric order); what is left out is
// counted and one link away, in the explorer.
import Link from 'next/link';
import type { SubjectFigure as Figure } from '@/lib/data/provenance';
import { fitToMetric, toSourced } from '@/lib/vocab/figure';
import type { MetricRef } from '@/lib/vocab/shapes';
import { dictionary, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { MoreNote } from '@/components/layout/more-note';
import { periodLabel } from '@/lib/vocab/periods';
import { MATRIX_ROWS, mostSignificant } from '@/lib/vocab/significance';

export interface MatrixSubject {
  key: string;
  name: string;
  nameEn: string | null;
  href?: string;
  match: (f: Figure) => boolean;
  /** Which subjects' rows are kept first when rows are left out (0 first; default 0). */
  tier?: number;
}

interface Row {
  subject: MatrixSubject;
  metric: MetricRef;
  kind: Figure['kind'];
  period: string | null;
  cells: Map<number, Figure>;
}

/** Year columns shown by default. */
export const MATRIX_YEARS = 10;

export function buildMatrixRows(
  figures: Figure[],
  subjects: MatrixSubject[],
  metrics: MetricRef[],
  maxYears = MATRIX_YEARS,
  bound: { maxRows?: number; headline?: readonly number[] } = {},
): { years: number[]; rows: Row[]; olderYears: number; hiddenRows: Row[] } {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const allYears = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  const years = allYears.slice(Math.max(0, allYears.length - maxYears));
  const first = years[0];
  if (first !== undefined && years.length < allYears.length) figures = figures.filter((f) => f.year >= first);
  const rows: Row[] = [];
  for (const subject of subjects) {
    const mine = figures.filter(subject.match).flatMap((f) => {
      const m = byId.get(f.metricId);
      return m ? fitToMetric([f], m.unit) : [];
    });
    const groups = new Map<string, Row>();
    for (const f of mine) {
      const metric = byId.get(f.metricId);
      if (!metric) continue;
      const k = `${f.metricId}:${f.kind}:${f.period ?? ''}`;
      let row = groups.get(k);
      if (!row) {
        row = { subject, metric, kind: f.kind, period: f.period, cells: new Map() };
        groups.set(k, row);
      }
      row.cells.set(f.year, f);
    }
    rows.push(...[...groups.values()].sort((a, b) => a.metric.id - b.metric.id || a.kind.localeCompare(b.kind)));
  }
  const olderYears = allYears.length - years.length;
  const maxRows = bound.maxRows ?? MATRIX_ROWS;
  if (rows.length <= maxRows) return { years, rows, olderYears, hiddenRows: [] };
  const { shown, hidden } = mostSignificant(rows, significanceOf, bound.headline ?? [], maxRows);
  const kept = new Set(shown);
  return { years, rows: rows.filter((r) => kept.has(r)), olderYears, hiddenRows: hidden };
}

/** A row as the significance rule sees it: its newest cell. */
function significanceOf(r: Row) {
  const year = Math.max(...r.cells.keys());
  const f = r.cells.get(year);
  return { tier: r.subject.tier ?? 0, metricId: r.metric.id, kind: r.kind, year, value: Number(f?.value ?? 0), date: f?.latest.date ?? null, reports: f?.reports ?? 0 };
}

/**
 * The explorer filtered to the rows left out: the caller's filter (base), from the first year
 * shown, and the metric, kind and park when every row left out shares them.
 */
export function hiddenRowsHref(base: string, firstYear: number | undefined, hidden: readonly Row[]): string {
  const q = new URLSearchParams(base.includes('?') ? base.slice(base.indexOf('?') + 1) : '');
  const one = <T,>(values: T[]): T | undefined => (new Set(values).size === 1 ? values[0] : undefined);
  if (firstYear !== undefined) q.set('yearFrom', String(firstYear));
  const metric = one(hidden.map((r) => r.metric.key));
  const kind = one(hidden.map((r) => r.kind));
  const subject = one(hidden.map((r) => r.subject.key));
  if (metric && !q.has('metric')) q.set('metric', metric);
  if (kind) q.set('kind', kind);
  if (subject?.startsWith('p') && !q.has('park')) q.set('park', subject.slice(1));
  return `${base.split('?')[0]}?${q.toString()}`;
}

export function FigureMatrix({
  figures,
  subjects,
  metrics,
  lang,
  caption,
  moreHref,
  headline,
  maxRows,
}: {
  figures: Figure[];
  subjects: MatrixSubject[];
  metrics: MetricRef[];
  lang: Lang;
  caption: string;
  /** Where the older years are (the explorer, filtered to what this table shows). */
  moreHref?: string;
  /** Headline metric ids, in order: their rows are kept first when rows are left out. */
  headline?: readonly number[];
  maxRows?: number;
}) {
  const t = dictionary(lang);
  const { years, rows, olderYears, hiddenRows } = buildMatrixRows(figures, subjects, metrics, MATRIX_YEARS, { maxRows, headline });
  if (rows.length === 0) return <p className="empty">{t.noData}</p>;
  const showSubject = subjects.length > 1;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showSubject ? <th scope="col">{t.subject}</th> : null}
            <th scope="col">{t.metric}</th>
            {years.map((y) => (
              <th key={y} scope="col" className="n">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const first = i === 0 || rows[i - 1]?.subject.key !== r.subject.key;
            return (
              <tr key={`${r.subject.key}:${r.metric.id}:${r.kind}:${r.period ?? ''}`}>
                {showSubject ? (
                  <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                    {first ? r.subject.href ? <Link prefetch={false} href={r.subject.href}>{localName(lang, r.subject.name, r.subject.nameEn)}</Link> : localName(lang, r.subject.name, r.subject.nameEn) : ''}
                  </th>
                ) : null}
                <td>
                  <Link prefetch={false} href={`/metrics/${r.metric.key}`}>{localName(lang, r.metric.nameZh, r.metric.nameEn)}</Link>
                  {r.kind !== 'actual' ? <span className="tag" style={{ marginLeft: 6 }}>{t.kind[r.kind]}</span> : null}
                  {r.period ? <span className="tag" style={{ marginLeft: 6 }}>{periodLabel(r.period, lang)}</span> : null}
                </td>
                {years.map((y) => {
                  const f = r.cells.get(y);
                  return (
                    <td key={y} className="n">
                      {f ? <SourcedValueLink point={toSourced(f)} lang={lang} /> : <span className="no-data" aria-label={t.noData}>—</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {hiddenRows.length > 0 ? (
        <MoreNote
          text={fill(t.matrixMoreRows, { shown: rows.length, n: hiddenRows.length })}
          href={moreHref ? hiddenRowsHref(moreHref, years[0], hiddenRows) : undefined}
          linkText={t.matrixOlderLink}
          data={{ 'data-rows-hidden': hiddenRows.length }}
        />
      ) : null}
      {olderYears > 0 ? (
        <MoreNote
          text={fill(t.matrixOlderYears, { shown: years.length, older: olderYears })}
          href={moreHref}
          linkText={t.matrixOlderLink}
          data={{ 'data-older-years': olderYears }}
        />
      ) : null}
    </div>
  );
}
