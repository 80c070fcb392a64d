// Runs server actions and route handlers outside Next, as a given user: a stand-in for
// next/headers (cookie jar + request headers) and next/cache, and the app's database singleton
// pointed at a test database. A test file wires it up with:
//   vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
//   vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@/lib/db/client';
import type { AppPrismaClient } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { createSession, SESSION_COOKIE_NAME } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';

export interface SetCookie {
  name: string;
  value: string;
  options: Record<string, unknown>;
}

/** The "request" the code under test sees. */
export const request = {
  cookies: new Map<string, string>(),
  headers: new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '203.0.113.7' }),
  /** Every cookie the code set, in order (for flag checks). */
  setCookies: [] as SetCookie[],
};

export function resetRequest(ip = '203.0.113.7'): void {
  request.cookies.clear();
  request.headers = new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': ip });
  request.setCookies = [];
}

const jar = {
  get(name: string) {
    const value = request.cookies.get(name);
    return value === undefined ? undefined : { name, value };
  },
  getAll() {
    return [...request.cookies].map(([name, value]) => ({ name, value }));
  },
  has(name: string) {
    return request.cookies.has(name);
  },
  set(nameOrObj: string | { name: string; value: string }, value?: string, options: Record<string, unknown> = {}) {
    const c = typeof nameOrObj === 'string' ? { name: nameOrObj, value: value ?? '', options } : { name: nameOrObj.name, value: nameOrObj.value, options: nameOrObj as Record<string, unknown> };
    request.setCookies.push(c);
    const expired = c.options.maxAge === 0 || (c.options.expires instanceof Date && c.options.expires.getTime() <= Date.now());
    if (expired || c.value === '') request.cookies.delete(c.name);
    else request.cookies.set(c.name, c.value);
    return jar;
  },
  delete(name: string) {
    request.cookies.delete(name);
    request.setCookies.push({ name, value: '', options: { maxAge: 0 } });
    return jar;
  },
};

export const nextHeadersMock = {
  cookies: async () => jar,
  headers: async () => request.headers,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

export const nextCacheMock = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: () => undefined,
};

/** Makes lib/db.ts hand out this database (its globalThis slot), so no second PGlite opens the folder. */
export function useAppDatabase(db: Database): void {
  (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = Promise.resolve(db);
}

export function forgetAppDatabase(): void {
  (globalThis as typeof globalThis & { __appDb?: Promise<Database> }).__appDb = undefined;
}

/** Creates (or reuses) an active user with a real password; returns its id. */
export async function ensureUser(prisma: AppPrismaClient, username: string, role: Role, password = 'test-password-123'): Promise<number> {
  const existing = await prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (existing) return existing.id;
  const u = await prisma.user.create({
    data: { username, displayName: `Test ${role}`, role, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  return u.id;
}

/** Puts a fresh session cookie for `username` into the request (null: signed out). */
export async function actAs(prisma: AppPrismaClient, who: { username: string; role: Role } | null): Promise<void> {
  request.cookies.clear();
  if (!who) return;
  const id = await ensureUser(prisma, who.username, who.role);
  const { token } = await createSession(prisma, id, { ip: '203.0.113.7', userAgent: 'vitest' });
  request.cookies.set(SESSION_COOKIE_NAME, token);
}

/** Row count of every table in the public schema (the "nothing was written" check). */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
    out[name] = Number(row?.n ?? 0);
  }
  return out;
}

/** Files under dir (recursive) whose name matches. */
export function findFiles(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findFiles(full, name));
    else if (name.test(entry)) out.push(full);
  }
  return out.sort();
}

/** True when the file starts with a 'use server' directive (after comments). */
export function isServerActionModule(file: string): boolean {
  const src = readFileSync(file, 'utf8').replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '');
  return /^['"]use server['"]/.test(src.trimStart());
}
