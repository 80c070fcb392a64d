// The current user, for pages, layouts, server actions and route handlers. Reads the session
// cookie through next/headers (tests replace that module with a cookie jar holding a real token)
// and checks it against the `session` table (lib/auth/session.ts).
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getPrimaryPrisma } from '@/lib/db';
import { env } from '@/lib/env';
import { hasRole, type Role, type SessionUser } from '@/lib/auth/roles';
import { cookieMustBeSecure, SESSION_COOKIE_NAME, SESSION_TTL_MS, validateSessionToken } from '@/lib/auth/session';

export type { Role, SessionUser } from '@/lib/auth/roles';
export { hasRole, ROLES } from '@/lib/auth/roles';
export { SESSION_COOKIE_NAME } from '@/lib/auth/session';

/** Header instrumentation.ts puts on every request: the socket's remote address. */
export { PEER_ADDRESS_HEADER } from '@/lib/auth/peer';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/peer';

/** Header proxy.ts puts on every request: the path + query the user asked for (for ?next=). */
export const REQUEST_PATH_HEADER = 'x-request-path';

export type AuthResult = { ok: true; user: SessionUser } | { ok: false; status: 401 | 403; message: string };

async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE_NAME)?.value;
}

/** Whether cookies must be Secure: configured, or this request came over HTTPS (directly or via a proxy). */
export async function secureCookies(): Promise<boolean> {
  if (env().COOKIE_SECURE) return true;
  return cookieMustBeSecure(false, false, (await headers()).get('x-forwarded-proto'));
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await secureCookies(),
    path: '/',
    expires: expiresAt,
  });
}

export async function deleteSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE_NAME, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: await secureCookies(),
    path: '/',
    maxAge: 0,
  });
}

/**
 * The caller's address and browser. Next.js 16 gives route handlers and actions only headers: it
 * fills X-Forwarded-For with the socket's address when the request has none, and passes a
 * client-sent one through untouched — so on its own the header is whatever the client wants.
 * instrumentation.ts therefore stamps every request with the socket's address (PEER_ADDRESS_HEADER,
 * overwriting anything the client sent). The chain is X-Forwarded-For + that peer; the client is
 * the entry TRUSTED_PROXY_HOPS places from the end (0: the peer itself, X-Forwarded-For ignored;
 * 1: what the one reverse proxy in front appended; …). Without the stamp (outside `next start`),
 * the last X-Forwarded-For entry.
 */
export function clientAddress(h: Headers, hops: number): string {
  const peer = h.get(PEER_ADDRESS_HEADER)?.trim();
  const forwarded = (h.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!peer) return forwarded.at(-1) || 'unknown';
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? peer;
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientAddress(h, env().TRUSTED_PROXY_HOPS).slice(0, 100), userAgent: h.get('user-agent') };
}

/** The signed-in user, or null. Memoised per request (React cache) so layouts and pages share one query. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  if (!token) return null;
  // The primary, never a replica: a session made a moment ago (sign-in) or revoked (sign-out,
  // deactivation) must count at once.
  const session = await validateSessionToken(await getPrimaryPrisma(), token);
  if (!session) return null;
  if (session.renewed) {
    // Cookies can only be written from actions and route handlers; during a page render the
    // database expiry still moves and proxy.ts refreshes the cookie's own expiry.
    try {
      await setSessionCookie(token, session.expiresAt);
    } catch {
      /* rendering a Server Component: cannot set cookies here */
    }
  }
  return session.user;
});

/** For server actions and route handlers: never throws for auth failures. */
export async function authorize(minRole: Role): Promise<AuthResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, message: '请先登录' };
  if (!hasRole(user.role, minRole)) return { ok: false, status: 403, message: '没有权限执行此操作' };
  return { ok: true, user };
}

/** Only same-origin paths ("/x", not "//host" or "/\host") may be a post-sign-in target. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(next) || next.startsWith('/login')) return '/';
  return next;
}

/**
 * For pages and layouts: sends signed-out visitors to /login?next=<this page> and renders the
 * 403 page (app/forbidden.tsx) for a role that is too low.
 */
export async function requireUser(minRole: Role = 'viewer'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = safeNextPath((await headers()).get(REQUEST_PATH_HEADER));
    redirect(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
  }
  if (!hasRole(user.role, minRole)) forbidden();
  return user;
}

export { SESSION_TTL_MS };
