// The scorecard table (parks as rows, the five dimensions as columns) and the side-by-side view
// of 2–4 parks (indicators as rows grouped by dimension, parks as columns).
import Link from 'next/link';
import type { CompareRow, DimensionRef, ScoreAward, ScoreRow } from '@/lib/scorecard/shape';
import type { ParkRef } from '@/lib/vocab/shapes';
import { fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { scorecardDictionary } from '@/lib/i18n/scorecard';
import { AwardLines, ScoreCellView } from './score-cell';
import './scorecard.css';

export function ScorecardTable({ dimensions, rows, year, lang }: { dimensions: DimensionRef[]; rows: ScoreRow[]; year: number; lang: Lang }) {
  const s = scorecardDictionary(lang);
  return (
    <div className="table-wrap">
      <table className="data sc-table">
        <caption>{fill(s.caption, { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{s.park}</th>
            {dimensions.map((d) => (
              <th key={d.key} scope="col">
                {localName(lang, d.nameZh, d.nameEn)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.park.id} data-park={r.park.id}>
              <th scope="row">
                <Link prefetch={false} href={`/parks/${r.park.id}`}>{localName(lang, r.park.name, r.park.nameEn)}</Link>
              </th>
              {r.dimensions.map((d) => (
                <td key={d.key} data-dimension={d.key}>
                  {d.cells.length === 0 && d.awards.length === 0 ? <span className="sc-none">—<span className="sr-only">{s.noCells}</span></span> : null}
                  {d.cells.map((c) => (
                    <ScoreCellView key={c.metric.id} cell={c} lang={lang} />
                  ))}
                  <AwardLines awards={d.awards} lang={lang} />
                  {d.cells.length > 0 ? <span className="sc-count">{fill(s.ofIndicators, { n: d.cells.length, total: d.indicators })}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CompareTable({
  dimensions,
  parks,
  groups,
  year,
  lang,
}: {
  dimensions: DimensionRef[];
  parks: ParkRef[];
  groups: { key: string; rows: CompareRow[]; awards: ScoreAward[][]; empty: number }[];
  year: number;
  lang: Lang;
}) {
  const s = scorecardDictionary(lang);
  const span = parks.length + 1;
  return (
    <div className="table-wrap">
      <table className="data sc-compare">
        <caption>{fill(s.compareCaption, { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{s.indicator}</th>
            {parks.map((p) => (
              <th key={p.id} scope="col">
                <Link prefetch={false} href={`/parks/${p.id}`}>{localName(lang, p.name, p.nameEn)}</Link>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => {
          const d = dimensions.find((x) => x.key === g.key);
          if (!d) return null;
          const hasAwards = d.showAwards && g.awards.some((a) => a.length > 0);
          return (
            <tbody key={g.key} data-dimension={g.key}>
              <tr>
                <th scope="rowgroup" colSpan={span}>
                  {localName(lang, d.nameZh, d.nameEn)}
                </th>
              </tr>
              {g.rows.map((r) => (
                <tr key={r.metric.id}>
                  <th scope="row">
                    <Link prefetch={false} href={`/metrics/${r.metric.key}`}>{localName(lang, r.metric.nameZh, r.metric.nameEn)}</Link>
                  </th>
                  {r.cells.map((c, i) => (
                    <td key={parks[i]?.id ?? i}>{c ? <ScoreCellView cell={c} lang={lang} showName={false} /> : <span className="sc-none">—<span className="sr-only">{s.noCells}</span></span>}</td>
                  ))}
                </tr>
              ))}
              {hasAwards ? (
                <tr>
                  <th scope="row">{s.awards}</th>
                  {g.awards.map((a, i) => (
                    <td key={parks[i]?.id ?? i}>
                      {a.length ? (
                        <ul className="sc-awards-list">
                          {a.map((x) => (
                            <li key={x.id}>{x.articleId ? <Link prefetch={false} href={`/articles/${x.articleId}`} className="cell-link">{x.title}</Link> : x.title}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="sc-none">—</span>
                      )}
                    </td>
                  ))}
                </tr>
              ) : null}
              {g.rows.length === 0 && !hasAwards ? (
                <tr>
                  <td colSpan={span} className="sc-none">{s.compareNone}</td>
                </tr>
              ) : g.empty > 0 ? (
                <tr>
                  <td colSpan={span} className="sc-none">{fill(s.compareEmpty, { n: g.empty })}</td>
                </tr>
              ) : null}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
