// The targets of a year (the city's, its counties' and its parks'), each with its delivery so far.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getYearsWithFigures } from '@/lib/data/overview';
import { getYearTargets } from '@/lib/data/targets';
import { getDictionary } from '@/lib/i18n/server';
import { yearParam, type SearchParams } from '@/lib/i18n/params';
import { promisesDictionary } from '@/lib/i18n/promises';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { PageTitle } from '@/components/layout/page-title';
import { TargetList } from '@/components/targets/target-list';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDictionary();
  return { title: promisesDictionary(lang).targets };
}

export default async function TargetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ t, lang }, sp, years] = await Promise.all([getDictionary(), searchParams, getYearsWithFigures()]);
  const p = promisesDictionary(lang);
  const year = yearParam(sp) ?? years[0] ?? null;
  const items = year !== null ? await getYearTargets(year) : [];
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
      </section>
    </main>
  );
}
