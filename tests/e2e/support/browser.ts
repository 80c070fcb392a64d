// Headless Debian Chromium driven by playwright-core, plus the few helpers every browser test
// needs: screenshots under test-results/screenshots, and signing in through the /login form.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './build';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Why browser tests must be skipped, or null when they can run. They are only ever skipped
 * locally without Chromium: in CI (CI set) a missing browser is a failure, not a skip.
 */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  if (process.env.CI) return null; // launchBrowser() will fail loudly instead
  return `e2e skipped: no Chromium at ${CHROMIUM_PATH} (install: apt-get install -y chromium fonts-noto-cjk)`;
}

/** True when browser tests should run; logs the reason once when they are skipped. */
export function browserAvailable(): boolean {
  const reason = browserSkipReason();
  if (reason) console.warn(`[e2e] ${reason}`);
  return reason === null;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** A new page in its own context (own cookies), sized like a laptop screen, Chinese locale. */
export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}

/** Full-page screenshot to test-results/screenshots/<name>.png; returns the file path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Signs in through the real /login form (labels 用户名 / 密码, button 登录) and waits until the
 * browser has left /login. Throws with the page's alert text when the sign-in is refused.
 */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  try {
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  } catch (e) {
    const alert = await page
      .getByRole('alert')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(`Sign-in as ${username} failed${alert ? `: ${alert.trim()}` : ''} (${(e as Error).message.split('\n')[0]})`);
  }
}

/**
 * Collects page errors, console errors and failed responses (with their URL) of a page, to
 * assert a clean load (a missing icon counts). Requests the browser aborts itself are ignored.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // "Failed to load resource" carries no URL; the response listener reports it with one.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${u.pathname}${u.search}`);
  });
  page.on('requestfailed', (r) => {
    // ERR_ABORTED: the browser cancelled it (a link prefetch cut short by navigation), not a failure.
    const reason = r.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) errors.push(`request failed: ${r.url()} ${reason}`);
  });
  return errors;
}
