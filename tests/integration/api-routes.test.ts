// The read API's route handlers called directly with Request objects, signed in through a real
// session row (next/headers is replaced by a cookie jar holding its token, as lib/auth expects):
// roles, approved-only, pagination, hostile parameters (table + fast-check: always 400, never
// 500), CSV/XLSX export with provenance, and the generated OpenAPI document.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createSessionCookie } from '../e2e/support/session';
import { loadDashboardFixture } from './support/dashboard-fixture';
import type { Database } from '@/lib/db/client';

const jar = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => {
      const [k, v] = jar.cookie.split('=');
      return k === name && v ? { name, value: v } : undefined;
    },
    set: () => undefined,
  }),
  headers: async () => new Headers(),
}));

const { GET: factsGET } = await import('@/app/api/facts/route');
const { GET: aggregatesGET } = await import('@/app/api/aggregates/route');
const { GET: metricsGET } = await import('@/app/api/metrics/route');
const { GET: parksGET } = await import('@/app/api/parks/route');
const { GET: regionsGET } = await import('@/app/api/regions/route');
const { GET: recognitionsGET } = await import('@/app/api/recognitions/route');
const { GET: exportGET } = await import('@/app/api/export/route');
const { GET: openapiGET } = await import('@/app/api/openapi.json/route');
const { GET: overviewGET } = await import('@/app/api/overview/route');
const { approveFacts } = await import('@/lib/actions/facts');

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ctx = { params: Promise.resolve({}) };
/** A hand-made cursor (base64url of its JSON), as a hostile client would craft one. */
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
const call = (h: Handler, qs = ''): Promise<Response> => h(new Request(`http://test.local/api/x${qs ? `?${qs}` : ''}`), ctx);

