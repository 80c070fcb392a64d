// Server-side "导出 PDF": opens a dashboard page in headless Chromium (playwright-core driving the
// system's Chromium) with the caller's own session cookie, so the PDF shows exactly what the caller
// may see, prints it on A4 through the page's print stylesheet (PrintSupport adds the title,
// filters, as-of date and the sources as footnotes) and returns the file.
import 'server-only';
import { existsSync } from 'node:fs';
import { env } from '@/lib/env';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Renders at once per process; more callers are told to retry (each Chromium takes ~200 MB). */
const MAX_RENDERS = 2;
let active = 0;

/** The Chromium to render with, or null when none is installed (the button then prints in the browser). */
export function chromiumPath(): string | null {
  const path = env().CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  return existsSync(path) ? path : null;
}

/** Where the server reaches itself (never the request's Host header: no fetching foreign hosts). */
export function selfOrigin(): string {
  return env().PDF_BASE_URL ?? `http://127.0.0.1:${env().PORT}`;
}

/**
 * A same-origin dashboard path (`/map?metric=x`) from a caller-supplied value, or null: absolute
 * URLs, protocol-relative `//host`, backslashes, the API and the sign-in page are refused.
 */
export function dashboardPath(value: string): string | null {
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || value.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(value, 'http://self.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://self.invalid') return null;
  if (/^\/(api|login|_next)(\/|$)/.test(url.pathname)) return null;
  url.hash = '';
  return `${url.pathname}${url.search}`;
}

export class PdfBusyError extends Error {
  override name = 'PdfBusyError';
}

export class PdfPageError extends Error {
  override name = 'PdfPageError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RenderedPdf {
  pdf: Uint8Array;
  title: string;
}

/** Renders `path` as the holder of `cookies` would see it, on A4. */
export async function renderPdf(path: string, cookies: { name: string; value: string }[], lang: 'zh' | 'en'): Promise<RenderedPdf> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new PdfPageError(501, 'Chromium is not installed');
  if (active >= MAX_RENDERS) throw new PdfBusyError('PDF export busy');
  active++;
  const origin = selfOrigin();
  // Imported here: playwright-core is loaded only by the processes that export.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 1600 },
      locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
      timezoneId: 'Asia/Shanghai',
    });
    await context.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, url: origin, httpOnly: true, sameSite: 'Lax' as const })));
    // The PDF never navigates: Next's prefetches of the links in view (RSC requests, each a page
    // render on this same server) would only keep the network and the server busy.
    await context.route('**/*', (route) => (route.request().headers()['next-router-prefetch'] ? route.abort() : route.fallback()));
    const page = await context.newPage();
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
    // Then what the page's client components ask for (the explorer's tables, the menu's name); a
    // request that never settles must not hold the export.
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    const landed = new URL(page.url());
    if (landed.pathname === '/login') throw new PdfPageError(401, 'Not signed in');
    const status = response?.status() ?? 500;
    if (status >= 400) throw new PdfPageError(status === 404 ? 404 : status === 403 ? 403 : 502, `The page answered ${status}`);
    // Charts draw after hydration; give them their canvases before printing (pages without a
    // chart, such as the map's SVG, do not wait).
    if ((await page.locator('main .echart-box').count()) > 0) {
      await page
        .locator('main canvas')
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => undefined);
    }
    await page.emulateMedia({ media: 'print' });
    // PrintSupport numbers the sources and stamps title, filters and as-of date on beforeprint.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.locator('[data-print-stamp]').waitFor({ state: 'attached', timeout: 10_000 });
    const title = ((await page.locator('main h1').first().textContent({ timeout: 5_000 }).catch(() => null)) ?? (await page.title())).trim();
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;padding:0 12mm;color:#555;display:flex;justify-content:space-between"><span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>',
    });
    return { pdf: new Uint8Array(pdf), title };
  } finally {
    active--;
    await browser.close().catch(() => undefined);
  }
}
