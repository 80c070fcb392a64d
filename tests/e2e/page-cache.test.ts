// The page cache on the production server: a dashboard page is rendered once per data version and
// then served from memory to every user of the same role, with the session still checked on every
// request (sign-out counts at once), and an approval shows on the next request. The page carries
// no account name; the header's menu fetches it (/api/me).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callServerAction } from './support/server-action';
import { startAppServer, type AppServer } from './support/server';
import { browserSkipReason, launchBrowser, newPage, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';

interface FactsPage {
  items: { id: number; status: string; metric: { key: string } }[];
}

describe('page cache (production server)', () => {
  let app: AppServer;

  beforeAll(async () => {
    app = await startAppServer({ demo: 'reviewed', sessions: ['admin', 'analyst', 'viewer'] });
  }, 600_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function get(path: string, cookie: string | undefined) {
    const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie ?? '' }, redirect: 'manual' });
    return { status: res.status, cache: res.headers.get('x-page-cache'), location: res.headers.get('location'), text: await res.text() };
  }

  it('renders a dashboard page once and serves it again from memory, without any account name in it', async () => {
    const first = await get('/scorecard', app.cookies.viewer);
    expect(first.status).toBe(200);
    expect(first.cache).toBe('miss');
    const second = await get('/scorecard', app.cookies.viewer);
    expect(second).toMatchObject({ status: 200, cache: 'hit' });
    expect(second.text).toBe(first.text);
    // Another role is another page (the admin sees 管理 and the scorecard's admin tools).
    const admin = await get('/scorecard', app.cookies.admin);
    expect(admin.cache).toBe('miss');
    expect(admin.text).not.toBe(first.text);
    // The menu's name comes from /api/me, per account.
    const me = await fetch(`${app.url}/api/me`, { headers: { Cookie: app.cookies.viewer ?? '' } });
    expect(me.status).toBe(200);
    const who = (await me.json()) as { username: string; displayName: string; role: string };
    expect(who.role).toBe('viewer');
    expect(first.text).not.toContain(`>${who.displayName}<`);
    expect(first.text).not.toContain(`${who.username} ·`);
    expect((await fetch(`${app.url}/api/me`)).status).toBe(401);
  });

  it('shows a review decision on the next request', async () => {
    const approved = (await (await fetch(`${app.url}/api/facts?status=approved&limit=50`, { headers: { Cookie: app.cookies.admin ?? '' } })).json()) as FactsPage;
    const shows = (html: string, id: number) => html.includes(`data-fact="${id}"`) || html.includes(`"data-fact":${id}`);
    // An approved figure its metric page shows (as a sourced value).
    let fact: FactsPage['items'][number] | undefined;
    let path = '';
    for (const f of approved.items) {
      path = `/metrics/${f.metric.key}`;
      if (shows((await get(path, app.cookies.viewer)).text, f.id)) {
        fact = f;
        break;
      }
    }
    expect(fact, 'a metric page shows one of the approved demo figures').toBeDefined();
    const before = await get(path, app.cookies.viewer);
    expect(before.cache).toBe('hit');
    expect(shows(before.text, fact!.id)).toBe(true);
    // The read API is kept the same way.
    const apiPath = `/api/facts?metric=${fact!.metric.key}&limit=200`;
    const listed = (r: { text: string }) => (JSON.parse(r.text) as FactsPage).items.some((f) => f.id === fact!.id);
    const apiFirst = await get(apiPath, app.cookies.viewer);
    expect(apiFirst.cache).toBe('miss');
    const apiBefore = await get(apiPath, app.cookies.analyst);
    expect(apiBefore.cache).toBe('miss'); // another role
    expect((await get(apiPath, app.cookies.viewer)).cache).toBe('hit');
    expect(listed(apiFirst)).toBe(true);
    // The API does not say a figure's version (the review's optimistic lock): the action refuses
    // all but the current one, so try the first few.
    let result: { ok: boolean } | undefined;
    for (let version = 1; version <= 10 && !result?.ok; version++) {
      result = await callServerAction<{ ok: boolean }>(app.url, app.cookies.admin ?? '', 'rejectFacts', [
        { items: [{ id: fact!.id, version }], reason: '页面缓存测试' },
      ]);
    }
    expect(result).toMatchObject({ ok: true });
    const after = await get(path, app.cookies.viewer);
    expect(after.cache).toBe('miss');
    expect(shows(after.text, fact!.id)).toBe(false);
    const apiAfter = await get(apiPath, app.cookies.viewer);
    expect(apiAfter).toMatchObject({ status: 200, cache: 'miss' });
    expect(listed(apiAfter)).toBe(false);
    // An analysts' API: a viewer gets the 403 whatever the analyst's answer kept.
    expect((await get('/api/explorer/options', app.cookies.analyst)).status).toBe(200);
    expect((await get('/api/explorer/options', app.cookies.analyst)).cache).toBe('hit');
    expect((await get('/api/explorer/options', app.cookies.viewer)).status).toBe(403);
  });

  it.skipIf(browserSkipReason() !== null)('names the signed-in account in the menu, and a signed-out session gets no kept page', async () => {
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      await signIn(page, app.url, TEST_ACCOUNTS.analyst.username, TEST_ACCOUNTS.analyst.password);
      await page.goto(`${app.url}/metrics`);
      await page.locator('.user-menu summary').click();
      const name = page.getByTestId('user-display-name');
      await expect.poll(async () => (await name.textContent())?.trim(), { timeout: 15_000 }).not.toBe('…');
      const me = (await (await page.request.get(`${app.url}/api/me`)).json()) as { displayName: string; username: string };
      expect(me.username).toBe(TEST_ACCOUNTS.analyst.username);
      expect((await name.textContent())?.trim()).toBe(me.displayName);

      // The page is kept; the session is still checked on every request.
      const token = (await page.context().cookies()).find((c) => c.name === 'xt_session')?.value ?? '';
      const cookie = `xt_session=${token}`;
      await get('/metrics', cookie);
      expect((await get('/metrics', cookie)).cache).toBe('hit');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
      const after = await get('/metrics', cookie);
      expect(after.status).toBe(307);
      expect(after.location).toMatch(/\/login/);
      expect(after.cache).toBeNull();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
