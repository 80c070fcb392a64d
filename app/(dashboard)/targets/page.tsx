// The targets of a year (the city's, its counties' and its parks'), each with its delivery so far.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getYearsWithFigures } from '@/lib/data/overview';
import { getYearTargets } from '@/lib/data/targets';
import { getDictionary } from '@/lib/i18n/server';
import { pageParam, yearParam, type SearchParams } from '@/lib/i18n/params';
import { getHeadlineMetricIds } from '@/lib/data/headline';
import { Pager, pageOf } from '@/components/layout/pager';
import { promisesDictionary } from '@/lib/i18n/promises';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { PageTitle } from '@/components/layout/page-title';
import { TargetList } from '@/components/targets/target-list';

export const dynamic = 'force-dynamic';

/** Targets per page: the city's first, then its counties' and parks', headline metrics first within each. */
const TARGETS_PAGE = 40;

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDictionary();
  return { title: promisesDictionary(lang).targets };
}

export default async function TargetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ t, lang }, sp, years, headline] = await Promise.all([getDictionary(), searchParams, getYearsWithFigures(), getHeadlineMetricIds()]);
  const p = promisesDictionary(lang);
  const year = yearParam(sp) ?? years[0] ?? null;
  const all = year !== null ? await getYearTargets(year) : [];
  // getYearTargets lists the city's, then the counties' and the parks' (subject by subject): kept,
  // with each subject's headline metrics first.
  const rank = new Map(headline.map((id, i) => [id, i]));
  const subjectOrder = new Map<string, number>();
  for (const x of all) if (!subjectOrder.has(`${x.subject.type}${x.subject.id}`)) subjectOrder.set(`${x.subject.type}${x.subject.id}`, subjectOrder.size);
  const order = (x: (typeof all)[number]) => subjectOrder.get(`${x.subject.type}${x.subject.id}`) ?? 0;
  const ordered = [...all].sort(
    (a, b) => order(a) - order(b) || (rank.get(a.metric.id) ?? headline.length) - (rank.get(b.metric.id) ?? headline.length),
  );
  const { items, page } = pageOf(ordered, pageParam(sp), TARGETS_PAGE);
  const pageHref = (n: number) => `/targets?${year !== null ? `year=${year}&` : ''}page=${n}`;
  return (
    <main>
      <Breadcrumb items={[{ label: t.nav.overview, href: year !== null ? `/?year=${year}` : '/' }, { label: p.targets }]} label={t.breadcrumb} />
      <PageTitle title={year !== null ? p.targetsOfYear.replace('{year}', String(year)) : p.targets}>
        {years.length > 0 ? (
          <nav aria-label={t.overview.chooseYear}>
            <ul className="year-tabs">
              {years.map((y) => (
                <li key={y}>
                  <Link prefetch={false} href={`/targets?year=${y}`} aria-current={y === year ? 'true' : undefined}>
                    {y}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </PageTitle>
      <section className="panel" aria-labelledby="targets-h">
        <div className="panel-head">
          <h2 id="targets-h">{p.targets}</h2>
        </div>
        {items.length > 0 ? <TargetList items={items} lang={lang} /> : <p className="empty" role="status">{p.noTargets}</p>}
        <Pager total={ordered.length} page={page} size={TARGETS_PAGE} href={pageHref} lang={lang} />
      </section>
    </main>
  );
}
