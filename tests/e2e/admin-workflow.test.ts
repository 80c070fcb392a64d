// The admin workflow in a real browser on a fresh database (no demo issue loaded): sign in as
// admin, upload the demo issue, correct one figure, approve the rest of its article, and see the
// approved figures (review queue and article view); a viewer cannot reach the admin pages.
// Screenshots: test-results/screenshots/admin-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';

const DEMO_FILE = path.resolve('prisma/seed/demo/xiangtan-daily-2023-05-19.txt');

/** Requests the browser cancels when the test navigates on are not page errors. */
function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/net::ERR_ABORTED/.test(e));
}

describe.skipIf(!browserAvailable())('admin workflow (production build in Chromium)', () => {
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

  it('imports the demo issue, corrects one figure, approves the rest of the article, sees the approved figures', async () => {
    const page = await newPage(browser);
    const errors = collectPageErrors(page);
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);

    await page.goto(`${server.url}/admin`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '管理' }).count()).toBe(1);
    expect(await page.getByText('还没有导入任何报纸').count()).toBe(1);

    // Import: upload the .txt, preview, then save.
    await page.goto(`${server.url}/admin/import`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel(/上传文件/).setInputFiles(DEMO_FILE);
    await page.getByLabel('出版日期').fill('2023-05-19');
    await page.getByRole('button', { name: '预览' }).click();
    const previewHeading = page.getByRole('heading', { name: /预览：\d+ 篇文章，\d+ 条候选数据/ });
    await previewHeading.waitFor({ timeout: 60_000 });
    const [, articles, candidates] = /预览：(\d+) 篇文章，(\d+) 条候选数据/.exec((await previewHeading.textContent()) ?? '') ?? [];
    expect(Number(articles)).toBeGreaterThan(5);
    expect(Number(candidates)).toBeGreaterThan(10);
    expect(await page.getByLabel(/或粘贴报纸文字/).inputValue()).toContain('全市平安建设工作推进会召开');
    await screenshot(page, 'admin-import-preview');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const done = page.getByText(/已导入：\d+ 篇文章，\d+ 条待审数据/);
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain(`${candidates} 条待审数据`);
    await screenshot(page, 'admin-import-done');

    // The same file again: refused, with a link to the first import.
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/已导入过/).first().waitFor();
    expect(await page.getByRole('link', { name: '查看已导入的期次' }).count()).toBe(1);

    // Review: the first article with at least two drafts.
    await page.getByRole('link', { name: '审核', exact: true }).first().click();
    await page.waitForURL(/\/admin\/review/);
    // An article with a money figure among its drafts: the correction below stays in 元, the unit of
    // the figure's metric (the editor refuses a unit of another family, e.g. 元 for a metric in 家).
    const section = page.locator('section').filter({ has: page.locator('[data-fact-id] + [data-fact-id]') }).filter({ has: page.locator('[data-testid="fact-value"]', { hasText: '元' }) }).first();
    await section.waitFor();
    const headline = (await section.locator('h2').textContent()) ?? '';
    const rows = section.locator('[data-fact-id]');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const moneyRow = rows.filter({ has: page.locator('[data-testid="fact-value"]', { hasText: '元' }) }).first();
    const firstId = await moneyRow.getAttribute('data-fact-id');

    // Correct one figure: 140亿 typed as people type it.
    await moneyRow.getByRole('button', { name: /^编辑/ }).click();
    const editor = page.getByRole('form', { name: `编辑 #${firstId}` });
    await editor.getByLabel('数值').fill('140亿');
    await editor.getByLabel('单位').fill('CNY');
    await editor.getByLabel('年份').fill('2023');
    await screenshot(page, 'admin-review-edit');
    await editor.getByRole('button', { name: '仅保存' }).click();
    await page.getByRole('status').getByText('已保存').waitFor();
    await expect.poll(async () => (await page.locator(`#fact-${firstId} [data-testid="fact-value"]`).textContent()) ?? '').toContain('140亿元');

    // Approve the whole article (the corrected figure and the rest) in one go.
    await section.getByLabel('全选本文').check();
    await page.getByRole('button', { name: '批准所选' }).click();
    await page.getByRole('status').getByText(`已批准 ${count} 条`).waitFor();
    await expect.poll(() => page.locator('section').filter({ hasText: headline }).count()).toBe(0);
    await screenshot(page, 'admin-review-after-approve');

    // The approved figures: status filter in the URL, then the article view.
    await page.getByRole('link', { name: '已批准' }).click();
    await page.waitForURL(/status=approved/);
    const approved = page.locator('section').filter({ hasText: headline });
    await approved.waitFor();
    expect(await approved.locator('[data-fact-id]').count()).toBe(count);
    expect(await approved.getByText('已批准').count()).toBe(count);
    expect(await page.locator(`#fact-${firstId} [data-testid="fact-value"]`).textContent()).toContain('140亿元');
    await screenshot(page, 'admin-review-approved');
    await approved.getByRole('link', { name: headline }).click();
    await page.waitForURL(/\/admin\/articles\/\d+/);
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await expect.poll(() => page.locator('mark[id^="q-"]').count()).toBe(count);
    expect(await page.getByRole('table').getByText('已批准').count()).toBe(count);
    await screenshot(page, 'admin-article');

    // Phone width: the queue still works.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/admin/review`);
    await page.getByRole('toolbar', { name: '批量操作' }).waitFor();
    await screenshot(page, 'admin-review-phone');
    expect(realErrors(errors)).toEqual([]);
  }, 180_000);

  it('the admin pages in English: headings, labels, the review keys and the forms\' errors', async () => {
    const page = await newPage(browser);
    const errors = collectPageErrors(page);
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
    await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
    const pages: [string, string][] = [
      ['/admin', 'Admin'],
      ['/admin/import', 'Import a newspaper'],
      ['/admin/review?status=all', 'Review'],
      ['/admin/facts/new', 'Enter a figure by hand'],
      ['/admin/figures', 'Conflicting figures'],
      ['/admin/metrics', 'Metric catalogue'],
      ['/admin/scorecard', 'Five Good indicators'],
      ['/admin/places', 'Parks and counties'],
      ['/admin/recognitions', 'Awards and titles'],
      ['/admin/users', 'Users'],
      ['/admin/audit', 'Audit log'],
      ['/admin/issues', 'Issue calendar'],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: title, exact: true }).count(), { message: path }).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Review', exact: true }).count(), path).toBe(1);
    }

    // The review queue: English labels, the same keys (r opens the reasons menu, Escape closes it).
    await page.goto(`${server.url}/admin/review?status=all`);
    await page.locator('[data-review-queue][data-ready]').waitFor();
    expect(await page.getByRole('toolbar', { name: 'Bulk actions' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Approve and next #\d+$/ }).count()).toBeGreaterThan(0);
    await page.keyboard.press('r');
    // named by its trigger (aria-labelledby wins over its own aria-label): found by the label
    const menu = page.locator('[role="menu"][aria-label="Rejection reasons"]');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem', { name: /Noise/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await screenshot(page, 'admin-review-en');

    // A refused form speaks English: the manual entry's client check, the server's answer on the import.
    await page.goto(`${server.url}/admin/facts/new`);
    // hydrated: a submit before React attached its handler would be a plain GET of the page
    await page.locator('form[aria-label="Manual entry"][data-ready]').waitFor();
    await page.getByRole('form', { name: 'Manual entry' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Not saved: see the marked fields').waitFor();
    expect(await page.getByText('Choose a metric').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/admin/import`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel('Or paste the text').fill('全市平安建设工作推进会召开\n\n本报讯 今年以来，湘潭经开区完成工业投资45.6亿元。');
    await page.getByLabel('Date', { exact: true }).fill('2099-01-01');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/The date 2099-01-01 is after today/).first().waitFor();
    await screenshot(page, 'admin-import-en');
    expect(realErrors(errors)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a viewer cannot reach the admin pages', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, TEST_ACCOUNTS.viewer.username, TEST_ACCOUNTS.viewer.password);
    await page.goto(`${server.url}/admin/review`);
    // The status is 403 only when nothing has streamed yet (the root loading.tsx streams first),
    // so the test checks what the viewer sees: the 403 panel, and no queue.
    await page.getByRole('heading', { name: /403/ }).waitFor();
    expect(await page.getByRole('toolbar', { name: '批量操作' }).count()).toBe(0);
    await screenshot(page, 'admin-viewer-forbidden');
  });
});
