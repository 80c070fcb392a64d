// Database sessions (the Lucia-guide pattern): the cookie holds 32 random bytes, the `session`
// table holds only their SHA-256, so a leaked database does not leak usable tokens. Sessions
// last 7 days and slide forward when used in their second half. Framework-free (takes the
// Prisma client) so tests and scripts can call it directly.
import { createHash } from 'node:crypto';
import type { AppPrismaClient } from '@/lib/db/client';

/** Works with the client or a transaction: only the session table is used. */
type SessionDb = Pick<AppPrismaClient, 'session'>;
import type { Role, SessionUser } from './roles';

/** Cookie name. tests/e2e/support/session.ts reads this constant from the source: keep the shape. */
export const SESSION_COOKIE_NAME = 'xt_session';
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;

/**
 * Whether the session cookie must be Secure: configured (COOKIE_SECURE), or the request came over
 * HTTPS — directly, or through a proxy that says so in X-Forwarded-Proto (its first entry). One
 * rule for proxy.ts, lib/auth.ts and the page cache, which each see the request differently.
 */
export function cookieMustBeSecure(configured: boolean, directHttps: boolean, forwardedProto: string | null | undefined): boolean {
  return configured || directHttps || (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

/** The Set-Cookie value that keeps the session cookie's own expiry sliding (sent with every page). */
export function slidingSessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE_NAME}=${token}; Path=/; Max-Age=${SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** 32 bytes from the Web Crypto CSPRNG, base64url (43 characters). */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export async function createSession(
  prisma: SessionDb,
  userId: number,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await prisma.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      expiresAt,
      ip: meta.ip?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

export interface ValidatedSession {
  user: SessionUser;
  sessionId: string;
  expiresAt: Date;
  /** True when the expiry was pushed forward (the cookie should be re-sent). */
  renewed: boolean;
}

// Tokens are base64url of 32 bytes; anything else is rejected without a query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session's user, or null when the token is unknown, expired (the row is deleted) or its
 * user is deactivated. Renews the expiry when less than half of it is left.
 */
export async function validateSessionToken(
  prisma: SessionDb,
  token: string | undefined | null,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const id = sessionIdFromToken(token);
  const row = await prisma.session.findUnique({
    where: { id },
    select: {
      expiresAt: true,
      user: { select: { id: true, username: true, displayName: true, role: true, active: true } },
    },
  });
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (!row.user.active) return null;
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await prisma.session.updateMany({ where: { id }, data: { expiresAt } });
    renewed = true;
  }
  const { id: userId, username, displayName, role } = row.user;
  return { user: { id: userId, username, displayName, role: role as Role }, sessionId: id, expiresAt, renewed };
}

export async function invalidateSession(prisma: SessionDb, sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(prisma: Pick<AppPrismaClient, 'session'>, userId: number): Promise<number> {
  return (await prisma.session.deleteMany({ where: { userId } })).count;
}

/** Deletes expired sessions (run on sign-in so the table does not grow without bound). */
export async function purgeExpiredSessions(prisma: SessionDb, now = new Date()): Promise<number> {
  return (await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
