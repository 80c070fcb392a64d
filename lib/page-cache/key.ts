// Which requests the page cache may answer, and what a cached answer depends on. A dashboard page
// shows the same thing to every signed-in user of one role who asks for the same address in the
// same language on the same day (the header carries no account name: components/layout/user-menu
// asks /api/me for it), so those, with the request headers Next itself varies its answer by (RSC
// navigation and prefetch headers, Accept-Encoding), are the key. The same holds for the read APIs
// the dashboards and the explorer call (JSON of the data, by role: drafts only for admins). Framework-free.
import { createHash } from 'node:crypto';

/** The officials' and analysts' dashboard pages (app/(dashboard)) that read nothing of the account. */
const EXACT = new Set(['/', '/scorecard', '/metrics', '/wall', '/targets', '/map']);
const UNDER = ['/regions/', '/parks/', '/metrics/', '/targets/'];

/**
 * The read APIs whose answer depends only on the address, the caller's role and the data: not
 * /api/me (the account), /api/import-jobs (job progress, not data), /api/export and /api/pdf
 * (downloads, made on demand), /api/recognitions, /api/health, /api/openapi.json (public).
 */
const API = new Set([
  '/api/overview',
  '/api/aggregates',
  '/api/facts',
  '/api/metrics',
  '/api/parks',
  '/api/regions',
  '/api/summary',
  '/api/explorer/figures',
  '/api/explorer/options',
]);

/** Whether a request is one the page cache may answer: GET of a dashboard page or a read API. */
export function isCacheableRequest(method: string | undefined, pathname: string): boolean {
  if (method !== 'GET') return false;
  return EXACT.has(pathname) || API.has(pathname) || UNDER.some((p) => pathname.startsWith(p) && pathname.length > p.length);
}

/** Request headers a page's response varies by (Next's own Vary list, plus Next-Url for intercepted routes). */
export const VARY_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'accept-encoding',
] as const;

export interface KeyParts {
  /** Path and query as requested (req.url). */
  url: string;
  lang: string;
  role: string;
  /** The calendar day in China (pages may say "today"). */
  day: string;
  headers: Record<string, string | string[] | undefined>;
}

export function pageKey(parts: KeyParts): string {
  const varying = VARY_HEADERS.map((h) => {
    const v = parts.headers[h];
    const s = Array.isArray(v) ? v.join(',') : (v ?? '');
    // The router state tree is a long JSON; its digest is enough to tell two apart.
    return h === 'next-router-state-tree' && s.length > 64 ? createHash('sha1').update(s).digest('base64url') : s;
  });
  return [parts.url, parts.lang, parts.role, parts.day, ...varying].join('\n');
}

/** YYYY-MM-DD in China Standard Time (UTC+8, no daylight saving). */
export function chinaDay(now: number): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

const PER_REQUEST = new Set(['set-cookie', 'date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'x-page-cache']);

/**
 * The headers to keep with a rendered response, or null when the response must not be shared:
 * not a 200, a cookie other than the session's sliding one being set, or a Vary on a request
 * header the key does not hold.
 */
export function shareableHeaders(
  status: number,
  headers: Record<string, number | string | string[] | undefined>,
  sessionCookie: string,
): [string, string | string[]][] | null {
  if (status !== 200) return null;
  const cookies = headers['set-cookie'];
  for (const c of Array.isArray(cookies) ? cookies : cookies === undefined ? [] : [String(cookies)]) {
    if (!c.startsWith(`${sessionCookie}=`)) return null;
  }
  const vary = headers['vary'];
  if (vary !== undefined) {
    const allowed = new Set<string>(VARY_HEADERS);
    const tokens = (Array.isArray(vary) ? vary.join(',') : String(vary)).split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
    if (tokens.some((t) => !allowed.has(t))) return null;
  }
  const kept: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_REQUEST.has(name.toLowerCase())) continue;
    kept.push([name, typeof value === 'number' ? String(value) : value]);
  }
  return kept;
}
