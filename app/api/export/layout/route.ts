import { route } from '@/lib/api/route';
import { getPlaceFigures } from '@/lib/data/explorer';
import { listMetrics, listParks, listRegions } from '@/lib/data/reference-lists';
import { exportFileName } from '@/lib/export/cells';
import { comparisonToCsv, comparisonToXlsx, pivotToCsv, pivotToXlsx } from '@/lib/export/pivot';
import { describeFilters } from '@/lib/explorer/describe';
import { buildComparison, knownPlaces } from '@/lib/explorer/compare';
import { buildPivot, parsePivotSort } from '@/lib/explorer/pivot';
import { getLang } from '@/lib/i18n/server';
import { filtersOf } from '@/lib/validations/api';
import { layoutExportQuery } from '@/lib/validations/explorer';

export const dynamic = 'force-dynamic';

/** The explorer's pivot or comparison as it is shown (same cells, totals and order), as CSV or XLSX (analysts). */
export const GET = route(
  { role: 'analyst', query: layoutExportQuery },
  async ({ query, request }) => {
    const filters = filtersOf(query);
    const compare = query.view === 'compare';
    const [{ figures }, lang, parks, regions, metrics] = await Promise.all([
      getPlaceFigures(
        compare ? { ...filters, places: query.places ?? [], metrics: query.metrics } : filters,
        { periods: !compare && query.cols === 'period' },
      ),
      getLang(),
      listParks(),
      listRegions(),
      listMetrics(),
    ]);
    const ctx = {
      lang,
      origin: new URL(request.url).origin,
      filters: describeFilters(filters, { regions, parks, metrics }, lang),
    };
    const name = exportFileName(query.view, query.format);
    const headers = {
      'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    };
    if (compare) {
      const c = buildComparison(figures, query.places ?? [], lang, knownPlaces(parks, regions));
      if (query.format === 'csv')
        return new Response(comparisonToCsv(c, ctx), {
          headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
        });
      return new Response((await comparisonToXlsx(c, ctx)) as BodyInit, {
        headers: {
          ...headers,
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      });
    }
    const pivot = buildPivot(figures, { cols: query.cols ?? 'year', lang });
    const sort = parsePivotSort(query.psort);
    if (query.format === 'csv')
      return new Response(pivotToCsv(pivot, sort, ctx), {
        headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
      });
    return new Response((await pivotToXlsx(pivot, sort, ctx)) as BodyInit, {
      headers: {
        ...headers,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
  },
);
