// Times the seed issue's review in a real browser, before and after issue 13 (docs/review-timing.md).
// Starts the production build on a fresh database (tests/e2e/support), imports the demo issue
// through the admin form, then runs each kind of review step three times on different drafts,
// the old way (the sequences the old UI required, which this build still accepts) and the new
// way, counting the user's actions and the seconds until the page confirms. The seed issue's
// mix of steps comes from the project team's review (prisma/seed/demo/review.json) compared with
// what the extractor proposes. Usage: E2E_NO_BUILD=1 npx tsx scripts/review-timing.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extractIssue } from '@/lib/extract';
import { findQuantities } from '@/lib/extract/quantities';
import { startAppServer } from '@/tests/e2e/support/server';
import { launchBrowser, newPage, signIn } from '@/tests/e2e/support/browser';
import { TEST_ACCOUNTS } from '@/tests/e2e/support/seed';

const DEMO_FILE = path.resolve('prisma/seed/demo/xiangtan-daily-2023-05-19.txt');
const REVIEW = JSON.parse(readFileSync('prisma/seed/demo/review.json', 'utf8')) as {
  facts: { article: string; evidence: string; value: number; unit: string; comparator: string; kind: string; year: number | null; metric: string }[];
};

type Step = 'approve' | 'correct' | 'reject' | 'missed';

/** How many of each step the seed issue needs: the team's review against the extractor's drafts. */
function seedMix(): Record<Step, number> & { drafts: number } {
  const issue = extractIssue(readFileSync(DEMO_FILE, 'utf8'), { date: '2023-05-19', publication: '湘潭日报' });
  const used = new Set<number>();
  const flat = (t: string) => t.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
  const mix = { approve: 0, correct: 0, reject: 0, missed: 0, drafts: issue.facts.length };
  for (const g of REVIEW.facts) {
    // Matched by the sentence (headlines differ in punctuation and subheadlines between the file and the review).
    const k = issue.facts.findIndex(
      (f, i) => !used.has(i) && (flat(f.evidence).includes(flat(g.evidence)) || flat(g.evidence).includes(flat(f.raw))) && Number(f.value) === g.value,
    );
    const loose = k >= 0 ? k : issue.facts.findIndex((f, i) => !used.has(i) && flat(f.evidence).includes(flat(g.evidence)));
    if (loose < 0) {
      mix.missed++;
      continue;
    }
    used.add(loose);
    const f = issue.facts[loose]!;
    const same = Number(f.value) === g.value && f.unit === g.unit && f.comparator === g.comparator && f.kind === g.kind && f.year === g.year && f.metric.key === g.metric;
    if (same) mix.approve++;
    else mix.correct++;
  }
  mix.reject = issue.facts.length - used.size;
  return mix;
}

interface Timed {
  actions: number;
  seconds: number;
}

async function timed(actions: number, run: () => Promise<void>): Promise<Timed> {
  const t0 = performance.now();
  await run();
  return { actions, seconds: (performance.now() - t0) / 1000 };
}

