// One metric across parks, counties and years: a bar per park for the chosen year, a line per
// subject over the years, and the full table — with its definition, unit and direction.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getMetricView } from '@/lib/data/metrics-view';
import { getPlaces } from '@/lib/data/regions';
import { buildRanking, buildTrend } from '@/lib/data/overview';
import { getDictionary } from '@/lib/i18n/server';
import { categoryLabel, fill, localName } from '@/lib/i18n/dictionaries';
import { unitLabel } from '@/lib/i18n/format';
import { yearParam, type SearchParams } from '@/lib/i18n/params';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { PageTitle } from '@/components/layout/page-title';
import { SourcedChart } from '@/components/charts/sourced-chart';
import { TableView } from '@/components/charts/table-view';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { FigureMatrix, type MatrixSubject } from '@/components/overview/figure-matrix';
import { TrendTable } from '@/components/overview/trend-table';
import { linkTargets } from '@/lib/data/targets';
import { promisesDictionary } from '@/lib/i18n/promises';
import { TargetList } from '@/components/targets/target-list';
import { MoreNote } from '@/components/layout/more-note';
import { newestYears } from '@/lib/vocab/significance';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> };

/** Targets listed (newest year first, the city's before its counties' and parks'); the rest are in the explorer. */
const METRIC_TARGETS = 8;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await getMetricView((await params).key);
  return { title: view?.metric.nameZh ?? '—' };
}

export default async function MetricPage({ params, searchParams }: Props) {
  const { key } = await params;
  const [{ t, lang }, view, places, sp] = await Promise.all([getDictionary(), getMetricView(key), getPlaces(), searchParams]);
  if (!view) notFound();
  const { metric, figures, years } = view;
  const name = localName(lang, metric.nameZh, metric.nameEn);
  const parkYears = [...new Set(figures.filter((f) => f.parkId !== null && f.kind === 'actual').map((f) => f.year))].sort((a, b) => b - a);
  const requested = yearParam(sp);
  const year = requested ?? parkYears[0] ?? years.at(-1) ?? null;
  const ranking = year !== null ? buildRanking(metric, figures, year, places.parks) : [];
  const trend = newestYears(buildTrend(metric, figures, places));
  const regions = [places.city, ...places.counties].filter((r) => r !== null);
  const p = promisesDictionary(lang);
  // Targets of the metric with their delivery, newest year first: a metric with targets only is
  // "目标已定，尚无实际", never 无数据.
  const targets = linkTargets(figures, [metric], places).sort((a, b) => b.year - a.year);
  const hasActual = figures.some((f) => f.kind === 'actual');
  const none = hasActual ? t.noData : targets.length > 0 ? p.noActual : t.noData;
  const subjects: MatrixSubject[] = [
    ...regions.map((r) => ({ key: `r${r.id}`, name: r.name, nameEn: r.nameEn, href: `/regions/${r.code}`, match: (f: { regionId: number | null; parkId: number | null }) => f.regionId === r.id && f.parkId === null })),
    ...places.parks.map((p) => ({ key: `p${p.id}`, name: p.name, nameEn: p.nameEn, href: `/parks/${p.id}`, match: (f: { parkId: number | null }) => f.parkId === p.id })),
  ];
  return (
    <main>
      <Breadcrumb items={[{ label: t.metrics.title, href: '/metrics' }, { label: name }]} label={t.breadcrumb} />
      <PageTitle title={name} subtitle={metric.key}>
        {parkYears.length > 0 ? (
          <nav aria-label={t.overview.chooseYear}>
            <ul className="year-tabs">
              {parkYears.map((y) => (
                <li key={y}>
                  <Link prefetch={false} href={`/metrics/${metric.key}?year=${y}`} aria-current={y === year ? 'true' : undefined}>
                    {y}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </PageTitle>
      <section className="panel" aria-labelledby="def-h">
        <div className="panel-head">
          <h2 id="def-h">{t.metrics.definition}</h2>
        </div>
        <dl className="meta">
          <dt>{t.metrics.definition}</dt>
          <dd>{metric.description ?? '—'}</dd>
          <dt>{t.unit}</dt>
          <dd>{unitLabel(metric.unit, lang)}</dd>
          <dt>{lang === 'zh' ? '类型' : 'Type'}</dt>
          <dd>{t.valueType[metric.valueType]}</dd>
          <dt>{lang === 'zh' ? '方向' : 'Direction'}</dt>
          <dd>{t.direction[metric.direction]}</dd>
          {metric.category ? (
            <>
              <dt>{t.metrics.category}</dt>
              <dd>{categoryLabel(lang, metric.category)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {figures.length === 0 ? (
        <div className="panel empty" role="status">
          {t.metrics.noFacts}
        </div>
      ) : (
        <>
          {targets.length > 0 ? (
            <section className="panel" aria-labelledby="targets-h" style={{ marginBottom: 16 }}>
              <div className="panel-head">
                <h2 id="targets-h">{p.targets}</h2>
              </div>
              <TargetList items={targets.slice(0, METRIC_TARGETS)} lang={lang} />
              {targets.length > METRIC_TARGETS ? (
                <MoreNote
                  text={fill(t.moreItems, { shown: METRIC_TARGETS, total: targets.length })}
                  href={`/explorer?metric=${metric.key}&kind=target`}
                  linkText={t.matrixOlderLink}
                  data={{ 'data-targets-hidden': targets.length - METRIC_TARGETS }}
                />
              ) : null}
            </section>
          ) : null}
          <div className="grid-2">
            <section className="panel" aria-labelledby="bar-h">
              <div className="panel-head">
                <h2 id="bar-h">{t.metrics.byPark}</h2>
                <p className="panel-note">{year ?? ''}</p>
              </div>
              {ranking.some((r) => r.actual || r.target) ? (
                <>
                  <SourcedChart kind="ranking" rows={ranking} metric={metric} lang={lang} label={`${name} · ${t.metrics.byPark} · ${year}`} />
                  <TableView summary={t.table.show} caption={`${name} · ${year}`}>
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
                      {ranking.map((r) => (
                        <tr key={r.park.id}>
                          <th scope="row">{localName(lang, r.park.name, r.park.nameEn)}</th>
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
                <p className="empty">{none}</p>
              )}
            </section>
            <section className="panel" aria-labelledby="line-h">
              <div className="panel-head">
                <h2 id="line-h">{t.metrics.overYears}</h2>
              </div>
              {trend.series.length > 0 ? (
                <>
                  <SourcedChart kind="trend" years={trend.years} series={trend.series} metric={metric} lang={lang} label={`${name} · ${t.metrics.overYears}`} />
                  <TrendTable years={trend.years} series={trend.series} lang={lang} caption={`${name} · ${t.metrics.overYears}`} older={trend.older} moreHref={`/explorer?metric=${metric.key}&kind=actual`} />
                </>
              ) : (
                <p className="empty">{none}</p>
              )}
            </section>
          </div>
          <section className="panel" aria-labelledby="table-h" style={{ marginTop: 16 }}>
            <div className="panel-head">
              <h2 id="table-h">{t.metrics.table}</h2>
            </div>
            <FigureMatrix figures={figures} subjects={subjects} metrics={[metric]} lang={lang} caption={`${name} · ${t.metrics.table}`} moreHref={`/explorer?metric=${metric.key}`} />
          </section>
        </>
      )}
    </main>
  );
}
