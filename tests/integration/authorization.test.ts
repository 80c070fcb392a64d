// Every server action (each export of every 'use server' module in lib/actions) and every route
// handler (app/api/**/route.ts) called as anonymous, viewer and analyst: the answer is 401/403
// and not one row of any table changes. New actions and routes are picked up automatically;
// anything that needs less than admin must be listed in MIN_ROLE below, with a reason.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import type { Role } from '@/lib/auth/roles';
import {
  actAs,
  findFiles,
  forgetAppDatabase,
  isServerActionModule,
  resetRequest,
  tableCounts,
  useAppDatabase,
} from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Actions anyone may call (they are the way in and out). Tested in auth.test.ts. */
const PUBLIC_ACTIONS = new Set(['auth.signIn', 'auth.signOut']);
/** Minimum role of actions below admin ("<file>.<export>"). Default: admin. */
const MIN_ROLE: Record<string, Role> = {
  // an analyst's own saved explorer views
  'saved-views.saveView': 'analyst',
  'saved-views.deleteView': 'analyst',
  'saved-views.setStartView': 'analyst',
};
/** Route handlers anyone may call: liveness and the API description. */
const PUBLIC_ROUTES = new Set(['GET /api/health', 'GET /api/openapi.json']);
/** Minimum role per route handler below admin. GETs default to viewer, mutations to admin. */
const ROUTE_MIN_ROLE: Record<string, Role> = {
  // the explorer's API and exports are the analysts'
  'GET /api/export': 'analyst',
  'GET /api/export/layout': 'analyst',
  'GET /api/explorer/options': 'analyst',
  'GET /api/explorer/figures': 'analyst',
};

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
const CALLERS: (Role | null)[] = [null, 'viewer', 'analyst'];

type AnyFn = (...args: unknown[]) => unknown;

interface ActionCase {
  key: string;
  fn: AnyFn;
  minRole: Role;
}

async function discoverActions(): Promise<ActionCase[]> {
  const out: ActionCase[] = [];
  for (const file of findFiles(path.join(ROOT, 'lib/actions'), /\.ts$/)) {
    if (!isServerActionModule(file)) continue;
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    const base = path.basename(file, '.ts');
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      const key = `${base}.${name}`;
      if (PUBLIC_ACTIONS.has(key)) continue;
      out.push({ key, fn: value as AnyFn, minRole: MIN_ROLE[key] ?? 'admin' });
    }
  }
  return out;
}

/** Inputs shaped like real ones (ids that exist), so an action that forgot its check would write. */
function plausibleInput(ids: { factId: number; metricId: number; parkId: number; userId: number }): Record<string, unknown> {
  return {
    id: ids.factId,
    ids: [ids.factId],
    items: [{ id: ids.factId, version: 1 }],
    factId: ids.factId,
    version: 1,
    metricId: ids.metricId,
    sourceId: ids.metricId,
    targetId: ids.metricId,
    parkId: ids.parkId,
    userId: ids.userId,
    reason: '测试',
    note: '测试',
    text: '湘潭经开区2023年实现规模工业总产值500亿元。',
    publication: '湘潭日报',
    date: '2024-01-01',
    page: '1',
    name: '测试',
    key: 'test_metric',
    unit: '亿元',
    value: '1',
    username: 'intruder',
    displayName: 'Intruder',
    password: 'intruder-password-1',
    role: 'admin',
    active: 'false',
  };
}

function toFormData(obj: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v)) for (const x of v) fd.append(k, typeof x === 'object' ? JSON.stringify(x) : String(x));
    else fd.append(k, String(v));
  }
  return fd;
}

/** Calls an action; a thrown redirect/forbidden counts as "refused" with its digest. */
async function call(fn: AnyFn, ...args: unknown[]): Promise<unknown> {
  try {
    return await fn(...args);
  } catch (e) {
    return { thrown: e instanceof Error ? ((e as Error & { digest?: string }).digest ?? e.message) : String(e) };
  }
}

