// The county breakdown: each county (and the parks the city runs itself) headed by its parks'
// figures of the year — the Five Good indicators first, each linked to its sentence — then its
// parks with their awards. Links drill down.
import Link from 'next/link';
import type { CountyRow } from '@/lib/data/overview';
import { dictionary, localName, type Lang } from '@/lib/i18n/dictionaries';
import { promisesDictionary } from '@/lib/i18n/promises';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import '@/components/targets/targets.css';

export function CountyGrid({ rows, lang }: { rows: CountyRow[]; lang: Lang }) {
  const t = dictionary(lang);
  const p = promisesDictionary(lang);
  return (
    <ul className="counties">
      {rows.map((row) => {
        const name = row.region ? localName(lang, row.region.name, row.region.nameEn) : t.overview.cityParks;
        return (
          <li key={row.region?.code ?? 'city'} className="county">
            <h3>
              {row.region ? <Link prefetch={false} href={`/regions/${row.region.code}`}>{name}</Link> : <Link prefetch={false} href="/regions/430300">{name}</Link>}
            </h3>
            {row.parks.length === 0 ? (
              <p className="muted" style={{ margin: 0, fontSize: '.85rem' }}>
                {t.regionPage.noParks}
              </p>
            ) : (
              <>
                {row.indicators.length > 0 ? (
                  <ul className="county-kpis" aria-label={`${name} · ${p.countyHeadline}`}>
                    {row.indicators.map((i) => (
                      <li key={i.point.latest.factId}>
                        <span>
                          <span className="muted">{localName(lang, i.park.name, i.park.nameEn)}</span> {localName(lang, i.metric.nameZh, i.metric.nameEn)}
                        </span>
                        <span className="num">
                          <SourcedValueLink point={i.point} lang={lang} showReports={false} />
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted" style={{ margin: '4px 0 8px', fontSize: '.85rem' }}>
                    {p.countyNoFigures}
                  </p>
                )}
                <ul>
                  {row.parks.map((park) => (
                    <li key={park.park.id}>
                      <Link prefetch={false} href={`/parks/${park.park.id}`}>{localName(lang, park.park.name, park.park.nameEn)}</Link>
                      <span>{park.awards > 0 ? <span className="tag award">{lang === 'zh' ? `获奖${park.awards}` : `${park.awards} award(s)`}</span> : null}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
