// The city map: counties and parks coloured by a chosen metric for a year; a tile leads to its
// county's page, a park marker to the park's. Metric and year live in the URL.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getMapView } from '@/lib/data/map';
import { getDictionary } from '@/lib/i18n/server';
import { fill, localName } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';
import { metricParam, yearParam, type SearchParams } from '@/lib/i18n/params';
import { PageTitle } from '@/components/layout/page-title';
import { AutoSubmitSelect } from '@/components/overview/auto-submit-select';
import { TableView } from '@/components/charts/table-view';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { TileMap } from '@/components/map/tile-map';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.map.title };
}

export default async function MapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { t, lang } = await getDictionary();
  const view = await getMapView({ metricKey: metricParam(params), year: yearParam(params) });
  const { metric, year } = view;
  const metricName = metric ? localName(lang, metric.nameZh, metric.nameEn) : '';
  const href = (y: number) => `/map?${new URLSearchParams({ ...(metric ? { metric: metric.key } : {}), year: String(y) }).toString()}`;
  const parkRows = [...view.cityParks, ...view.counties.flatMap((c) => c.parks)];
  return (
    <main>
      <PageTitle
        title={t.map.title}
        subtitle={
          metric && year !== null ? (
            <>
              {metricName} · {fill(t.map.subtitle, { year })}
              {view.asOf ? ` · ${t.overview.asOf} ${formatDate(view.asOf, lang)}` : ''}
              {` · ${t.source}`}
            </>
          ) : (
            t.map.noMetric
          )
        }
      >
        {metric ? (
          <form method="get" action="/map" className="select-form">
            <AutoSubmitSelect
              name="metric"
              label={t.map.chooseMetric}
              value={metric.key}
              options={view.metrics.map((m) => ({ value: m.key, label: localName(lang, m.nameZh, m.nameEn) }))}
            />
            <noscript>
              <button type="submit" className="button secondary">
                OK
              </button>
            </noscript>
          </form>
        ) : null}
        {view.years.length > 0 ? (
          <nav aria-label={t.map.chooseYear}>
            <ul className="year-tabs">
              {view.years.map((y) => (
                <li key={y}>
                  <Link prefetch={false} href={href(y)} aria-current={y === year ? 'true' : undefined}>
                    {y}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </PageTitle>

      <section className="panel" aria-labelledby="map-h">
        <div className="panel-head">
          <h2 id="map-h">{metric ? `${metricName} · ${year}` : t.map.title}</h2>
        </div>
        <TileMap view={view} lang={lang} />
        {metric ? (
          <TableView summary={t.map.table} caption={`${t.map.title} · ${metricName} · ${year}`}>
            <thead>
              <tr>
                <th scope="col">{t.region}</th>
                <th scope="col">{t.park}</th>
                <th scope="col" className="n">
                  {metricName}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.counties.map((c) => (
                <tr key={`r${c.region.id}`}>
                  <th scope="row">
                    <Link prefetch={false} href={`/regions/${c.region.code}`}>
                      {localName(lang, c.region.name, c.region.nameEn)}
                    </Link>
                  </th>
                  <td>{c.basis === 'parks_sum' ? t.map.parksSum : '—'}</td>
                  <td className="n">
                    <SourcedValueLink point={c.point} lang={lang} />
                  </td>
                </tr>
              ))}
              {parkRows.map((p) => {
                const county = view.counties.find((c) => c.region.id === p.park.regionId)?.region;
                return (
                  <tr key={`p${p.park.id}`}>
                    <td>{county ? localName(lang, county.name, county.nameEn) : t.overview.cityParks}</td>
                    <th scope="row">
                      <Link prefetch={false} href={`/parks/${p.park.id}`}>
                        {localName(lang, p.park.name, p.park.nameEn)}
                      </Link>
                    </th>
                    <td className="n">
                      <SourcedValueLink point={p.point} lang={lang} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </TableView>
        ) : null}
      </section>
    </main>
  );
}
