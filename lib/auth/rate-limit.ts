// Sign-in throttling from the login_attempt table, so it holds across processes and restarts:
// at most 5 failures per account and 20 per address within 15 minutes.
import type { AppPrismaClient } from '@/lib/db/client';

export const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;

export type RateDecision = { ok: true } | { ok: false; retryAfterMinutes: number };

function minutesUntilFree(oldestCounted: Date | undefined, now: Date): number {
  const freeAt = (oldestCounted?.getTime() ?? now.getTime()) + RATE_WINDOW_MS;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

/** Whether another attempt is allowed for this username (normalised) and address. */
export async function checkSignInRate(
  prisma: AppPrismaClient,
  username: string,
  ip: string,
  now = new Date(),
): Promise<RateDecision> {
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const [byUser, byIp] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { username, success: false, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: MAX_FAILURES_PER_USERNAME,
    }),
    prisma.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: MAX_FAILURES_PER_IP,
    }),
  ]);
  // Blocked until the oldest of the last N failures leaves the window.
  if (byUser.length >= MAX_FAILURES_PER_USERNAME) {
    return { ok: false, retryAfterMinutes: minutesUntilFree(byUser[byUser.length - 1]?.createdAt, now) };
  }
  if (byIp.length >= MAX_FAILURES_PER_IP) {
    return { ok: false, retryAfterMinutes: minutesUntilFree(byIp[byIp.length - 1]?.createdAt, now) };
  }
  return { ok: true };
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
