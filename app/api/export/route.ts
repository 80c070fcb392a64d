import { route } from '@/lib/api/route';
import { exportFactsForCaller } from '@/lib/api/facts';
import { listMetrics, listParks, listRegions } from '@/lib/data/reference-lists';
import { exportFileName } from '@/lib/export/cells';
import { factsToCsv, factsToXlsx } from '@/lib/export/facts';
import { describeFilters } from '@/lib/explorer/describe';
import { getLang } from '@/lib/i18n/server';
import { exportQuery, filtersOf } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** The explorer's current view as CSV (UTF-8 + BOM) or XLSX, in the reader's language, with provenance columns (analysts and admins). */
export const GET = route(
  { role: 'analyst', query: exportQuery },
  async ({ query, user, request }) => {
    const filters = filtersOf(query);
    const [rows, lang, parks, regions, metrics] = await Promise.all([
      exportFactsForCaller(user, filters, { sort: query.sort, order: query.order }),
      getLang(),
      listParks(),
      listRegions(),
      listMetrics(),
    ]);
    const regionByCode = new Map(regions.map((r) => [r.code, r]));
    const parkRegion = new Map(parks.map((p) => [p.id, regionByCode.get(p.regionCode) ?? null]));
    const ctx = {
      lang,
      origin: new URL(request.url).origin,
      countyOfPark: (id: number) => parkRegion.get(id) ?? null,
      filters: describeFilters(filters, { regions, parks, metrics }, lang),
    };
    const name = exportFileName('facts', query.format);
    const headers = {
      'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    };
    if (query.format === 'csv') {
      return new Response(factsToCsv(rows, ctx), {
        headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
      });
    }
    const body = await factsToXlsx(rows, ctx);
    return new Response(body as BodyInit, {
      headers: {
        ...headers,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
  },
);
