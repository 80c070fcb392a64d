// Demo accounts for the first run (admin / analyst / viewer), and the production guard that
// refuses to start while an account still has a default or weak password.
import { randomBytes } from 'node:crypto';
import type { AppPrismaClient } from '@/lib/db/client';
import { env } from '@/lib/env';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';

export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'analyst', displayName: '数据分析员', role: 'analyst' },
  { username: 'viewer', displayName: '领导查看', role: 'viewer' },
];

/** Passwords that must never guard a production account (checked case-sensitively as typed). */
export const DEFAULT_PASSWORD_DENYLIST: readonly string[] = [
  'admin', 'admin123', 'admin1234', 'password', 'password1', 'password123', '12345678', '123456789',
  'changeme', 'qwerty123', 'analyst123', 'viewer123', 'demo1234', 'letmein1',
];
export const MIN_PRODUCTION_PASSWORD_LENGTH = 12;

function randomPassword(): string {
  return randomBytes(12).toString('base64url'); // 16 characters, ~96 bits
}

export interface CreatedAccount {
  username: string;
  role: Role;
  password: string;
}

/**
 * On a database without a real admin account (only harness users with no password, or none at
 * all), creates the missing demo accounts. Passwords: opts.passwords, else DEMO_<ROLE>_PASSWORD,
 * else random. Returns what it created so the caller can print the passwords once.
 */
export async function ensureDemoAccounts(
  prisma: AppPrismaClient,
  opts: { passwords?: Partial<Record<Role, string>> } = {},
): Promise<{ created: CreatedAccount[] }> {
  const realAdmin = await prisma.user.findFirst({
    where: { role: 'admin', passwordHash: { startsWith: '$argon2' } },
    select: { id: true },
  });
  if (realAdmin) return { created: [] };
  const e = env();
  const fromEnv: Record<Role, string | undefined> = {
    admin: e.DEMO_ADMIN_PASSWORD,
    analyst: e.DEMO_ANALYST_PASSWORD,
    viewer: e.DEMO_VIEWER_PASSWORD,
  };
  const created: CreatedAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = await prisma.user.findUnique({ where: { username: account.username }, select: { id: true } });
    if (exists) continue;
    const password = opts.passwords?.[account.role] ?? fromEnv[account.role] ?? randomPassword();
    await prisma.user.create({
      data: { ...account, passwordHash: await hashPassword(password) },
    });
    await prisma.auditLog.create({
      data: { action: 'create', entityType: 'user', entityId: null, after: { username: account.username, role: account.role }, note: 'demo account (seed)' },
    });
    created.push({ username: account.username, role: account.role, password });
  }
  return { created };
}

export function isWeakPassword(password: string): boolean {
  return password.length < MIN_PRODUCTION_PASSWORD_LENGTH || DEFAULT_PASSWORD_DENYLIST.includes(password.toLowerCase());
}

/**
 * Production only: a one-line reason why the app must not start, or null. Refuses when a
 * DEMO_*_PASSWORD is weak (shorter than 12 or on the denylist) or an active account's password
 * is on the denylist (active admins and demo accounts, up to 50, are checked against it).
 */
export async function productionPasswordProblem(prisma: AppPrismaClient): Promise<string | null> {
  const e = env();
  if (e.NODE_ENV !== 'production') return null;
  const envPasswords: [string, string | undefined][] = [
    ['DEMO_ADMIN_PASSWORD', e.DEMO_ADMIN_PASSWORD],
    ['DEMO_ANALYST_PASSWORD', e.DEMO_ANALYST_PASSWORD],
    ['DEMO_VIEWER_PASSWORD', e.DEMO_VIEWER_PASSWORD],
  ];
  for (const [name, value] of envPasswords) {
    if (value !== undefined && isWeakPassword(value)) {
      return `Refusing to start in production: ${name} is a default or weak password (use ${MIN_PRODUCTION_PASSWORD_LENGTH}+ characters, not a common one).`;
    }
  }
  // Admins and the demo accounts: the ones a default password would hurt most, and few enough
  // that ~70 ms per argon2 check keeps start-up quick.
  const users = await prisma.user.findMany({
    where: {
      active: true,
      passwordHash: { startsWith: '$argon2' },
      OR: [{ role: 'admin' }, { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } }],
    },
    select: { username: true, passwordHash: true },
    orderBy: { id: 'asc' },
    take: 50,
  });
  for (const u of users) {
    for (const candidate of DEFAULT_PASSWORD_DENYLIST) {
      if (await verifyPassword(u.passwordHash, candidate)) {
        return `Refusing to start in production: account "${u.username}" still has a default password; change it first.`;
      }
    }
  }
  return null;
}
