// Smoke test of the production build in a real browser: the server comes up on a fresh database,
// /api/health answers, and the home page renders its heading and an ECharts canvas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';

describe.skipIf(!browserAvailable())('smoke (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['viewer'] });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers /api/health with ok', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; database: string };
    expect(body.ok).toBe(true);
    expect(body.database).toBe(server.backend);
  });

  it('renders the home page with its heading and a chart canvas', async () => {
    const page = await newPage(browser);
    const errors = collectPageErrors(page);
    // Dashboard pages need a signed-in user: a viewer session made by the harness (the login
    // form itself is tested by the auth tests).
    const cookie = server.cookies.viewer ?? '';
    const eq = cookie.indexOf('=');
    await page.context().addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
    await page.goto(server.url);
    if (new URL(page.url()).pathname.startsWith('/login')) {
      // The session cookie was not accepted (cookie name changed?): fall back to the form.
      await signIn(page, server.url, TEST_ACCOUNTS.viewer.username, TEST_ACCOUNTS.viewer.password);
      await page.goto(server.url);
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    // The seed's latest year (2023) holds the city's targets; its park figures are 2022's, drawn as
    // the ranking chart there (the overview links to it).
    await page.goto(`${server.url}/?year=2022`);
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'smoke-home');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
