// One indicator of a park in the scorecard: the latest value with its period (linked to its
// sentence), the trend against the same period before, the year's target and progress compared
// like with like ("截至6月" for a part-year actual against a full-year target, never a shortfall).
import Link from 'next/link';
import type { PeriodValue, Progress, ScoreCell, Trend } from '@/lib/scorecard/shape';
import { fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatDate, formatValue } from '@/lib/i18n/format';
import { periodLabel } from '@/lib/vocab/periods';
import { scorecardDictionary } from '@/lib/i18n/scorecard';
import { SourcedValueLink } from '@/components/provenance/sourced-value';

export function periodText(v: Pick<PeriodValue, 'year' | 'period'>, lang: Lang): string {
  const s = scorecardDictionary(lang);
  return v.period === '' ? fill(s.wholeYear, { year: v.year }) : fill(s.periodOf, { year: v.year, period: periodLabel(v.period, lang) });
}

export function progressText(p: Progress, lang: Lang): string {
  const s = scorecardDictionary(lang);
  const when = p.asOf ? fill(s.asOfDate, { date: formatDate(p.asOf, lang) }) : p.throughMonth !== null ? fill(s.throughMonthLevel, { m: p.throughMonth }) : '';
  const verdict = p.status === 'met' ? s.reached : p.status === 'missed' ? s.notReached : s.inProgress;
  if (!p.partial) return p.pct !== null ? `${fill(s.pct, { pct: p.pct })} · ${verdict}` : verdict;
  // Part of the period: progress so far, never a shortfall.
  return p.pct !== null ? `${when} ${fill(s.pctSoFar, { pct: p.pct })}` : `${when} · ${verdict}`;
}

/** good / bad / neutral look of a progress: a part-year figure is never shown as a shortfall. */
function progressTone(p: Progress): 'good' | 'bad' | 'partial' {
  if (p.status === 'met') return 'good';
  return p.status === 'missed' ? 'bad' : 'partial';
}

function TrendMark({ trend, unit, lang }: { trend: Trend; unit: string; lang: Lang }) {
  const s = scorecardDictionary(lang);
  const prev = formatValue(trend.previous.value, unit, lang, trend.previous.comparator).text;
  const label = `${s.trend[trend.direction]}（${fill(s.previous, { value: prev, period: periodText(trend.previous, lang) })}）`;
  const tone = trend.good === null ? 'neutral' : trend.good ? 'good' : 'bad';
  return (
    <span className={`sc-trend ${tone}`} title={label} role="img" aria-label={label}>
      {trend.direction === 'up' ? '↑' : trend.direction === 'down' ? '↓' : '→'}
    </span>
  );
}

export function ScoreCellView({ cell, lang, showName = true }: { cell: ScoreCell; lang: Lang; showName?: boolean }) {
  const s = scorecardDictionary(lang);
  const { metric, actual, target, progress, trend } = cell;
  return (
    <div className="sc-cell" data-metric={metric.key}>
      {showName ? (
        <div className="sc-name">
          <Link prefetch={false} href={`/metrics/${metric.key}`}>{localName(lang, metric.nameZh, metric.nameEn)}</Link>
        </div>
      ) : null}
      <div className="sc-value">
        {actual ? (
          <>
            <SourcedValueLink point={actual} lang={lang} />
            <span className="sc-period">{periodText(actual, lang)}</span>
            {trend ? <TrendMark trend={trend} unit={actual.unit} lang={lang} /> : null}
          </>
        ) : (
          <span className="sc-target-only">{s.targetOnly}</span>
        )}
      </div>
      {target ? (
        <div className="sc-target">
          {s.target} <SourcedValueLink point={target} lang={lang} showReports={false} />
          {target.period !== '' ? <span className="sc-period">{periodText(target, lang)}</span> : null}
          {progress ? <span className={`sc-progress ${progressTone(progress)}`}>{progressText(progress, lang)}</span> : null}
        </div>
      ) : null}
    </div>
  );
}

export function AwardLines({ awards, lang }: { awards: { id: number; title: string; articleId: number | null }[]; lang: Lang }) {
  const s = scorecardDictionary(lang);
  if (awards.length === 0) return null;
  return (
    <div className="sc-cell sc-awards">
      <div className="sc-name">{s.awards}</div>
      <ul>
        {awards.map((a) => (
          <li key={a.id}>
            <span className="tag award">{lang === 'zh' ? '奖' : '★'}</span>{' '}
            {a.articleId ? <Link prefetch={false} href={`/articles/${a.articleId}`} className="cell-link">{a.title}</Link> : a.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
