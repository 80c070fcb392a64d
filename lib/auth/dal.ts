// The data-access layer's own authorisation (the DAL of Next.js's authentication guide): every
// exported read in lib/data starts with `await requireRole(role)`, so a page, layout, route
// handler or action that forgets its own check still gets nothing. Who the caller is:
//   1. a caller already verified further up the same async call (route() after its role check,
//      or an outer lib/data function) — kept in an AsyncLocalStorage, so nested reads and the
//      read cache's background refreshes do not query the session again;
//   2. the signed-in user of this request (requireUser: React cache() makes that one query per
//      render; no session → 307 to /login, role too low → forbidden() → 403);
//   3. the trusted system context of a command-line process or a test (runAsSystem), which a
//      Next.js server refuses to enter: there is no way to reach it from a request.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { forbidden } from 'next/navigation';
import { hasRole, type Role, type SessionUser } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth';

export type Caller = { kind: 'user'; user: SessionUser } | { kind: 'system'; reason: string };

// On globalThis: Next bundles route handlers and pages separately; one store for all of them.
const g = globalThis as typeof globalThis & { __xtCallerStore?: AsyncLocalStorage<Caller> };
const store: AsyncLocalStorage<Caller> = (g.__xtCallerStore ??= new AsyncLocalStorage<Caller>());

/**
 * The caller, checked to hold at least `minRole`. Call first thing in every lib/data function
 * that returns non-public data. Throws Next's redirect (no session) or forbidden (role too low).
 */
export async function requireRole(minRole: Role): Promise<Caller> {
  const known = store.getStore();
  if (known) {
    if (known.kind === 'system' || hasRole(known.user.role, minRole)) return known;
    forbidden();
  }
  return { kind: 'user', user: await requireUser(minRole) };
}

/**
 * Runs fn with `user` as the verified caller of every lib/data read inside it. Only for code that
 * has just checked this user's session itself (lib/api/route.ts after authorize()).
 */
export function withVerifiedUser<T>(user: SessionUser, fn: () => T): T {
  return store.run({ kind: 'user', user }, fn);
}

/**
 * Runs fn as the trusted system (all roles): for command-line scripts and tests that read
 * lib/data outside any request. Refused inside a Next.js server, where every read must come
 * from a signed-in user: Next compiles process.env.NEXT_RUNTIME into its server bundles.
 */
export function runAsSystem<T>(reason: string, fn: () => T): T {
  if (process.env.NEXT_RUNTIME) throw new Error('runAsSystem is not available inside the Next.js server');
  return store.run({ kind: 'system', reason }, fn);
}
