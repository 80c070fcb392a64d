// The explorer's URL state and its TanStack Query factories (client-safe: they fetch the API,
// never the database). The same state object serialises to the page URL (shareable views) and
// to the API query string, so the table, the chart and the export always show the same rows.
import { queryOptions } from '@tanstack/react-query';
import type { FactsPage } from '@/lib/data/fact-list';
import type { MetricItem, ParkItem, RegionItem } from '@/lib/data/reference-lists';
import { fetchJson } from '@/lib/queries/summary';
import { FACT_KINDS, type FactKindCode } from '@/lib/vocab/kinds';

export type KindCode = FactKindCode;
export type SortCode = 'year' | 'value' | 'date' | 'id';
export type GroupByCode = 'park' | 'region' | 'year' | 'metric';

export interface ExplorerState {
  region?: string;
  park?: number;
  metric?: string;
  yearFrom?: number;
  yearTo?: number;
  kind?: KindCode[];
  sort?: SortCode;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
  groupBy?: GroupByCode;
}

export const PAGE_SIZE = 25;
const KINDS: readonly KindCode[] = FACT_KINDS;
const SORTS: readonly SortCode[] = ['year', 'value', 'date', 'id'];
const GROUPS: readonly GroupByCode[] = ['park', 'region', 'year', 'metric'];

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(params: Params, name: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  return Array.isArray(v) ? v[0] : v;
}

function year(v: string | undefined): number | undefined {
  return v && /^\d{4}$/.test(v) && Number(v) >= 1949 && Number(v) <= 2100 ? Number(v) : undefined;
}

/**
 * Page URL → state. Lenient on purpose (a hand-edited link drops what it cannot use instead of
 * erroring); the API itself is strict and answers 400.
 */
export function parseExplorerState(params: Params): ExplorerState {
  const s: ExplorerState = {};
  const region = one(params, 'region');
  if (region && /^\d{6}$/.test(region)) s.region = region;
  const park = one(params, 'park');
  if (park && /^[1-9]\d{0,8}$/.test(park)) s.park = Number(park);
  const metric = one(params, 'metric');
  if (metric && /^[a-z][a-z0-9_]{0,63}$/.test(metric)) s.metric = metric;
  s.yearFrom = year(one(params, 'yearFrom'));
  s.yearTo = year(one(params, 'yearTo'));
  if (s.yearFrom !== undefined && s.yearTo !== undefined && s.yearFrom > s.yearTo) [s.yearFrom, s.yearTo] = [s.yearTo, s.yearFrom];
  const kind = one(params, 'kind')?.split(',').filter((k): k is KindCode => (KINDS as readonly string[]).includes(k));
  if (kind?.length) s.kind = [...new Set(kind)];
  const sort = one(params, 'sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) s.sort = sort as SortCode;
  const order = one(params, 'order');
  if (order === 'asc' || order === 'desc') s.order = order;
  const cursor = one(params, 'cursor');
  if (cursor && /^[A-Za-z0-9_-]{1,200}$/.test(cursor)) s.cursor = cursor;
  const groupBy = one(params, 'groupBy');
  if (groupBy && (GROUPS as readonly string[]).includes(groupBy)) s.groupBy = groupBy as GroupByCode;
  for (const k of Object.keys(s) as (keyof ExplorerState)[]) if (s[k] === undefined) delete s[k];
  return s;
}

type Part = 'filters' | 'table' | 'chart' | 'page';

/** State → query string. `filters`: the shared filters; `table`: + sort/cursor/limit; `chart`: + groupBy; `page`: everything. */
export function toSearch(s: ExplorerState, part: Part): string {
  const q = new URLSearchParams();
  if (s.region) q.set('region', s.region);
  if (s.park !== undefined) q.set('park', String(s.park));
  if (s.metric) q.set('metric', s.metric);
  if (s.yearFrom !== undefined) q.set('yearFrom', String(s.yearFrom));
  if (s.yearTo !== undefined) q.set('yearTo', String(s.yearTo));
  if (s.kind?.length) q.set('kind', s.kind.join(','));
  if (part === 'table' || part === 'page') {
    if (s.sort) q.set('sort', s.sort);
    if (s.order) q.set('order', s.order);
    if (s.cursor) q.set('cursor', s.cursor);
  }
  if (part === 'table') q.set('limit', String(s.limit ?? PAGE_SIZE));
  if ((part === 'chart' || part === 'page') && s.groupBy) q.set('groupBy', s.groupBy);
  if (part === 'chart') q.set('groupBy', chartGroupBy(s));
  return q.toString();
}

/** The chart's grouping: chosen in the URL, else by year for a range of years, else by park. */
export function chartGroupBy(s: ExplorerState): GroupByCode {
  if (s.groupBy) return s.groupBy;
  if (!s.metric) return 'metric';
  return s.yearFrom !== undefined && s.yearFrom === s.yearTo ? 'park' : 'year';
}

export const explorerKeys = {
  facts: (s: ExplorerState) => ['facts', toSearch(s, 'table')] as const,
  aggregates: (s: ExplorerState) => ['aggregates', toSearch(s, 'chart')] as const,
};

export const factsPageQuery = (s: ExplorerState) =>
  queryOptions({
    queryKey: explorerKeys.facts(s),
    queryFn: () => fetchJson<FactsPage>(`/api/facts?${toSearch(s, 'table')}`),
  });

export const metricsListQuery = () =>
  queryOptions({ queryKey: ['metrics'], queryFn: () => fetchJson<{ items: MetricItem[] }>('/api/metrics'), staleTime: 5 * 60_000 });
export const parksListQuery = () =>
  queryOptions({ queryKey: ['parks'], queryFn: () => fetchJson<{ items: ParkItem[] }>('/api/parks'), staleTime: 5 * 60_000 });
export const regionsListQuery = () =>
  queryOptions({ queryKey: ['regions'], queryFn: () => fetchJson<{ items: RegionItem[] }>('/api/regions'), staleTime: 5 * 60_000 });

/** The export URL of the current view (same filters and order as the table, all pages). */
export function exportHref(s: ExplorerState, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams(toSearch({ ...s, cursor: undefined }, 'page'));
  q.delete('groupBy');
  q.set('format', format);
  return `/api/export?${q.toString()}`;
}
