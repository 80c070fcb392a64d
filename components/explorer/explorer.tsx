'use client';
// The analyst explorer: filters kept in the URL, a chart and a sortable, paginated table of the
// same filtered facts (TanStack Query against /api/facts and /api/aggregates), cross-filtering
// by clicking a bar or point, CSV/XLSX export of the view and PNG export of the chart.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { ECharts } from 'echarts/core';
import { EChart, type ChartClickEvent } from '@/components/charts/echart';
import { TableView } from '@/components/charts/table-view';
import { explorerChartOption } from '@/lib/charts/explorer';
import type { Lang } from '@/lib/i18n/dictionaries';
import { formatDate, formatValue } from '@/lib/i18n/format';
import { FACT_KINDS as KINDS } from '@/lib/vocab/kinds';
import { periodLabel } from '@/lib/vocab/periods';
import { aggregatesQuery } from '@/lib/queries/aggregates';
import {
  chartGroupBy,
  exportHref,
  factsPageQuery,
  metricsListQuery,
  parksListQuery,
  parseExplorerState,
  regionsListQuery,
  toSearch,
  type ExplorerState,
  type GroupByCode,
  type SortCode,
} from '@/lib/queries/facts';
import { EXPLORER_LABELS } from './labels';
import './explorer.css';


type SortState = 'ascending' | 'descending' | 'none';