describe('read API route handlers (pglite)', () => {
  let db: TestDatabase;
  const cookies: Record<'viewer' | 'analyst' | 'admin', string> = { viewer: '', analyst: '', admin: '' };
  let draftId = 0;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await loadDashboardFixture(db.prisma, { extra: true });
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'leading_industry_output_growth' }, select: { id: true } });
    const city = await db.prisma.region.findUniqueOrThrow({ where: { code: '430300' }, select: { id: true } });
    draftId = (
      await db.prisma.fact.create({
        data: { metricId: metric.id, regionId: city.id, year: 2020, kind: 'actual', value: '1', unit: 'percent', status: 'draft', source: 'manual' },
      })
    ).id;
    for (const role of ['viewer', 'analyst', 'admin'] as const) cookies[role] = await createSessionCookie(db.prisma, role, 'api');
    (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = Promise.resolve(db);
  });
  afterAll(async () => {
    (globalThis as { __appDb?: unknown }).__appDb = undefined;
    await db?.destroy();
  });

  it('answers 401 signed out and 403 for a viewer exporting', async () => {
    jar.cookie = '';
    expect((await call(factsGET)).status).toBe(401);
    jar.cookie = cookies.viewer;
    const r = await call(exportGET, 'format=csv');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: string }).error).toBeTruthy();
  });

  it('viewers get approved facts only; asking for drafts is 403; admins may', async () => {
    jar.cookie = cookies.viewer;
    const r = await call(factsGET, 'limit=500');
    expect(r.status).toBe(200);
    const page = (await r.json()) as { items: { id: number; status: string }[]; total: number };
    expect(page.items.every((f) => f.status === 'approved')).toBe(true);
    expect(page.items.some((f) => f.id === draftId)).toBe(false);
    expect((await call(factsGET, 'status=draft')).status).toBe(403);
    jar.cookie = cookies.admin;
    const drafts = (await (await call(factsGET, 'status=draft')).json()) as { items: { id: number }[] };
    expect(drafts.items.map((f) => f.id)).toContain(draftId);
  });

  it('pages with nextCursor until the end', async () => {
    jar.cookie = cookies.analyst;
    const ids: number[] = [];
    let qs = 'limit=5&sort=value&order=asc';
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const body = (await (await call(factsGET, qs)).json()) as { items: { id: number }[]; nextCursor: string | null; total: number };
      total = body.total;
      ids.push(...body.items.map((f) => f.id));
      if (!body.nextCursor) break;
      qs = `limit=5&sort=value&order=asc&cursor=${body.nextCursor}`;
    }
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    // A cursor made for another sort is a 400, not a wrong page.
    const first = (await (await call(factsGET, 'limit=1&sort=year')).json()) as { nextCursor: string };
    const bad = await call(factsGET, `sort=value&cursor=${first.nextCursor}`);
    expect(bad.status).toBe(400);
  });

  it('serves aggregates, metrics, parks, regions, recognitions', async () => {
    jar.cookie = cookies.viewer;
    const agg = (await (await call(aggregatesGET, 'groupBy=year&metric=little_giant_enterprises_cumulative&kind=actual')).json()) as {
      items: { group: { year: number }; value: string | null }[];
    };
    expect(agg.items.find((a) => a.group.year === 2022)?.value).toBe('115');
    for (const h of [metricsGET, parksGET, regionsGET, recognitionsGET]) {
      const r = await call(h);
      expect(r.status).toBe(200);
      expect(((await r.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
  });

  const HOSTILE: [Handler, string, string][] = [
    [factsGET, 'yearFrom=abcd', 'yearFrom'],
    [factsGET, 'yearFrom=1800', 'yearFrom'],
    [factsGET, 'yearFrom=2024&yearTo=2020', 'yearTo'],
    [factsGET, 'yearTo=99999999999999999999', 'yearTo'],
    [factsGET, 'limit=0', 'limit'],
    [factsGET, 'limit=501', 'limit'],
    [factsGET, 'limit=-1', 'limit'],
    [factsGET, 'limit=1e3', 'limit'],
    [factsGET, "park=1' OR '1'='1", 'park'],
    [factsGET, 'park=0', 'park'],
    [factsGET, 'park=2147483648', 'park'],
    [factsGET, 'region=430300;DROP TABLE fact', 'region'],
    [factsGET, "metric=x' UNION SELECT password_hash FROM app_user--", 'metric'],
    [factsGET, 'metric=__proto__', 'metric'],
    [factsGET, 'kind=actual,bogus', 'kind'],
    [factsGET, 'kind=', 'kind'],
    [factsGET, 'sort=value;--', 'sort'],
    [factsGET, 'order=sideways', 'order'],
    [factsGET, 'cursor=%00%00', 'cursor'],
    [factsGET, 'cursor=eyJhIjoxfQ', 'cursor'],
    // Cursors shaped right but holding what the SQL casts would refuse (a 500 before).
    [factsGET, `sort=date&cursor=${b64(['date', '2023-13-45', 90])}`, 'cursor'],
    [factsGET, `sort=date&cursor=${b64(['date', '2026-02-30', 90])}`, 'cursor'],
    [factsGET, `sort=date&cursor=${b64(['date', '0000-01-01', 90])}`, 'cursor'],
    [factsGET, `sort=id&cursor=${b64(['id', null, 2147483648])}`, 'cursor'],
    [factsGET, `sort=year&cursor=${b64(['year', 2023, 9007199254740993])}`, 'cursor'],
    [factsGET, `sort=value&cursor=${b64(['value', '1e400', 5])}`, 'cursor'],
    [factsGET, 'status=published', 'status'],
    [factsGET, 'year=2023', 'year'],
    [factsGET, 'limit=5&limit=6', 'limit'],
    [aggregatesGET, '', 'groupBy'],
    [aggregatesGET, 'groupBy=park;select', 'groupBy'],
    [aggregatesGET, 'groupBy=constructor', 'groupBy'],
    [metricsGET, 'q=<script>', 'q'],
    [recognitionsGET, 'yearFrom=20x3', 'yearFrom'],
    [exportGET, 'format=pdf', 'format'],
    [overviewGET, 'year=20x3', 'year'],
    [overviewGET, 'metric=DROP TABLE', 'metric'],
    [overviewGET, 'kind=actual', 'kind'],
    [exportGET, 'format=csv&yearTo=0', 'yearTo'],
  ];
  it.each(HOSTILE)('400 with the reason: %#', async (handler, qs, field) => {
    jar.cookie = cookies.admin;
    const r = await call(handler, qs);
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: string };
    expect(body.error).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|prisma|SELECT|postgres/i);
  });

  it('never answers 500 to any query string (property)', async () => {
    jar.cookie = cookies.admin;
    const names = ['region', 'park', 'metric', 'yearFrom', 'yearTo', 'kind', 'status', 'sort', 'order', 'cursor', 'limit', 'groupBy', 'format'];
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer({ min: -3000, max: 3000 }).map(String),
      fc.constantFrom("' OR 1=1 --", '2023', '430300', '1', 'actual', 'target,actual', 'year', 'csv', 'park', '\u0000', 'NaN', '1e309'),
    );
    const query = fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 5 }).map((ps) => new URLSearchParams(ps).toString());
    const handlers = [factsGET, aggregatesGET, recognitionsGET, exportGET];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...handlers), query, async (h, qs) => {
        const r = await call(h, qs);
        expect([200, 400, 403]).toContain(r.status);
        if (r.status !== 200) expect(((await r.json()) as { error: string }).error.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('exports CSV with BOM and the rows with their source sentences', async () => {
    jar.cookie = cookies.analyst;
    const qs = 'kind=target&yearFrom=2023&yearTo=2023';
    const page = (await (await call(factsGET, `${qs}&limit=500`)).json()) as { items: { id: number; source: { evidence: string | null } }[] };
    const r = await call(exportGET, `${qs}&format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.csv"/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toContain('原文');
    expect(lines).toHaveLength(page.items.length + 1);
    for (const f of page.items) {
      expect(text).toContain(`\r\n${f.id},`);
      if (f.source.evidence) expect(text).toContain(f.source.evidence.replace(/"/g, '""'));
    }
    expect(text).toContain('湘潭日报');
    expect(text).toContain('2023-05-19');
  });

  it('exports XLSX that opens with exceljs and holds the same rows', async () => {
    jar.cookie = cookies.analyst;
    const qs = 'kind=target&yearFrom=2023&yearTo=2023';
    const page = (await (await call(factsGET, `${qs}&limit=500`)).json()) as { items: { id: number; value: string; source: { evidence: string | null } }[] };
    const r = await call(exportGET, `${qs}&format=xlsx`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ws = wb.getWorksheet('数据明细');
    expect(ws).toBeDefined();
    expect(ws?.rowCount).toBe(page.items.length + 1);
    const header = (ws?.getRow(1).values as unknown[]).slice(1);
    const idCol = header.indexOf('编号') + 1;
    const evCol = header.indexOf('原文') + 1;
    const valCol = header.indexOf('数值') + 1;
    expect([idCol, evCol, valCol].every((c) => c > 0)).toBe(true);
    page.items.forEach((f, i) => {
      const row = ws?.getRow(i + 2);
      expect(row?.getCell(idCol).value).toBe(f.id);
      // a numeric cell (Excel sums it), equal to the figure's value
      expect(row?.getCell(valCol).value).toBe(Number(f.value));
      expect(row?.getCell(evCol).value ?? null).toBe(f.source.evidence);
    });
  });

  it('serves the overview as data: KPI cards and ranking, each figure with its source sentence', async () => {
    jar.cookie = '';
    expect((await call(overviewGET)).status).toBe(401);
    jar.cookie = cookies.viewer;
    const r = await call(overviewGET);
    expect(r.status).toBe(200);
    const o = (await r.json()) as {
      year: number | null;
      years: number[];
      kpis: { metric: { key: string }; value: string | null; latest: { evidence: string | null; articleId: number | null } | null }[];
      ranking: { park: { name: string }; actual: { value: string } | null }[];
    };
    expect(o.year).toBe(o.years[0]);
    expect(o.kpis.length).toBeGreaterThan(0);
    for (const k of o.kpis.filter((c) => c.value !== null)) expect(k.latest?.evidence, k.metric.key).toBeTruthy();
    const older = (await (await call(overviewGET, `year=${String(o.years.at(-1))}`)).json()) as { year: number };
    expect(older.year).toBe(o.years.at(-1));
  });

  // Last: it approves the draft the role tests rely on.
  it('an approval shows at once in the cached facts, aggregates and overview answers', async () => {
    jar.cookie = cookies.viewer;
    const q = 'groupBy=year&metric=leading_industry_output_growth&kind=actual';
    const before = (await (await call(aggregatesGET, q)).json()) as { items: { group: { year: number }; value: string | null }[] };
    expect(before.items.find((a) => a.group.year === 2020)).toBeUndefined();
    const listBefore = (await (await call(factsGET, 'metric=leading_industry_output_growth&limit=500')).json()) as { items: { id: number }[] };
    expect(listBefore.items.map((f) => f.id)).not.toContain(draftId);
    const yearsBefore = ((await (await call(overviewGET)).json()) as { years: number[] }).years;
    expect(yearsBefore).not.toContain(2020);

    jar.cookie = cookies.viewer;
    expect((await approveFacts({ items: [{ id: draftId, version: 1 }] })).ok).toBe(false); // a viewer may not
    jar.cookie = cookies.admin;
    const done = await approveFacts({ items: [{ id: draftId, version: 1 }] });
    expect(done.ok).toBe(true);

    jar.cookie = cookies.viewer;
    const after = (await (await call(aggregatesGET, q)).json()) as { items: { group: { year: number }; value: string | null }[] };
    expect(after.items.find((a) => a.group.year === 2020)?.value).toBe('1');
    const listAfter = (await (await call(factsGET, 'metric=leading_industry_output_growth&limit=500')).json()) as { items: { id: number }[] };
    expect(listAfter.items.map((f) => f.id)).toContain(draftId);
    expect(((await (await call(overviewGET)).json()) as { years: number[] }).years).toContain(2020);
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas', async () => {
    jar.cookie = '';
    const r = await call(openapiGET);
    expect(r.status).toBe(200);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, { get: { parameters: { name: string; schema: { pattern?: string; enum?: string[] } }[] } }> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/facts', '/api/aggregates', '/api/overview', '/api/metrics', '/api/parks', '/api/regions', '/api/recognitions', '/api/export']) {
      expect(doc.paths[p]).toBeDefined();
    }
    const params = doc.paths['/api/facts']?.get.parameters ?? [];
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['region', 'park', 'metric', 'yearFrom', 'yearTo', 'kind', 'cursor', 'limit', 'sort']));
    expect(params.find((p) => p.name === 'sort')?.schema.enum).toEqual(['year', 'value', 'date', 'id']);
    expect(doc.paths['/api/aggregates']?.get.parameters.find((p) => p.name === 'groupBy')?.schema.enum).toEqual(['park', 'region', 'year', 'metric']);
  });
});
