// Sign-in, sessions and sign-out against a real (PGlite) database: cookie flags, token hashing,
// expiry and sliding renewal, deactivation, rate limits per account and per address, timing of
// unknown users, redirects to `next`, role checks, demo accounts and the production guard.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { resetEnvCache } from '@/lib/env';
import { actAs, ensureUser, forgetAppDatabase, request, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { signIn, signOut } = await import('@/lib/actions/auth');
const { authorize, getCurrentUser, requireUser, clientAddress, PEER_ADDRESS_HEADER } = await import('@/lib/auth');
const { SESSION_COOKIE_NAME, SESSION_TTL_MS, createSession, validateSessionToken, sessionIdFromToken } = await import('@/lib/auth/session');
const { MAX_FAILURES_PER_IP, MAX_FAILURES_PER_ACCOUNT_AND_IP, accountDelayMs } = await import('@/lib/auth/rate-limit');
const { ensureDemoAccounts, productionPasswordProblem } = await import('@/lib/seed/accounts');
const { hashPassword } = await import('@/lib/auth/password');

const PASSWORD = 'correct-horse-42';

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** Runs an action that may redirect; returns its value or the redirect target. */
async function run(p: Promise<unknown>): Promise<{ redirect?: string; result?: unknown }> {
  try {
    return { result: await p };
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] };
    throw e;
  }
}

function sessionCookieSet() {
  return request.setCookies.filter((c) => c.name === SESSION_COOKIE_NAME).at(-1);
}

