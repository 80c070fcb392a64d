// One KPI: the value (linked to its source), change on the previous year, target reached, the
// latest issue date and the number of sources. Missing figures read 无数据, never 0.
import Link from 'next/link';
import type { KpiCard as KpiCardData } from '@/lib/data/overview';
import { dictionary, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatChange, formatDate, formatValue, targetReached } from '@/lib/i18n/format';
import { sourceHref } from '@/lib/charts/provenance';
import { provenanceTitle, SourcedValueLink } from '@/components/provenance/sourced-value';
import { promisesDictionary } from '@/lib/i18n/promises';
import '@/components/targets/targets.css';

export function KpiCard({ card, lang }: { card: KpiCardData; lang: Lang }) {
  const t = dictionary(lang);
  const p = promisesDictionary(lang);
  const name = localName(lang, card.metric.nameZh, card.metric.nameEn);
  const unit = card.metric.unit;
  const value = card.value === null ? null : formatValue(card.value, unit, lang, card.comparator);
  const change =
    card.value === null
      ? null
      : formatChange(card.value, card.previous, unit, lang, card.metric.direction);
  const reached = card.value === null ? null : targetReached(card.value, card.target);
  const subject =
    card.basis === 'parks_sum'
      ? `${t.overview.parksSum}（${card.parkCount}）`
      : card.basis === 'city'
        ? t.overview.cityTotal
        : card.subjectName
          ? localName(lang, card.subjectName, card.subjectNameEn)
          : null;
  const href =
    card.latest && card.basis !== 'parks_sum' ? sourceHref({ latest: card.latest }) : null;
  const title =
    card.latest && card.value !== null
      ? provenanceTitle(
          {
            value: card.value,
            unit,
            comparator: card.comparator,
            reports: card.reports,
            sources: card.sources,
            latest: card.latest,
          },
          lang,
        )
      : undefined;
  return (
    <li className="kpi" title={title} data-metric={card.metric.key}>
      <span className="kpi-name">
        <Link prefetch={false} href={`/metrics/${card.metric.key}`} className="muted">
          {name}
        </Link>
      </span>
      {subject ? <span className="kpi-subject">{subject}</span> : null}
      <span className="kpi-value">
        {value === null && card.target !== null ? (
          // A target without an actual yet: the target heads the card, never 无数据.
          <>
            <span className="kpi-target-label">{t.overview.target}</span>
            {card.targetSource ? (
              <SourcedValueLink
                point={{
                  value: card.target,
                  unit,
                  comparator: card.targetComparator,
                  reports: 1,
                  sources: 1,
                  latest: card.targetSource,
                }}
                lang={lang}
                showReports={false}
              />
            ) : (
              formatValue(card.target, unit, lang, card.targetComparator).text
            )}
          </>
        ) : value === null ? (
          <span className="no-data">{t.noData}</span>
        ) : href ? (
          <Link
            prefetch={false}
            href={href}
            aria-label={`${name} ${value.text}，${t.provenance.open}`}
          >
            {value.text}
          </Link>
        ) : (
          value.text
        )}
      </span>
      {value === null && card.target !== null ? (
        <span className="kpi-row">
          <span className="tag promise-none">{p.noActual}</span>
        </span>
      ) : (
        <span className="kpi-row">
          <span>
            {t.overview.change}{' '}
            {change ? (
              <span
                className={`kpi-change ${change.good === true ? 'good' : change.good === false ? 'bad' : ''}`}
              >
                {change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : ''}{' '}
                {change.text}
              </span>
            ) : card.previousMissing === 'other_basis' || card.previousMissing === 'other_unit' ? (
              <span className="no-data">
                {p.yoyNone.otherBasis.replace(
                  '{why}',
                  card.previousMissing === 'other_unit'
                    ? lang === 'zh'
                      ? '单位不同'
                      : 'another unit'
                    : lang === 'zh'
                      ? '主体或口径不同'
                      : 'another subject or basis',
                )}
              </span>
            ) : card.previousMissing === 'no_previous' ? (
              <span className="no-data">{p.yoyNone.noPrevious}</span>
            ) : (
              <span className="no-data">{t.noData}</span>
            )}
          </span>
          <span>
            {t.overview.target}{' '}
            {card.target !== null ? (
              card.targetSource ? (
                <SourcedValueLink
                  point={{
                    value: card.target,
                    unit,
                    comparator: card.targetComparator,
                    reports: 1,
                    sources: 1,
                    latest: card.targetSource,
                  }}
                  lang={lang}
                  showReports={false}
                />
              ) : (
                <span className="num">
                  {formatValue(card.target, unit, lang, card.targetComparator).text}
                </span>
              )
            ) : (
              <span className="no-data">{t.noData}</span>
            )}
          </span>
        </span>
      )}
      {reached !== null ? (
        <span className="kpi-row" aria-label={`${t.overview.reached} ${reached}%`}>
          <span className="progress" style={{ flex: 1, alignSelf: 'center' }}>
            <span style={{ width: `${Math.min(100, Math.max(0, reached))}%` }} />
          </span>
          <span className="num">
            {t.overview.reached} {reached}%
          </span>
        </span>
      ) : null}
      <span className="kpi-foot">
        {card.target !== null && card.targetSource ? (
          <>
            <Link prefetch={false} href={`/targets/${card.targetSource.factId}`}>
              {p.openTimeline}
            </Link>
            {' · '}
          </>
        ) : null}
        {card.asOf ? `${t.overview.asOf} ${formatDate(card.asOf, lang)} · ` : ''}
        {fill(t.overview.sources, { n: card.sources })}
        {card.reports > card.sources ? ` · ${fill(t.overview.reports, { n: card.reports })}` : ''}
      </span>
    </li>
  );
}
