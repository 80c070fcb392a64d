// Property test: random and hostile query strings (and path segments) sent to every GET route
// handler under app/api never get a 500, and no error response carries a stack trace or a
// secret. Runs against the production build, signed in as an admin (the widest code paths) and
// signed out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../e2e/support/server';
import { REPO_ROOT } from '../e2e/support/build';

interface ApiRoute {
  file: string;
  /** URL path template, e.g. /api/parks/[id] */
  template: string;
}

/** Every app/api/**\/route.ts that exports a GET handler. */
export function discoverGetRoutes(root = path.join(REPO_ROOT, 'app', 'api')): ApiRoute[] {
  const out: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(name) && /export\s+(async\s+function\s+GET|const\s+GET|\{[^}]*\bGET\b)/.test(readFileSync(full, 'utf8'))) {
        const rel = path.relative(path.join(REPO_ROOT, 'app'), path.dirname(full)).split(path.sep);
        const segments = rel.filter((s) => !/^\(.*\)$/.test(s)); // route groups are not in the URL
        out.push({ file: path.relative(REPO_ROOT, full), template: `/${segments.join('/')}` });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.template.localeCompare(b.template));
}

const PARAM_NAMES = [
  'metric', 'metrics', 'metricId', 'park', 'parks', 'parkId', 'region', 'regionId', 'city', 'county', 'year', 'years',
  'from', 'to', 'yearFrom', 'yearTo', 'kind', 'status', 'period', 'page', 'pageSize', 'limit', 'offset', 'cursor',
  'sort', 'order', 'dir', 'groupBy', 'q', 'search', 'format', 'lang', 'id', 'ids', 'level', 'category', 'source', 'unit',
];

const HOSTILE = [
  "' OR 1=1 --", '1; DROP TABLE fact;--', '"; SELECT pg_sleep(5);--', '%00', '\u0000', '../../etc/passwd', '<script>alert(1)</script>',
  '__proto__', 'constructor', 'prototype', '{"$gt":""}', '[]', '{}', 'null', 'undefined', 'NaN', 'Infinity', '-Infinity',
  '1e309', '-1', '0', '99999999999999999999999', '2147483648', '-2147483649', '1.5', '0x1F', ' ', '', '%', '%E0%A4%A',
  '湘潭高新区', '💥'.repeat(50), 'a'.repeat(10_000), 'true', 'asc', 'desc', 'year,park', '2016..2025', '2025-13-45',
];

const value = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 12 })), value);
/** Mostly well-formed encodings, sometimes raw bytes the server must survive decoding. */
const query = fc.oneof(
  { weight: 4, arbitrary: fc.array(pair, { maxLength: 6 }).map((ps) => new URLSearchParams(ps).toString()) },
  { weight: 1, arbitrary: fc.array(pair, { maxLength: 4 }).map((ps) => ps.map(([k, v]) => `${k}=${v}`).join('&')) },
);
const segment = fc.oneof(fc.constantFrom('1', '0', '-1', '999999999', 'abc', '%2e%2e', '1.5', "1'", '湘潭'), fc.string({ minLength: 1, maxLength: 20 }));

const LEAK = /\n\s+at |\bat \S+ \(\S+:\d+:\d+\)|postgres(ql)?:\/\/|DATABASE_URL|password_hash|passwordHash|PrismaClient|Invalid `prisma/;

const routes = discoverGetRoutes();

describe('API routes under hostile input', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ demo: 'approved', sessions: ['admin'] });
  }, 600_000);
  afterAll(async () => server?.stop());

  it('finds the GET route handlers to test', () => {
    expect(routes.map((r) => r.template)).toContain('/api/health');
  });

  it.each(routes.map((r) => [r.template, r] as const))('%s never answers 500 or leaks internals', async (_t, route) => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(query, fc.array(segment, { minLength: 4, maxLength: 4 }), fc.boolean(), async (q, segs, signedIn) => {
        let i = 0;
        const p = route.template.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, () => encodeURIComponent(segs[i++ % segs.length] ?? '1'));
        const url = `${server.url}${p}${q ? `?${q}` : ''}`;
        const res = await fetch(url, {
          headers: signedIn && server.cookies.admin ? { cookie: server.cookies.admin } : {},
          redirect: 'manual',
          signal: AbortSignal.timeout(20_000),
        });
        const body = await res.text();
        if (res.status >= 500 || LEAK.test(body)) {
          failures.push(`${res.status} GET ${p}?${q.slice(0, 200)} → ${body.slice(0, 300)}`);
          return false;
        }
        return true;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), endOnFailure: true },
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
