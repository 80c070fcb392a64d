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
import { periodText } from './score-cell';

/** Period groups shown on the page (newest first); the rest are one link away, in the explorer. */
export const PARK_PERIODS_SHOWN = 8;

export function ParkPeriods({
  groups, metrics, parkName, lang, moreHref, limit = PARK_PERIODS_SHOWN,
}: {
  groups: PeriodGroup<SubjectFigure>[];
  metrics: MetricRef[];
  parkName: string;
  lang: Lang;
  /** Where the periods not shown are (the explorer filtered to this park). */
  moreHref?: string;
  limit?: number;
}) {
  const t = dictionary(lang);
  const s = scorecardDictionary(lang);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  if (groups.length === 0) return <p className="empty">{t.noData}</p>;
  // A park reported for twenty years has hundreds of periods: the page shows the newest few
  // (a page of thousands of rows is megabytes to send and unreadable), the explorer has them all.
  const shown = groups.slice(0, limit);
  const hidden = groups.length - shown.length;
  return (
    <div className="park-periods">
      {shown.map((g) => {
        const label = periodText(g, lang);
        const rows = [...g.figures].sort((a, b) => a.metricId - b.metricId || a.kind.localeCompare(b.kind));
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
          </div>
        );
      })}
      {hidden > 0 ? (
        <MoreNote text={fill(s.morePeriods, { n: String(hidden) })} href={moreHref} linkText={s.morePeriodsLink} data={{ 'data-periods-hidden': hidden }} />
      ) : null}
    </div>
  );
}
