// Issue 13 in a real browser (production build, Chromium): take a missed figure from a text
// selection in the article view; correct-and-approve a draft with the keyboard alone (and reject
// one with a preset reason); a double-clicked 保存 on the manual form creates one fact; the metric
// picker says when it did not take what was typed. axe finds no serious violation on the pages.
// Screenshots: test-results/screenshots/review-*.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { extractIssue, DEFAULT_CATALOG } from '@/lib/extract';
import { findQuantities } from '@/lib/extract/quantities';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { seriousViolations } from './support/axe';
import { TEST_ACCOUNTS } from './support/seed';

const DEMO_FILE = path.resolve('prisma/seed/demo/xiangtan-daily-2023-05-19.txt');

/** A quantity with a unit the extractor did not report, in an article with a headline: what a reviewer would take by hand. */
function missedFigure(): { headline: string; start: number; end: number; text: string } {
  const issue = extractIssue(readFileSync(DEMO_FILE, 'utf8'), { date: '2023-05-19', publication: '湘潭日报' });
  for (const a of issue.articles) {
    const reported = issue.facts.filter((f) => f.articleOrdinal === a.ordinal);
    if (reported.length === 0) continue; // only articles the review queue lists (they link to the article view)
    const q = findQuantities(a.body, { all: true }).find((x) => x.unit !== null && /\d/.test(x.text) && !reported.some((f) => f.span[0] < x.end && f.span[1] > x.start));
    if (q) return { headline: a.headline, start: q.start, end: q.end, text: q.text };
  }
  throw new Error('no unreported quantity in the demo issue');
}

function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/net::ERR_ABORTED/.test(e));
}

