// No page gives its data to anyone it should not, whatever they send. Every page route is found
// in app/ (not a hand-kept list; dynamic segments filled from the demo data), and requested over
// HTTP from the production build by anonymous, a made-up cookie, a viewer and an analyst, as a
// GET, a POST and an RSC (client navigation) request. Each answer must have the right status
// (307 to /login without a valid session, 403 below the page's role) and hold none of the data
// the page shows its rightful role: markers are the demo issue's own sentences, headlines, names
// and figures, each checked to be on the page for the rightful role (so the test can fail).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './support/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Role = 'viewer' | 'analyst' | 'admin';
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Who may open a page, by path — what the product promises (README's page table). */
function rightfulRole(urlPath: string): Role | 'public' {
  if (urlPath === '/login') return 'public';
  if (urlPath === '/admin' || urlPath.startsWith('/admin/')) return 'admin';
  if (urlPath === '/explorer') return 'analyst';
  return 'viewer';
}

/** URL templates of every page.tsx under app/ (route groups dropped). */
function pageTemplates(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
        const segs = path.relative(path.join(ROOT, 'app'), dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        out.push(`/${segs.join('/')}`);
      }
    }
  };
  walk(path.join(ROOT, 'app'));
  return out.sort();
}

interface FactItem {
  id: number;
  kind: string;
  status: string;
  metric: { key: string; nameZh: string };
  park: { id: number; name: string } | null;
  region: { code: string; name: string } | null;
  source: { articleId: number | null; headline: string | null; evidence: string | null };
}

/**
 * Pages that show none of the demo data to their own role: a bare form, and the figure-conflict
 * list (the demo issue has no conflicts or unclassified figures). Their status is still checked.
 */
const NO_DATA = new Set(['/admin/import', '/admin/figures']);

type Caller = { name: string; cookie: string | null; role: Role | null };
const KINDS = [
  { name: 'GET', init: (): RequestInit => ({ method: 'GET' }) },
  { name: 'POST', init: (): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'x=1' }) },
  { name: 'RSC', init: (): RequestInit => ({ method: 'GET', headers: { RSC: '1' } }) },
];

