// A park: its figures over the years, awards and the articles that mention it.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getParkView } from '@/lib/data/parks';
import { getParkProjects } from '@/lib/data/projects';
import { STAGE_LABELS } from '@/lib/vocab/projects';
import { toSourced } from '@/lib/vocab/figure';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { getMetrics } from '@/lib/data/metrics-view';
import { buildTrend, groupAwards } from '@/lib/data/overview';
import { getDictionary } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/dictionaries';
import { idParam } from '@/lib/i18n/params';
import { Breadcrumb, type Crumb } from '@/components/layout/breadcrumb';
import { PageTitle } from '@/components/layout/page-title';
import { FigureMatrix } from '@/components/overview/figure-matrix';
import { getParkPeriods } from '@/lib/data/scorecard';
import { getHeadlineMetricIds } from '@/lib/data/headline';
import { newestYears } from '@/lib/vocab/significance';
import { scorecardDictionary } from '@/lib/i18n/scorecard';
import { ParkPeriods } from '@/components/scorecard/park-periods';
import { AwardsList } from '@/components/overview/awards-list';
import { ArticleLinks } from '@/components/overview/article-links';
import { SourcedChart } from '@/components/charts/sourced-chart';
import { TrendTable } from '@/components/overview/trend-table';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParam((await params).id);
  const view = id ? await getParkView(id) : null;
  return { title: view?.park.name ?? '—' };
}

