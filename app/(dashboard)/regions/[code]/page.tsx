// A region (the city or a county): its parks, all its figures and its parks' over the years,
// awards, and the articles that mention it.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getRegionView, CITY_CODE } from '@/lib/data/regions';
import { getMetrics } from '@/lib/data/metrics-view';
import { buildTrend, groupAwards } from '@/lib/data/overview';
import { getDictionary } from '@/lib/i18n/server';
import { fill, localName } from '@/lib/i18n/dictionaries';
import { Breadcrumb, type Crumb } from '@/components/layout/breadcrumb';
import { PageTitle } from '@/components/layout/page-title';
import { FigureMatrix, type MatrixSubject } from '@/components/overview/figure-matrix';
import { AwardsList } from '@/components/overview/awards-list';
import { ArticleLinks } from '@/components/overview/article-links';
import { SourcedChart } from '@/components/charts/sourced-chart';
import { TrendTable } from '@/components/overview/trend-table';
import type { MetricRef } from '@/lib/vocab/shapes';
import { getMapView } from '@/lib/data/map';
import { TileMap } from '@/components/map/tile-map';
import { MoreNote } from '@/components/layout/more-note';
import { newestYears } from '@/lib/vocab/significance';
import { getHeadlineMetricIds } from '@/lib/data/headline';
import type { SearchParams } from '@/lib/i18n/params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

/** Parks listed by default (national, then provincial … parks first); ?parks=all lists them all. */
const REGION_PARKS = 24;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const view = await getRegionView(code);
  return { title: view?.region.name ?? code };
}

export default async function RegionPage({ params, searchParams }: Props) {
  const [{ code }, sp] = await Promise.all([params, searchParams]);
  const [{ t, lang }, view, metrics, map, headline] = await Promise.all([getDictionary(), getRegionView(code), getMetrics(), getMapView(), getHeadlineMetricIds()]);
  if (!view) notFound();
  const { region, parent, children, parks, figures } = view;
  const name = localName(lang, region.name, region.nameEn);
  const crumbs: Crumb[] = [];
  if (parent && parent.level !== 'province') crumbs.push({ label: localName(lang, parent.name, parent.nameEn), href: `/regions/${parent.code}` });
  crumbs.push({ label: name });

  // The region's own rows are kept first when the matrix leaves rows out (its parks have pages).
  const subjects: MatrixSubject[] = [
    { key: `r${region.id}`, name: region.name, nameEn: region.nameEn, match: (f) => f.regionId === region.id && f.parkId === null },
    ...parks.map((p) => ({ key: `p${p.id}`, name: p.name, nameEn: p.nameEn, href: `/parks/${p.id}`, tier: 1, match: (f: { parkId: number | null }) => f.parkId === p.id })),
  ];
  const allParks = sp.parks === 'all';
  const listedParks = allParks ? parks : parks.slice(0, REGION_PARKS);
  // The chart follows the metric with the most whole-year actual figures here.
  const counts = new Map<number, number>();
  for (const f of figures) if (f.kind === 'actual' && (f.period === null || f.period === 'FY')) counts.set(f.metricId, (counts.get(f.metricId) ?? 0) + 1);
  const top: MetricRef | undefined = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => metrics.find((m) => m.id === id))[0];
  const trend = top ? newestYears(buildTrend(top, figures.filter((f) => f.period === null || f.period === 'FY'), { city: region, counties: [], parks })) : null;
  const topName = top ? localName(lang, top.nameZh, top.nameEn) : '';

  return (
    <main>
      <Breadcrumb items={crumbs} label={t.breadcrumb} />
      <PageTitle
        title={name}
        subtitle={`${t.level[region.level]} · ${region.code} · ${parks.length} ${lang === 'zh' ? '个园区' : 'parks'} · ${figures.length} ${t.metrics.facts}`}
      />
      {children.length > 0 || parks.length > 0 ? (
        <section className="panel" aria-labelledby="parks-h">
          <div className="panel-head">
            <h2 id="parks-h">{region.code === CITY_CODE ? t.regionPage.title : t.regionPage.parks}</h2>
          </div>
          <ul className="counties">
            {children.map((c) => (
              <li key={c.id} className="county">
                <h3>
                  <Link prefetch={false} href={`/regions/${c.code}`}>{localName(lang, c.name, c.nameEn)}</Link>
                  <span className="tag">{t.level[c.level]}</span>
                </h3>
              </li>
            ))}
            {listedParks.map((p) => (
              <li key={p.id} className="county">
                <h3>
                  <Link prefetch={false} href={`/parks/${p.id}`}>{localName(lang, p.name, p.nameEn)}</Link>
                  <span className="tag">{t.level[p.level]}</span>
                </h3>
                {p.officialName ? <p className="muted" style={{ margin: 0, fontSize: '.82rem' }}>{p.officialName}</p> : null}
              </li>
            ))}
          </ul>
          {listedParks.length < parks.length ? (
            <MoreNote
              text={fill(t.moreItems, { shown: listedParks.length, total: parks.length })}
              href={`/regions/${region.code}?parks=all#parks-h`}
              linkText={t.moreItemsLink}
              data={{ 'data-parks-hidden': parks.length - listedParks.length }}
            />
          ) : null}
        </section>
      ) : null}

      {/* The city's map, this county outlined (the city and its counties only). */}
      {map.metric && (region.code === CITY_CODE || map.counties.some((c) => c.region.code === region.code)) ? (
        <section className="panel" aria-labelledby="map-h">
          <div className="panel-head">
            <h2 id="map-h">{t.map.onMap}</h2>
            <p className="panel-note">
              <Link prefetch={false} href={`/map?metric=${map.metric.key}`}>{t.map.open}</Link>
            </p>
          </div>
          <TileMap view={map} lang={lang} current={region.code} compact />
        </section>
      ) : null}

      {top && trend && trend.series.length > 0 && trend.years.length > 1 ? (
        <section className="panel" aria-labelledby="trend-h">
          <div className="panel-head">
            <h2 id="trend-h">{t.overview.trends}</h2>
            <p className="panel-note">
              <Link prefetch={false} href={`/metrics/${top.key}`}>{topName}</Link>
            </p>
          </div>
          <SourcedChart kind="trend" years={trend.years} series={trend.series} metric={top} lang={lang} label={`${name} · ${topName}`} height={280} />
          <TrendTable years={trend.years} series={trend.series} lang={lang} caption={`${name} · ${topName}`} older={trend.older} moreHref={`/explorer?region=${code}&metric=${top.key}&kind=actual`} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="metrics-h">
        <div className="panel-head">
          <h2 id="metrics-h">{t.regionPage.metrics}</h2>
        </div>
        <FigureMatrix
          figures={figures}
          subjects={subjects}
          metrics={metrics}
          lang={lang}
          caption={`${name} · ${t.regionPage.metrics}`}
          moreHref={`/explorer?region=${code}`}
          headline={headline}
        />
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="awards-h">
          <div className="panel-head">
            <h2 id="awards-h">{t.regionPage.awards}</h2>
          </div>
          <AwardsList awards={groupAwards(view.recognitions)} lang={lang} />
        </section>
        <section className="panel" aria-labelledby="articles-h">
          <div className="panel-head">
            <h2 id="articles-h">{t.regionPage.articles}</h2>
          </div>
          <ArticleLinks articles={view.articles} lang={lang} />
        </section>
      </div>
    </main>
  );
}
