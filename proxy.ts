// Runs before every page request: passes the requested path to Server Components (requireUser
// uses it for /login?next=…) and keeps the session cookie's own expiry sliding with use — the
// database expiry is checked and renewed by lib/auth; pages cannot set cookies themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

const COOKIE = 'xt_session'; // = SESSION_COOKIE_NAME in lib/auth/session.ts (proxy stays free of server-only imports)
const TTL_SECONDS = 7 * 24 * 3600;

/** Pages anyone may open. Everything else needs a session (checked for real by lib/auth). */
const PUBLIC_PAGES = ['/login'];

export function proxy(request: NextRequest): NextResponse {
  const token = request.cookies.get(COOKIE)?.value;
  const { pathname, search } = request.nextUrl;
  // Optimistic check only (no database here): without any session cookie, go to the sign-in page
  // with a real 307 instead of a redirect streamed inside a 200 page.
  if (!token && request.method === 'GET' && !PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = pathname === '/' && !search ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-path', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (request.method === 'GET' && token) {
    response.cookies.set(COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env().COOKIE_SECURE || request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
      path: '/',
      maxAge: TTL_SECONDS,
    });
  }
  return response;
}

export const config = {
  // Pages only: not Next's own files (static, images, dev HMR), not the API (route handlers read the cookie themselves).
  matcher: ['/((?!_next/|api/|favicon.ico|.*\\.(?:png|jpg|svg|ico|css|js|woff2?)$).*)'],
};
