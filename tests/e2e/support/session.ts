// Signed-in HTTP requests without a browser: a user and a session row written straight into the
// database (the session id is the SHA-256 of the cookie token, as lib/auth stores it), and the
// cookie to send. Used by API tests and the benchmark.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppPrismaClient } from '@/lib/db/client';
import { REPO_ROOT } from './build';

export type SessionRole = 'viewer' | 'analyst' | 'admin';

/** The session cookie's name, read from the AUTH module's source (it cannot be imported outside Next). */
export function sessionCookieName(): string {
  if (process.env.SESSION_COOKIE_NAME) return process.env.SESSION_COOKIE_NAME;
  const authDir = path.join(REPO_ROOT, 'lib/auth');
  const files = [path.join(REPO_ROOT, 'lib/auth.ts'), ...(existsSync(authDir) ? readdirSync(authDir).map((f) => path.join(authDir, f)) : [])];
  for (const f of files) {
    if (!f.endsWith('.ts') || !existsSync(f)) continue;
    const m = /(?:SESSION_COOKIE\w*|COOKIE_NAME)\s*(?::\s*string\s*)?=\s*['"`]([^'"`]+)['"`]/.exec(readFileSync(f, 'utf8'));
    if (m?.[1]) return m[1];
  }
  return 'xt_session';
}

/** Creates (or reuses) user `<prefix>-<role>` and a two-hour session; returns the Cookie header value. */
export async function createSessionCookie(prisma: AppPrismaClient, role: SessionRole, prefix = 'e2e'): Promise<string> {
  const username = `${prefix}-${role}`;
  const user = await prisma.user.upsert({
    where: { username },
    update: { role, active: true },
    // No usable password: this account can only be used through the session made here.
    create: { username, displayName: `${prefix} ${role}`, passwordHash: '!no-password', role },
    select: { id: true },
  });
  const token = randomBytes(32).toString('base64url');
  await prisma.session.create({
    data: {
      id: createHash('sha256').update(token).digest('hex'),
      userId: user.id,
      expiresAt: new Date(Date.now() + 2 * 3600_000),
      userAgent: `${prefix}-tests`,
    },
  });
  return `${sessionCookieName()}=${token}`;
}
