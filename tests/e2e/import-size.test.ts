// Big issues through the real import form and server action of the production build: a 9 MB
// text file imports (the server-action body limit in next.config.mjs is 11 MB, not Next's 1 MB
// default), a 12 MB one is refused with the form's own message and the database is unchanged.
// The text is made up here (no one's article): filler sentences and a few figures per article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, launchBrowser, newPage, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';

/** About `bytes` of UTF-8 issue text: articles with a headline, filler and one figure each. */
function madeUpIssue(bytes: number): Buffer {
  const filler = '园区各项工作有序推进，干部群众干劲十足，营商环境持续优化，服务企业更加精准高效。';
  const parts: string[] = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const article = `测试园区第${n}号简讯\n本报讯 测试园区今年完成投资${(n % 90) + 10}亿元。${filler.repeat(2000)}\n\n`;
    parts.push(article);
    size += Buffer.byteLength(article);
  }
  return Buffer.from(parts.join(''), 'utf8').subarray(0, bytes);
}

async function issuesImported(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/admin`);
  const stat = page.getByRole('link', { name: /已导入期次/ });
  await stat.waitFor();
  return Number(/(\d+)/.exec((await stat.textContent()) ?? '')?.[1]);
}

describe.skipIf(!browserAvailable())('import size (production build in Chromium)', () => {
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

  it('imports a 9 MB issue through the form; refuses 12 MB with the form\'s message, database unchanged', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
    expect(await issuesImported(page, server.url)).toBe(0);

    const nine = madeUpIssue(9 * 1024 * 1024);
    await page.goto(`${server.url}/admin/import`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel(/上传文件/).setInputFiles({ name: 'big-issue.txt', mimeType: 'text/plain', buffer: nine });
    await page.getByLabel('出版日期').fill('2026-11-30');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    // The form answers with its result or its error message, whichever comes.
    const outcome = page.getByText(/已导入：\d+ 篇文章，\d+ 条待审数据|失败|错误|过大|过长|不可用|稍后/).first();
    await outcome.waitFor({ timeout: 400_000 });
    expect(await outcome.textContent()).toMatch(/已导入：\d+ 篇文章，\d+ 条待审数据/);
    expect(await issuesImported(page, server.url)).toBe(1);

    await page.goto(`${server.url}/admin/import`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel(/上传文件/).setInputFiles({ name: 'too-big.txt', mimeType: 'text/plain', buffer: madeUpIssue(12 * 1024 * 1024) });
    await page.getByLabel('出版日期').fill('2026-12-01');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/文件过大：12\.0 MB，最大 10 MB/).first().waitFor({ timeout: 60_000 });
    expect(await issuesImported(page, server.url)).toBe(1);
  }, 900_000);
});
