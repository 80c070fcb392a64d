// The route-handler wrapper (lib/api/route.ts) and withAction (lib/actions/result.ts) on their
// own: auth answers, zod reasons as 400, a closed database as 503, other errors as a 500 without
// internals, and an action that fails half-way leaves no row and no audit record behind.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { route, HttpError } = await import('@/lib/api/route');
const { withAction, ActionError, fail } = await import('@/lib/actions/result');

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

describe('route() and withAction()', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    useAppDatabase(db);
  }, 120_000);

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  const handler = route(
    { role: 'analyst', query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), params: z.object({ id: z.coerce.number().int().positive() }) },
    async ({ query, params, user }) => ({ year: query.year, id: params.id, who: user?.username }),
  );

  it('answers 401 / 403 as JSON before looking at the input', async () => {
    resetRequest();
    await actAs(db.prisma, null);
    const anon = await handler(new Request('http://x/api/t/1?year=oops'), ctx({ id: '1' }));
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({ error: '请先登录' });
    await actAs(db.prisma, { username: 'rv', role: 'viewer' });
    expect((await handler(new Request('http://x/api/t/1?year=2023'), ctx({ id: '1' }))).status).toBe(403);
  });

  it('parses query and params; bad values give 400 with the reason', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'ra', role: 'analyst' });
    const ok = await handler(new Request('http://x/api/t/5?year=2023'), ctx({ id: '5' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ year: 2023, id: 5, who: 'ra' });
    const bad = await handler(new Request('http://x/api/t/5?year=1800'), ctx({ id: '5' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Invalid query\.year: /);
    const badId = await handler(new Request('http://x/api/t/x?year=2023'), ctx({ id: 'abc' }));
    expect(badId.status).toBe(400);
  });

  it('parses JSON bodies: not JSON → 400, wrong shape → 400, too large → 413', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'radm', role: 'admin' });
    const post = route({ role: 'admin', body: z.object({ name: z.string().min(1) }), maxBodyBytes: 100 }, async ({ body }) => ({ hello: body.name }));
    const send = (body: string) => post(new Request('http://x/api/p', { method: 'POST', body }), ctx());
    expect((await send('{"name":"湘潭"}')).status).toBe(200);
    expect((await send('{nope')).status).toBe(400);
    expect((await send('{"name":""}')).status).toBe(400);
    expect((await send(JSON.stringify({ name: 'x'.repeat(200) }))).status).toBe(413);
  });

  it('maps HttpError, a closed database to 503, and anything else to a bare 500', async () => {
    const pub = (fn: () => unknown) => route({ role: 'public' }, async () => fn());
    const notFound = await pub(() => {
      throw new HttpError(404, 'No such fact');
    })(new Request('http://x/'), ctx());
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: 'No such fact' });
    const refused = await pub(() => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    })(new Request('http://x/'), ctx());
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'Database unavailable' });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = await pub(() => {
      throw new Error('secret postgresql://admin:hunter2@db/x at Object.<anonymous> (/app/lib/x.ts:1:1)');
    })(new Request('http://x/'), ctx());
    spy.mockRestore();
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(text).toBe('{"error":"Internal server error"}');
  });

  it('withAction: a failure half-way rolls back the row and its audit record', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'radm', role: 'admin' });
    const schema = z.object({ name: z.string().min(1), failWith: z.enum(['none', 'value', 'throw']) });
    const act = withAction('admin', schema, async (input, { tx, audit }) => {
      const r = await tx.region.create({ data: { code: `T${input.name}`, name: input.name, level: 'county' }, select: { id: true } });
      await audit({ action: 'create', entityType: 'region', entityId: r.id, after: { name: input.name } });
      if (input.failWith === 'value') return fail(409, 'conflict');
      if (input.failWith === 'throw') throw new ActionError(404, 'gone');
      return { ok: true as const, data: r };
    });
    const regions = await db.prisma.region.count();
    const audits = await db.prisma.auditLog.count();
    expect(await act({ name: 'A', failWith: 'value' })).toEqual({ ok: false, status: 409, message: 'conflict' });
    const fd = new FormData();
    fd.append('name', 'B');
    fd.append('failWith', 'throw');
    expect(await act(null, fd)).toEqual({ ok: false, status: 404, message: 'gone' });
    expect(await db.prisma.region.count()).toBe(regions);
    expect(await db.prisma.auditLog.count()).toBe(audits);
    expect(await act({ name: 'C', failWith: 'none' })).toMatchObject({ ok: true });
    expect(await db.prisma.region.count()).toBe(regions + 1);
    expect(await db.prisma.auditLog.count()).toBe(audits + 1);
    const bad = await act({ name: '', failWith: 'maybe' });
    expect(bad).toMatchObject({ ok: false, status: 400, fieldErrors: { name: expect.any(Array), failWith: expect.any(Array) } });
  });

  it('withAction and route() answer 503 when the database has gone away', async () => {
    const other = await createTestDatabase('pglite');
    useAppDatabase(other);
    resetRequest();
    await actAs(other.prisma, { username: 'radm', role: 'admin' });
    await other.close();
    const act = withAction('viewer', z.object({}), async () => ({ ok: true as const }));
    expect(await act({})).toMatchObject({ ok: false, status: 503 });
    const res = await route({ role: 'viewer' }, () => ({}))(new Request('http://x/'), ctx());
    expect(res.status).toBe(503);
    useAppDatabase(db);
    await other.destroy().catch(() => undefined);
  });
});
