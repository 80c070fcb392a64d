// A figure in a table or card, with its provenance: hovering shows the quoted sentence and the
// issue date (title), clicking opens the article with the sentence highlighted. Figures reported
// several times say how often.
import Link from 'next/link';
import type { SourcedValue } from '@/lib/vocab/shapes';
import { dictionary, fill, type Lang } from '@/lib/i18n/dictionaries';
import { formatDate, formatValue } from '@/lib/i18n/format';
import { sourceHref } from '@/lib/charts/provenance';

/** Plain-text provenance for a title attribute. */
export function provenanceTitle(point: SourcedValue, lang: Lang): string {
  const t = dictionary(lang);
  const f = formatValue(point.value, point.unit, lang, point.comparator);
  const parts = [f.exact];
  const quote = point.latest.evidence ?? point.latest.sourceNote;
  if (quote) parts.push(`“${quote}”`);
  if (point.latest.date) parts.push(`${t.provenance.issue} ${formatDate(point.latest.date, lang)}`);
  if (point.latest.headline) parts.push(`《${point.latest.headline}》`);
  if (point.conflict) parts.push(t.figure.conflict);
  if ((point.events ?? 1) > 1) parts.push(fill(t.figure.events, { n: point.events ?? 1 }));
  if (point.reports > 1) parts.push(`${fill(t.overview.reports, { n: point.reports })}，${t.overview.latestReport} ${point.latest.date ?? ''}`);
  return parts.join('\n');
}

export function SourcedValueLink({ point, lang, showReports = true }: { point: SourcedValue | null; lang: Lang; showReports?: boolean }) {
  const t = dictionary(lang);
  if (!point) return <span className="no-data">{t.noData}</span>;
  const f = formatValue(point.value, point.unit, lang, point.comparator);
  const href = sourceHref(point);
  const title = provenanceTitle(point, lang);
  return (
    <>
      {href ? (
        <Link prefetch={false} href={href} className="cell-link" title={title} data-fact={point.latest.factId}>
          {f.text}
        </Link>
      ) : (
        <span title={title}>{f.text}</span>
      )}
      {point.conflict ? (
        <span className="tag conflict" role="note" title={t.figure.conflict}>
          {lang === 'zh' ? '冲突' : 'conflict'}
        </span>
      ) : null}
      {(point.events ?? 1) > 1 ? <span className="reports">{fill(t.figure.events, { n: point.events ?? 1 })}</span> : null}
      {showReports && point.reports > 1 ? (
        <span className="reports" title={`${t.overview.latestReport} ${point.latest.date ?? ''}`}>
          ×{point.reports}
        </span>
      ) : null}
    </>
  );
}
