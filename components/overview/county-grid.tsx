// The county breakdown: each county (and the parks the city runs itself) with its parks, how
// many reviewed figures and awards each has in the year. Links drill down.
import Link from 'next/link';
import type { CountyRow } from '@/lib/data/overview';
import { dictionary, localName, type Lang } from '@/lib/i18n/dictionaries';

export function CountyGrid({ rows, lang }: { rows: CountyRow[]; lang: Lang }) {
  const t = dictionary(lang);
  return (
    <ul className="counties">
      {rows.map((row) => {
        const name = row.region ? localName(lang, row.region.name, row.region.nameEn) : t.overview.cityParks;
        return (
          <li key={row.region?.code ?? 'city'} className="county">
            <h3>
              {row.region ? <Link prefetch={false} href={`/regions/${row.region.code}`}>{name}</Link> : <Link prefetch={false} href="/regions/430300">{name}</Link>}
              <span className="muted num" title={t.overview.factsCount}>
                {row.figures > 0 ? `${row.figures}${lang === 'zh' ? '条' : ''}` : <span className="no-data">{t.noData}</span>}
              </span>
            </h3>
            {row.parks.length === 0 ? (
              <p className="muted" style={{ margin: 0, fontSize: '.85rem' }}>
                {t.regionPage.noParks}
              </p>
            ) : (
              <ul>
                {row.parks.map((p) => (
                  <li key={p.park.id}>
                    <Link prefetch={false} href={`/parks/${p.park.id}`}>{localName(lang, p.park.name, p.park.nameEn)}</Link>
                    <span>
                      {p.awards > 0 ? <span className="tag award">{lang === 'zh' ? `获奖${p.awards}` : `${p.awards} award(s)`}</span> : null}{' '}
                      <span className="muted num">{p.figures > 0 ? p.figures : '—'}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
