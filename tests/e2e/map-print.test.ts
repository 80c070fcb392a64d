// The map, 导出 PDF and the English UI in a real browser (production build, demo issue approved):
// the map's tiles and park markers drill down at desktop, wall and phone sizes, by mouse and by
// keyboard; the server renders a page as an A4 PDF that holds its title, filters, as-of date and
// sources (and refuses what the caller may not see); without Chromium the button prints in the
// browser; the English pages show no Chinese in their chrome. Screenshots: test-results/screenshots/map-*.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, SCREENSHOT_DIR } from './support/browser';
import { seriousViolations } from './support/axe';
import { extractPdfText } from '@/lib/pdf/extract-text';
import { foldCjk } from '@/lib/extract/normalize';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 375, height: 812 },
];
const MAP_2022 = '/map?metric=leading_industry_output_growth&year=2022';

function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^request failed: .* net::ERR_ABORTED/.test(e));
}

async function signedIn(browser: Browser, server: AppServer, size: { width: number; height: number }, lang?: 'en'): Promise<Page> {
  const page = await newPage(browser, size);
  const cookie = server.cookies.viewer ?? '';
  const eq = cookie.indexOf('=');
  await page.context().addCookies([
    { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url },
    ...(lang ? [{ name: 'lang', value: lang, url: server.url }] : []),
  ]);
  return page;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const text = await extractPdfText(bytes);
  expect(text.ok).toBe(true);
  // Chromium's PDFs map some glyphs to Kangxi radicals (⼯ for 工): fold them as the importer does.
  return text.ok ? foldCjk(text.text).replace(/\s/g, '') : '';
}

