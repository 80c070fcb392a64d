// The explorer's layout state (which view — table, pivot, compare — and its settings) beside the
// filters of lib/queries/facts, both in the URL; and the queryOptions of its own API (filter
// options from the data, place figures for the pivot and the comparison). Client-safe.
import { queryOptions } from '@tanstack/react-query';
import type { ExplorerOptions, PlaceFigure } from '@/lib/data/explorer';
import { fetchJson } from '@/lib/queries/summary';
import { toSearch, type ExplorerState } from '@/lib/queries/facts';

export type ExplorerView = 'table' | 'pivot' | 'compare';
export type PivotColsCode = 'year' | 'period';

export interface LayoutState {
  view?: ExplorerView;
  cols?: PivotColsCode;
  /** Pivot sort: '<column>:asc|desc'. */
  psort?: string;
  /** Compare: p:<park id> / r:<region code>, 2–6. */
  places?: string[];
  /** Compare: metric keys. */
  metrics?: string[];
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;
function one(params: Params, name: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Lenient like parseExplorerState: what it cannot use it drops. */
export function parseLayout(params: Params): LayoutState {
  const s: LayoutState = {};
  const view = one(params, 'view');
  if (view === 'pivot' || view === 'compare' || view === 'table') s.view = view;
  const cols = one(params, 'cols');
  if (cols === 'year' || cols === 'period') s.cols = cols;
  const psort = one(params, 'psort');
  if (psort && /^(place|county|total|\d{4}(?:\.[A-Za-z0-9-]{1,12})?):(asc|desc)$/.test(psort))
    s.psort = psort;
  const places = one(params, 'places')
    ?.split(',')
    .filter((p) => /^(p:[1-9]\d{0,8}|r:\d{6})$/.test(p));
  if (places?.length) s.places = [...new Set(places)].slice(0, 6);
  const metrics = one(params, 'metrics')
    ?.split(',')
    .filter((m) => /^[a-z][a-z0-9_]{0,63}$/.test(m));
  if (metrics?.length) s.metrics = [...new Set(metrics)].slice(0, 12);
  return s;
}

export function layoutSearch(l: LayoutState): string {
  const q = new URLSearchParams();
  if (l.view && l.view !== 'table') q.set('view', l.view);
  if (l.view === 'pivot' && l.cols && l.cols !== 'year') q.set('cols', l.cols);
  if (l.view === 'pivot' && l.psort) q.set('psort', l.psort);
  if (l.view === 'compare' && l.places?.length) q.set('places', l.places.join(','));
  if (l.view === 'compare' && l.metrics?.length) q.set('metrics', l.metrics.join(','));
  return q.toString();
}

/** The whole page query string: filters, table/chart state and layout. */
export function pageSearch(s: ExplorerState, l: LayoutState): string {
  return [toSearch(s, 'page'), layoutSearch(l)].filter(Boolean).join('&');
}

export const explorerOptionsQuery = (s: ExplorerState) =>
  queryOptions({
    queryKey: ['explorer-options', toSearch(s, 'filters')],
    queryFn: () => fetchJson<ExplorerOptions>(`/api/explorer/options?${toSearch(s, 'filters')}`),
    staleTime: 60_000,
  });

/** Figures of the pivot (filters, cols) or the comparison (places, metrics; region/park filters do not apply). */
export function placeFiguresSearch(s: ExplorerState, l: LayoutState): string {
  if (l.view === 'compare') {
    const q = new URLSearchParams();
    if (s.yearFrom !== undefined) q.set('yearFrom', String(s.yearFrom));
    if (s.yearTo !== undefined) q.set('yearTo', String(s.yearTo));
    q.set('kind', (s.kind?.length ? s.kind : ['actual']).join(','));
    q.set('places', (l.places ?? []).join(','));
    if (l.metrics?.length) q.set('metrics', l.metrics.join(','));
    return q.toString();
  }
  const q = new URLSearchParams(toSearch(s, 'filters'));
  if (l.cols === 'period') q.set('cols', 'period');
  return q.toString();
}

export const placeFiguresQuery = (s: ExplorerState, l: LayoutState) =>
  queryOptions({
    queryKey: ['place-figures', placeFiguresSearch(s, l)],
    queryFn: () =>
      fetchJson<{ figures: PlaceFigure[]; capped: boolean }>(
        `/api/explorer/figures?${placeFiguresSearch(s, l)}`,
      ),
  });

/** Export of the pivot or the comparison, as shown. */
export function layoutExportHref(s: ExplorerState, l: LayoutState, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams(placeFiguresSearch(s, l));
  q.set('view', l.view === 'compare' ? 'compare' : 'pivot');
  if (l.view !== 'compare' && l.psort) q.set('psort', l.psort);
  q.set('format', format);
  return `/api/export/layout?${q.toString()}`;
}