function SortHeader({ sort, onSort, children, numeric }: { sort: SortState; onSort: () => void; children: ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" aria-sort={sort} className={numeric ? 'n' : undefined}>
      <button type="button" className="sort-button" onClick={onSort}>
        {children}
        <span aria-hidden="true">{sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );
}
const FIRST_YEAR = 2010;

export function Explorer({ lang, lastYear }: { lang: Lang; lastYear: number }) {
  const t = EXPLORER_LABELS[lang];
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = useMemo(() => parseExplorerState(new URLSearchParams(searchParams.toString())), [searchParams]);
  // Cursors of the pages before this one, so 上一页 works with keyset pagination.
  const [history, setHistory] = useState<string[]>([]);

  const navigate = useCallback(
    (next: ExplorerState, keepCursor = false) => {
      const s = keepCursor ? next : { ...next, cursor: undefined };
      if (!keepCursor) setHistory([]);
      const qs = toSearch(s, 'page');
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  const { data: metrics } = useSuspenseQuery(metricsListQuery());
  const { data: parks } = useSuspenseQuery(parksListQuery());
  const { data: regions } = useSuspenseQuery(regionsListQuery());
  const facts = useQuery({ ...factsPageQuery(state), placeholderData: keepPreviousData });
  const aggregates = useQuery({ ...aggregatesQuery(state), placeholderData: keepPreviousData });

  // Region → its parks (cascading): parks whose region is the chosen one or below it.
  const regionTree = useMemo(() => {
    const below = new Map<string, Set<string>>();
    for (const r of regions.items) {
      const set = new Set<string>([r.code]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const c of regions.items) {
          if (c.parentCode && set.has(c.parentCode) && !set.has(c.code)) {
            set.add(c.code);
            grew = true;
          }
        }
      }
      below.set(r.code, set);
    }
    return below;
  }, [regions.items]);
  const visibleParks = state.region ? parks.items.filter((p) => regionTree.get(state.region ?? '')?.has(p.regionCode)) : parks.items;
  const name = (zh: string, en: string | null) => (lang === 'en' && en ? en : zh);
  const metricName = new Map(metrics.items.map((m) => [m.key, name(m.nameZh, m.nameEn)]));

  const groupBy = chartGroupBy(state);
  const chart = useMemo(
    () => explorerChartOption(aggregates.data?.items ?? [], groupBy, lang, { metricChosen: state.metric !== undefined }),
    [aggregates.data, groupBy, lang, state.metric],
  );
  const chartRef = useRef<ECharts | null>(null);
  const onChartClick = useCallback(
    (e: ChartClickEvent) => {
      const cat = chart.categories[e.dataIndex];
      if (!cat) return;
      const next: ExplorerState = { ...state, ...cat.filter };
      // A park chosen from the chart must stay inside the region filter, or the region goes.
      if (cat.filter.park !== undefined && state.region) {
        const park = parks.items.find((p) => p.id === cat.filter.park);
        if (park && !regionTree.get(state.region)?.has(park.regionCode)) delete next.region;
      }
      // Drilling from metrics into one metric: group the chart by year next.
      if (cat.filter.metric !== undefined && state.groupBy === 'metric') delete next.groupBy;
      navigate(next);
    },
    [chart.categories, state, parks.items, regionTree, navigate],
  );
  const downloadPng = () => {
    const url = chartRef.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `xiangtan-explorer-${groupBy}.png`;
    a.click();
  };

  const years: number[] = [];
  for (let y = lastYear; y >= FIRST_YEAR; y--) years.push(y);
  const setSort = (sort: SortCode) => {
    const order = state.sort === sort || (!state.sort && sort === 'year') ? (state.order === 'asc' ? 'desc' : 'asc') : 'desc';
    navigate({ ...state, sort, order });
  };
  const sortOf = (key: SortCode): SortState =>
    (state.sort ?? 'year') === key ? ((state.order ?? 'desc') === 'asc' ? 'ascending' : 'descending') : 'none';
  const page = facts.data;
  const hasFilters = toSearch(state, 'filters') !== '';

  return (
    <div className="explorer">
      <section className="panel" aria-labelledby="ex-filters">
        <div className="panel-head">
          <h2 id="ex-filters">{t.filters}</h2>
          {hasFilters ? (
            <button type="button" className="button secondary" onClick={() => navigate({ groupBy: state.groupBy })}>
              {t.reset}
            </button>
          ) : null}
        </div>
        <form className="explorer-filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t.region}
            <select
              value={state.region ?? ''}
              onChange={(e) => {
                const region = e.target.value || undefined;
                const park = parks.items.find((p) => p.id === state.park);
                const keepPark = park && region ? regionTree.get(region)?.has(park.regionCode) : !region;
                navigate({ ...state, region, park: keepPark ? state.park : undefined });
              }}
            >
              <option value="">{t.all}</option>
              {regions.items
                .filter((r) => r.level !== 'province')
                .map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.level === 'county' ? '　' : ''}
                    {name(r.name, r.nameEn)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t.park}
            <select value={state.park ?? ''} onChange={(e) => navigate({ ...state, park: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">{t.all}</option>
              {visibleParks.map((p) => (
                <option key={p.id} value={p.id}>
                  {name(p.name, p.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.metric}
            <select value={state.metric ?? ''} onChange={(e) => navigate({ ...state, metric: e.target.value || undefined })}>
              <option value="">{t.all}</option>
              {metrics.items.map((m) => (
                <option key={m.key} value={m.key}>
                  {name(m.nameZh, m.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.yearFrom}
            <select
              value={state.yearFrom ?? ''}
              onChange={(e) => {
                const yearFrom = e.target.value ? Number(e.target.value) : undefined;
                const yearTo = state.yearTo !== undefined && yearFrom !== undefined && state.yearTo < yearFrom ? yearFrom : state.yearTo;
                navigate({ ...state, yearFrom, yearTo });
              }}
            >
              <option value="">{t.any}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.yearTo}
            <select
              value={state.yearTo ?? ''}
              onChange={(e) => {
                const yearTo = e.target.value ? Number(e.target.value) : undefined;
                const yearFrom = state.yearFrom !== undefined && yearTo !== undefined && state.yearFrom > yearTo ? yearTo : state.yearFrom;
                navigate({ ...state, yearFrom, yearTo });
              }}
            >
              <option value="">{t.any}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="kind-set">
            <legend>{t.kind}</legend>
            {KINDS.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={state.kind?.includes(k) ?? false}
                  onChange={(e) => {
                    const set = new Set(state.kind ?? []);
                    if (e.target.checked) set.add(k);
                    else set.delete(k);
                    navigate({ ...state, kind: set.size ? KINDS.filter((x) => set.has(x)) : undefined });
                  }}
                />
                {t.kinds[k]}
              </label>
            ))}
          </fieldset>
        </form>
      </section>

      <section className="panel" aria-labelledby="ex-chart">
        <div className="panel-head">
          <h2 id="ex-chart">{t.chart}</h2>
          <div className="page-controls">
            <label className="inline">
              {t.groupBy}
              <select value={groupBy} onChange={(e) => navigate({ ...state, groupBy: e.target.value as GroupByCode }, true)}>
                {(['park', 'region', 'year', 'metric'] as const).map((g) => (
                  <option key={g} value={g}>
                    {t.groups[g]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button secondary" onClick={downloadPng}>
              {t.png}
            </button>
          </div>
        </div>
        <p className="panel-note">{chart.mode === 'counts' ? t.countsNote : t.valuesNote}</p>
        {aggregates.isError ? (
          <p role="alert">{t.error}: {aggregates.error.message}</p>
        ) : chart.categories.length === 0 ? (
          <p className="no-data">{aggregates.isPending ? t.loading : t.noData}</p>
        ) : (
          <>
            <EChart
              option={chart.option}
              label={`${t.chart}: ${t.groups[groupBy]}`}
              height={chart.categories.length > 8 && groupBy !== 'year' ? Math.min(900, chart.categories.length * 30 + 80) : 340}
              onClick={onChartClick}
              onReady={(c) => {
                chartRef.current = c;
              }}
            />
            <TableView summary={t.tableView} caption={`${t.chart}: ${t.groups[groupBy]}`}>
              <thead>
                <tr>
                  <th scope="col">{t.groups[groupBy]}</th>
                  {chart.series.map((s) => (
                    <th key={s.name} scope="col" className="n">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.categories.map((c, i) => (
                  <tr key={c.label}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => navigate({ ...state, ...c.filter })}>
                        {c.label}
                      </button>
                    </th>
                    {chart.series.map((s) => {
                      const d = s.data[i];
                      return (
                        <td key={s.name} className="n" title={d?.exact ?? undefined}>
                          {d?.value === null || d === undefined ? <span className="no-data">—</span> : chart.mode === 'counts' ? d.value : d.short}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </TableView>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="ex-table">
        <div className="panel-head">
          <h2 id="ex-table">
            {t.table}
            {page ? <span className="panel-note"> · {t.rows(page.total, page.totalCapped)}</span> : null}
          </h2>
          <div className="page-controls">
            <a className="button secondary" href={exportHref(state, 'csv')} download>
              {t.csv}
            </a>
            <a className="button secondary" href={exportHref(state, 'xlsx')} download>
              {t.xlsx}
            </a>
          </div>
        </div>
        {facts.isError ? (
          <p role="alert">{t.error}: {facts.error.message}</p>
        ) : !page ? (
          <p>{t.loading}</p>
        ) : page.items.length === 0 ? (
          <p className="no-data">{t.noData}</p>
        ) : (
          <div className="table-wrap" aria-busy={facts.isFetching}>
            <table className="data explorer-table">
              <caption className="sr-only">{t.table}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.metric}</th>
                  <th scope="col">{t.subject}</th>
                  <SortHeader sort={sortOf('year')} onSort={() => setSort('year')}>{t.year}</SortHeader>
                  <th scope="col">{t.kind}</th>
                  <SortHeader sort={sortOf('value')} onSort={() => setSort('value')} numeric>
                    {t.value}
                  </SortHeader>
                  <SortHeader sort={sortOf('date')} onSort={() => setSort('date')}>{t.source}</SortHeader>
                </tr>
              </thead>
              <tbody>
                {page.items.map((f) => {
                  const v = formatValue(f.value, f.unit, lang, f.comparator);
                  const subject = f.park ? name(f.park.name, f.park.nameEn) : f.region ? name(f.region.name, f.region.nameEn) : (f.orgName ?? '—');
                  return (
                    <tr key={f.id}>
                      <td>{metricName.get(f.metric.key) ?? f.metric.key}</td>
                      <td>{subject}</td>
                      <td className="num">
                        {f.year ?? '—'}
                        {f.period && f.period !== 'FY' ? <span className="muted"> {periodLabel(f.period, lang)}</span> : null}
                      </td>
                      <td>{t.kinds[f.kind]}</td>
                      <td className="n" title={v.exact}>
                        {v.text}
                        {f.reports > 1 ? (
                          <span className="muted" title={t.reportsTitle(f.reports, f.latestIssueDate)}>
                            {' '}
                            ×{f.reports}
                          </span>
                        ) : null}
                      </td>
                      <td className="source-cell">
                        {f.source.articleId !== null ? (
                          <Link href={`/articles/${f.source.articleId}?fact=${f.id}`} prefetch={false} title={f.source.evidence ?? undefined}>
                            {f.source.issueDate ? formatDate(f.source.issueDate, lang) : t.article}
                          </Link>
                        ) : (
                          <span className="muted">{f.source.sourceNote ?? t.manual}</span>
                        )}
                        {f.source.evidence ? <q className="evidence">{f.source.evidence}</q> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <nav className="pager" aria-label={t.pager}>
          <button type="button" className="button secondary" disabled={!state.cursor} onClick={() => navigate({ ...state })}>
            {t.first}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!state.cursor}
            onClick={() => {
              const prev = history.at(-1);
              setHistory(history.slice(0, -1));
              navigate({ ...state, cursor: prev }, true);
            }}
          >
            {t.prev}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!page?.nextCursor}
            onClick={() => {
              if (!page?.nextCursor) return;
              setHistory([...history, state.cursor ?? '']);
              navigate({ ...state, cursor: page.nextCursor }, true);
            }}
          >
            {t.next}
          </button>
        </nav>
      </section>
    </div>
  );
}
