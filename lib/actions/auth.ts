'use server';
// Sign-in and sign-out. signIn is public by nature; it is throttled per (account, address) and
// per address, and slowed down per account (lib/auth/rate-limit.ts) and spends the same time on unknown users as on wrong passwords.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { deleteSessionCookie, requestMeta, safeNextPath, SESSION_COOKIE_NAME, setSessionCookie } from '@/lib/auth';
import { verifyPassword } from '@/lib/auth/password';
import { checkSignInRate, recordSignInAttempt, retryMessage } from '@/lib/auth/rate-limit';
import { createSession, invalidateSession, purgeExpiredSessions, sessionIdFromToken } from '@/lib/auth/session';
import { audit } from '@/lib/audit';
import { getPrisma } from '@/lib/db';
import { databaseUnavailable } from '@/lib/api/route';
import { signInSchema } from '@/lib/validations/auth';
import { DB_UNAVAILABLE_MESSAGE, fail, formDataToObject, zodFieldErrors, type ActionResult } from './result';

const BAD_CREDENTIALS = '用户名或密码不正确';

/** useActionState-compatible: (previousState, formData). On success it redirects to `next`. */
export async function signIn(_prev: unknown, input: unknown): Promise<ActionResult> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const typed = typeof (raw as { username?: unknown } | null)?.username === 'string' ? String((raw as { username: string }).username).slice(0, 64) : '';
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ...fail(400, '请填写用户名和密码', zodFieldErrors(parsed.error)), values: { username: typed } };
  const { username, password, next } = parsed.data;
  let target: string;
  try {
    const prisma = await getPrisma();
    const { ip, userAgent } = await requestMeta();
    const rate = await checkSignInRate(prisma, username, ip);
    if (!rate.ok) {
      await prisma.auditLog.create({
        data: { action: 'sign_in_blocked', entityType: 'user', note: `${username} @ ${ip} (${rate.reason})` },
      });
      return { ...fail(429, retryMessage(rate.retryAfterSeconds)), values: { username: typed } };
    }
    const user = await prisma.user.findUnique({
      where: { username },
      select: { id: true, passwordHash: true, active: true },
    });
    const passwordOk = await verifyPassword(user?.passwordHash, password);
    if (!user || !passwordOk || !user.active) {
      await recordSignInAttempt(prisma, username, ip, false);
      // The actor is unknown (whoever typed the password), so no userId; the account is the entity.
      await audit(prisma, {
        userId: null,
        action: 'sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        note: `${username} @ ${ip}${user && passwordOk && !user.active ? ' (deactivated)' : ''}`,
      });
      // A deactivated account is only revealed to someone who knows its password.
      const message = user && passwordOk && !user.active ? '该账号已停用，请联系管理员' : BAD_CREDENTIALS;
      return { ...fail(401, message, { password: [message] }), values: { username: typed } };
    }
    const session = await prisma.$transaction(async (tx) => {
      const s = await createSession(tx, user.id, { ip, userAgent });
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      await audit(tx, { userId: user.id, action: 'sign_in', entityType: 'user', entityId: user.id, note: ip });
      return s;
    });
    await recordSignInAttempt(prisma, username, ip, true);
    await purgeExpiredSessions(prisma);
    await setSessionCookie(session.token, session.expiresAt);
    target = safeNextPath(next);
  } catch (e) {
    if (databaseUnavailable(e)) return fail(503, DB_UNAVAILABLE_MESSAGE);
    throw e;
  }
  redirect(target);
}

/** Ends this browser's session (row deleted, cookie cleared) and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value;
  if (token) {
    try {
      const prisma = await getPrisma();
      const id = sessionIdFromToken(token);
      const row = await prisma.session.findUnique({ where: { id }, select: { userId: true } });
      if (row) {
        await prisma.$transaction(async (tx) => {
          await invalidateSession(tx, id);
          await audit(tx, { userId: row.userId, action: 'sign_out', entityType: 'user', entityId: row.userId });
        });
      }
    } catch (e) {
      // Still clear the cookie: signing out must work even while the database is away.
      if (!databaseUnavailable(e)) throw e;
    }
  }
  await deleteSessionCookie();
  redirect('/login');
}
