// Runs before every page request (any method, RSC or not) and gives refusals their real status
// codes before anything is rendered — a page streams its answer, so a check inside it can only
// show a panel inside a 200:
//   - no session cookie, or one the database does not know (expired, made up) → 307 to /login;
//   - a role below the path's (lib/auth/roles.ts PATH_ROLES) → 403; the database unreachable → 503;
//   - a POST/PUT/… from a foreign Origin (cross-site form or server action) → 403.
// Next 16 runs proxy.ts on the Node.js runtime, so the session is checked against the database
// here (one primary-key lookup per page request). It is still only the first gate: the layouts,
// the pages (requireUser) and every lib/data read (lib/auth/dal.ts) check the session again.
// Also passes the requested path to Server Components (requireUser uses it for ?next=), keeps the
// session cookie's own expiry sliding with use, and sends HSTS when cookies are Secure.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { getPrimaryPrisma } from '@/lib/db';
import { hasRole, requiredRole } from '@/lib/auth/roles';
import { cookieMustBeSecure, SESSION_COOKIE_NAME, SESSION_TTL_MS, validateSessionToken } from '@/lib/auth/session';
import { isDatabaseUnavailable } from '@/lib/db/errors';

const TTL_SECONDS = SESSION_TTL_MS / 1000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the browser addressed, as Next's own server-action check reads it. */
function requestHost(request: NextRequest): string | null {
  return (request.headers.get('x-forwarded-host') ?? request.headers.get('host'))?.split(',')[0]?.trim().toLowerCase() ?? null;
}

function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false; // same-origin navigations and non-browser clients send none
  try {
    return new URL(origin).host.toLowerCase() !== requestHost(request);
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
}

function securePage(request: NextRequest): boolean {
  return cookieMustBeSecure(env().COOKIE_SECURE, request.nextUrl.protocol === 'https:', request.headers.get('x-forwarded-proto'));
}

function withSecurityHeaders(response: NextResponse): NextResponse {
  // Only when cookies are marked Secure by configuration: then the site is HTTPS-only by intent.
  if (env().COOKIE_SECURE) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

function page(status: 403 | 503, title: string, text: string): NextResponse {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main style="max-width:560px;margin:48px auto;font-family:sans-serif;text-align:center"><h1>${title}</h1><p>${text}</p><p><a href="/">返回总览</a></p></main></body></html>`;
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
  if (status === 503) headers['Retry-After'] = '30';
  return withSecurityHeaders(new NextResponse(html, { status, headers }));
}

function toLogin(request: NextRequest, clearCookie: boolean): NextResponse {
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = pathname === '/' && !search ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  const response = NextResponse.redirect(url, 307);
  if (clearCookie) response.cookies.set(SESSION_COOKIE_NAME, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0, secure: securePage(request) });
  return withSecurityHeaders(response);
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/api/')) return withSecurityHeaders(NextResponse.next()); // route() checks the API itself

  if (!SAFE_METHODS.has(request.method) && foreignOrigin(request)) {
    return page(403, '403 · 来源不被允许', '这个请求来自其他网站，已被拒绝。');
  }

  const need = requiredRole(pathname);
  const token = request.cookies.get(SESSION_COOKIE_NAME)?.value;
  if (need !== 'public') {
    if (!token) return toLogin(request, false);
    let session;
    try {
      session = await validateSessionToken(await getPrimaryPrisma(), token) // the primary: never a replica's stale view;
    } catch (e) {
      if (isDatabaseUnavailable(e) || (e instanceof Error && /PGlite is closed/i.test(e.message))) return page(503, '503 · 数据库暂时不可用', '请稍后再试。');
      throw e;
    }
    if (!session) return toLogin(request, true);
    if (!hasRole(session.user.role, need)) return page(403, '403 · 没有权限', '您的账号无权访问此页面。如需权限，请联系管理员。');
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-path', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (request.method === 'GET' && token && need !== 'public') {
    response.cookies.set(SESSION_COOKIE_NAME, token, { httpOnly: true, sameSite: 'lax', secure: securePage(request), path: '/', maxAge: TTL_SECONDS });
  }
  return withSecurityHeaders(response);
}

export const config = {
  // Pages and the API (HSTS only), not Next's own files (static, images, dev HMR).
  matcher: ['/((?!_next/|favicon.ico|.*\\.(?:png|jpg|svg|ico|css|js|woff2?)$).*)'],
};