describe('sign-in and sessions', () => {
  let db: TestDatabase;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    useAppDatabase(db);
    await ensureUser(db.prisma, 'alice', 'analyst', PASSWORD);
    await ensureUser(db.prisma, 'root', 'admin', PASSWORD);
  }, 120_000);

  afterEach(() => {
    process.env = { ...savedEnv };
    resetEnvCache();
  });

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('signs in: a hashed session row, an httpOnly Lax cookie for 7 days, redirect to next, audited', async () => {
    resetRequest('198.51.100.1');
    const before = Date.now();
    const out = await run(signIn(null, form({ username: ' Alice ', password: PASSWORD, next: '/metrics?year=2023' })));
    expect(out.redirect).toBe('/metrics?year=2023');
    const c = sessionCookieSet();
    expect(c).toBeDefined();
    expect(c?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
    const expires = (c?.options.expires as Date).getTime();
    expect(expires - before).toBeGreaterThan(SESSION_TTL_MS - 60_000);
    expect(expires - before).toBeLessThanOrEqual(SESSION_TTL_MS + 60_000);
    // The database holds the SHA-256 of the token, never the token.
    const id = createHash('sha256').update(c?.value ?? '').digest('hex');
    const row = await db.prisma.session.findUnique({ where: { id }, select: { ip: true, userAgent: true, user: { select: { username: true, lastLoginAt: true } } } });
    expect(row?.user.username).toBe('alice');
    expect(row?.ip).toBe('198.51.100.1');
    expect(row?.user.lastLoginAt).not.toBeNull();
    expect(await db.prisma.session.count({ where: { id: c?.value ?? '' } })).toBe(0);
    expect(await getCurrentUser()).toMatchObject({ username: 'alice', role: 'analyst' });
    const audit = await db.prisma.auditLog.findFirst({ where: { action: 'sign_in' }, orderBy: { id: 'desc' } });
    expect(audit?.note).toBe('198.51.100.1');
  });

  it('marks the cookie Secure when configured or when the request came over HTTPS', async () => {
    resetRequest('198.51.100.2');
    request.headers.set('x-forwarded-proto', 'https');
    await run(signIn(null, form({ username: 'alice', password: PASSWORD })));
    expect(sessionCookieSet()?.options.secure).toBe(true);

    resetRequest('198.51.100.2');
    process.env.COOKIE_SECURE = 'true';
    resetEnvCache();
    await run(signIn(null, form({ username: 'alice', password: PASSWORD })));
    expect(sessionCookieSet()?.options.secure).toBe(true);
  });

  it('takes the address the nearest proxy appended, not one the client put first in X-Forwarded-For', async () => {
    resetRequest();
    request.headers.set('x-forwarded-for', '10.9.8.7, 198.51.100.77');
    await run(signIn(null, form({ username: 'alice', password: 'not-it-at-all' })));
    const last = await db.prisma.loginAttempt.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { ip: true } });
    expect(last.ip).toBe('198.51.100.77');
  });

  it('only follows same-origin next paths', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      resetRequest('198.51.100.3');
      const out = await run(signIn(null, form({ username: 'alice', password: PASSWORD, next })));
      expect(out.redirect, next).toBe('/');
    }
  });

  it('refuses wrong passwords and unknown users with the same message, beside the password field', async () => {
    resetRequest('198.51.100.4');
    const sessions = await db.prisma.session.count();
    const wrong = (await run(signIn(null, form({ username: 'alice', password: 'nope-nope' })))).result;
    const unknown = (await run(signIn(null, form({ username: 'nobody', password: 'nope-nope' })))).result;
    expect(wrong).toEqual({ ok: false, status: 401, message: '用户名或密码不正确', fieldErrors: { password: ['用户名或密码不正确'] }, values: { username: 'alice' } });
    expect({ ...(unknown as object), values: undefined }).toEqual({ ...(wrong as object), values: undefined });
    expect(await db.prisma.session.count()).toBe(sessions);
    expect(sessionCookieSet()).toBeUndefined();
    const attempts = await db.prisma.loginAttempt.findMany({ where: { ip: '198.51.100.4' }, select: { username: true, success: true } });
    expect(attempts).toEqual(expect.arrayContaining([{ username: 'alice', success: false }, { username: 'nobody', success: false }]));
    expect(await db.prisma.auditLog.count({ where: { action: 'sign_in_failed', note: { startsWith: 'nobody' } } })).toBe(1);
  });

  it('spends comparable time on unknown users and wrong passwords (a real hash is verified either way)', async () => {
    const time = async (username: string, i: number) => {
      resetRequest(`198.51.100.${50 + i}`);
      const t = performance.now();
      await run(signIn(null, form({ username, password: 'wrong-password' })));
      return performance.now() - t;
    };
    await time('nobody-warmup', 0);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 1; i <= 3; i++) {
      known.push(await time('root', i));
      unknown.push(await time(`ghost${i}`, i + 10));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    await db.prisma.loginAttempt.deleteMany({ where: { username: 'root' } });
  });

  it(`${MAX_FAILURES_PER_ACCOUNT_AND_IP} wrong passwords from one address block that address for the account, not the owner elsewhere`, async () => {
    await ensureUser(db.prisma, 'bob', 'viewer', PASSWORD);
    const attacker = '192.0.2.66';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      resetRequest(attacker);
      const r = (await run(signIn(null, form({ username: 'bob', password: `wrong-${i}` })))).result as { status: number };
      expect(r.status).toBe(401);
    }
    // From the attacker's address even the right password is refused for 15 minutes.
    resetRequest(attacker);
    const blocked = (await run(signIn(null, form({ username: 'bob', password: PASSWORD })))).result;
    expect(blocked).toMatchObject({ ok: false, status: 429, message: '尝试次数过多，请 15 分钟后再试' });
    expect(sessionCookieSet()).toBeUndefined();
    // The account is slowed down for everyone (1 s after the 5th failure), not locked: once that
    // wait has passed (moved into the past here instead of sleeping), the owner signs in elsewhere.
    resetRequest('198.51.100.5');
    const tooSoon = (await run(signIn(null, form({ username: 'bob', password: PASSWORD })))).result as { status: number; message: string };
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.message).toMatch(/^尝试次数过多，请 \d 秒后再试$/);
    await db.prisma.loginAttempt.updateMany({ where: { username: 'bob' }, data: { createdAt: new Date(Date.now() - accountDelayMs(MAX_FAILURES_PER_ACCOUNT_AND_IP) - 1000) } });
    resetRequest('198.51.100.5');
    expect((await run(signIn(null, form({ username: 'bob', password: PASSWORD })))).redirect).toBe('/');
    // Failures older than the window no longer count, from the attacker's address either.
    await db.prisma.loginAttempt.updateMany({ where: { username: 'bob' }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    resetRequest(attacker);
    expect((await run(signIn(null, form({ username: 'bob', password: PASSWORD })))).redirect).toBe('/');
    await db.prisma.loginAttempt.deleteMany({ where: { username: 'bob' } });
  });

  it('slows an account down with a growing delay when the failures come from many addresses', async () => {
    await ensureUser(db.prisma, 'erin', 'viewer', PASSWORD);
    expect([4, 5, 6, 7, 8, 20].map(accountDelayMs)).toEqual([0, 1000, 2000, 4000, 8000, 300_000]);
    const failAt = async (n: number) => {
      // One failure per address, each after the wait owed so far (moved into the past, not slept).
      await db.prisma.loginAttempt.updateMany({ where: { username: 'erin' }, data: { createdAt: new Date(Date.now() - accountDelayMs(n) - 1000) } });
      resetRequest(`192.0.2.${100 + n}`);
      return (await run(signIn(null, form({ username: 'erin', password: 'wrong-password' })))).result as { status: number };
    };
    for (let n = 0; n < 8; n++) expect((await failAt(n)).status).toBe(401);
    // 8 failures: the next attempt, from a fresh address and with the right password, waits 8 s.
    resetRequest('192.0.2.250');
    const r = (await run(signIn(null, form({ username: 'erin', password: PASSWORD })))).result as { status: number; message: string };
    expect(r).toMatchObject({ status: 429 });
    expect(Number(/请 (\d+) 秒/.exec(r.message)?.[1])).toBeGreaterThan(4);
    await db.prisma.loginAttempt.updateMany({ where: { username: 'erin' }, data: { createdAt: new Date(Date.now() - 9000) } });
    resetRequest('192.0.2.250');
    expect((await run(signIn(null, form({ username: 'erin', password: PASSWORD })))).redirect).toBe('/');
    await db.prisma.loginAttempt.deleteMany({ where: { username: 'erin' } });
  });

  it('takes the address from the socket, and from X-Forwarded-For only as far as TRUSTED_PROXY_HOPS', () => {
    const h = (xff: string | null, peer: string | null) => {
      const out = new Headers();
      if (xff !== null) out.set('x-forwarded-for', xff);
      if (peer !== null) out.set(PEER_ADDRESS_HEADER, peer);
      return out;
    };
    // No proxy trusted: a client-sent X-Forwarded-For is ignored.
    expect(clientAddress(h('6.6.6.6', '198.51.100.9'), 0)).toBe('198.51.100.9');
    expect(clientAddress(h(null, '198.51.100.9'), 0)).toBe('198.51.100.9');
    // One proxy (peer 10.0.0.2) appended the client's address; what the client put before it is ignored.
    expect(clientAddress(h('6.6.6.6, 203.0.113.50', '10.0.0.2'), 1)).toBe('203.0.113.50');
    expect(clientAddress(h('6.6.6.6, 203.0.113.50, 10.0.0.1', '10.0.0.2'), 2)).toBe('203.0.113.50');
    // More hops configured than the chain holds: the first entry.
    expect(clientAddress(h('203.0.113.50', '10.0.0.2'), 5)).toBe('203.0.113.50');
    // No stamp (outside `next start`): the last X-Forwarded-For entry, as Next fills it from the socket.
    expect(clientAddress(h('6.6.6.6, 192.0.2.1', null), 0)).toBe('192.0.2.1');
    expect(clientAddress(h(null, null), 0)).toBe('unknown');
  });

  it(`blocks an address after ${MAX_FAILURES_PER_IP} failures, other addresses unaffected`, async () => {
    const ip = '203.0.113.200';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      resetRequest(ip);
      await run(signIn(null, form({ username: `spray${i}`, password: 'wrong-password' })));
    }
    resetRequest(ip);
    const blocked = (await run(signIn(null, form({ username: 'alice', password: PASSWORD })))).result as { status: number; message: string };
    expect(blocked.status).toBe(429);
    expect(blocked.message).toMatch(/^尝试次数过多，请 \d+ 分钟后再试$/);
    resetRequest('203.0.113.201');
    expect((await run(signIn(null, form({ username: 'alice', password: PASSWORD })))).redirect).toBe('/');
  });

  it('rejects expired sessions and deletes them; renews sessions used in their second half', async () => {
    const id = await ensureUser(db.prisma, 'carol', 'viewer', PASSWORD);
    const t0 = new Date('2026-01-01T00:00:00Z');
    const { token } = await createSession(db.prisma, id, {}, t0);
    // Day 2: valid, not renewed.
    const d2 = await validateSessionToken(db.prisma, token, new Date(t0.getTime() + 2 * 86_400_000));
    expect(d2?.renewed).toBe(false);
    // Day 5: renewed to day 12.
    const d5 = new Date(t0.getTime() + 5 * 86_400_000);
    const renewed = await validateSessionToken(db.prisma, token, d5);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.expiresAt.getTime()).toBe(d5.getTime() + SESSION_TTL_MS);
    // After the (renewed) expiry: rejected and purged.
    const late = new Date(d5.getTime() + SESSION_TTL_MS + 1000);
    expect(await validateSessionToken(db.prisma, token, late)).toBeNull();
    expect(await db.prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
    // Malformed tokens never reach the database.
    expect(await validateSessionToken(db.prisma, "x' OR 1=1 --")).toBeNull();
  });

  it('a deactivated user cannot sign in and their open sessions stop working', async () => {
    const id = await ensureUser(db.prisma, 'dave', 'admin', PASSWORD);
    resetRequest('198.51.100.30');
    await actAs(db.prisma, { username: 'dave', role: 'admin' });
    expect((await authorize('admin')).ok).toBe(true);
    await db.prisma.user.update({ where: { id }, data: { active: false } });
    expect(await getCurrentUser()).toBeNull();
    expect(await authorize('viewer')).toEqual({ ok: false, status: 401, message: '请先登录' });
    resetRequest('198.51.100.31');
    const r = (await run(signIn(null, form({ username: 'dave', password: PASSWORD })))).result as { status: number; message: string };
    expect(r.status).toBe(401);
    expect(r.message).toContain('停用');
    expect(sessionCookieSet()).toBeUndefined();
  });

  it('signs out: the session row is deleted, the cookie cleared, the event audited', async () => {
    resetRequest('198.51.100.40');
    await actAs(db.prisma, { username: 'alice', role: 'analyst' });
    const token = request.cookies.get(SESSION_COOKIE_NAME) ?? '';
    const out = await run(signOut());
    expect(out.redirect).toBe('/login');
    expect(await db.prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
    expect(sessionCookieSet()?.options.maxAge).toBe(0);
    expect(request.cookies.has(SESSION_COOKIE_NAME)).toBe(false);
    // The old token no longer works even if a copy was kept.
    request.cookies.set(SESSION_COOKIE_NAME, token);
    expect(await getCurrentUser()).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'sign_out' } })).toBeGreaterThan(0);
  });

  it('authorize and requireUser follow the role order viewer < analyst < admin', async () => {
    resetRequest();
    await actAs(db.prisma, null);
    expect(await authorize('viewer')).toMatchObject({ ok: false, status: 401 });
    request.headers.set('x-request-path', '/parks/3?year=2023');
    expect((await run(requireUser('viewer'))).redirect).toBe('/login?next=%2Fparks%2F3%3Fyear%3D2023');

    await actAs(db.prisma, { username: 'alice', role: 'analyst' });
    expect(await authorize('viewer')).toMatchObject({ ok: true });
    expect(await authorize('analyst')).toMatchObject({ ok: true });
    expect(await authorize('admin')).toMatchObject({ ok: false, status: 403 });
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'; // what next.config's authInterrupts sets
    await expect(requireUser('admin')).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    await expect(requireUser('analyst')).resolves.toMatchObject({ username: 'alice' });
  });
});

