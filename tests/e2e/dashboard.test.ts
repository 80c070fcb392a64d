// The officials' dashboard in a real browser, on the demo issue with every figure approved:
// the overview shows 湘潭经开区's 12% output growth and the four parks awarded for 2022, the
// reader drills into 湘潭经开区 and follows one figure to its highlighted sentence. Each page is
// screenshotted at desktop and phone size (test-results/screenshots/dashboard-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';
import { extractPdfText } from '@/lib/pdf/extract-text';
import { foldCjk } from '@/lib/extract/normalize';
import { seriousViolations } from './support/axe';

const DESKTOP = { width: 1440, height: 900 };

/** Page errors, minus requests (route prefetches, chunks) the browser cancels when the test navigates on. */
function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^request failed: .* net::ERR_ABORTED/.test(e));
}
const PHONE = { width: 375, height: 812 };

describe.skipIf(!browserAvailable())('dashboard (production build in Chromium)', () => {
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

  /** A page signed in as a viewer (harness session cookie; the login form as fallback). */
  async function viewerPage(size: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, size);
    const cookie = server.cookies.viewer ?? '';
    const eq = cookie.indexOf('=');
    if (eq > 0) await page.context().addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
    await page.goto(server.url);
    if (new URL(page.url()).pathname.startsWith('/login')) {
      await signIn(page, server.url, TEST_ACCOUNTS.viewer.username, TEST_ACCOUNTS.viewer.password);
    }
    return page;
  }

  it('overview → 2022: 12% output growth of 湘潭经开区, four parks awarded; drill down; follow a figure to its sentence', async () => {
    const page = await viewerPage(DESKTOP);
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '园区工作总览' }).count()).toBe(1);
    await screenshot(page, 'dashboard-overview-default-desktop');

    // Choose 2022 (the URL carries the year).
    await page.getByRole('navigation', { name: '选择年度' }).getByRole('link', { name: '2022' }).click();
    await page.waitForURL((u) => u.searchParams.get('year') === '2022');
    const kpi = page.locator('li.kpi[data-metric="leading_industry_output_growth"]');
    await expect.poll(() => kpi.count()).toBe(1);
    const kpiText = (await kpi.textContent()) ?? '';
    expect(kpiText).toContain('湘潭经开区');
    expect(kpiText).toContain('12%');
    // Provenance on hover: the card's title holds the quoted sentence and the issue date.
    const kpiTitle = (await kpi.getAttribute('title')) ?? '';
    expect(kpiTitle).toMatch(/产值\s*增速\s*12%/);
    expect(kpiTitle).toContain('2023年5月19日');

    const awards = page.getByRole('region', { name: '获奖与称号' }).locator('[data-year="2022"]');
    const awardsText = (await awards.textContent()) ?? '';
    for (const park of ['湘潭经开区', '雨湖高新区', '天易经开区', '湘潭高新区']) expect(awardsText).toContain(park);
    expect(awardsText).toContain('4 个获评单位');
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'dashboard-overview-2022-desktop');

    // The ranking's table view lists every park, missing figures as 无数据 (never 0).
    const ranking = page.getByRole('region', { name: '园区排名' });
    await ranking.getByText('表格视图').click();
    const rows = ranking.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(8);
    expect((await rows.first().textContent()) ?? '').toContain('湘潭经开区');
    expect(await ranking.locator('tbody').getByText('无数据').count()).toBeGreaterThan(0);

    // Drill down: 湘潭经开区.
    await ranking.locator('tbody').getByRole('link', { name: '湘潭经开区' }).click();
    await page.waitForURL(/\/parks\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '湘潭经开区' }).count()).toBe(1);
    const crumbs = page.getByRole('navigation', { name: '位置' });
    expect(await crumbs.getByRole('link', { name: '湘潭市' }).count()).toBe(1);
    await screenshot(page, 'dashboard-park-desktop');

    // Follow the 12% to its sentence.
    await page.getByRole('region', { name: '历年指标' }).getByRole('link', { name: '12%' }).first().click();
    await page.waitForURL(/\/articles\/\d+\?fact=\d+/);
    const cited = page.locator('mark#cited');
    await cited.waitFor({ state: 'visible' });
    expect((await page.locator('mark').allTextContents()).join('').replace(/\s/g, '')).toContain('12%');
    // The cited figure is singled out (one element, its own mark) and nothing is drawn over it.
    const citedFigure = page.locator('[data-cited-figure]');
    expect(await citedFigure.count()).toBe(1);
    expect(((await citedFigure.textContent()) ?? '').replace(/\s/g, '')).toBe('12%');
    expect(await cited.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    const box = await cited.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? -1) >= 0 && (box?.y ?? 1e9) < DESKTOP.height).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('五好');
    expect(await page.getByText('2023年5月19日').count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-article-desktop');

    // Back up the breadcrumb to the city and a county.
    await page.goto(`${server.url}/regions/430300`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '湘潭市' }).count()).toBe(1);
    await screenshot(page, 'dashboard-region-city-desktop');
    await page.getByRole('link', { name: '湘潭县' }).first().click();
    await page.waitForURL(/\/regions\/430321$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '湘潭县' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '所辖园区' }).getByRole('link', { name: '天易经开区' }).count()).toBe(1);
    await screenshot(page, 'dashboard-region-county-desktop');

    await page.goto(`${server.url}/metrics`);
    await screenshot(page, 'dashboard-metrics-desktop');
    await page.goto(`${server.url}/metrics/leading_industry_output_growth`);
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'dashboard-metric-desktop');

    // Unknown ids show the not-found page, not an error. (The status is 404 unless the page's
    // loading skeleton had already streamed, in which case Next keeps 200 and adds noindex.)
    await page.goto(`${server.url}/parks/999999`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '未找到' }).count()).toBe(1);

    expect(realErrors(errors).filter((e) => !e.includes('/parks/999999'))).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('has no serious or critical accessibility violations (axe-core, WCAG 2.1 A/AA) on the overview, park, region and metric pages', async () => {
    const page = await viewerPage(DESKTOP);
    await page.goto(`${server.url}/regions/430300`);
    const parkHref = await page.getByRole('link', { name: '湘潭经开区' }).first().getAttribute('href');
    for (const href of ['/?year=2022', '/?year=2023', parkHref ?? '/parks/1', '/regions/430300', '/metrics/leading_industry_output_growth']) {
      await page.goto(`${server.url}${href}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
      expect(await seriousViolations(page), href).toEqual([]);
    }
    await page.context().close();
  }, 120_000);

  it('switches to English and back', async () => {
    const page = await viewerPage(DESKTOP);
    await page.goto(`${server.url}/?year=2022`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Parks overview' }).count(), { timeout: 15_000 }).toBe(1);
    expect((await page.locator('li.kpi[data-metric="leading_industry_output_growth"]').textContent()) ?? '').toContain('12%');
    await screenshot(page, 'dashboard-overview-en-desktop');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '园区工作总览' }).count(), { timeout: 15_000 }).toBe(1);
    await page.context().close();
  });

  it('prints the overview on A4: no navigation, the figures, and every source as a numbered footnote', async () => {
    const page = await viewerPage(DESKTOP);
    await page.goto(`${server.url}/?year=2022`);
    await page.locator('li.kpi[data-metric="leading_industry_output_growth"]').waitFor();
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByRole('button', { name: '打印', exact: true }).count()).toBe(1);
    const sourceLinks = await page.locator('main a[href*="/articles/"]').evaluateAll((as) => new Set(as.map((a) => a.getAttribute('href'))).size);
    expect(sourceLinks).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    // Chromium's PDF printing runs the page's beforeprint handlers; dispatching it first makes the
    // test independent of that detail (the handler is idempotent per print).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const notes = page.locator('[data-print-footnotes] li');
    await expect.poll(() => notes.count()).toBe(sourceLinks);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const text = await extractPdfText(new Uint8Array(pdf));
    expect(text.ok).toBe(true);
    // Chromium's PDFs map some glyphs to Kangxi radicals (⼯ for 工): fold them as the importer does.
    const flat = text.ok ? foldCjk(text.text).replace(/\s/g, '') : '';
    expect(flat).toContain('园区工作总览');
    expect(flat).toContain('数据来源');
    expect(flat).toContain(`${server.url}/articles/`.replace(/\s/g, ''));
    expect(flat).not.toContain('退出登录');
    // Printing twice (our event, then Chromium's own) numbers each link once.
    expect(flat).not.toContain('[1][1]');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.locator('[data-print-footnotes]').count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it('wall screen: full screen, dark, rotates and pauses', async () => {
    const page = await viewerPage({ width: 1920, height: 1080 });
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/wall?year=2022&interval=5`);
    const panel = page.locator('.wall-panel h2');
    const first = await panel.textContent();
    await screenshot(page, 'dashboard-wall-1920');
    // The first turn comes 5 s after hydration, which alone can take seconds on a loaded machine.
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).not.toBe(first);
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
    await screenshot(page, 'dashboard-wall-1920-next');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByText('已暂停').count()).toBe(1);
    const paused = await panel.textContent();
    await page.waitForTimeout(6_000);
    expect(await panel.textContent()).toBe(paused);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => panel.textContent()).not.toBe(paused);
    expect(realErrors(errors)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('wall screen: every slide stays inside its frame and the controls stay clickable at 1920×1080, 1366×768 and on a phone', async () => {
    for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, PHONE]) {
      const page = await viewerPage(size);
      await page.goto(`${server.url}/wall?year=2022&interval=600`);
      const tabs = page.getByRole('tab');
      const count = await tabs.count();
      expect(count).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < count; i++) {
        await tabs.nth(i).click();
        await expect.poll(() => tabs.nth(i).getAttribute('aria-selected')).toBe('true');
        const canvas = page.locator('.wall-chart canvas').first();
        if ((await page.locator('.wall-chart').count()) > 0) await canvas.waitFor({ state: 'visible', timeout: 20_000 });
        // Let the chart's ResizeObserver settle before measuring.
        await page.waitForTimeout(300);
        const geometry = await page.evaluate(() => {
          const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
          const foot = box('.wall-foot');
          const body = box('.wall-body');
          const chart = box('.wall-chart');
          const cards = [...document.querySelectorAll('.wall-body li, .wall-body section')].map((e) => e.getBoundingClientRect());
          return {
            foot: foot && { top: foot.top, bottom: foot.bottom },
            body: body && { top: body.top, bottom: body.bottom },
            chart: chart && { top: chart.top, bottom: chart.bottom },
            lastCardBottom: Math.max(0, ...cards.map((c) => c.bottom)),
            scrollTop: (document.querySelector('.wall') as HTMLElement | null)?.scrollTop ?? 0,
          };
        });
        const where = `${size.width}×${size.height}, slide ${i}`;
        expect(geometry.foot, where).not.toBeNull();
        const foot = geometry.foot ?? { top: 0, bottom: 0 };
        if (size.width > 900) {
          // Desktop walls: the footer is on screen and below the slide; the chart ends above it.
          expect(foot.bottom, where).toBeLessThanOrEqual(size.height + 1);
          if (geometry.chart) expect(geometry.chart.bottom, where).toBeLessThanOrEqual(foot.top + 1);
          expect(geometry.body?.bottom ?? 0, where).toBeLessThanOrEqual(foot.top + 1);
        } else {
          // Phones: the page scrolls; the footer comes after the slide's content instead of on top of it.
          expect(foot.top, where).toBeGreaterThanOrEqual(geometry.lastCardBottom - 1);
          if (geometry.chart) expect(foot.top, where).toBeGreaterThanOrEqual(geometry.chart.bottom - 1);
        }
        // The controls are clickable where they are drawn (nothing covers them).
        const next = page.getByRole('button', { name: '下一屏' });
        await next.scrollIntoViewIfNeeded();
        const hit = await next.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return top === el || el.contains(top);
        });
        expect(hit, `${where}: ‹ › buttons are covered`).toBe(true);
        await screenshot(page, `dashboard-wall-${size.width}x${size.height}-slide${i}`);
      }
      await page.context().close();
    }
  }, 180_000);

  it('is usable on a phone (375 px): no horizontal scrolling, every page screenshotted', async () => {
    const page = await viewerPage(PHONE);
    const errors = collectPageErrors(page);
    const parkHref = await (async () => {
      await page.goto(`${server.url}/?year=2022`);
      return page.locator('li.kpi[data-metric="leading_industry_output_growth"] a[href^="/articles/"]').getAttribute('href');
    })();
    const pages: [string, string][] = [
      ['overview-2022', '/?year=2022'],
      ['region-city', '/regions/430300'],
      ['region-county', '/regions/430321'],
      ['metrics', '/metrics'],
      ['metric', '/metrics/leading_industry_output_growth'],
      ['article', parkHref ?? '/'],
    ];
    for (const [name, href] of pages) {
      await page.goto(`${server.url}${href}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      await screenshot(page, `dashboard-${name}-phone`);
    }
    await page.goto(`${server.url}/regions/430300`);
    await page.getByRole('link', { name: '湘潭经开区' }).first().click();
    await page.waitForURL(/\/parks\/\d+$/);
    await screenshot(page, 'dashboard-park-phone');
    expect(realErrors(errors)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
