'use client';
// The pivot: metric groups × places × years (or periods), built by lib/explorer/pivot (totals
// only where the figure rules allow them) and drawn with TanStack Table — one column model, one
// sorting state (kept in the URL as psort, so a shared link and the export sort the same way),
// one sorted row model per metric group so rows never leave their metric.
import { useMemo } from 'react';
import Link from 'next/link';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Row,
} from '@tanstack/react-table';
import { formatValue, unitLabel } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/dictionaries';
import {
  buildPivot,
  cellNumber,
  metricName,
  placeName,
  parsePivotSort,
  type Pivot,
  type PivotCell,
  type PivotCols,
  type PivotGroup,
  type PivotRow,
} from '@/lib/explorer/pivot';
import type { PlaceFigure } from '@/lib/data/explorer';
import { EXPLORER_LABELS } from './labels';

type Labels = (typeof EXPLORER_LABELS)['zh'];

function CellView({
  cell,
  unit,
  lang,
  t,
}: {
  cell: PivotCell | null | undefined;
  unit: string;
  lang: Lang;
  t: Labels;
}) {
  if (!cell) return <span className="no-data">—</span>;
  if (cell.value === null) return <span className="muted">{t.notCombinable(cell.figures)}</span>;
  const v = formatValue(cell.value, unit, lang, cell.comparator);
  const marks: string[] = [];
  if (cell.summed) marks.push(t.summedTitle(cell.figures));
  if (cell.reports > cell.figures) marks.push(t.mergedTitle(cell.reports));
  if (cell.conflict) marks.push(t.conflict);
  const body = (
    <>
      {v.text}
      {cell.summed ? <sup aria-hidden="true">Σ</sup> : null}
      {cell.conflict ? <sup aria-hidden="true">!</sup> : null}
    </>
  );
  const title = [v.exact, ...marks, cell.source?.headline ?? ''].filter(Boolean).join('\n');
  return cell.source?.articleId != null ? (
    <Link
      href={`/articles/${cell.source.articleId}?fact=${cell.source.factId}`}
      prefetch={false}
      title={title}
    >
      {body}
    </Link>
  ) : (
    <span title={title}>{body}</span>
  );
}

const textSort = (lang: Lang) => (a: Row<PivotRow>, b: Row<PivotRow>, id: string) =>
  String(a.getValue(id) ?? '').localeCompare(
    String(b.getValue(id) ?? ''),
    lang === 'zh' ? 'zh-Hans-CN' : 'en',
  );

function useColumns(pivot: Pivot, lang: Lang, t: Labels): ColumnDef<PivotRow>[] {
  return useMemo(() => {
    const cols: ColumnDef<PivotRow>[] = [
      {
        id: 'place',
        header: t.place,
        accessorFn: (r) => placeName(r.place, lang),
        sortingFn: textSort(lang),
      },
      {
        id: 'county',
        header: t.county,
        accessorFn: (r) =>
          r.place.county
            ? lang === 'en' && r.place.county.nameEn
              ? r.place.county.nameEn
              : r.place.county.name
            : '',
        sortingFn: textSort(lang),
      },
      ...pivot.columns.map((c): ColumnDef<PivotRow> => ({
        id: c.key,
        header: c.label,
        accessorFn: (r) => cellNumber(r.cells[c.key]) ?? undefined,
        sortingFn: 'basic',
        sortUndefined: 'last',
        meta: { numeric: true },
      })),
    ];
    if (pivot.groups.some((g) => g.sumTime)) {
      cols.push({
        id: 'total',
        header: t.total,
        accessorFn: (r) => cellNumber(r.total) ?? undefined,
        sortingFn: 'basic',
        sortUndefined: 'last',
        meta: { numeric: true },
      });
    }
    return cols;
  }, [pivot, lang, t]);
}

