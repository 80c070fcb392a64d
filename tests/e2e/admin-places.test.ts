// A park's parent on 管理 → 园区与区县 in a real browser: the list shows each seeded sub-park under
// its park and the park's sub-parks; a cycle is refused with the reason beside the field and what
// was typed stays; a sub-park moved to another park shows there and on its park page; a name the
// picker does not know is not saved as "no parent". Screenshot: test-results/screenshots/admin-places-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/server';
import { browserAvailable, collectPageErrors, launchBrowser, newPage, screenshot, signIn } from './support/browser';
import { TEST_ACCOUNTS } from './support/seed';

describe.skipIf(!browserAvailable())('admin places: park parents (production build in Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startAppServer({ demo: false });
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1400 });
    errors = collectPageErrors(page);
    await signIn(page, server.url, TEST_ACCOUNTS.admin.username, TEST_ACCOUNTS.admin.password);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The row whose first cell (简称) is the name; other cells may name it too (上级园区).
  const row = (name: string) => page.getByRole('table').first().locator('tbody tr').filter({ has: page.locator('td:first-child').getByText(name, { exact: true }) });
  async function edit(name: string): Promise<void> {
    await page.goto(`${server.url}/admin/places`);
    await row(name).getByRole('link', { name: '编辑' }).click();
    await page.getByRole('form', { name: `编辑园区：${name}` }).waitFor();
  }

  it('lists each sub-park with its park, and each park with its sub-parks', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/admin/places`);
    const sub = row('湘乡红仑新型产业园');
    await sub.waitFor();
    expect(await sub.getByRole('link', { name: '湘乡经开区' }).count()).toBe(1);
    const parent = row('湘乡经开区');
    expect(await parent.getByRole('link', { name: '湘乡红仑新型产业园' }).count()).toBe(1);
    expect(await parent.getByRole('link', { name: '湖南中部电力产业园' }).count()).toBe(1);
    await screenshot(page, 'admin-places-list');
  });

  it('refuses a park under its own sub-park, says why beside the field, keeps what was typed', { timeout: 120_000 }, async () => {
    await edit('湘乡经开区');
    const form = page.getByRole('form', { name: '编辑园区：湘乡经开区' });
    const picker = form.getByRole('combobox', { name: '上级园区' });
    expect(await picker.inputValue()).toBe('');
    await picker.fill('湘乡红仑新型产业园');
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '保存园区' }).click();
    await form.getByText('不能设为上级：湘乡红仑新型产业园属于本园区（会形成循环）').first().waitFor({ timeout: 30_000 });
    expect(await picker.inputValue()).toBe('湘乡红仑新型产业园');
    expect(await form.getByText('已保存').count()).toBe(0);
    await screenshot(page, 'admin-places-cycle');

    // A name the picker does not know is not saved as "no parent".
    await picker.fill('不存在的园区');
    await form.getByRole('button', { name: '保存园区' }).click();
    await form.getByText('没有名为“不存在的园区”的上级园区，请从列表中选择').waitFor();
    expect(await form.getByText('已保存').count()).toBe(0);
  });

  it('moves a sub-park to another park: shown in the list and on both park pages', { timeout: 120_000 }, async () => {
    await edit('湘乡市皮革工业园');
    const form = page.getByRole('form', { name: '编辑园区：湘乡市皮革工业园' });
    const picker = form.getByRole('combobox', { name: '上级园区' });
    expect(await picker.inputValue()).toBe('湘乡经开区');
    await picker.fill('湘潭高新区');
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '保存园区' }).click();
    await form.getByRole('status').getByText('已保存').waitFor({ timeout: 30_000 });
    await expect.poll(() => row('湘乡市皮革工业园').getByRole('link', { name: '湘潭高新区' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await row('湘潭高新区').getByRole('link', { name: '湘乡市皮革工业园' }).count()).toBe(1);

    // The park page links the sub-park to its park and back.
    const href = (await row('湘乡市皮革工业园').getByRole('link', { name: '湘潭高新区' }).getAttribute('href')) ?? '';
    const parentId = new URL(href, server.url).searchParams.get('park');
    await page.goto(`${server.url}/parks/${parentId}`);
    const link = page.getByRole('link', { name: '湘乡市皮革工业园' });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.waitForURL(/\/parks\/\d+$/);
    await page.getByText('所属园区').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: '湘潭高新区' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-places-park-page');
    expect(errors.filter((e) => !/net::ERR_ABORTED/.test(e))).toEqual([]);
  });
});