export default async function ParkPage({ params }: Props) {
  const id = idParam((await params).id);
  if (id === undefined) notFound();
  const [{ t, lang }, view, metrics, projects, periods, headline] = await Promise.all([
    getDictionary(),
    getParkView(id),
    getMetrics(),
    getParkProjects(id),
    getParkPeriods(id),
    getHeadlineMetricIds(),
  ]);
  if (!view) notFound();
  const { park, region, parentRegion, figures } = view;
  const name = localName(lang, park.name, park.nameEn);
  const crumbs: Crumb[] = [];
  if (parentRegion && parentRegion.level === 'city') crumbs.push({ label: localName(lang, parentRegion.name, parentRegion.nameEn), href: `/regions/${parentRegion.code}` });
  crumbs.push({ label: localName(lang, region.name, region.nameEn), href: `/regions/${region.code}` });
  crumbs.push({ label: name });

  const annual = figures.filter((f) => f.period === null || f.period === 'FY' || f.period === 'cumulative');
  const counts = new Map<number, number>();
  for (const f of annual) if (f.kind === 'actual') counts.set(f.metricId, (counts.get(f.metricId) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([mid]) => metrics.find((m) => m.id === mid))[0];
  const trend = top ? newestYears(buildTrend(top, annual, { city: null, counties: [], parks: [park] })) : null;
  const topName = top ? localName(lang, top.nameZh, top.nameEn) : '';
  const awards = groupAwards(view.recognitions);

  return (
    <main>
      <Breadcrumb items={crumbs} label={t.breadcrumb} />
      <PageTitle
        title={name}
        subtitle={`${t.level[park.level]} · ${localName(lang, region.name, region.nameEn)} · ${figures.length} ${t.metrics.facts}`}
      />
      <div className="grid-2" style={{ marginBottom: 16 }}>
        <section className="panel" aria-labelledby="about-h">
          <div className="panel-head">
            <h2 id="about-h">{t.parkPage.title}</h2>
          </div>
          <dl className="meta">
            {park.officialName ? (
              <>
                <dt>{t.parkPage.official}</dt>
                <dd>{park.officialName}</dd>
              </>
            ) : null}
            <dt>{t.parkPage.level}</dt>
            <dd>{t.level[park.level]}</dd>
            {view.parentPark ? (
              <>
                <dt>{t.parkPage.parentPark}</dt>
                <dd>
                  <Link prefetch={false} href={`/parks/${view.parentPark.id}`}>{localName(lang, view.parentPark.name, view.parentPark.nameEn)}</Link>
                </dd>
              </>
            ) : null}
            {view.subparks.length > 0 ? (
              <>
                <dt>{t.parkPage.subparks}</dt>
                <dd>
                  {view.subparks.map((sp, i) => (
                    <span key={sp.id}>
                      {i > 0 ? '、' : null}
                      <Link prefetch={false} href={`/parks/${sp.id}`}>{localName(lang, sp.name, sp.nameEn)}</Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            <dt>{t.parkPage.region}</dt>
            <dd>
              <Link prefetch={false} href={`/regions/${region.code}`}>{localName(lang, region.name, region.nameEn)}</Link>
            </dd>
            {park.nameEn && lang === 'zh' ? (
              <>
                <dt>English</dt>
                <dd lang="en">{park.nameEn}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="panel" aria-labelledby="awards-h">
          <div className="panel-head">
            <h2 id="awards-h">{t.parkPage.awards}</h2>
          </div>
          <AwardsList awards={awards} lang={lang} />
        </section>
      </div>

      {top && trend && trend.series.length > 0 && trend.years.length > 1 ? (
        <section className="panel" aria-labelledby="trend-h">
          <div className="panel-head">
            <h2 id="trend-h">{t.overview.trends}</h2>
            <p className="panel-note">
              <Link prefetch={false} href={`/metrics/${top.key}`}>{topName}</Link>
            </p>
          </div>
          <SourcedChart kind="trend" years={trend.years} series={trend.series} metric={top} lang={lang} label={`${name} · ${topName}`} height={260} />
          <TrendTable years={trend.years} series={trend.series} lang={lang} caption={`${name} · ${topName}`} older={trend.older} moreHref={`/explorer?park=${park.id}&metric=${top.key}&kind=actual`} />
        </section>
      ) : null}

      {projects.length > 0 ? (
        <section className="panel" aria-labelledby="projects-h">
          <div className="panel-head">
            <h2 id="projects-h">{t.figure.projects}</h2>
          </div>
          <div className="table-wrap">
            <table className="data">
              <caption>{`${name} · ${t.figure.projects}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.subject}</th>
                  <th scope="col">{t.figure.stage}</th>
                  <th scope="col" className="n">{t.figure.totalInvestment}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => {
                  const total = p.figures.find((f) => f.metricKey === 'project_total_investment');
                  return (
                    <tr key={p.id}>
                      <th scope="row">{p.name}</th>
                      <td>
                        {p.stage ? STAGE_LABELS[p.stage][lang] : '—'}
                        {p.milestones.length > 0 ? (
                          <span className="panel-note"> {p.milestones.map((m) => `${STAGE_LABELS[m.stage][lang]} ${m.date ?? ''}`).join(' · ')}</span>
                        ) : null}
                      </td>
                      <td className="n">{total ? <SourcedValueLink point={toSourced(total)} lang={lang} /> : <span className="no-data">—</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="periods-h">
        <div className="panel-head">
          <h2 id="periods-h">{scorecardDictionary(lang).parkPeriods}</h2>
          <p className="panel-note">{scorecardDictionary(lang).parkPeriodsNote}</p>
        </div>
        <ParkPeriods
          groups={periods.groups}
          total={periods.total}
          headline={headline}
          metrics={metrics}
          parkName={name}
          lang={lang}
          moreHref={`/explorer?park=${park.id}`}
        />
      </section>

      <section className="panel" aria-labelledby="metrics-h">
        <div className="panel-head">
          <h2 id="metrics-h">{t.parkPage.metrics}</h2>
        </div>
        <FigureMatrix
          figures={figures}
          subjects={[{ key: `p${park.id}`, name: park.name, nameEn: park.nameEn, match: (f) => f.parkId === park.id }]}
          metrics={metrics}
          lang={lang}
          caption={`${name} · ${t.parkPage.metrics}`}
          moreHref={`/explorer?park=${park.id}`}
          headline={headline}
        />
      </section>

      <section className="panel" aria-labelledby="articles-h">
        <div className="panel-head">
          <h2 id="articles-h">{t.parkPage.articles}</h2>
        </div>
        <ArticleLinks articles={view.articles} lang={lang} />
      </section>
    </main>
  );
}
