import { route } from '@/lib/api/route';
import { exportFactsForCaller } from '@/lib/api/facts';
import { exportFileName, factsToCsv, factsToXlsx } from '@/lib/export/facts';
import { exportQuery, filtersOf } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** The explorer's current view as CSV (UTF-8 + BOM) or XLSX, with provenance columns (analysts and admins). */
export const GET = route({ role: 'analyst', query: exportQuery }, async ({ query, user }) => {
  const rows = await exportFactsForCaller(user, filtersOf(query), { sort: query.sort, order: query.order });
  const name = exportFileName(query.format);
  const headers = {
    'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  };
  if (query.format === 'csv') {
    return new Response(factsToCsv(rows), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const body = await factsToXlsx(rows);
  return new Response(body as BodyInit, {
    headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
});
