// The officials' landing page: one year of reviewed figures at a glance.
// In-page links do not prefetch: a dashboard has dozens of them and each target is a dynamic
// server render; only the header's few section links prefetch.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getOverview } from '@/lib/data/overview';
import { getDictionary } from '@/lib/i18n/server';
import { fill, localName } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';
import { metricParam, yearParam, type SearchParams } from '@/lib/i18n/params';
import { PageTitle } from '@/components/layout/page-title';
import { KpiCard } from '@/components/overview/kpi-card';
import { AutoSubmitSelect } from '@/components/overview/auto-submit-select';
import { SourcedChart } from '@/components/charts/sourced-chart';
import { TableView } from '@/components/charts/table-view';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { AwardsList } from '@/components/overview/awards-list';
import { CountyGrid } from '@/components/overview/county-grid';
import { TrendTable } from '@/components/overview/trend-table';
import { TargetList } from '@/components/targets/target-list';
import { promisesDictionary } from '@/lib/i18n/promises';

/** Targets shown on the overview; the rest are on /targets. */
const TARGETS_SHOWN = 8;

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.overview.title };
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const { t, lang } = await getDictionary();
  // Year links keep the metric only when the reader chose one; otherwise each year picks its own.
  const requestedMetric = metricParam(params);
  const data = await getOverview({ year: yearParam(params), metricKey: requestedMetric });
  const { year, metric } = data;
  const metricName = metric ? localName(lang, metric.nameZh, metric.nameEn) : '';
  const q = (y: number | null, m?: string) => {
    const s = new URLSearchParams();
    if (y !== null) s.set('year', String(y));
    if (m) s.set('metric', m);
    return `/?${s.toString()}`;
  };
  const yearChoices = [...new Set([...data.years, ...(year !== null ? [year] : [])])].sort(
    (a, b) => b - a,
  );
  const p = promisesDictionary(lang);
  // A year without reviewed figures or targets: say so, with the years that have some — no empty panels.
  const emptyYear = year !== null && data.figuresInYear === 0 && data.targetCount === 0;
  // The latest year with park figures, when this one has none: one click away.
  const parkYear =
    year !== null && !data.parkYears.includes(year) ? (data.parkYears[0] ?? null) : null;
  const parkYearLink =
    parkYear !== null ? (
      <Link prefetch={false} href={q(parkYear)} className="text-link">
        {lang === 'zh' ? `查看${parkYear}年园区数据 ›` : `Park figures of ${parkYear} ›`}
      </Link>
    ) : null;
  return (
    <main>
      <PageTitle
        title={t.overview.title}
        subtitle={
          year === null ? (
            t.noDataYear
          ) : (
            <>
              {fill(t.overview.subtitle, { year })}
              {data.asOf ? ` · ${t.overview.asOf} ${formatDate(data.asOf, lang)}` : ''}
              {` · ${t.source}`}
            </>
          )
        }
      >
        {yearChoices.length > 0 ? (
          <nav aria-label={t.overview.chooseYear}>
            <ul className="year-tabs">
              {yearChoices.map((y) => (
                <li key={y}>
                  <Link
                    prefetch={false}
                    href={q(y, requestedMetric)}
                    aria-current={y === year ? 'true' : undefined}
                  >
                    {y}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </PageTitle>

      {emptyYear ? (
        <section className="panel" aria-labelledby="empty-h">
          <h2 id="empty-h" className="sr-only">
            {t.overview.kpis}
          </h2>
          <div className="empty" role="status">
            <p>{p.noDataForYear.replace('{year}', String(year))}</p>
            {data.years.length > 0 ? (
              <p>
                {p.yearsWithData}
                {data.years.map((y, i) => (
                  <span key={y}>
                    {i > 0 ? ' · ' : ''}
                    <Link prefetch={false} href={q(y)}>
                      {y}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        </section>
      ) : (
        <>
          <section aria-labelledby="kpis-h">
            <h2 id="kpis-h" className="sr-only">
              {t.overview.kpis}
            </h2>
            {data.kpis.length > 0 ? (
              <ul className="kpis">
                {data.kpis.map((card) => (
                  <KpiCard key={card.metric.id} card={card} lang={lang} />
                ))}
              </ul>
            ) : (
              <div className="panel empty" role="status">
                {year === null ? t.noDataYear : `${year} · ${t.noDataYear}`}
              </div>
            )}
          </section>

          <section className="panel" aria-labelledby="targets-h" style={{ marginBottom: 16 }}>
            <div className="panel-head">
              <h2 id="targets-h">{t.overview.targetVsActual}</h2>
              {data.targetCount > 0 && year !== null ? (
                <p className="panel-note">
                  <Link prefetch={false} href={`/targets?year=${year}`}>
                    {p.allTargets}（{data.targetCount}） ›
                  </Link>
                </p>
              ) : null}
            </div>
            {data.targets.length > 0 ? (
              <TargetList items={data.targets.slice(0, TARGETS_SHOWN)} lang={lang} />
            ) : (
              <p className="empty">{year !== null ? `${year} · ${p.noTargets}` : p.noTargets}</p>
            )}
          </section>

          <div className="grid-2">
            <section className="panel" aria-labelledby="ranking-h">
              <div className="panel-head">
                <h2 id="ranking-h">{t.overview.ranking}</h2>
                {data.rankingMetrics.length > 0 ? (
                  <form method="get" action="/" className="select-form">
                    {year !== null ? <input type="hidden" name="year" value={year} /> : null}
                    <AutoSubmitSelect
                      name="metric"
                      label={t.overview.chooseMetric}
                      value={metric?.key ?? ''}
                      options={[
                        ...data.rankingMetrics,
                        ...(metric && !data.rankingMetrics.some((m) => m.id === metric.id)
                          ? [metric]
                          : []),
                      ].map((m) => ({
                        value: m.key,
                        label: localName(lang, m.nameZh, m.nameEn),
                      }))}
                    />
                    <noscript>
                      <button type="submit" className="button secondary">
                        OK
                      </button>
                    </noscript>
                  </form>
                ) : null}
              </div>
              {metric && data.ranking.some((r) => r.actual) ? (
                <>
                  <p className="panel-note">
                    {fill(t.overview.rankingOf, { metric: metricName })} · {year}
                  </p>
                  <SourcedChart
                    kind="ranking"
                    rows={data.ranking}
                    metric={metric}
                    lang={lang}
                    label={fill(t.overview.rankingOf, { metric: metricName })}
                  />
                  <TableView
                    summary={t.table.show}
                    caption={`${fill(t.overview.rankingOf, { metric: metricName })} · ${year}`}
                  >
                    <thead>
                      <tr>
                        <th scope="col">{t.park}</th>
                        <th scope="col" className="n">
                          {t.kind.actual}
                        </th>
                        <th scope="col" className="n">
                          {t.kind.target}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.ranking.map((r) => (
                        <tr key={r.park.id}>
                          <th scope="row">
                            <Link prefetch={false} href={`/parks/${r.park.id}`}>
                              {localName(lang, r.park.name, r.park.nameEn)}
                            </Link>
                          </th>
                          <td className="n">
                            <SourcedValueLink point={r.actual} lang={lang} />
                          </td>
                          <td className="n">
                            <SourcedValueLink point={r.target} lang={lang} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </TableView>
                </>
              ) : (
                <p className="empty">
                  {t.noData}
                  {parkYearLink ? <> · {parkYearLink}</> : null}
                </p>
              )}
            </section>

            <section className="panel" aria-labelledby="awards-h">
              <div className="panel-head">
                <h2 id="awards-h">{t.overview.awards}</h2>
              </div>
              <AwardsList awards={data.awards} lang={lang} highlightYear={year} />
            </section>
          </div>

          <section className="panel" aria-labelledby="counties-h" style={{ marginTop: 16 }}>
            <div className="panel-head">
              <h2 id="counties-h">{t.overview.counties}</h2>
              <p className="panel-note">
                {p.countyHeadline} · {year ?? ''}
                {parkYearLink ? <> · {parkYearLink}</> : null}
              </p>
            </div>
            <CountyGrid rows={data.counties} lang={lang} />
          </section>

          <section className="panel" aria-labelledby="trend-h" style={{ marginTop: 16 }}>
            <div className="panel-head">
              <h2 id="trend-h">{t.overview.trends}</h2>
              {metric ? (
                <p className="panel-note">
                  <Link prefetch={false} href={`/metrics/${metric.key}`}>
                    {metricName}
                  </Link>
                </p>
              ) : null}
            </div>
            {metric && data.trend.series.length > 0 ? (
              <>
                <SourcedChart
                  kind="trend"
                  years={data.trend.years}
                  series={data.trend.series}
                  metric={metric}
                  lang={lang}
                  label={`${t.overview.trends} · ${metricName}`}
                />
                <TrendTable
                  years={data.trend.years}
                  series={data.trend.series}
                  lang={lang}
                  caption={`${t.overview.trends} · ${metricName}`}
                />
              </>
            ) : (
              <p className="empty">
                {metric
                  ? `${metricName} · ${data.targetMetricIds.includes(metric.id) ? p.noActual : t.noData}`
                  : t.noData}
              </p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