describe.skipIf(!browserAvailable())('review at the speed of reading (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer({ demo: false });
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1400, height: 900 });
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
    // The demo issue through the import form: every figure a draft.
    await page.goto(`${server.url}/admin/import`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel(/上传文件/).setInputFiles(DEMO_FILE);
    await page.getByLabel('出版日期').fill('2023-05-19');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/已导入：\d+ 篇文章，\d+ 条待审数据/).waitFor({ timeout: 90_000 });
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a missed figure from a selection: select, check, 保存并通过', { timeout: 180_000 }, async () => {
    const errors = collectPageErrors(page);
    const missed = missedFigure();
    await page.goto(`${server.url}/admin/review`);
    await page.getByRole('link', { name: missed.headline }).first().click();
    await page.getByRole('heading', { level: 1, name: missed.headline }).waitFor();
    const rowsBefore = await page.getByRole('table').locator('tbody tr').count();

    // 1. Select the figure in the text (a range over the body's own characters, as a drag makes).
    const body = page.locator('article[aria-describedby="take-hint"][data-ready]');
    await body.waitFor();
    await body.evaluate((root, [start, end]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent?.length ?? 0;
        if (at <= start && start < at + len) range.setStart(n, start - at);
        if (at < end && end <= at + len) range.setEnd(n, end - at);
        at += len;
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, [missed.start, missed.end] as const);

    // 2. Check: the panel proposes the figure as the extractor reads it, with its paragraph.
    const form = page.getByRole('form', { name: '从原文录入的数据' });
    await form.waitFor({ timeout: 30_000 });
    expect(await form.locator('mark').first().textContent()).toBe(missed.text);
    expect(await form.getByTestId('fact-context').textContent()).toContain(missed.text);
    expect((await form.getByLabel(/^数值/).inputValue()).length).toBeGreaterThan(0);
    expect((await form.getByLabel('单位', { exact: true }).inputValue()).length).toBeGreaterThan(0);
    // The extractor's label may name no catalogue metric: then the reviewer picks one (part of checking).
    const metric = form.getByRole('combobox', { name: '指标' });
    if ((await metric.inputValue()) === '') {
      await metric.fill('未归类指标');
    }
    await screenshot(page, 'review-take-figure');
    expect(await seriousViolations(page)).toEqual([]);

    // 3. Save and approve.
    await form.getByRole('button', { name: '保存并通过' }).click();
    await page.getByRole('status').getByText(/已录入并批准/).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(rowsBefore + 1);
    const row = page.getByRole('table').locator('tbody tr').filter({ hasText: missed.text });
    expect(await row.getByText('已批准').count()).toBe(1);
    // Highlighted in the text like an extracted figure.
    expect(await body.locator('mark').filter({ hasText: missed.text }).count()).toBeGreaterThan(0);
    expect(realErrors(errors)).toEqual([]);
  });

  it('corrects and approves a draft with the keyboard alone, and rejects one with a preset reason', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/admin/review`);
    await page.locator('[data-review-queue][data-ready]').waitFor();
    // The context paragraph with the subject/year mentions marked is beside the drafts.
    expect(await page.locator('[data-mark="figure"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-mark="subject"], [data-mark="year"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    const rows = page.locator('[data-fact-id]');
    const values = await rows.locator('[data-testid="fact-value"]').allTextContents();
    // A money figure: 3.8亿元 fits its metric's unit.
    const target = values.findIndex((v) => /元/.test(v));
    expect(target).toBeGreaterThanOrEqual(0);
    const id = await rows.nth(target).getAttribute('data-fact-id');
    const nextId = await rows.nth(target + 1).getAttribute('data-fact-id');
    await page.locator('body').focus();
    for (let k = 0; k < target; k++) await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-active="true"]').getAttribute('data-fact-id')).toBe(id);

    // e: the editor opens on the value; type it as written; Enter saves and approves.
    await page.keyboard.press('e');
    const editor = page.getByRole('form', { name: `编辑 #${id}` });
    await editor.waitFor();
    await page.keyboard.type('3.8亿元');
    await screenshot(page, 'review-keyboard-edit');
    await page.keyboard.press('Enter');
    const outcome = await page.waitForFunction(
      () => {
        if (document.querySelector('[role="status"]')?.textContent?.includes('已保存并批准')) return 'ok';
        const alert = document.querySelector('form [role="alert"]');
        return alert ? `${alert.textContent} ${[...document.querySelectorAll('form [id$="-err"]')].map((p) => p.textContent).join('|')}` : null;
      },
      null,
      { timeout: 30_000 },
    );
    expect(await outcome.jsonValue()).toBe('ok');
    await expect.poll(() => page.locator(`#fact-${id}`).count(), { timeout: 20_000 }).toBe(0);
    // The next draft is the active one.
    await expect.poll(() => page.locator('[data-active="true"]').getAttribute('data-fact-id')).toBe(nextId);
    const approved = await page.request.get(`${server.url}/admin/review?status=approved`);
    expect(approved.ok()).toBe(true);
    await page.goto(`${server.url}/admin/review?status=approved`);
    expect(await page.locator(`#fact-${id} [data-testid="fact-value"]`).textContent()).toContain('3.8亿元');

    // r opens the reasons menu; 1 picks 噪声.
    await page.goto(`${server.url}/admin/review`);
    await page.locator('[data-review-queue][data-ready]').waitFor();
    const first = await page.locator('[data-active="true"]').getAttribute('data-fact-id');
    await page.locator('body').focus();
    await page.keyboard.press('r');
    // The open menu is named by its trigger (驳回 #id, aria-labelledby wins over its own aria-label).
    await page.locator('[role="menu"][aria-label="驳回理由"]').waitFor();
    await screenshot(page, 'review-reject-menu');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('1');
    await page.getByRole('status').getByText('已驳回 1 条').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/admin/review?status=rejected`);
    // polled: the queue streams in after its loading state, which can be after `load`
    await expect.poll(() => page.locator(`#fact-${first}`).getByText('驳回理由：噪声').count(), { timeout: 15_000 }).toBe(1);
  });

  it('a double-clicked 保存 creates one fact; the picker says when it did not take what was typed', { timeout: 180_000 }, async () => {
    const metric = DEFAULT_CATALOG.find((m) => m.unit === 'CNY' && m.key !== 'unclassified')!;
    const note = `e2e 双击测试 ${Date.now()}`;
    await page.goto(`${server.url}/admin/facts/new`);
    const form = page.getByRole('form', { name: '手工录入' });
    // hydrated: a submit before React attached its handler would be a plain GET of the page
    await page.locator('form[aria-label="手工录入"][data-ready]').waitFor();
    const picker = form.getByRole('combobox', { name: '指标' });
    // Typed but not a name: said so, and 保存 does not say 已保存.
    await picker.fill('不存在的指标');
    await form.getByLabel(/^数值/).fill('3.8亿元');
    await form.getByLabel('年份').fill('2023');
    await form.getByLabel(/来源说明/).fill(note);
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('没有名为“不存在的指标”的指标，请从列表中选择').waitFor();
    expect(await form.getByText(/已录入|已保存/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The exact name is taken as typed.
    await picker.fill(metric.nameZh);
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '保存' }).dblclick();
    await form.getByRole('status').getByText(/已录入为待审/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'review-manual-double-click');
    await page.goto(`${server.url}/admin/review`);
    const manual = page.locator('section').filter({ has: page.getByRole('heading', { name: '手工录入（待审）' }) });
    await manual.waitFor();
    expect(await manual.locator('[data-fact-id]').filter({ hasText: note }).count()).toBe(1);
  });
});
