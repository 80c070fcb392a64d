// The page cache in the production server: installed by instrumentation.ts on Node's HTTP server,
// ahead of Next.js. For a dashboard page (key.ts) asked by a signed-in user it checks the session
// against the database (the primary, as proxy.ts does: sign-out and deactivation count at once)
// and the page's role, then either answers from memory (store.ts) — no rendering, no proxy, no
// layouts — or lets Next render the page as usual (with all its own checks) and keeps the response
// as it was sent, for the next user of the same role and language, until the data changes. Anything
// it cannot decide (no cookie, an unknown session, a role too low, the database down) goes to Next
// untouched, which answers with its redirect, 403 or 503. The read APIs (key.ts) are kept the same
// way: route() checks their role inside Next, only a 200 is kept, and an answer is kept per role,
// so a role below the API's never receives one made for a role above it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { env } from '@/lib/env';
import { getPrimaryPrisma } from '@/lib/db';
import { dataVersion } from '@/lib/data/read-cache';
import { hasRole, requiredRole } from '@/lib/auth/roles';
import { cookieMustBeSecure, SESSION_COOKIE_NAME, slidingSessionCookie, validateSessionToken } from '@/lib/auth/session';
import { LANG_COOKIE, parseLang } from '@/lib/i18n/dictionaries';
import { PageCache, type CachedResponse } from './store';
import { chinaDay, isCacheableRequest, pageKey, readCookie, shareableHeaders } from './key';

/** Response header telling what the page cache did: hit, miss (rendered and kept), shared (waited for a render). */
export const PAGE_CACHE_HEADER = 'x-page-cache';
const MAX_AGE_MS = 60_000;
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

const g = globalThis as typeof globalThis & { __xtPageCache?: PageCache };

export function pageCache(): PageCache {
  return (g.__xtPageCache ??= new PageCache({
    maxBytes: env().PAGE_CACHE_MB * 1024 * 1024,
    maxAgeMs: MAX_AGE_MS,
    maxEntryBytes: MAX_ENTRY_BYTES,
  }));
}

/** Whether the request is one the page cache takes (cheap: method, path, a session cookie). */
export function wantsPageCache(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const q = req.url.indexOf('?');
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  return isCacheableRequest(req.method, pathname) && readCookie(req.headers.cookie, SESSION_COOKIE_NAME) !== undefined;
}

function secureRequest(req: IncomingMessage): boolean {
  return cookieMustBeSecure(env().COOKIE_SECURE, Boolean((req.socket as { encrypted?: boolean }).encrypted), String(req.headers['x-forwarded-proto'] ?? ''));
}

function send(res: ServerResponse, entry: CachedResponse, how: 'hit' | 'shared', cookie: string): void {
  res.statusCode = entry.status;
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader('content-length', entry.body.length);
  res.setHeader('set-cookie', cookie);
  res.setHeader(PAGE_CACHE_HEADER, how);
  if (env().COOKIE_SECURE) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  res.end(entry.body);
}

/**
 * Records the response Next writes (status, headers, body bytes as they go to the socket, i.e.
 * after compression) and calls done with it once it ended, or with null if it broke off, grew
 * too large or was closed already.
 */
function capture(res: ServerResponse, done: (r: { status: number; headers: ReturnType<ServerResponse['getHeaders']>; body: Buffer } | null) => void): void {
  // The reader may have left before the capture began (during the session check or a wait): its
  // 'close' has fired already and would never be heard.
  if (res.destroyed || res.writableEnded) return done(null);
  const chunks: Buffer[] = [];
  let size = 0;
  let whole = true;
  let finished = false;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (!whole || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > MAX_ENTRY_BYTES) {
      whole = false;
      chunks.length = 0;
    } else chunks.push(buf);
  };
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader(PAGE_CACHE_HEADER, 'miss');
    const headersArg = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null);
    if (Array.isArray(headersArg)) whole = false; // raw header pairs: not worth understanding
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    const out = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    if (!finished) {
      finished = true;
      done(whole ? { status: this.statusCode, headers: this.getHeaders(), body: Buffer.concat(chunks) } : null);
    }
    return out;
  } as ServerResponse['end'];
  res.on('close', () => {
    if (!finished) {
      finished = true;
      done(null);
    }
  });
}

/**
 * Whether a response holds a server error caught by an error boundary: a page streams, so a read
 * that failed after the first bytes (the database gone for a moment) still ends in a 200. React
 * marks such a boundary with data-dgst in the HTML and an E{"digest"…} row in the flight data.
 * Such a page is served to its reader but never kept.
 */
export function holdsRenderError(body: Buffer, contentEncoding: unknown): boolean {
  let text: string;
  try {
    const enc = String(contentEncoding ?? '').toLowerCase();
    const raw = enc === 'gzip' ? gunzipSync(body) : enc === 'br' ? brotliDecompressSync(body) : enc === 'deflate' ? inflateSync(body) : enc === '' || enc === 'identity' ? body : null;
    if (raw === null) return true; // an encoding we cannot read: do not keep what we cannot check
    text = raw.toString('utf8');
  } catch {
    return true;
  }
  return /data-dgst=|E\{\\?"digest\\?"/.test(text);
}

/**
 * Answers req from the cache, or hands it to Next (`pass`) and keeps what Next answers. Never
 * throws: on any doubt the request goes to Next.
 */
export async function servePage(req: IncomingMessage, res: ServerResponse, pass: () => void): Promise<void> {
  let passed = false;
  const next = () => {
    if (!passed) {
      passed = true;
      pass();
    }
  };
  try {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE_NAME);
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    const session = await validateSessionToken(await getPrimaryPrisma(), token);
    const need = requiredRole(pathname);
    if (!session || !token || need === 'public' || !hasRole(session.user.role, need)) return next();
    const key = pageKey({
      url,
      lang: parseLang(readCookie(req.headers.cookie, LANG_COOKIE)),
      role: session.user.role,
      day: chinaDay(Date.now()),
      headers: req.headers,
    });
    const cookie = slidingSessionCookie(token, secureRequest(req));
    const cache = pageCache();
    const version = dataVersion();
    // One render per page at a time: a request that finds another rendering it waits for that
    // answer; when that one cannot be shared (its reader left, an error) the next waiter renders.
    let end: ((entry: CachedResponse | null) => void) | undefined;
    for (let attempt = 0; !end; attempt++) {
      const hit = cache.get(key, version);
      if (hit) {
        cache.countHit();
        return send(res, hit, 'hit', cookie);
      }
      end = cache.begin(key);
      if (end) break;
      if (attempt === 3) return next();
      const shared = await cache.waitFor(key);
      if (shared && shared.version === dataVersion()) return send(res, shared, 'shared', cookie);
      if (dataVersion() !== version || res.destroyed) return next();
    }
    const finish = end;
    capture(res, (r) => {
      const headers = r && dataVersion() === version ? shareableHeaders(r.status, r.headers, SESSION_COOKIE_NAME) : null;
      if (!r || !headers || holdsRenderError(r.body, r.headers['content-encoding'])) return finish(null);
      const entry: CachedResponse = { status: r.status, headers, body: r.body, version, storedAt: Date.now() };
      finish(cache.set(key, entry) ? entry : null);
    });
    next();
  } catch (e) {
    if (!passed) console.warn(`page cache: ${(e as Error).message}; rendering instead`);
    next();
  }
}

/** Whether the page cache runs in this process: production server, not switched off. */
export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === 'production' && env().PAGE_CACHE === 'on';
}