describe('demo accounts and the production password guard', () => {
  let db: TestDatabase;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    useAppDatabase(db);
  }, 120_000);

  afterEach(() => {
    process.env = { ...savedEnv };
    resetEnvCache();
  });

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('creates admin/analyst/viewer once, with env or random passwords, that can sign in', async () => {
    process.env.DEMO_ADMIN_PASSWORD = 'env-admin-password-2026';
    delete process.env.DEMO_ANALYST_PASSWORD;
    delete process.env.DEMO_VIEWER_PASSWORD;
    resetEnvCache();
    const first = await ensureDemoAccounts(db.prisma, { passwords: { viewer: 'given-viewer-pass' } });
    expect(first.created.map((c) => [c.username, c.role])).toEqual([['admin', 'admin'], ['analyst', 'analyst'], ['viewer', 'viewer']]);
    const pw = Object.fromEntries(first.created.map((c) => [c.username, c.password]));
    expect(pw.admin).toBe('env-admin-password-2026');
    expect(pw.viewer).toBe('given-viewer-pass');
    expect(pw.analyst).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await ensureDemoAccounts(db.prisma)).created).toEqual([]);
    const hashes = await db.prisma.user.findMany({ select: { passwordHash: true } });
    for (const h of hashes) expect(h.passwordHash).toMatch(/^\$argon2id\$/);
    for (const c of first.created) {
      resetRequest(`198.51.100.${90 + first.created.indexOf(c)}`);
      expect((await run(signIn(null, form({ username: c.username, password: c.password })))).redirect, c.username).toBe('/');
    }
  });

  it('refuses production with a weak DEMO_* password or an account whose password is a known default', async () => {
    (process.env as Record<string, string>).NODE_ENV = 'development';
    process.env.DEMO_ADMIN_PASSWORD = 'admin123';
    resetEnvCache();
    expect(await productionPasswordProblem(db.prisma)).toBeNull(); // development: allowed

    (process.env as Record<string, string>).NODE_ENV = 'production';
    resetEnvCache();
    expect(await productionPasswordProblem(db.prisma)).toMatch(/DEMO_ADMIN_PASSWORD is a default or weak password/);

    process.env.DEMO_ADMIN_PASSWORD = 'a-long-and-unusual-passphrase';
    resetEnvCache();
    expect(await productionPasswordProblem(db.prisma)).toBeNull();

    await db.prisma.user.update({ where: { username: 'viewer' }, data: { passwordHash: await hashPassword('changeme') } });
    expect(await productionPasswordProblem(db.prisma)).toMatch(/account "viewer" still has a default password/);
    await db.prisma.user.update({ where: { username: 'viewer' }, data: { active: false } });
    expect(await productionPasswordProblem(db.prisma)).toBeNull(); // a deactivated account cannot sign in anyway
  });
});