function GroupBody({
  group,
  pivot,
  columns,
  sorting,
  lang,
  t,
}: {
  group: PivotGroup;
  pivot: Pivot;
  columns: ColumnDef<PivotRow>[];
  sorting: SortingState;
  lang: Lang;
  t: Labels;
}) {
  'use no memo'; // TanStack Table's instance is mutable: React Compiler must not memoise around it
  const table = useReactTable({
    data: group.rows,
    columns,
    state: { sorting },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    manualSorting: false,
  });
  const title =
    metricName(group.metric, lang) + (group.kind === 'actual' ? '' : ` · ${t.kinds[group.kind]}`);
  const hasTotal = columns.some((c) => c.id === 'total');
  return (
    <tbody>
      <tr className="pivot-group">
        <th scope="colgroup" colSpan={columns.length}>
          {title} <span className="muted">（{unitLabel(group.unit, lang)}）</span>
        </th>
      </tr>
      {table.getRowModel().rows.map((row) => (
        <tr key={row.id}>
          {row.getVisibleCells().map((cell) => {
            const id = cell.column.id;
            if (id === 'place') {
              return (
                <th key={cell.id} scope="row">
                  {flexRender(
                    cell.column.columnDef.cell ?? ((c) => String(c.getValue() ?? '')),
                    cell.getContext(),
                  )}
                </th>
              );
            }
            if (id === 'county') return <td key={cell.id}>{String(cell.getValue() ?? '')}</td>;
            const pc =
              id === 'total'
                ? group.sumTime
                  ? row.original.total
                  : undefined
                : row.original.cells[id];
            return (
              <td key={cell.id} className="n">
                {id === 'total' && !group.sumTime ? (
                  <span className="no-data" />
                ) : (
                  <CellView cell={pc} unit={group.unit} lang={lang} t={t} />
                )}
              </td>
            );
          })}
        </tr>
      ))}
      {group.sumPlaces && group.rows.length > 1 ? (
        <tr className="pivot-total">
          <th scope="row">{t.total}</th>
          <td />
          {pivot.columns.map((c) => (
            <td key={c.key} className="n">
              <CellView cell={group.totals[c.key]} unit={group.unit} lang={lang} t={t} />
            </td>
          ))}
          {hasTotal ? (
            <td className="n">
              {group.sumTime ? (
                <CellView cell={group.grandTotal} unit={group.unit} lang={lang} t={t} />
              ) : null}
            </td>
          ) : null}
        </tr>
      ) : null}
    </tbody>
  );
}

export function PivotView({
  lang,
  figures,
  capped,
  cols,
  psort,
  onSort,
}: {
  lang: Lang;
  figures: PlaceFigure[];
  capped: boolean;
  cols: PivotCols;
  psort: string | undefined;
  onSort: (psort: string | undefined) => void;
}) {
  'use no memo'; // see GroupBody
  const t = EXPLORER_LABELS[lang];
  const pivot = useMemo(() => buildPivot(figures, { cols, lang }), [figures, cols, lang]);
  const columns = useColumns(pivot, lang, t);
  const sort = parsePivotSort(psort);
  const sorting: SortingState = sort ? [{ id: sort.key, desc: sort.desc }] : [];
  // A header table drives the sort state only; rows are sorted per group below.
  const head = useReactTable({
    data: [] as PivotRow[],
    columns,
    state: { sorting },
    getCoreRowModel: getCoreRowModel(),
  });
  if (!pivot.groups.length) return <p className="no-data">{t.noData}</p>;
  return (
    <>
      {capped ? <p role="status">{t.capped}</p> : null}
      <div className="table-wrap pivot-wrap">
        <table className="data pivot-table">
          <caption className="sr-only">{t.pivot}</caption>
          <thead>
            {head.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const s =
                    sort?.key === h.column.id ? (sort.desc ? 'descending' : 'ascending') : 'none';
                  const numeric = (h.column.columnDef.meta as { numeric?: boolean } | undefined)
                    ?.numeric;
                  return (
                    <th key={h.id} scope="col" aria-sort={s} className={numeric ? 'n' : undefined}>
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => {
                          // numbers sort largest first on the first click, names A→Z
                          const firstDesc = numeric === true;
                          const next = sort?.key !== h.column.id ? firstDesc : !sort.desc;
                          onSort(
                            sort?.key === h.column.id && sort.desc !== firstDesc
                              ? undefined
                              : `${h.column.id}:${next ? 'desc' : 'asc'}`,
                          );
                        }}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true">
                          {s === 'ascending' ? ' ▲' : s === 'descending' ? ' ▼' : ' ↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {pivot.groups.map((g) => (
            <GroupBody
              key={g.id}
              group={g}
              pivot={pivot}
              columns={columns}
              sorting={sorting}
              lang={lang}
              t={t}
            />
          ))}
        </table>
      </div>
      <details className="pivot-notes">
        <summary>{t.pivotNotes}</summary>
        <ul>
          {pivot.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
