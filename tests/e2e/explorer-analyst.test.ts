// The analyst's explorer in Chromium against the production build (demo issue, every figure
// approved): the first view is a metric's values by park (not counts), Back undoes a filter
// change, a pivot is built, sorted and exported (the XLSX read back: numeric cells that add up to
// the total row), a view is saved, reopened and made the start page, three parks are compared,
// the facts XLSX has numeric value cells in words not codes, the chart's PNG carries its title
// band, and on a phone the table's source column stays on screen.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot } from './support/browser';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^request failed: .* net::ERR_ABORTED/.test(e));
}

/** PNG width/height (IHDR) and its iTXt chunks. */
function readPng(bytes: Buffer): { width: number; height: number; text: Record<string, string> } {
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const text: Record<string, string> = {};
  let pos = 8;
  while (pos < bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8).toString('latin1');
    if (type === 'iTXt') {
      const body = bytes.subarray(pos + 8, pos + 8 + len);
      const k = body.indexOf(0);
      const keyword = body.subarray(0, k).toString('latin1');
      // keyword\0 flag method lang\0 translated\0 text
      let p = k + 3;
      p = body.indexOf(0, p) + 1;
      p = body.indexOf(0, p) + 1;
      text[keyword] = body.subarray(p).toString('utf8');
    }
    if (type === 'IEND') break;
    pos += 12 + len;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), text };
}

