// The 五好 scorecard: the city's parks against the five dimensions the province evaluates, each
// with its indicators (latest value and period, target and progress, trend, source). Filter by
// county and year; pick 2–4 parks to see side by side. Everything lives in the URL.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getScorecard } from '@/lib/data/scorecard';
import { getCurrentUser } from '@/lib/auth';
import { getDictionary } from '@/lib/i18n/server';
import { fill, localName } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';
import { scorecardDictionary } from '@/lib/i18n/scorecard';
import type { SearchParams } from '@/lib/i18n/params';
import { scorecardHref, scorecardParams } from '@/lib/scorecard/params';
import { PageTitle } from '@/components/layout/page-title';
import { AutoSubmitSelect } from '@/components/overview/auto-submit-select';
import { CompareTable, ScorecardTable } from '@/components/scorecard/scorecard-table';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDictionary();
  return { title: scorecardDictionary(lang).title };
}

export default async function ScorecardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = scorecardParams(await searchParams);
  const [{ t, lang }, data, user] = await Promise.all([getDictionary(), getScorecard(params), getCurrentUser().catch(() => null)]);
  const s = scorecardDictionary(lang);
  const { year } = data;
  const yearChoices = [...new Set([...data.years, ...(year !== null ? [year] : [])])].sort((a, b) => b - a);
  const asked = params.compare.length > 0;
  const regionLabel = (code: string) => {
    const r = data.regions.find((x) => x.code === code);
    if (!r) return code;
    return r.level === 'city' ? s.cityParks : localName(lang, r.name, r.nameEn);
  };
  return (
    <main>
      <PageTitle
        title={s.title}
        subtitle={
          year === null ? (
            s.noYear
          ) : (
            <>
              {fill(s.subtitle, { year })}
              {data.county ? ` · ${regionLabel(data.county)}` : ''}
              {data.asOf ? ` · ${t.overview.asOf} ${formatDate(data.asOf, lang)}` : ''}
              {` · ${t.source}`}
            </>
          )
        }
      >
        {yearChoices.length > 0 ? (
          <nav aria-label={s.chooseYear}>
            <ul className="year-tabs">
              {yearChoices.map((y) => (
                <li key={y}>
                  <Link prefetch={false} href={scorecardHref({ year: y, county: data.county, compare: params.compare })} aria-current={y === year ? 'true' : undefined}>
                    {y}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </PageTitle>

      <section className="panel" aria-labelledby="sc-filter-h">
        <h2 id="sc-filter-h" className="sr-only">
          {s.filter}
        </h2>
        <form method="get" action="/scorecard" className="sc-filters">
          {year !== null ? <input type="hidden" name="year" value={year} /> : null}
          {params.compare.length ? <input type="hidden" name="compare" value={params.compare.join(',')} /> : null}
          <div>
            <AutoSubmitSelect
              name="county"
              label={s.county}
              value={data.county ?? ''}
              options={[{ value: '', label: s.allCounties }, ...data.regions.map((r) => ({ value: r.code, label: regionLabel(r.code) }))]}
            />
          </div>
          <noscript>
            <button type="submit" className="button secondary">
              {s.apply}
            </button>
          </noscript>
        </form>
      </section>

      {year === null ? (
        <div className="panel empty" role="status">
          {s.noYear}
        </div>
      ) : (
        <>
          {data.compare ? (
            <section className="panel" aria-labelledby="sc-compare-h">
              <div className="panel-head">
                <h2 id="sc-compare-h">{s.compare}</h2>
                <Link prefetch={false} href={scorecardHref({ year, county: data.county })}>
                  {s.compareClear}
                </Link>
              </div>
              <CompareTable dimensions={data.dimensions} parks={data.compare.parks} groups={data.compare.dimensions} year={year} lang={lang} />
            </section>
          ) : null}

          <section className="panel" aria-labelledby="sc-table-h">
            <div className="panel-head">
              <h2 id="sc-table-h">{fill(s.subtitle, { year })}</h2>
              {user?.role === 'admin' ? (
                <Link prefetch={false} href="/admin/scorecard" className="panel-note">
                  {s.adminLink}
                </Link>
              ) : null}
            </div>
            <p className="panel-note">{s.legend}</p>
            <ScorecardTable dimensions={data.dimensions} rows={data.rows} year={year} lang={lang} />
          </section>

          <section className="panel no-print" aria-labelledby="sc-pick-h">
            <div className="panel-head">
              <h2 id="sc-pick-h">{s.compare}</h2>
            </div>
            {asked && !data.compare ? (
              <p className="panel-note" role="alert">
                {s.compareNeed}
              </p>
            ) : null}
            <form method="get" action="/scorecard">
              <input type="hidden" name="year" value={year} />
              {data.county ? <input type="hidden" name="county" value={data.county} /> : null}
              <fieldset className="sc-pick">
                <legend>{s.compareHint}</legend>
                {data.parks.map((p) => (
                  <label key={p.id}>
                    <input type="checkbox" name="compare" value={p.id} defaultChecked={params.compare.includes(p.id)} /> {localName(lang, p.name, p.nameEn)}
                  </label>
                ))}
              </fieldset>
              <div className="sc-actions">
                <button type="submit" className="button">
                  {s.compareButton}
                </button>
              </div>
            </form>
          </section>
        </>
      )}
    </main>
  );
}
