'use client';
// The analyst explorer: filters kept in the URL (each change a history entry, so Back undoes
// it), options drawn from the data, and three views of the same filters — rows (a chart with
// cross-filtering and a sortable, paginated table of the facts with their sentences), a pivot
// (metric × place × year with the totals the figure rules allow) and a comparison of 2–6 places;
// CSV/XLSX export of each as shown, PNG export of every chart, and the analyst's saved views.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { EChart, type ChartClickEvent } from '@/components/charts/echart';
import { TableView } from '@/components/charts/table-view';
import { explorerChartOption } from '@/lib/charts/explorer';
import { formatUnit } from '@/lib/vocab/units';
import type { SavedViewItem } from '@/lib/data/saved-views';
import { describeFilters } from '@/lib/explorer/describe';
import type { Lang } from '@/lib/i18n/dictionaries';
import { formatDate, formatValue } from '@/lib/i18n/format';
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
import {
  explorerOptionsQuery,
  layoutExportHref,
  pageSearch,
  parseLayout,
  placeFiguresQuery,
  type ExplorerView,
  type LayoutState,
} from '@/lib/queries/explorer';
import { CompareView } from './compare-view';
import { FilterForm } from './filters';
import { PivotView } from './pivot-view';
import { SavedViews } from './saved-views';
import { EXPLORER_LABELS } from './labels';
import './explorer.css';

const VIEWS: ExplorerView[] = ['table', 'pivot', 'compare'];

type SortState = 'ascending' | 'descending' | 'none';

