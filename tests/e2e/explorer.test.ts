// The analyst explorer in a real browser on the demo issue (every figure approved): filter to
// targets for 2023 through the form (the URL follows), check the table, the chart and the
// cross-filter, export CSV and check the file holds the rows shown with their source sentences,
// follow a source link to the article, and screenshot at 1440 px and 375 px.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot } from './support/browser';
import { seriousViolations } from './support/axe';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^request failed: .* net::ERR_ABORTED/.test(e));
}

describe.skipIf(!browserAvailable())('explorer (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['analyst', 'viewer'] });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(role: 'analyst' | 'viewer', size: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, size);
    const cookie = server.cookies[role] ?? '';
    const eq = cookie.indexOf('=');
    await page.context().addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
    return page;
  }

  it('filters to targets for 2023, exports CSV with the rows and their sentences, follows a source', async () => {
    const page = await signedIn('analyst', DESKTOP);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/explorer`);
    // The page streams in after load; on a loaded machine that took longer than the poll's default 5 s.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '数据分析' }).count(), { timeout: 30_000 }).toBe(1);
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'explorer-default-desktop');
    // The first view is one metric's year; start from all figures.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL((u) => !u.searchParams.has('metric'));

    await page.getByLabel('起始年份').selectOption('2023');
    await page.waitForURL((u) => u.searchParams.get('yearFrom') === '2023');
    await page.getByLabel('截止年份').selectOption('2023');
    await page.waitForURL((u) => u.searchParams.get('yearTo') === '2023');
    // The checkbox follows the URL, so it flips once the navigation lands (check() would give up first).
    await page.getByRole('checkbox', { name: '目标' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'target');

    const table = page.locator('table.explorer-table');
    // Wait until the table shows only 2023 targets (the previous page is kept while fetching).
    await expect
      .poll(async () => {
        const kinds = await table.locator('tbody tr td:nth-child(4)').allTextContents();
        const years = await table.locator('tbody tr td:nth-child(3)').allTextContents();
        return kinds.length > 0 && kinds.every((k) => k === '目标') && years.every((y) => y.startsWith('2023'));
      }, { timeout: 20_000 })
      .toBe(true);
    const countText = (await page.locator('#ex-table').textContent()) ?? '';
    const total = Number(/共 (\d+) 条/.exec(countText)?.[1] ?? 'NaN');
    expect(total).toBeGreaterThan(0);
    const sentences = (await table.locator('q.evidence').allTextContents()).map((s) => s.trim()).filter(Boolean);
    expect(sentences.length).toBeGreaterThan(0);
    await screenshot(page, 'explorer-targets-2023-desktop');

    // The API agrees with the page: same filters, same rows.
    const api = (await (await page.request.get(`${server.url}/api/facts?yearFrom=2023&yearTo=2023&kind=target&limit=500`)).json()) as {
      items: { id: number; kind: string; year: number; source: { evidence: string | null } }[];
      total: number;
    };
    expect(api.total).toBe(total);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toContain('原文');
    expect(lines).toHaveLength(total + 1);
    for (const s of sentences) expect(csv).toContain(s.replace(/"/g, '""'));
    for (const f of api.items) expect(csv).toContain(`\r\n${f.id},`);

    // The chart as a PNG file.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出图片 PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // Cross-filter through the chart's table view (the keyboard path of clicking a bar): the URL
    // gains the category's filter.
    const before = page.url();
    await page.getByText('表格视图').click();
    const firstCategory = page.locator('details.table-view tbody th button').first();
    const categoryName = (await firstCategory.textContent()) ?? '';
    await firstCategory.click();
    await page.waitForURL((u) => u.toString() !== before);
    expect(page.url()).toMatch(/metric=|park=|region=/);
    expect(categoryName.length).toBeGreaterThan(0);

    // Follow a source to its article with the fact highlighted.
    await page.goto(`${server.url}/explorer?yearFrom=2023&yearTo=2023&kind=target`);
    const source = table.locator('td.source-cell a').first();
    await source.waitFor();
    const href = (await source.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/articles\/\d+\?fact=\d+$/);
    await source.click();
    await page.waitForURL((u) => u.pathname.startsWith('/articles/'));
    expect(new URL(page.url()).searchParams.get('fact')).toMatch(/^\d+$/);
    await screenshot(page, 'explorer-source-article-desktop');
    expect(realErrors(errors)).toEqual([]);
  }, 180_000);

  it('has no serious or critical accessibility violations (axe-core, WCAG 2.1 A/AA)', async () => {
    const page = await signedIn('analyst', DESKTOP);
    await page.goto(`${server.url}/explorer?yearFrom=2022&yearTo=2023`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '数据分析' }).count()).toBe(1);
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('table.explorer-table tbody tr').first().waitFor({ timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('works on a phone (375 px) with the filters in the URL', async () => {
    const page = await signedIn('analyst', PHONE);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/explorer?yearFrom=2023&yearTo=2023&kind=target`);
    await page.locator('table.explorer-table tbody tr').first().waitFor({ timeout: 20_000 });
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByRole('checkbox', { name: '目标' }).isChecked()).toBe(true);
    // No horizontal scrolling of the page itself (wide tables scroll inside their box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'explorer-targets-2023-phone');
    expect(realErrors(errors)).toEqual([]);
  });

  it('is for analysts: a viewer gets 403 on the page and on export', async () => {
    const page = await signedIn('viewer', DESKTOP);
    // The page streams (loading.tsx), so the status line is sent before the role check: the
    // forbidden page is what the viewer sees.
    await page.goto(`${server.url}/explorer`);
    await expect.poll(() => page.getByRole('heading', { name: /403/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('table.explorer-table').count()).toBe(0);
    const api = await page.request.get(`${server.url}/api/export?format=csv`);
    expect(api.status()).toBe(403);
  });
});
