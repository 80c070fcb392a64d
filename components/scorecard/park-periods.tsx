// A park's figures grouped by period (whole years, half-years, quarters, 1—N月), newest first, so
// its part-year figures appear on its own page and not only in the explorer.
import Link from 'next/link';
import type { PeriodGroup } from '@/lib/scorecard/shape';
import type { SubjectFigure } from '@/lib/data/provenance';
import type { MetricRef } from '@/lib/vocab/shapes';
import { toSourced } from '@/lib/vocab/figure';
import { dictionary, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { scorecardDictionary } from '@/lib/i18n/scorecard';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { MoreNote } from '@/components/layout/more-note';
import { PARK_PERIODS, PERIOD_ROWS, mostSignificant } from '@/lib/vocab/significance';
import { periodText } from './score-cell';

/** Period groups shown on the page (newest first); the rest are one link away, in the explorer. */
export const PARK_PERIODS_SHOWN = PARK_PERIODS;

/**
 * The explorer filtered to what a period left out: the park (base), the period's year, and the
 * metric and kind when every row left out shares them (the explorer has no period filter).
 */
export function periodRowsHref(base: string, year: number, hidden: readonly Pick<SubjectFigure, 'metricKey' | 'kind'>[]): string {
  const q = new URLSearchParams({ yearFrom: String(year), yearTo: String(year) });
  const one = <T,>(values: T[]): T | undefined => (new Set(values).size === 1 ? values[0] : undefined);
  const metric = one(hidden.map((f) => f.metricKey));
  const kind = one(hidden.map((f) => f.kind));
  if (metric) q.set('metric', metric);
  if (kind) q.set('kind', kind);
  return `${base}${base.includes('?') ? '&' : '?'}${q.toString()}`;
}

export function ParkPeriods({
  groups, total, metrics, parkName, lang, moreHref, limit = PARK_PERIODS_SHOWN, headline = [], rowLimit = PERIOD_ROWS,
}: {
  groups: PeriodGroup<SubjectFigure>[];
  /** How many periods the park has in all, when `groups` holds only the newest (lib/data getParkPeriods). */
  total?: number;
  metrics: MetricRef[];
  parkName: string;
  lang: Lang;
  /** Where the periods not shown are (the explorer filtered to this park). */
  moreHref?: string;
  limit?: number;
  /** Headline metric ids, in order: listed first in a period with more rows than it shows. */
  headline?: readonly number[];
  /** Rows shown per period, the most significant (lib/vocab/significance.ts); the rest are counted and linked. */
  rowLimit?: number;
}) {
  const t = dictionary(lang);
  const s = scorecardDictionary(lang);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  if (groups.length === 0) return <p className="empty">{t.noData}</p>;
  // A park reported for twenty years has hundreds of periods: the page shows the newest few
  // (a page of thousands of rows is megabytes to send and unreadable), the explorer has them all.
  const shown = groups.slice(0, limit);
  const hidden = Math.max(total ?? groups.length, groups.length) - shown.length;
  return (
    <div className="park-periods">
      {shown.map((g) => {
        const label = periodText(g, lang);
        // A busy park has hundreds of figures in one period: the most significant are listed.
        const { shown: rows, hidden: left } = mostSignificant(
          g.figures,
          (f) => ({ metricId: f.metricId, kind: f.kind, year: f.year, value: Number(f.value), date: f.latest.date, reports: f.reports }),
          headline,
          rowLimit,
        );
        return (
          <div className="table-wrap" key={`${g.year}:${g.period}`} data-period={`${g.year}:${g.period}`}>
            <table className="data">
              <caption>{fill(s.periodCaption, { park: parkName, period: label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.metric}</th>
                  <th scope="col">{s.kind}</th>
                  <th scope="col" className="n">
                    {t.value}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => {
                  const m = byId.get(f.metricId);
                  return (
                    <tr key={`${f.metricId}:${f.kind}:${f.event}:${f.unit}`}>
                      <th scope="row">{m ? <Link prefetch={false} href={`/metrics/${m.key}`}>{localName(lang, m.nameZh, m.nameEn)}</Link> : f.metricKey}</th>
                      <td>{t.kind[f.kind]}</td>
                      <td className="n">
                        <SourcedValueLink point={toSourced(f)} lang={lang} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {left.length > 0 ? (
              <MoreNote
                text={fill(s.morePeriodRows, { shown: String(rows.length), n: String(left.length) })}
                href={moreHref ? periodRowsHref(moreHref, g.year, left) : undefined}
                linkText={s.morePeriodRowsLink}
                data={{ 'data-rows-hidden': left.length }}
              />
            ) : null}
          </div>
        );
      })}
      {hidden > 0 ? (
        <MoreNote text={fill(s.morePeriods, { n: String(hidden) })} href={moreHref} linkText={s.morePeriodsLink} data={{ 'data-periods-hidden': hidden }} />
      ) : null}
    </div>
  );
}