function SortHeader({
  sort,
  onSort,
  children,
  numeric,
}: {
  sort: SortState;
  onSort: () => void;
  children: ReactNode;
  numeric?: boolean;
}) {
  return (
    <th scope="col" aria-sort={sort} className={numeric ? 'n' : undefined}>
      <button type="button" className="sort-button" onClick={onSort}>
        {children}
        <span aria-hidden="true">
          {sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}
export function Explorer({
  lang,
  views,
  initialView,
}: {
  lang: Lang;
  views: SavedViewItem[];
  initialView: ExplorerView;
}) {
  const t = EXPLORER_LABELS[lang];
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);
  const state = useMemo(() => parseExplorerState(params), [params]);
  const layout = useMemo(() => parseLayout(params), [params]);
  const view = layout.view ?? initialView;
  const firstView = params.get('first') === '1';
  // Cursors of the pages before this one, so 上一页 works with keyset pagination.
  const [history, setHistory] = useState<string[]>([]);

  // Every change is a history entry (push, not replace): Back undoes the last filter change.
  const go = useCallback(
    (next: ExplorerState, nextLayout: LayoutState, keepCursor = false) => {
      const s = keepCursor ? next : { ...next, cursor: undefined };
      if (!keepCursor) setHistory([]);
      const qs = pageSearch(s, nextLayout);
      router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const navigate = useCallback(
    (next: ExplorerState, keepCursor = false) => go(next, layout, keepCursor),
    [go, layout],
  );
  const setLayout = useCallback(
    (next: LayoutState) => go(state, { ...layout, ...next }, true),
    [go, state, layout],
  );

  const { data: metrics } = useSuspenseQuery(metricsListQuery());
  const { data: parks } = useSuspenseQuery(parksListQuery());
  const { data: regions } = useSuspenseQuery(regionsListQuery());
  const options = useQuery({ ...explorerOptionsQuery(state), placeholderData: keepPreviousData });
  const facts = useQuery({
    ...factsPageQuery(state),
    placeholderData: keepPreviousData,
    enabled: view === 'table',
  });
  const aggregates = useQuery({
    ...aggregatesQuery(state),
    placeholderData: keepPreviousData,
    enabled: view === 'table',
  });
  const compareReady = view === 'compare' && (layout.places?.length ?? 0) >= 2;
  const placeFigures = useQuery({
    ...placeFiguresQuery(state, { ...layout, view }),
    placeholderData: keepPreviousData,
    enabled: view === 'pivot' || compareReady,
  });

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
  const name = (zh: string, en: string | null) => (lang === 'en' && en ? en : zh);
  const metricName = new Map(metrics.items.map((m) => [m.key, name(m.nameZh, m.nameEn)]));

  const groupBy = chartGroupBy(state);
  const chart = useMemo(
    () =>
      explorerChartOption(aggregates.data?.items ?? [], groupBy, lang, {
        metricChosen: state.metric !== undefined,
      }),
    [aggregates.data, groupBy, lang, state.metric],
  );
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
  const filterWords = describeFilters(
    state,
    { regions: regions.items, parks: parks.items, metrics: metrics.items },
    lang,
  );
  const chartWhat = state.metric ? (metricName.get(state.metric) ?? state.metric) : t.countsUnit;
  const chartTitle = t.chartTitle(chartWhat, t.groups[groupBy]);
  const chartAsOf =
    (aggregates.data?.items ?? [])
      .map((r) => r.latest.issueDate ?? '')
      .sort()
      .at(-1) || null;
  const chartUnit =
    chart.mode === 'counts'
      ? t.countsUnit
      : chart.series.length === 1
        ? (chart.series[0]?.name.replace(/^.*（(.*)）$/, '$1') ?? null)
        : null;
  const chartHeight =
    chart.categories.length > 8 && groupBy !== 'year'
      ? Math.min(900, chart.categories.length * 30 + 80)
      : 340;
  const regionOfPark = (id: number) => parks.items.find((p) => p.id === id)?.regionCode;
  const regionContains = (region: string, child: string) =>
    regionTree.get(region)?.has(child) ?? false;
  const setSort = (sort: SortCode) => {
    const order =
      state.sort === sort || (!state.sort && sort === 'year')
        ? state.order === 'asc'
          ? 'desc'
          : 'asc'
        : 'desc';
    navigate({ ...state, sort, order });
  };
  const sortOf = (key: SortCode): SortState =>
    (state.sort ?? 'year') === key
      ? (state.order ?? 'desc') === 'asc'
        ? 'ascending'
        : 'descending'
      : 'none';
  const page = facts.data;
  const hasFilters = toSearch(state, 'filters') !== '';

  return (
    <div className="explorer">
      <section className="panel" aria-labelledby="ex-filters">
        <div className="panel-head">
          <h2 id="ex-filters">{t.filters}</h2>
          {hasFilters ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => navigate({ groupBy: 'metric' })}
            >
              {t.reset}
            </button>
          ) : null}
        </div>
        <FilterForm
          lang={lang}
          state={state}
          options={options.data}
          regionOfPark={regionOfPark}
          regionContains={regionContains}
          onChange={(next) => navigate(next)}
        />
        {firstView && state.metric && state.yearFrom !== undefined ? (
          <p className="panel-note" role="note">
            {t.firstViewNote(metricName.get(state.metric) ?? state.metric, state.yearFrom)}
          </p>
        ) : null}
      </section>

      <nav className="view-tabs" aria-label={t.viewTabs}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className={v === view ? 'button' : 'button secondary'}
            aria-pressed={v === view}
            onClick={() => setLayout({ view: v })}
          >
            {t.views[v]}
          </button>
        ))}
      </nav>

      {view === 'pivot' ? (
        <section className="panel" aria-labelledby="ex-pivot">
          <div className="panel-head">
            <h2 id="ex-pivot">{t.pivot}</h2>
            <div className="page-controls">
              <label className="inline">
                {t.pivotCols}
                <select
                  value={layout.cols ?? 'year'}
                  onChange={(e) =>
                    setLayout({
                      cols: e.target.value === 'period' ? 'period' : 'year',
                      psort: undefined,
                    })
                  }
                >
                  <option value="year">{t.colsYear}</option>
                  <option value="period">{t.colsPeriod}</option>
                </select>
              </label>
              <a
                className="button secondary"
                href={layoutExportHref(state, { ...layout, view }, 'csv')}
                download
              >
                {t.csv}
              </a>
              <a
                className="button secondary"
                href={layoutExportHref(state, { ...layout, view }, 'xlsx')}
                download
              >
                {t.xlsx}
              </a>
            </div>
          </div>
          <p className="panel-note">{t.valuesNote}</p>
          {placeFigures.isError ? (
            <p role="alert">
              {t.error}: {placeFigures.error.message}
            </p>
          ) : !placeFigures.data ? (
            <p>{t.loading}</p>
          ) : (
            <PivotView
              lang={lang}
              figures={placeFigures.data.figures}
              capped={placeFigures.data.capped}
              cols={layout.cols ?? 'year'}
              psort={layout.psort}
              onSort={(psort) => setLayout({ psort })}
            />
          )}
        </section>
      ) : null}

      {view === 'compare' ? (
        <section className="panel" aria-labelledby="ex-compare">
          <div className="panel-head">
            <h2 id="ex-compare">{t.compare}</h2>
            {compareReady ? (
              <div className="page-controls">
                <a
                  className="button secondary"
                  href={layoutExportHref(state, { ...layout, view }, 'csv')}
                  download
                >
                  {t.csv}
                </a>
                <a
                  className="button secondary"
                  href={layoutExportHref(state, { ...layout, view }, 'xlsx')}
                  download
                >
                  {t.xlsx}
                </a>
              </div>
            ) : null}
          </div>
          <CompareView
            lang={lang}
            options={options.data}
            places={layout.places ?? []}
            metrics={layout.metrics ?? []}
            figures={compareReady ? placeFigures.data?.figures : undefined}
            filters={filterWords.filter((f) => !/^(区域|园区|指标|Region|Park|Metric)/.test(f))}
            onChange={(next) => setLayout(next)}
          />
        </section>
      ) : null}

      {view === 'table' ? (
        <>
          <section className="panel" aria-labelledby="ex-chart">
            <div className="panel-head">
              <h2 id="ex-chart">{t.chart}</h2>
              <div className="page-controls">
                <label className="inline">
                  {t.groupBy}
                  <select
                    value={groupBy}
                    onChange={(e) =>
                      navigate({ ...state, groupBy: e.target.value as GroupByCode }, true)
                    }
                  >
                    {(['park', 'region', 'year', 'metric'] as const).map((g) => (
                      <option key={g} value={g}>
                        {t.groups[g]}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </div>
            <p className="panel-note">{chart.mode === 'counts' ? t.countsNote : t.valuesNote}</p>
            {chart.omittedUnits.length > 0 ? (
              <p className="panel-note" role="note" data-omitted-units={chart.omittedUnits.join(',')}>
                {t.omittedUnits(chart.omittedUnits.map((u) => formatUnit(u, lang)).join(lang === 'zh' ? '、' : ', '))}
              </p>
            ) : null}
            {aggregates.isError ? (
              <p role="alert">
                {t.error}: {aggregates.error.message}
              </p>
            ) : chart.categories.length === 0 ? (
              <p className="no-data">{aggregates.isPending ? t.loading : t.noData}</p>
            ) : (
              <>
                <EChart
                  option={chart.option}
                  label={chartTitle}
                  height={chartHeight}
                  onClick={onChartClick}
                  png={{
                    lang,
                    title: chartTitle,
                    filters: filterWords,
                    unit: chartUnit,
                    asOf: chartAsOf ? formatDate(chartAsOf, lang) : null,
                    source: t.sourceLine,
                    fileName: `xiangtan-explorer-${groupBy}.png`,
                    height: Math.max(chartHeight, 360),
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
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => navigate({ ...state, ...c.filter })}
                          >
                            {c.label}
                          </button>
                        </th>
                        {chart.series.map((s) => {
                          const d = s.data[i];
                          return (
                            <td key={s.name} className="n" title={d?.exact ?? undefined}>
                              {d?.value === null || d === undefined ? (
                                <span className="no-data">—</span>
                              ) : chart.mode === 'counts' ? (
                                d.value
                              ) : (
                                d.short
                              )}
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
                {page ? (
                  <span className="panel-note"> · {t.rows(page.total, page.totalCapped)}</span>
                ) : null}
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
              <p role="alert">
                {t.error}: {facts.error.message}
              </p>
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
                      <SortHeader sort={sortOf('year')} onSort={() => setSort('year')}>
                        {t.year}
                      </SortHeader>
                      <th scope="col">{t.kind}</th>
                      <SortHeader sort={sortOf('value')} onSort={() => setSort('value')} numeric>
                        {t.value}
                      </SortHeader>
                      <SortHeader sort={sortOf('date')} onSort={() => setSort('date')}>
                        {t.source}
                      </SortHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((f) => {
                      const v = formatValue(f.value, f.unit, lang, f.comparator);
                      const subject = f.park
                        ? name(f.park.name, f.park.nameEn)
                        : f.region
                          ? name(f.region.name, f.region.nameEn)
                          : (f.orgName ?? '—');
                      return (
                        <tr key={f.id}>
                          <td data-label={t.metric}>
                            {metricName.get(f.metric.key) ?? f.metric.key}
                          </td>
                          <td data-label={t.subject}>{subject}</td>
                          <td className="num" data-label={t.year}>
                            {f.year ?? '—'}
                            {f.period && f.period !== 'FY' ? (
                              <span className="muted"> {periodLabel(f.period, lang)}</span>
                            ) : null}
                          </td>
                          <td data-label={t.kind}>{t.kinds[f.kind]}</td>
                          <td className="n" title={v.exact} data-label={t.value}>
                            {v.text}
                            {f.reports > 1 ? (
                              <span
                                className="muted"
                                title={t.reportsTitle(f.reports, f.latestIssueDate)}
                              >
                                {' '}
                                ×{f.reports}
                              </span>
                            ) : null}
                          </td>
                          <td className="source-cell" data-label={t.source}>
                            {f.source.articleId !== null ? (
                              <Link
                                href={`/articles/${f.source.articleId}?fact=${f.id}`}
                                prefetch={false}
                                title={f.source.evidence ?? undefined}
                              >
                                {f.source.issueDate
                                  ? formatDate(f.source.issueDate, lang)
                                  : t.article}
                              </Link>
                            ) : (
                              <span className="muted">{f.source.sourceNote ?? t.manual}</span>
                            )}
                            {f.source.evidence ? (
                              <q className="evidence">{f.source.evidence}</q>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <nav className="pager" aria-label={t.pager}>
              <button
                type="button"
                className="button secondary"
                disabled={!state.cursor}
                onClick={() => navigate({ ...state })}
              >
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
        </>
      ) : null}

      <SavedViews
        lang={lang}
        views={views}
        currentQuery={pageSearch({ ...state, cursor: undefined }, { ...layout, view })}
      />
    </div>
  );
}
