// The 五好 scorecard in a real browser (production build, Chromium) on the demo issue as the seed
// reviews it: the parks as rows under the five dimensions with their sourced indicators, the
// county filter and the 2–4 park compare view in the URL, the park page's figures by period; axe
// finds no serious or critical issue. Screenshots at 1440×900, 1920×1080 and 375×812
// (test-results/screenshots/scorecard-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot } from './support/browser';
import { seriousViolations } from './support/axe';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'wide', width: 1920, height: 1080 },
  { name: 'phone', width: 375, height: 812 },
] as const;

function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^request failed: .* net::ERR_ABORTED/.test(e));
}

describe.skipIf(!browserAvailable())('五好 scorecard (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: 'reviewed', sessions: ['viewer'] });
    browser = await launchBrowser();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function viewerPage(size: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, size);
    const cookie = server.cookies.viewer ?? '';
    const eq = cookie.indexOf('=');
    await page.context().addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
    return page;
  }

  for (const size of SIZES) {
    it(`renders the seed parks under the five dimensions at ${size.width}×${size.height}, compares two parks, passes axe`, async () => {
      const page = await viewerPage(size);
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}/scorecard?year=2022`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: '五好园区评价' }).count()).toBe(1);
      const table = page.getByRole('table', { name: /2022年各园区“五好”指标/ });
      const heads = await table.locator('thead th').allTextContents();
      expect(heads).toEqual(['园区', '规划定位好', '创新平台好', '产业项目好', '体制机制好', '发展形象好']);
      for (const park of ['湘潭经开区', '湘潭高新区', '天易经开区', '雨湖高新区']) {
        expect(await table.getByRole('rowheader', { name: park }).count()).toBe(1);
      }
      // 湘潭经开区: 主导产业产值增速 12% under 规划定位好, linked to its sentence.
      const jk = table.locator('tr', { has: page.getByRole('rowheader', { name: '湘潭经开区' }) });
      const planning = jk.locator('td[data-dimension="planning"]');
      expect(await planning.textContent()).toContain('12%');
      const link = planning.locator('[data-metric="leading_industry_output_growth"] a.cell-link');
      expect(await link.getAttribute('href')).toMatch(/^\/articles\/\d+/);
      expect(await jk.locator('td[data-dimension="image"]').textContent()).toContain('五好');
      expect(await table.locator('tr', { has: page.getByRole('rowheader', { name: '湘潭高新区' }) }).locator('td[data-dimension="institutions"]').textContent()).toContain('116');
      await screenshot(page, `scorecard-2022-${size.name}`);
      expect(await seriousViolations(page), 'scorecard').toEqual([]);

      // Compare 湘潭经开区 and 天易经开区 through the form; the choice lands in the URL.
      const pick = page.getByRole('group', { name: '选择2—4个园区并排对比' });
      await pick.getByLabel('湘潭经开区').check();
      await pick.getByLabel('天易经开区').check();
      await page.getByRole('button', { name: '对比所选园区' }).click();
      await page.waitForURL((u) => u.searchParams.getAll('compare').length === 2);
      const compare = page.getByRole('table', { name: /2022年园区对比/ });
      await expect.poll(() => compare.count()).toBe(1);
      expect(await compare.locator('thead th').allTextContents()).toEqual(['指标', '湘潭经开区', '天易经开区']);
      const growthRow = compare.locator('tr', { has: page.getByRole('rowheader', { name: '主导产业产值增速' }) });
      expect(await growthRow.locator('td').allTextContents()).toEqual([expect.stringContaining('12%'), '—本年度无数据']);
      const landRow = compare.locator('tr', { has: page.getByRole('rowheader', { name: '商业用地转工业用地' }) });
      expect((await landRow.locator('td').nth(1).textContent()) ?? '').toContain('415');
      await compare.scrollIntoViewIfNeeded();
      await screenshot(page, `scorecard-compare-${size.name}`);
      expect(await seriousViolations(page), 'compare').toEqual([]);
      expect(realErrors(errors)).toEqual([]);
      await page.context().close();
    }, 180_000);
  }

  it('filters by county in the URL; the park page shows its figures by period; axe on the park page', async () => {
    const page = await viewerPage(SIZES[0]);
    await page.goto(`${server.url}/scorecard?year=2022`);
    await page.getByLabel('区县').selectOption({ label: '湘潭县' });
    await page.waitForURL((u) => u.searchParams.get('county') === '430321');
    const rows = page.getByRole('table', { name: /各园区“五好”指标/ }).getByRole('rowheader');
    await expect.poll(() => rows.allTextContents()).toEqual(['天易经开区']);
    await rows.getByRole('link', { name: '天易经开区' }).click();
    await page.waitForURL(/\/parks\/\d+$/);
    const periods = page.getByRole('region', { name: '各期数据' });
    await expect.poll(() => periods.count()).toBe(1);
    expect(await periods.getByRole('table', { name: '天易经开区 · 2022年' }).count()).toBe(1);
    expect(await periods.textContent()).toContain('415');
    await screenshot(page, 'scorecard-park-desktop');
    expect(await seriousViolations(page), 'park page').toEqual([]);
    for (const size of [SIZES[2]]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await screenshot(page, `scorecard-park-${size.name}`);
    }
    // English: the scorecard's words come from the dictionary.
    await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
    await page.goto(`${server.url}/scorecard?year=2022`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Five Good parks scorecard' }).count()).toBe(1);
    expect(await page.locator('thead th').first().textContent()).toBe('Park');
    await page.context().close();
  }, 180_000);
});
