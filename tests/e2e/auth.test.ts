// Accounts and roles in a real browser on the production build: signed-out visitors are sent to
// /login (and back to where they were going), the session cookie's flags, a viewer gets the 403
// page on admin pages, an admin creates, re-roles and deactivates a user (who then cannot sign
// in), the audit log shows those steps, and sign-out ends the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';

describe.skipIf(!browserAvailable())('accounts and roles (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: false });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends signed-out visitors to /login and back to the page they asked for', async () => {
    const res = await fetch(`${server.url}/admin/users`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toMatch(/\/login\?next=%2Fadmin%2Fusers$/);
    const page = await newPage(browser);
    await page.goto(`${server.url}/metrics`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('用户名').fill(TEST_ACCOUNTS.analyst.username);
    await page.getByLabel('密码').fill(TEST_ACCOUNTS.analyst.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname === '/metrics', { timeout: 15_000 });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'xt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7.01);
    await page.context().close();
  });

  it('a wrong password keeps the username and says why, beside the field', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(TEST_ACCOUNTS.viewer.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('用户名或密码不正确').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByLabel('用户名').inputValue()).toBe(TEST_ACCOUNTS.viewer.username);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('a viewer cannot reach the admin pages (403 page) and sees no 管理 link', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, TEST_ACCOUNTS.viewer.username, TEST_ACCOUNTS.viewer.password);
    expect(await page.getByRole('link', { name: '管理', exact: true }).count()).toBe(0);
    for (const path of ['/admin/users', '/admin/audit', '/admin']) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.getByRole('heading', { name: /403/ }).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByRole('table').count()).toBe(0);
    }
    await screenshot(page, 'auth-viewer-403');
    await page.context().close();
  });

  it('an admin creates a user, changes the role, deactivates it; the user cannot sign in; the audit log shows it all', async () => {
    const page = await newPage(browser);
    const errors = collectPageErrors(page);
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
    await page.goto(`${server.url}/admin/users`);
    const name = `e2e${Date.now().toString(36)}`;
    await page.getByLabel('用户名', { exact: true }).fill(name);
    await page.getByLabel('姓名').fill('端到端测试');
    await page.getByLabel('角色', { exact: true }).selectOption('analyst');
    await page.getByLabel('初始密码').fill('e2e-initial-pass-1');
    await page.getByRole('button', { name: '创建用户' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `已创建用户 ${name}` }).count(), { timeout: 15_000 }).toBe(1);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('分析');
    await row.getByLabel(`${name} 的角色`).selectOption('viewer');
    await row.getByRole('button', { name: '修改角色' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).innerText(), { timeout: 15_000 }).toBe('查看');
    await row.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.getByRole('cell').nth(3).innerText(), { timeout: 15_000 }).toBe('已停用');
    await screenshot(page, 'auth-admin-users');

    await page.goto(`${server.url}/admin/audit?entityType=user`);
    const table = page.getByRole('table');
    for (const action of ['新建', '修改', '停用']) {
      // polled: React reveals a streamed page after its loading state on a short timer, which can be after `load`
      await expect.poll(() => table.getByRole('link', { name: action, exact: true }).count(), { message: action, timeout: 15_000 }).toBeGreaterThan(0);
    }
    // the role change in words (the audit log speaks in words, not codes)
    expect(await table.innerText()).toContain('分析员');
    await screenshot(page, 'auth-admin-audit');
    expect(errors).toEqual([]);

    const other = await newPage(browser);
    await other.goto(`${server.url}/login`);
    await other.getByLabel('用户名').fill(name);
    await other.getByLabel('密码').fill('e2e-initial-pass-1');
    await other.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => other.getByText('该账号已停用').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await other.context().close();
    await page.context().close();
  });

  it('signing out ends the session: the old cookie no longer opens pages', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
    const token = (await page.context().cookies()).find((c) => c.name === 'xt_session')?.value ?? '';
    expect(token).not.toBe('');
    await page.locator('summary').filter({ hasText: /./ }).last().click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
    expect((await page.context().cookies()).find((c) => c.name === 'xt_session')).toBeUndefined();
    const res = await fetch(`${server.url}/admin/users`, { headers: { cookie: `xt_session=${token}` }, redirect: 'manual' });
    // The cookie is still sent (so the proxy lets it through), but lib/auth finds no session.
    const body = await res.text();
    expect(body).not.toContain('全部用户');
    // The dashboards too (they read shared, cached read models): the session is checked per request.
    for (const path of ['/', '/scorecard', '/wall']) {
      const page = await fetch(`${server.url}${path}`, { headers: { cookie: `xt_session=${token}` }, redirect: 'manual' });
      expect(page.status, path).toBe(307);
      expect(page.headers.get('location') ?? '', path).toContain('/login');
    }
    await page.context().close();
  });
});
