// Sign-in throttling from the login_attempt table, so it holds across processes and restarts.
// Within 15 minutes: at most 5 failures per (account, address) and 20 per address; the account
// itself is never locked for everyone (that would let anyone lock its owner out by typing wrong
// passwords), it is slowed down instead: from the 5th failure on, from any address, each further
// attempt must wait 2^(n−5) seconds after the latest failure, up to 5 minutes.
import type { AppPrismaClient } from '@/lib/db/client';

export const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
export const MAX_FAILURES_PER_IP = 20;
/** Failures of an account (any address) before each attempt must wait. */
export const ACCOUNT_DELAY_AFTER = 5;
export const MAX_ACCOUNT_DELAY_MS = 5 * 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; reason: 'address' | 'account-address' | 'account-delay' };

function secondsUntil(t: number, now: Date): number {
  return Math.max(1, Math.ceil((t - now.getTime()) / 1000));
}

/** The wait an account owes after `failures` failures in the window (0 below the threshold). */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY_AFTER) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, 1000 * 2 ** (failures - ACCOUNT_DELAY_AFTER));
}

/** Whether another attempt is allowed for this username (normalised) from this address. */
export async function checkSignInRate(
  prisma: AppPrismaClient,
  username: string,
  ip: string,
  now = new Date(),
): Promise<RateDecision> {
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const recent = { success: false, createdAt: { gt: since } } as const;
  const newest = { select: { createdAt: true }, orderBy: { createdAt: 'desc' } } as const;
  const [byPair, byIp, byAccount, accountFailures] = await Promise.all([
    prisma.loginAttempt.findMany({ where: { ...recent, username, ip }, ...newest, take: MAX_FAILURES_PER_ACCOUNT_AND_IP }),
    prisma.loginAttempt.findMany({ where: { ...recent, ip }, ...newest, take: MAX_FAILURES_PER_IP }),
    prisma.loginAttempt.findFirst({ where: { ...recent, username }, ...newest }),
    prisma.loginAttempt.count({ where: { ...recent, username } }),
  ]);
  // Blocked until the oldest of the last N failures leaves the window.
  const freeAt = (rows: { createdAt: Date }[]) => (rows[rows.length - 1]?.createdAt.getTime() ?? now.getTime()) + RATE_WINDOW_MS;
  if (byPair.length >= MAX_FAILURES_PER_ACCOUNT_AND_IP) return { ok: false, retryAfterSeconds: secondsUntil(freeAt(byPair), now), reason: 'account-address' };
  if (byIp.length >= MAX_FAILURES_PER_IP) return { ok: false, retryAfterSeconds: secondsUntil(freeAt(byIp), now), reason: 'address' };
  const delay = accountDelayMs(accountFailures);
  if (delay > 0 && byAccount) {
    const allowedAt = byAccount.createdAt.getTime() + delay;
    if (allowedAt > now.getTime()) return { ok: false, retryAfterSeconds: secondsUntil(allowedAt, now), reason: 'account-delay' };
  }
  return { ok: true };
}

/** "请 N 秒/分钟后再试" for a refusal. */
export function retryMessage(seconds: number): string {
  return seconds < 120 ? `尝试次数过多，请 ${seconds} 秒后再试` : `尝试次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`;
}

export async function recordSignInAttempt(
  prisma: AppPrismaClient,
  username: string,
  ip: string,
  success: boolean,
  now = new Date(),
): Promise<void> {
  await prisma.loginAttempt.create({ data: { username: username.slice(0, 100), ip: ip.slice(0, 100), success, createdAt: now } });
  // Old rows are only useful for the window; trim them now and then instead of a cron job.
  if (Math.random() < 0.05) {
    await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  }
}