async function loadXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe.skipIf(!browserAvailable())('analyst explorer: views, pivot, compare, exports (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['analyst'] });
    browser = await launchBrowser();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(size: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, size);
    const cookie = server.cookies.analyst ?? '';
    const eq = cookie.indexOf('=');
    await page.context().addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
    return page;
  }

  it('first view by park, Back undoes a filter, the PNG carries its title band', async () => {
    const page = await signedIn(DESKTOP);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/explorer`);
    await page.waitForURL((u) => u.searchParams.has('metric') && u.searchParams.get('groupBy') === 'park');
    const first = new URL(page.url());
    expect(first.searchParams.get('yearFrom')).toBe(first.searchParams.get('yearTo'));
    await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByRole('note').textContent()).toMatch(/默认视图/);
    // values, not counts
    expect(await page.locator('.panel-note').filter({ hasText: '数据项数量' }).count()).toBe(0);
    await screenshot(page, 'explorer-first-view');

    // The year options come from the data: every one has a count, none is an empty year.
    const yearOptions = await page.getByLabel('起始年份').locator('option').allTextContents();
    expect(yearOptions.slice(1).every((o) => /^\d{4}（\d+）$/.test(o))).toBe(true);

    // The PNG: title band above the chart, the title in the file.
    const canvasBox = await page.locator('.echart-box canvas').first().boundingBox();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出图片 PNG/ }).first().click()]);
    const info = readPng(readFileSync(await png.path()));
    const title = (await page.locator('.echart-box [role="img"]').first().getAttribute('aria-label')) ?? '';
    expect(title).toContain('按园区');
    expect(info.text.Title).toBe(title);
    expect(info.text.Description).toMatch(/年份：\d{4}/);
    expect(info.text.Description).toMatch(/来源：湘潭日报/);
    expect(info.width).toBe(2400);
    // title band + chart (at least the screen chart's height) + footer
    expect(info.height / 2).toBeGreaterThan((canvasBox?.height ?? 0) + 60);

    // Back undoes a filter change.
    const before = page.url();
    await page.getByLabel('截止年份').selectOption({ index: 0 });
    await page.waitForURL((u) => !u.searchParams.has('yearTo'));
    await page.goBack();
    await page.waitForURL((u) => u.toString() === before);
    // The select follows the URL, so it changes once the navigation has rendered, not with the URL.
    await expect.poll(() => page.getByLabel('截止年份').inputValue()).toBe(first.searchParams.get('yearTo'));
    expect(realErrors(errors)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('builds a pivot, sorts it, exports the XLSX as shown (numeric cells that add up), saves and reopens the view', async () => {
    const page = await signedIn(DESKTOP);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/explorer?groupBy=metric&kind=actual`);
    await page.getByRole('button', { name: '透视表' }).click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'pivot');
    const pivot = page.locator('table.pivot-table');
    await pivot.locator('tbody tr th[scope="row"]').first().waitFor({ timeout: 30_000 });
    const groups = await pivot.locator('tr.pivot-group').count();
    expect(groups).toBeGreaterThan(0);
    // sort by the first year column, largest first
    const yearHeader = pivot.locator('thead th button').nth(2);
    const yearLabel = ((await yearHeader.textContent()) ?? '').replace(/[▲▼↕\s]/g, '');
    await yearHeader.click();
    await page.waitForURL((u) => /:desc$/.test(u.searchParams.get('psort') ?? ''));
    await expect.poll(() => pivot.locator('thead th[aria-sort="descending"]').count()).toBe(1);
    await screenshot(page, 'explorer-pivot');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    const wb = await loadXlsx(await xlsx.path());
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 4)).toEqual(['指标', '类型', '园区/地区', '所属区县']);
    expect(head.indexOf(yearLabel)).toBeGreaterThan(3);
    // Cells are numbers: each total (a row's years, for metrics that add up over years; a total
    // row's places) is the sum of the numeric cells it adds up.
    const years = head.map((h, i) => (/^\d{4}年$/.test(String(h)) ? i : -1)).filter((i) => i >= 0);
    const totalCol = head.indexOf('合计');
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 1) rows.push((r.values as unknown[]).slice(1));
    });
    let numericCells = 0;
    let checked = 0;
    for (const r of rows) {
      numericCells += years.filter((i) => typeof r[i] === 'number').length;
      const total = totalCol >= 0 ? r[totalCol] : null;
      if (typeof total === 'number' && r[2] !== '合计') {
        const sum = years.reduce((s, i) => s + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
        expect(Math.abs(sum - total)).toBeLessThan(1e-6 * Math.max(1, Math.abs(total)));
        checked++;
      }
    }
    expect(numericCells).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(0);
    expect(wb.getWorksheet('说明')).toBeDefined();

    // Save the view, leave, reopen it from the list.
    await page.getByLabel('视图名称').fill('透视 测试');
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await page.getByRole('link', { name: '透视 测试' }).waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/explorer?groupBy=metric`);
    await page.getByRole('link', { name: '透视 测试' }).click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'pivot' && /:desc$/.test(u.searchParams.get('psort') ?? ''));
    await pivot.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    // Make it the start page: a bare /explorer opens it.
    await page.getByRole('button', { name: '设为起始页' }).click();
    await page.getByText('起始页', { exact: true }).waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/explorer`);
    await page.waitForURL((u) => u.searchParams.get('view') === 'pivot');
    await page.getByRole('button', { name: '取消起始页' }).click();
    await page.getByRole('button', { name: '设为起始页' }).waitFor({ timeout: 15_000 });
    expect(realErrors(errors)).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('compares three parks side by side, as a table and charts', async () => {
    const page = await signedIn(DESKTOP);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/explorer?groupBy=metric&view=compare`);
    const picker = page.getByLabel('对比的园区/地区（2—6 个）').last();
    const parkValues = (await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter((v) => v.startsWith('p:'));
    expect(parkValues.length).toBeGreaterThanOrEqual(3);
    for (const v of parkValues.slice(0, 3)) {
      await picker.selectOption(v);
      await page.getByRole('button', { name: '添加' }).click();
      await page.waitForURL((u) => (u.searchParams.get('places') ?? '').includes(v));
    }
    const table = page.locator('table.compare-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await table.locator('thead th').count()).toBe(4);
    expect(await table.locator('tbody td a').count()).toBeGreaterThan(0);
    await page.locator('.compare-chart canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'explorer-compare-three-parks');
    expect(realErrors(errors)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the facts XLSX has numeric value cells that sum, words instead of codes, county and links', async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${server.url}/explorer?groupBy=metric&kind=actual`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    const wb = await loadXlsx(await xlsx.path());
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => head.indexOf(h) + 1;
    const api = (await (await page.request.get(`${server.url}/api/facts?kind=actual&limit=500`)).json()) as { items: { value: string }[]; total: number };
    let sum = 0;
    let n = 0;
    const kinds = new Set<unknown>();
    const units = new Set<unknown>();
    ws.eachRow((r, i) => {
      if (i === 1) return;
      const v = r.getCell(col('数值')).value;
      expect(typeof v).toBe('number');
      sum += v as number;
      n++;
      kinds.add(r.getCell(col('类型')).value);
      units.add(r.getCell(col('计量单位')).value);
      if (r.getCell(col('园区')).value) expect(r.getCell(col('所属区县')).value, `row ${i}`).toBeTruthy();
    });
    expect(n).toBe(api.total);
    const expected = api.items.reduce((s, f) => s + Number(f.value), 0);
    expect(Math.abs(sum - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
    expect([...kinds]).toEqual(['实际']);
    expect([...units].some((u) => u === 'actual' || u === 'CNY' || u === 'person')).toBe(false);
    const link = ws.getRow(2).getCell(col('链接')).value as { hyperlink?: string } | null;
    if (link) expect(link.hyperlink).toMatch(/\/articles\/\d+\?fact=\d+$/);
    await page.context().close();
  }, 120_000);

  it('on a phone the table stacks its rows: the source column stays on screen', async () => {
    const page = await signedIn(PHONE);
    await page.goto(`${server.url}/explorer?groupBy=metric&kind=target`);
    const source = page.locator('table.explorer-table td.source-cell').first();
    await source.waitFor({ timeout: 30_000 });
    const box = await source.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'explorer-phone-stacked');
    await page.context().close();
  }, 60_000);
});
