// The table view of a trend chart: subjects × years, each cell a sourced value or 无数据.
import type { TrendSeries } from '@/lib/data/overview';
import { dictionary, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { MoreNote } from '@/components/layout/more-note';
import { TableView } from '@/components/charts/table-view';
import { SourcedValueLink } from '@/components/provenance/sourced-value';

export function TrendTable({
  years,
  series,
  lang,
  caption,
  older = 0,
  moreHref,
}: {
  years: number[];
  series: TrendSeries[];
  lang: Lang;
  caption: string;
  /** Older years left out of the chart and table (lib/vocab/significance.ts newestYears), and where they are. */
  older?: number;
  moreHref?: string;
}) {
  const t = dictionary(lang);
  const note =
    older > 0 ? (
      <MoreNote
        text={fill(t.matrixOlderYears, { shown: years.length, older })}
        href={moreHref}
        linkText={t.matrixOlderLink}
        data={{ 'data-older-years': older }}
      />
    ) : null;
  return (
    <>
      <TableView summary={t.table.show} caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t.subject}</th>
            {years.map((y) => (
              <th key={y} scope="col" className="n">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id}>
              <th scope="row">{localName(lang, s.name, s.nameEn)}</th>
              {s.points.map((p, i) => (
                <td key={years[i]} className="n">
                  <SourcedValueLink point={p} lang={lang} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableView>
      {note}
    </>
  );
}