describe('every page refuses callers below its role, with the right status and none of its data', () => {
  let server: AppServer;
  let pages: { url: string; role: Role | 'public' }[] = [];
  const markersOf = new Map<string, string[]>();

  async function fetchAs(url: string, cookie: string | null, init: RequestInit = {}): Promise<{ status: number; location: string | null; body: string }> {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const r = await fetch(`${server.url}${url}`, { ...init, headers, redirect: 'manual' });
    return { status: r.status, location: r.headers.get('location'), body: await r.text() };
  }

  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['admin', 'analyst', 'viewer'] });
    const admin = server.cookies.admin ?? '';
    // The demo data, as the admin sees it through the API.
    const facts: FactItem[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `limit=500&status=all${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await fetch(`${server.url}/api/facts?${qs}`, { headers: { Cookie: admin } });
      expect(r.status).toBe(200);
      const page = (await r.json()) as { items: FactItem[]; nextCursor: string | null };
      facts.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(facts.length).toBeGreaterThan(10);
    const withArticle = facts.find((f) => f.source.articleId !== null);
    const withPark = facts.find((f) => f.park !== null);
    const withRegion = facts.find((f) => f.region !== null && f.region.code !== '430300') ?? facts.find((f) => f.region !== null);
    const fill: Record<string, string> = {
      '/articles/[id]': String(withArticle?.source.articleId),
      '/admin/articles/[id]': String(withArticle?.source.articleId),
      '/metrics/[key]': withPark?.metric.key ?? facts[0]!.metric.key,
      '/parks/[id]': String(withPark?.park?.id),
      '/regions/[code]': withRegion?.region?.code ?? '430300',
      '/admin/issues/[id]': String(server.demo?.issueId ?? 1),
      // a target figure's timeline (the seed's reviewed 五好 targets are approved targets)
      '/targets/[id]': String((facts.find((f) => f.kind === 'target' && f.status === 'approved') ?? facts[0]!).id),
    };
    pages = pageTemplates().map((t) => {
      const url = t.includes('[') ? fill[t] !== undefined ? t.replace(/\[[^\]]+\]/, fill[t]!) : `UNFILLED:${t}` : t;
      return { url: t === '/admin/review' ? '/admin/review?status=all' : url, role: rightfulRole(t) };
    });

    // Candidate markers: sentences, headlines, names and keys of the demo data, and the accounts.
    const candidates = new Set<string>();
    for (const f of facts) {
      if (f.source.evidence) candidates.add(f.source.evidence.slice(0, 14));
      if (f.source.headline) candidates.add(f.source.headline);
      if (f.park) candidates.add(f.park.name);
      candidates.add(f.metric.nameZh);
    }
    for (const who of ['admin', 'analyst', 'viewer']) candidates.add(`>${who}<`);
    candidates.add('2023-05-19'); // the demo issue's date (recent imports, article pages)
    // Markers must not be on what anyone may see (the sign-in page, the refusal pages).
    const publicText = (await fetchAs('/login', null)).body + (await fetchAs('/admin', server.cookies.viewer ?? '')).body;
    const usable = [...candidates].filter((m) => m.length >= 3 && !publicText.includes(m));
    for (const p of pages) {
      if (p.role === 'public') continue;
      const cookie = server.cookies[p.role] ?? '';
      const own = await fetchAs(p.url, cookie);
      const rsc = await fetchAs(p.url, cookie, { headers: { RSC: '1' } });
      expect(own.status, `${p.url} as ${p.role}`).toBe(200);
      markersOf.set(p.url, usable.filter((m) => own.body.includes(m) || rsc.body.includes(m)));
    }
  }, 600_000);

  afterAll(async () => server?.stop());

  it('finds every page in app/, fills its dynamic segments, and has markers of its data', () => {
    const urls = pages.map((p) => p.url);
    console.info(`[page-access] ${urls.length} pages: ${urls.join(' ')}`);
    expect(urls).toEqual(expect.arrayContaining(['/', '/admin/review?status=all', '/explorer', '/wall']));
    expect(urls.filter((u) => u.startsWith('UNFILLED:'))).toEqual([]);
    const without = pages.filter((p) => p.role !== 'public' && !NO_DATA.has(p.url) && !markersOf.get(p.url)?.length).map((p) => p.url);
    expect(without).toEqual([]);
  });

  it('anonymous, made-up cookies, and lower roles get 307 or 403 and none of the data, by GET, POST and RSC', async () => {
    const callers: Caller[] = [
      { name: 'anonymous', cookie: null, role: null },
      { name: 'bogus cookie', cookie: 'xt_session=bogus', role: null },
      { name: 'well-formed unknown token', cookie: `xt_session=${'A'.repeat(43)}`, role: null },
      { name: 'viewer', cookie: server.cookies.viewer ?? '', role: 'viewer' },
      { name: 'analyst', cookie: server.cookies.analyst ?? '', role: 'analyst' },
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const p of pages) {
      if (p.role === 'public') continue;
      const markers = markersOf.get(p.url) ?? [];
      for (const c of callers) {
        if (c.role && RANK[c.role] >= RANK[p.role]) continue;
        for (const kind of KINDS) {
          const r = await fetchAs(p.url, c.cookie, kind.init());
          checked++;
          const where = `${kind.name} ${p.url} as ${c.name}`;
          if (c.role === null) {
            if (r.status !== 307 || !r.location?.includes('/login')) failures.push(`${where}: status ${r.status} location ${r.location}, expected 307 to /login`);
          } else if (r.status !== 403) {
            failures.push(`${where}: status ${r.status}, expected 403`);
          }
          const leaked = markers.filter((m) => r.body.includes(m));
          if (leaked.length) failures.push(`${where}: body holds ${leaked.length} marker(s), e.g. ${JSON.stringify(leaked[0])}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 3);
  }, 600_000);

  it('a server action POST from a foreign Origin is refused with 403, not a 500', async () => {
    const r = await fetchAs('/login', null, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Next-Action': '0'.repeat(42), 'Content-Type': 'text/plain;charset=UTF-8' },
      body: '[]',
    });
    expect(r.status).toBe(403);
    const own = await fetchAs('/admin/review', server.cookies.admin ?? '', { method: 'POST', headers: { Origin: 'https://evil.example' }, body: '' });
    expect(own.status).toBe(403);
  });
});