describe.skipIf(!browserAvailable())('map, PDF export and English UI (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['viewer', 'analyst'] });
    browser = await launchBrowser();
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const size of SIZES) {
    it(`map at ${size.width}×${size.height}: coloured by the chosen metric, legend with unit, county and park drill down`, async () => {
      const page = await signedIn(browser, server, size);
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}${MAP_2022}`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: '园区地图' }).count()).toBe(1);
      // The metric select offers catalogued metrics with figures only.
      const options = await page.getByLabel('着色指标').locator('option').allTextContents();
      expect(options.length).toBeGreaterThan(0);
      expect(options).toContain('主导产业产值增速');
      expect(options.join('|')).not.toContain('未归类');
      // The legend names the metric and its unit.
      const legend = (await page.locator('.tile-legend').textContent()) ?? '';
      expect(legend).toContain('主导产业产值增速');
      expect(legend).toContain('单位: %');
      expect(legend).toContain('无数据');
      // 湘潭经开区 (a park the city runs itself) carries its 12% and a colour.
      const park = page.getByRole('link', { name: /^湘潭经开区：/ });
      expect(await park.count()).toBe(1);
      expect(await park.getAttribute('aria-label')).toBe('湘潭经开区：12%');
      expect(await park.locator('circle').getAttribute('fill')).not.toBe('#ffffff');
      // Every tile is on screen, inside the page's width.
      const svgBox = await page.locator('.tile-map-svg:visible').boundingBox();
      expect(svgBox).not.toBeNull();
      expect((svgBox?.x ?? 0) + (svgBox?.width ?? 0)).toBeLessThanOrEqual(size.width + 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(page, `map-${size.width}x${size.height}`);

      // County → region page.
      // Where a reader clicks a tile: its name (the park markers inside are links of their own).
      await page.getByRole('link', { name: /^湘潭县：/ }).locator('text').first().click();
      await page.waitForURL(/\/regions\/430321$/);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: '湘潭县' }).count()).toBe(1);
      // The region page has the small map with this county outlined.
      expect(await page.locator('.tile-map.compact [aria-current="page"]').count()).toBe(1);
      await screenshot(page, `map-region-${size.width}x${size.height}`);

      // Park → park page.
      await page.goto(`${server.url}${MAP_2022}`);
      await page.getByRole('link', { name: /^天易经开区：/ }).click();
      await page.waitForURL(/\/parks\/\d+$/);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: '天易经开区' }).count()).toBe(1);
      expect(realErrors(errors)).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  it('map by keyboard: tiles take focus and Enter opens them; choosing another metric recolours it (URL keeps the view)', async () => {
    const page = await signedIn(browser, server, SIZES[0]!);
    await page.goto(`${server.url}${MAP_2022}`);
    const tile = page.getByRole('link', { name: /^雨湖区：/ });
    await tile.focus();
    expect(await tile.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    // The next stop is inside the map too (a park of 雨湖区 or the next tile), not skipped.
    expect(await page.evaluate(() => document.activeElement?.closest('.tile-map') !== null)).toBe(true);
    await tile.focus();
    await screenshot(page, 'map-focus-1440');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/regions\/430302$/);

    await page.goto(`${server.url}${MAP_2022}`);
    const select = page.getByLabel('着色指标');
    const other = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== 'leading_industry_output_growth');
    if (other) {
      await select.selectOption(other);
      await page.waitForURL((u) => u.searchParams.get('metric') === other);
      const legend = (await page.locator('.tile-legend').textContent()) ?? '';
      expect(legend).not.toContain('主导产业产值增速');
    }
    await page.context().close();
  }, 60_000);

  it('has no serious or critical accessibility violations on /map (axe-core)', async () => {
    const page = await signedIn(browser, server, SIZES[0]!);
    await page.goto(`${server.url}${MAP_2022}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/regions/430300`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('导出 PDF: the server renders the page on A4 with its title, filters, as-of date and sources', async () => {
    const page = await signedIn(browser, server, SIZES[0]!);
    await page.goto(`${server.url}/?year=2022`);
    await page.locator('li.kpi[data-metric="leading_industry_output_growth"]').waitFor();
    const button = page.getByRole('button', { name: '导出 PDF' });
    expect(await button.getAttribute('data-pdf')).toBe('server');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    const bytes = new Uint8Array(readFileSync(file));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path.join(SCREENSHOT_DIR, 'map-export-overview.pdf'), bytes);
    const flat = await pdfText(bytes);
    expect(flat).toContain('园区工作总览');
    expect(flat).toContain('筛选条件');
    expect(flat).toContain('选择年度:2022');
    expect(flat).toContain('数据截至2023年5月19日');
    expect(flat).toContain('数据来源');
    expect(flat).toContain('/articles/');
    expect(flat).not.toContain('退出登录');
    await page.context().close();

    // The map as PDF, straight from the route: its title and the metric chosen.
    const res = await fetch(`${server.url}/api/pdf?path=${encodeURIComponent(MAP_2022)}`, { headers: { cookie: server.cookies.viewer ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const mapPdf = new Uint8Array(await res.arrayBuffer());
    writeFileSync(path.join(SCREENSHOT_DIR, 'map-export-map.pdf'), mapPdf);
    const mapText = await pdfText(mapPdf);
    expect(mapText).toContain('园区地图');
    expect(mapText).toContain('着色指标:主导产业产值增速');
  }, 180_000);

  it('导出 PDF refuses what the caller may not open: no session, a page above the role, foreign or API addresses', async () => {
    const get = (path: string, role?: 'viewer' | 'analyst') =>
      fetch(`${server.url}/api/pdf?path=${encodeURIComponent(path)}`, { headers: role ? { cookie: server.cookies[role] ?? '' } : {}, redirect: 'manual' });
    expect((await get('/map')).status).toBe(401);
    expect((await get('/explorer', 'viewer')).status).toBe(403);
    expect((await get('/admin', 'analyst')).status).toBe(403);
    for (const bad of ['//example.com/x', 'http://example.com/', '/api/facts', '/\\example.com']) expect((await get(bad, 'viewer')).status, bad).toBe(400);
    // An analyst may export the explorer.
    const ok = await get('/explorer', 'analyst');
    expect(ok.status).toBe(200);
    expect(Buffer.from(new Uint8Array(await ok.arrayBuffer()).subarray(0, 5)).toString()).toBe('%PDF-');
  }, 120_000);

  it('English UI: no Chinese in the chrome (navigation, headings, buttons, labels, table heads); the role, not the demo display name', async () => {
    const page = await signedIn(browser, server, SIZES[0]!, 'en');
    await page.goto(`${server.url}/regions/430300`);
    const parkHref = (await page.locator('a[href^="/parks/"]').first().getAttribute('href')) ?? '/parks/1';
    const articleHref = (await page.locator('a[href^="/articles/"]').first().getAttribute('href')) ?? '/articles/1';
    const pages = ['/?year=2022', MAP_2022, '/regions/430300', '/regions/430321', parkHref, articleHref, '/metrics', '/metrics/leading_industry_output_growth', '/wall?year=2022&interval=600'];
    for (const href of pages) {
      await page.goto(`${server.url}${href}`);
      await page.locator('h1, h2').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const leftovers = await page.evaluate(() => {
        const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
        const chrome = [
          '.site-header',
          '.breadcrumb li:first-child',
          'main h2',
          'main h3.chrome',
          'button',
          'label',
          'summary',
          'thead th',
          '.page-subtitle',
          '.tile-legend',
          '.wall-controls',
          '.wall-foot',
        ];
        const out: string[] = [];
        for (const sel of chrome) {
          for (const el of document.querySelectorAll<HTMLElement>(sel)) {
            if (el.closest('[data-value], [lang^="zh"]') || el.getClientRects().length === 0) continue;
            // Data inside chrome (a park's or county's own name when it has no English one) is marked
            // data-value; the switch back to 中文 is marked lang="zh-CN".
            const clone = el.cloneNode(true) as HTMLElement;
            for (const d of clone.querySelectorAll('[data-value], [lang^="zh"]')) d.remove();
            const text = (clone.innerText ?? clone.textContent ?? '').trim();
            if (cjk.test(text)) out.push(`${sel}: ${text.slice(0, 80)}`);
          }
        }
        return out;
      });
      expect(leftovers, href).toEqual([]);
      await screenshot(page, `map-en-${href.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview'}`);
    }
    expect(await page.locator('.user-name').textContent()).toBe('Viewer');
    await page.context().close();
  }, 180_000);
});

describe.skipIf(!browserAvailable())('导出 PDF without Chromium on the server', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['viewer'], env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    browser = await launchBrowser();
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the button falls back to the browser’s print dialog; the route says 501', async () => {
    const page = await signedIn(browser, server, SIZES[0]!);
    await page.goto(`${server.url}${MAP_2022}`);
    const button = page.getByRole('button', { name: '导出 PDF' });
    expect(await button.getAttribute('data-pdf')).toBe('print');
    // Count print() calls instead of opening a dialog the headless browser cannot show.
    await page.evaluate(() => {
      const w = window as unknown as { __prints: number; print: () => void };
      w.__prints = 0;
      w.print = () => {
        w.__prints++;
      };
    });
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    const res = await fetch(`${server.url}/api/pdf?path=%2Fmap`, { headers: { cookie: server.cookies.viewer ?? '' } });
    expect(res.status).toBe(501);
    await page.context().close();
  }, 60_000);
});
