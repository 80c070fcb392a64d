// The page cache in front of a stand-in for Next.js on a real HTTP server and a real (PGlite)
// session table: who gets a kept page (a valid session of a role high enough), what a kept page
// depends on (role, language, data version), what is never kept (errors, non-200s, other
// cookies) and that concurrent misses render once.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { ensureUser, forgetAppDatabase, useAppDatabase } from './support/auth-context';

const { servePage, wantsPageCache, pageCache, holdsRenderError, PAGE_CACHE_HEADER } = await import('@/lib/page-cache/http');
const { invalidateCache } = await import('@/lib/data/read-cache');
const { createSession, SESSION_COOKIE_NAME } = await import('@/lib/auth/session');

describe('page cache', () => {
  let db: TestDatabase;
  let server: http.Server;
  let base = '';
  let renders = 0;
  const tokens: Record<string, string> = {};

  /** Stands in for Next: a page that says which render it is, in two chunks, gzipped when asked. */
  function next(req: http.IncomingMessage, res: http.ServerResponse): void {
    renders++;
    const n = renders;
    const url = req.url ?? '/';
    const lang = /lang=en/.test(req.headers.cookie ?? '') ? 'en' : 'zh';
    setTimeout(() => {
      if (url.startsWith('/api/')) {
        // A read API: JSON; the explorer's are for analysts and admins (route() checks it in Next).
        const cookie = req.headers.cookie ?? '';
        if (url.startsWith('/api/explorer/') && !cookie.includes(tokens.an!) && !cookie.includes(tokens.ad!)) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end('{"error":"forbidden"}');
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ render: n, url, admin: cookie.includes(tokens.ad!) }));
        return;
      }
      if (url.startsWith('/parks/404')) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('not found');
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('vary', 'RSC, Next-Router-State-Tree, Accept-Encoding');
      res.setHeader('set-cookie', url.startsWith('/parks/cookie') ? ['lang=en; Path=/'] : [`${SESSION_COOKIE_NAME}=someone; Path=/`]);
      const html = `<html lang="${lang}"><p>render ${n} of ${url}</p>${url.startsWith('/parks/err') ? '<!--$!--><template data-dgst="4242"></template>' : ''}</html>`;
      if (/gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync(html));
        return;
      }
      res.write(html.slice(0, 10));
      res.end(html.slice(10));
    }, url.startsWith('/parks/slow') ? 1_500 : 30);
  }

  async function get(path: string, who: string | null, headers: Record<string, string> = {}) {
    const cookie = [who ? `${SESSION_COOKIE_NAME}=${tokens[who]}` : '', headers.cookie ?? ''].filter(Boolean).join('; ');
    const res = await fetch(`${base}${path}`, { headers: { ...headers, cookie, 'accept-encoding': headers['accept-encoding'] ?? 'identity' }, redirect: 'manual' });
    return { status: res.status, cache: res.headers.get(PAGE_CACHE_HEADER), setCookie: res.headers.get('set-cookie'), text: await res.text() };
  }

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    useAppDatabase(db);
    for (const [name, role] of [['v1', 'viewer'], ['v2', 'viewer'], ['an', 'analyst'], ['ad', 'admin']] as const) {
      const id = await ensureUser(db.prisma, `pc-${name}`, role);
      tokens[name] = (await createSession(db.prisma, id)).token;
    }
    server = http.createServer((req, res) => {
      if (wantsPageCache(req)) void servePage(req, res, () => next(req, res));
      else next(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  beforeEach(() => {
    pageCache().clear();
    renders = 0;
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    forgetAppDatabase();
    await db?.destroy();
  });

  it('renders a page once for every user of a role, and sends each their own session cookie', async () => {
    const first = await get('/parks/1', 'v1');
    expect(first).toMatchObject({ status: 200, cache: 'miss' });
    expect(first.text).toContain('render 1 of /parks/1');
    const second = await get('/parks/1', 'v1');
    expect(second).toMatchObject({ status: 200, cache: 'hit', text: first.text });
    const other = await get('/parks/1', 'v2');
    expect(other).toMatchObject({ cache: 'hit', text: first.text });
    // The rendering request's own Set-Cookie is not replayed: each reader gets their own, sliding.
    expect(other.setCookie).toContain(`${SESSION_COOKIE_NAME}=${tokens.v2}`);
    expect(other.setCookie).toMatch(/Max-Age=604800; HttpOnly; SameSite=Lax/);
    expect(other.setCookie).not.toContain('someone');
    expect(renders).toBe(1);
  });

  it('answers the read APIs the same way, by role, and never hands a role an answer made for another', async () => {
    const facts = await get('/api/facts?status=approved&limit=50', 'v1');
    expect(facts).toMatchObject({ status: 200, cache: 'miss' });
    expect(JSON.parse(facts.text)).toMatchObject({ render: 1, admin: false });
    expect(await get('/api/facts?status=approved&limit=50', 'v2')).toMatchObject({ cache: 'hit', text: facts.text });
    // The admin's answer (drafts too) is made for admins only.
    const admin = await get('/api/facts?status=approved&limit=50', 'ad');
    expect(admin.cache).toBe('miss');
    expect(JSON.parse(admin.text)).toMatchObject({ admin: true });
    expect((await get('/api/facts?status=approved&limit=50', 'v1')).text).toBe(facts.text);
    // An analysts' API: a viewer's 403 is never kept, the analyst's answer never reaches a viewer.
    expect((await get('/api/explorer/figures', 'v1')).status).toBe(403);
    expect(await get('/api/explorer/figures', 'an')).toMatchObject({ status: 200, cache: 'miss' });
    expect(await get('/api/explorer/figures', 'an')).toMatchObject({ status: 200, cache: 'hit' });
    expect((await get('/api/explorer/figures', 'v2')).status).toBe(403);
    // Account-bound or on-demand APIs are not the cache's.
    for (const path of ['/api/me', '/api/import-jobs', '/api/export?format=csv']) expect((await get(path, 'v1')).cache, path).toBeNull();
    expect(renders).toBe(8);
  });

  it('keeps pages apart by address, role and language', async () => {
    await get('/parks/1', 'v1');
    expect((await get('/parks/1?year=2024', 'v1')).cache).toBe('miss');
    expect((await get('/parks/1', 'an')).cache).toBe('miss');
    expect((await get('/parks/1', 'ad')).cache).toBe('miss');
    const en = await get('/parks/1', 'v1', { cookie: 'lang=en' });
    expect(en.cache).toBe('miss');
    expect(en.text).toContain('lang="en"');
    expect((await get('/parks/1', 'v2', { cookie: 'lang=en' })).text).toBe(en.text);
    expect((await get('/parks/1', 'v1', { rsc: '1' })).cache).toBe('miss');
    expect(renders).toBe(6);
  });

  it('renders again once the data changed (any invalidation, local or from another process)', async () => {
    await get('/parks/1', 'v1');
    expect((await get('/parks/1', 'v1')).cache).toBe('hit');
    invalidateCache('overview:');
    const after = await get('/parks/1', 'v1');
    expect(after.cache).toBe('miss');
    expect(after.text).toContain('render 2');
    expect((await get('/parks/1', 'v2')).text).toContain('render 2');
  });

  it('hands anyone without a valid session to Next, and stops serving a user who signed out or was deactivated', async () => {
    await get('/parks/1', 'v1');
    // No cookie, or a made-up one: not the page cache's to answer (Next's proxy sends them to /login).
    expect((await get('/parks/1', null)).cache).toBeNull();
    expect((await fetch(`${base}/parks/1`, { headers: { cookie: `${SESSION_COOKIE_NAME}=${'x'.repeat(43)}` } })).headers.get(PAGE_CACHE_HEADER)).toBeNull();
    const id = await ensureUser(db.prisma, 'pc-leaver', 'viewer');
    const { token } = await createSession(db.prisma, id);
    tokens.leaver = token;
    expect((await get('/parks/1', 'leaver')).cache).toBe('hit');
    await db.prisma.user.update({ where: { id }, data: { active: false } });
    expect((await get('/parks/1', 'leaver')).cache).toBeNull();
    await db.prisma.user.update({ where: { id }, data: { active: true } });
    expect((await get('/parks/1', 'leaver')).cache).toBe('hit');
    await db.prisma.session.deleteMany({ where: { userId: id } });
    expect((await get('/parks/1', 'leaver')).cache).toBeNull();
    // Pages the cache does not take go straight to Next.
    expect(wantsPageCache({ method: 'GET', url: '/explorer', headers: { cookie: `${SESSION_COOKIE_NAME}=${tokens.an}` } } as http.IncomingMessage)).toBe(false);
    expect(wantsPageCache({ method: 'POST', url: '/', headers: { cookie: `${SESSION_COOKIE_NAME}=${tokens.an}` } } as http.IncomingMessage)).toBe(false);
  });

  it('never keeps an error, a non-200 or a response setting another cookie', async () => {
    for (const path of ['/parks/err', '/parks/404', '/parks/cookie']) {
      await get(path, 'v1');
      const again = await get(path, 'v1');
      expect(again.cache === 'hit', path).toBe(false);
    }
    expect(renders).toBe(6);
    // The same check reads compressed pages.
    expect((await get('/parks/err', 'v1', { 'accept-encoding': 'gzip' })).cache).toBe('miss');
    expect((await get('/parks/err', 'v1', { 'accept-encoding': 'gzip' })).cache).toBe('miss');
    expect(holdsRenderError(gzipSync('<p>fine</p>'), 'gzip')).toBe(false);
    expect(holdsRenderError(gzipSync('0:E{"digest":"1"}'), 'gzip')).toBe(true);
    expect(holdsRenderError(Buffer.from('self.__next_f.push([1,"5:E{\\"digest\\":\\"99\\"}"])'), undefined)).toBe(true);
  });

  it('keeps the compressed answer for clients that asked for compression', async () => {
    const zipped = await get('/parks/1', 'v1', { 'accept-encoding': 'gzip' });
    expect(zipped.cache).toBe('miss');
    const again = await get('/parks/1', 'v2', { 'accept-encoding': 'gzip' });
    expect(again).toMatchObject({ cache: 'hit', text: zipped.text });
    expect(again.text).toContain('render 1');
    expect((await get('/parks/1', 'v1')).cache).toBe('miss');
  });

  it('lets go of a page whose reader left during the session check (the next reader is not kept waiting)', async () => {
    const req = Object.assign(new http.IncomingMessage(new net.Socket()), {
      method: 'GET',
      url: '/parks/left',
      headers: { cookie: `${SESSION_COOKIE_NAME}=${tokens.v1}` },
    });
    const res = new http.ServerResponse(req);
    res.destroy(); // the browser gave up (a prefetch the router cancelled) before the page was begun
    let passed = 0;
    await servePage(req, res, () => passed++);
    expect(passed).toBe(1);
    expect(pageCache().stats().rendering).toBe(0);
    const t0 = Date.now();
    expect(await get('/parks/left', 'v2')).toMatchObject({ status: 200, cache: 'miss' });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('renders a page once when many ask for it at the same time', async () => {
    // A slow page: the others arrive while the first is rendering and wait for its answer (or, on
    // a loaded machine whose session checks are slower than the render, find it kept).
    const before = pageCache().stats();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => get('/parks/slow', i % 2 ? 'v1' : 'v2')));
    expect(renders).toBe(1);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((a) => a.cache === 'shared').length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.cache === 'shared' || a.cache === 'hit')).toHaveLength(11);
    const after = pageCache().stats();
    expect(after.entries).toBe(1);
    expect(after.misses - before.misses).toBe(1);
    expect(after.shared - before.shared + after.hits - before.hits).toBe(11);
  });
});