async function queue(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/admin/review`);
  await page.locator('[data-review-queue][data-ready]').waitFor();
}

async function status(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('status').getByText(text).first().waitFor({ timeout: 60_000 });
}

/** A draft to correct: the first with a money value (typed as 3.8亿元), else the first counted in
 *  people (typed as 150余人), with what the old form wanted instead (internal units, unit code). */
async function correctionRow(page: Page): Promise<{ id: string; index: number; written: string; internal: string; unit: string; saved: string }> {
  const rows = page.locator('[data-fact-id]');
  const values = await rows.locator('[data-testid="fact-value"]').allTextContents();
  let index = values.findIndex((v) => /元/.test(v));
  let fix = { written: '3.8亿元', internal: '380000000', unit: 'CNY', saved: '3.8亿元' };
  if (index < 0) {
    index = values.findIndex((v) => /[人名]/.test(v));
    fix = { written: '150人', internal: '150', unit: '人', saved: '150人' };
  }
  if (index < 0) throw new Error('no draft left to correct (money or people)');
  return { id: (await rows.nth(index).getAttribute('data-fact-id')) ?? '', index, ...fix };
}

/** The first draft that is not a money value (those are kept for the corrections). */
async function plainRow(page: Page): Promise<{ id: string; index: number }> {
  const rows = page.locator('[data-fact-id]');
  const values = await rows.locator('[data-testid="fact-value"]').allTextContents();
  const index = Math.max(0, values.findIndex((v) => !/元/.test(v)));
  return { id: (await rows.nth(index).getAttribute('data-fact-id')) ?? '', index };
}

async function main(): Promise<void> {
  const mix = seedMix();
  const server = await startAppServer({ demo: false });
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, { width: 1400, height: 900 });
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
    await page.goto(`${server.url}/admin/import`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel(/上传文件/).setInputFiles(DEMO_FILE);
    await page.getByLabel('出版日期').fill('2023-05-19');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/已导入：\d+ 篇文章，\d+ 条待审数据/).waitFor({ timeout: 120_000 });

    const runs: Record<'before' | 'after', Record<Step, Timed[]>> = {
      before: { approve: [], correct: [], reject: [], missed: [] },
      after: { approve: [], correct: [], reject: [], missed: [] },
    };
    const url = server.url;
    const issue = extractIssue(readFileSync(DEMO_FILE, 'utf8'), { date: '2023-05-19', publication: '湘潭日报' });
    const missedSpans = issue.articles.flatMap((a) => {
      const reported = issue.facts.filter((f) => f.articleOrdinal === a.ordinal);
      if (!reported.length) return [];
      return findQuantities(a.body, { all: true })
        .filter((q) => q.unit !== null && /\d/.test(q.text) && !reported.some((f) => f.span[0] < q.end && f.span[1] > q.start))
        .map((q) => ({ headline: a.headline, start: q.start, end: q.end }));
    });

    for (let n = 0; n < 3; n++) {
      // Approve as is. Before: click 批准 (1). After: a (1).
      await queue(page, url);
      let plain = await plainRow(page);
      runs.before.approve.push(await timed(1, async () => {
        await page.locator(`#fact-${plain.id}`).getByRole('button', { name: /^通过并下一条/ }).click();
        await status(page, '已批准 1 条');
      }));
      await queue(page, url);
      plain = await plainRow(page);
      for (let k = 0; k < plain.index; k++) await page.keyboard.press('j');
      runs.after.approve.push(await timed(1, async () => {
        await page.keyboard.press('a');
        await status(page, '已批准 1 条');
      }));

      // Correct and approve. Before: 编辑, value in internal units, unit code, 保存, 批准 (5).
      await queue(page, url);
      let row = await correctionRow(page);
      runs.before.correct.push(await timed(5, async () => {
        await page.locator(`#fact-${row.id}`).getByRole('button', { name: /^编辑/ }).click();
        const editor = page.getByRole('form', { name: `编辑 #${row.id}` });
        await editor.getByLabel(/^数值/).fill(row.internal);
        await editor.getByLabel('单位', { exact: true }).fill(row.unit);
        await editor.getByRole('button', { name: '仅保存' }).click();
        await status(page, '已保存');
        // The row shows the saved value (and its new version) before it can be approved.
        await page.locator(`#fact-${row.id} [data-testid="fact-value"]`).filter({ hasText: row.saved }).waitFor({ timeout: 60_000 });
        await page.locator(`#fact-${row.id}`).getByRole('button', { name: /^通过并下一条/ }).click();
        await status(page, '已批准 1 条');
      }));
      // After: e, the value as written, Enter (3).
      await queue(page, url);
      row = await correctionRow(page);
      for (let k = 0; k < row.index; k++) await page.keyboard.press('j');
      runs.after.correct.push(await timed(3, async () => {
        await page.keyboard.press('e');
        await page.getByRole('form', { name: `编辑 #${row.id}` }).waitFor();
        await page.keyboard.type(row.written);
        await page.keyboard.press('Enter');
        await status(page, '已保存并批准');
      }));

      // Reject. Before: 驳回, a typed reason, 确认驳回 (3; here through 其他理由…, one click more).
      await queue(page, url);
      plain = await plainRow(page);
      runs.before.reject.push(await timed(3, async () => {
        await page.locator(`#fact-${plain.id}`).getByRole('button', { name: /^驳回/ }).click();
        await page.getByRole('menuitem', { name: '其他理由…' }).click();
        await page.getByLabel('驳回理由（必填）').fill('不是本地数据');
        await page.getByRole('button', { name: '确认驳回' }).click();
        await status(page, '已驳回 1 条');
      }));
      // After: 驳回 ▾, a preset reason (2; the keyboard path r, 1 is also 2).
      await queue(page, url);
      plain = await plainRow(page);
      runs.after.reject.push(await timed(2, async () => {
        await page.locator(`#fact-${plain.id}`).getByRole('button', { name: /^驳回/ }).click();
        await page.getByRole('menuitem', { name: /噪声/ }).click();
        await status(page, '已驳回 1 条');
      }));

      // A missed figure. Before: the manual form, the source retyped (12 actions).
      await page.goto(`${url}/admin/facts/new`);
      const form = page.getByRole('form', { name: '手工录入' });
      await form.getByRole('combobox', { name: '指标' }).waitFor();
      runs.before.missed.push(await timed(12, async () => {
        await form.getByRole('combobox', { name: '指标' }).fill('见义');
        await page.getByRole('option', { name: /见义勇为先进个人/ }).first().click();
        await form.getByLabel('主体类型', { exact: true }).selectOption('region');
        await form.getByRole('combobox', { name: '区县/市' }).fill('湘潭');
        await page.getByRole('option', { name: /^湘潭市/ }).first().click();
        await form.getByLabel('年份', { exact: true }).fill('2022');
        await form.getByLabel('类型', { exact: true }).selectOption('actual');
        await form.getByLabel(/^数值/).fill('23');
        await form.getByLabel('单位', { exact: true }).fill('人');
        await form.getByLabel(/来源说明/).fill(`湘潭日报 2023-05-19《23名见义勇为先进个人受表彰》：23名 (${n})`);
        await form.getByLabel('状态', { exact: true }).selectOption('approved');
        await form.getByRole('button', { name: '保存' }).click();
        await form.getByRole('status').getByText(/已录入并批准/).waitFor({ timeout: 60_000 });
      }));
      // After: select it in the article, check, 保存并通过 (2 actions + the check).
      const m = missedSpans[n % missedSpans.length]!;
      await page.goto(`${url}/admin/review?status=all`);
      await page.getByRole('link', { name: m.headline }).first().click();
      const body = page.locator('article[aria-describedby="take-hint"][data-ready]');
      await body.waitFor();
      runs.after.missed.push(await timed(2, async () => {
        await body.evaluate((root, [start, end]) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let at = 0;
          for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            const len = t.textContent?.length ?? 0;
            if (at <= start && start < at + len) range.setStart(t, start - at);
            if (at < end && end <= at + len) range.setEnd(t, end - at);
            at += len;
          }
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        }, [m.start, m.end] as const);
        const panel = page.getByRole('form', { name: '从原文录入的数据' });
        await panel.getByRole('button', { name: '保存并通过' }).click();
        await status(page, /已录入并批准|已保存/);
      }));
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const steps: Step[] = ['approve', 'correct', 'reject', 'missed'];
    const handled = steps.reduce((n, st) => n + mix[st], 0);
    console.log(`seed issue: ${mix.drafts} drafts; steps: ${steps.map((st) => `${st} ${mix[st]}`).join(', ')}`);
    console.log('step | before: actions, median s | after: actions, median s');
    for (const st of steps) {
      const b = runs.before[st];
      const a = runs.after[st];
      console.log(`${st} | ${b[0]?.actions}, ${median(b.map((x) => x.seconds)).toFixed(2)} (${b.map((x) => x.seconds.toFixed(2)).join(' ')}) | ${a[0]?.actions}, ${median(a.map((x) => x.seconds)).toFixed(2)} (${a.map((x) => x.seconds.toFixed(2)).join(' ')})`);
    }
    for (const when of ['before', 'after'] as const) {
      const actions = steps.reduce((t, st) => t + mix[st] * (runs[when][st][0]?.actions ?? 0), 0);
      const seconds = steps.reduce((t, st) => t + mix[st] * median(runs[when][st].map((x) => x.seconds)), 0);
      console.log(`${when}: ${actions} actions, ${seconds.toFixed(0)} s for ${handled} facts → ${(actions / handled).toFixed(2)} actions, ${(seconds / handled).toFixed(2)} s per fact`);
    }
  } catch (e) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await pages[0].screenshot({ path: 'test-results/review-timing-failure.png', fullPage: false });
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv.includes('--mix')) console.log(seedMix());
else await main();