describe.each(availableBackends())('authorization on %s: every server action and route handler refuses callers below its role', (backend) => {
  let db: TestDatabase;
  let ids: { factId: number; metricId: number; parkId: number; userId: number };
  let actions: ActionCase[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    const { loadDemoIssue } = await import('@/lib/seed/demo');
    await loadDemoIssue(db.prisma);
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      await actAs(db.prisma, { username: `authz-${role}`, role });
    }
    const fact = await db.prisma.fact.findFirstOrThrow({ select: { id: true } });
    const metric = await db.prisma.metric.findFirstOrThrow({ select: { id: true } });
    const park = await db.prisma.park.findFirstOrThrow({ select: { id: true } });
    const user = await db.prisma.user.findFirstOrThrow({ where: { username: 'authz-admin' }, select: { id: true } });
    ids = { factId: fact.id, metricId: metric.id, parkId: park.id, userId: user.id };
    actions = await discoverActions();
  }, 180_000);

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('finds the action modules (the discovery itself works)', () => {
    const keys = actions.map((a) => a.key);
    console.info(`[authorization] ${keys.length} actions: ${keys.join(', ')}`);
    expect(keys).toEqual(expect.arrayContaining(['users.createUser', 'users.changeUserRole', 'users.resetUserPassword', 'users.setUserActive']));
  });

  it('every action answers 401 to anonymous and 403 to a role below its minimum, and writes nothing', async () => {
    expect(actions.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let calls = 0;
    for (const action of actions) {
      for (const caller of CALLERS) {
        if (caller && RANK[caller] >= RANK[action.minRole]) continue;
        const expected = caller ? 403 : 401;
        const input = plausibleInput(ids);
        for (const [shape, args] of [
          ['object', [input]],
          ['(state, FormData)', [null, toFormData(input)]],
        ] as const) {
          resetRequest();
          await actAs(db.prisma, caller ? { username: `authz-${caller}`, role: caller } : null);
          const before = await tableCounts(db);
          const result = await call(action.fn, ...args);
          const after = await tableCounts(db);
          calls++;
          const who = caller ?? 'anonymous';
          const status = (result as { status?: unknown } | null)?.status;
          const ok = (result as { ok?: unknown } | null)?.ok;
          if (ok !== false || status !== expected) {
            failures.push(`${action.key} as ${who} with ${shape}: expected {ok:false,status:${expected}}, got ${JSON.stringify(result)}`);
          }
          // Signing in as `caller` made a session row before the snapshot; nothing may change after it.
          if (JSON.stringify(before) !== JSON.stringify(after)) {
            const changed = Object.keys(after).filter((t) => before[t] !== after[t]);
            failures.push(`${action.key} as ${who} with ${shape}: rows changed in ${changed.join(', ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(actions.length * 2);
  }, 300_000);

  it('admins get past the role check (the minimum is not set too high)', async () => {
    const failures: string[] = [];
    for (const action of actions) {
      resetRequest();
      await actAs(db.prisma, { username: 'authz-admin', role: 'admin' });
      // An empty input: validation refuses it, so nothing is written, but not with 401/403.
      const result = await call(action.fn, {});
      const status = (result as { status?: unknown } | null)?.status;
      if (status === 401 || status === 403) failures.push(`${action.key} as admin: ${JSON.stringify(result)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('every route handler refuses callers below its role and writes nothing', async () => {
    const files = findFiles(path.join(ROOT, 'app/api'), /^route\.ts$/);
    expect(files.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const file of files) {
      const urlPath = '/' + path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/');
      const concrete = urlPath.replace(/\[\.{0,3}([^\]]+)\]/g, '1');
      const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const handler = mod[method];
        if (typeof handler !== 'function') continue;
        const key = `${method} ${urlPath}`;
        if (PUBLIC_ROUTES.has(key)) continue;
        const minRole = ROUTE_MIN_ROLE[key] ?? (method === 'GET' ? 'viewer' : 'admin');
        const params = Object.fromEntries([...urlPath.matchAll(/\[\.{0,3}([^\]]+)\]/g)].map((m) => [m[1], '1']));
        for (const caller of CALLERS) {
          if (caller && RANK[caller] >= RANK[minRole]) continue;
          resetRequest();
          await actAs(db.prisma, caller ? { username: `authz-${caller}`, role: caller } : null);
          const before = await tableCounts(db);
          const body = method === 'GET' ? undefined : JSON.stringify(plausibleInput(ids));
          const req = new Request(`http://localhost${concrete}`, {
            method,
            body,
            headers: { 'content-type': 'application/json' },
          });
          let status: number | string;
          try {
            const res = (await (handler as AnyFn)(req, { params: Promise.resolve(params) })) as Response;
            status = res.status;
          } catch (e) {
            status = `threw ${(e as Error).message}`;
          }
          const after = await tableCounts(db);
          const expected = caller ? 403 : 401;
          if (status !== expected) failures.push(`${key} as ${caller ?? 'anonymous'}: expected ${expected}, got ${status}`);
          if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${key} as ${caller ?? 'anonymous'}: rows changed`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
