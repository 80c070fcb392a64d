// The data-access layer checks the caller itself: every exported function of every lib/data
// module, called with no session, a made-up cookie, and each role below its minimum, throws
// Next's redirect to /login or forbidden() and returns nothing — whatever page, layout, route or
// action calls it. New modules and functions are picked up automatically: a read that forgets
// `await requireRole(...)` fails here. Pure helpers (no I/O) are listed in PURE.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import type { Role } from '@/lib/auth/roles';
import { runAsSystem, withVerifiedUser } from '@/lib/auth/dal';
import { invalidateCache } from '@/lib/data/read-cache';
import { actAs, findFiles, forgetAppDatabase, request, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Exports that read no data (pure builders, parsers, constants): "<module>.<export>". */
const PURE = new Set([
  'audit.diffValues',
  'audit.auditWhere',
  'fact-cursor.encodeCursor',
  'fact-cursor.decodeCursor',
  'fact-scope.regionSubtree',
  'fact-scope.ints',
  'fact-scope.statusList',
  'fact-scope.statusesFor',
  'read-cache.cached',
  'read-cache.invalidateCache',
  'read-cache.cacheSize',
  'read-cache.dataVersion',
  'read-cache.setCacheBroadcast',
  'overview.toSourced',
  'overview.cityValue',
  'overview.buildKpis',
  'overview.buildRanking',
  'overview.buildCounties',
  'overview.buildTrend',
  'overview.placeScope',
  'overview.groupAwards',
  'overview.overviewTargets',
  'provenance.isoDate',
  'review.toReviewFact',
  'targets.linkTargets',
  'targets.buildTimeline',
  'map.buildMapView',
]);
/** Reads anyone may make. */
const PUBLIC = new Set(['health.checkDatabase']);
/** Minimum role of each read; unlisted reads are admin-only. */
const MIN_ROLE: Record<string, Role> = {
  'fact-list.listFacts': 'viewer',
  'fact-aggregate.aggregateFacts': 'viewer',
  'fact-scope.loadPlaceTree': 'viewer',
  'fact-scope.filterConditions': 'viewer',
  'fact-scope.keyConditions': 'viewer',
  'reference-lists.listMetrics': 'viewer',
  'reference-lists.listParks': 'viewer',
  'reference-lists.listRegions': 'viewer',
  'reference-lists.listRecognitions': 'viewer',
  'explorer.getExplorerOptions': 'analyst',
  'explorer.getFirstView': 'analyst',
  'explorer.getPlaceFigures': 'analyst',
  'saved-views.listSavedViews': 'analyst',
  'saved-views.getStartView': 'analyst',
  'metrics-view.getMetrics': 'viewer',
  'metrics-view.getMetricList': 'viewer',
  'metrics-view.getMetricView': 'viewer',
  'overview.getYearsWithFigures': 'viewer',
  'overview.getOverview': 'viewer',
  'parks.getParkView': 'viewer',
  'provenance.getFigures': 'viewer',
  'provenance.getFiguresCached': 'viewer',
  'provenance.getSubjectFigures': 'viewer',
  'provenance.getSubjectFigureKeys': 'viewer',
  'projects.getParkProjects': 'viewer',
  'provenance.getArticleWithFacts': 'viewer',
  'regions.getPlaces': 'viewer',
  'regions.getRecognitions': 'viewer',
  'regions.getArticlesMentioning': 'viewer',
  'regions.getRegionView': 'viewer',
  'summary.getHomeSummary': 'viewer',
  'summary.getFactCountsByPark': 'viewer',
  'targets.getYearTargets': 'viewer',
  'headline.getHeadlineChoice': 'viewer',
  'headline.getHeadlineMetricIds': 'viewer',
  'targets.getTargetTimeline': 'viewer',
  'fact-versions.getFactRevisions': 'viewer',
  'scorecard.getScorecardDimensions': 'viewer',
  'map.getMapView': 'viewer',
  'as-of.getDataAsOf': 'viewer',
  'scorecard.getScorecard': 'viewer',
  'scorecard.getParkPeriods': 'viewer',
};
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

type AnyFn = (...args: unknown[]) => unknown;
interface Read {
  key: string;
  fn: AnyFn;
  minRole: Role;
}

/** Arguments that would return rows to a caller allowed to see them. */
function argsFor(key: string, ids: { articleId: number; parkId: number; issueId: number }): unknown[] {
  switch (key) {
    case 'fact-list.listFacts':
      return [{}, undefined, 50];
    case 'fact-aggregate.aggregateFacts':
      return ['park', {}];
    case 'fact-scope.filterConditions':
      return [{ region: '430300' }, false];
    case 'fact-scope.keyConditions':
      return [{ region: '430300' }, 'f'];
    case 'reference-lists.listRecognitions':
    case 'explorer.getExplorerOptions':
    case 'explorer.getPlaceFigures':
      return [{}];
    case 'metrics-view.getMetricView':
      return ['gross_output'];
    case 'parks.getParkView':
    case 'scorecard.getParkPeriods':
    case 'projects.getParkProjects':
      return [ids.parkId];
    case 'provenance.getFigures':
    case 'provenance.getFiguresCached':
    case 'provenance.getSubjectFigures':
    case 'provenance.getSubjectFigureKeys':
      return [{}];
    case 'provenance.getArticleWithFacts':
      return [ids.articleId, { includeDrafts: false }];
    case 'regions.getArticlesMentioning':
      return [{ parkIds: [ids.parkId], regionIds: [], names: ['湘潭'] }];
    case 'regions.getRegionView':
      return ['430300'];
    case 'headline.getHeadlineChoice':
      return ['overview'];
    case 'headline.getHeadlineAdmin':
      return [['overview', 'wall']];
    case 'targets.getYearTargets':
      return [2023];
    case 'targets.getTargetTimeline':
      return [1];
    case 'articles.getAdminArticle':
      return [ids.articleId];
    case 'audit.listAuditEntries':
      return [{ page: 1 }];
    case 'review.getReviewArticles':
      return [ids.issueId, 'all'];
    case 'issues.getIssueRecord':
      return [ids.issueId];
    case 'fact-versions.getFactRevisions':
      return [[1, 2, 3]];
    case 'review-context.getReviewExtras':
      return [[]];
    default:
      return [];
  }
}

async function discoverReads(): Promise<{ reads: Read[]; unclassified: string[] }> {
  const reads: Read[] = [];
  const unclassified: string[] = [];
  for (const file of findFiles(path.join(ROOT, 'lib/data'), /\.ts$/)) {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    const base = path.basename(file, '.ts');
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue; // classes (errors) are not reads
      const key = `${base}.${name}`;
      if (PURE.has(key) || PUBLIC.has(key)) continue;
      if (value.constructor.name !== 'AsyncFunction') unclassified.push(key);
      reads.push({ key, fn: value as AnyFn, minRole: MIN_ROLE[key] ?? 'admin' });
    }
  }
  return { reads, unclassified };
}

/** The digest of what the call threw ("NEXT_REDIRECT;…", "NEXT_HTTP_ERROR_FALLBACK;403"), or what it returned. */
async function outcome(fn: AnyFn, args: unknown[]): Promise<{ thrown: string } | { value: unknown }> {
  try {
    return { value: await fn(...args) };
  } catch (e) {
    return { thrown: e instanceof Error ? ((e as Error & { digest?: string }).digest ?? `${e.name}: ${e.message}`) : String(e) };
  }
}

describe('lib/data checks the caller itself', () => {
  let db: TestDatabase;
  let reads: Read[] = [];
  let unclassified: string[] = [];
  let ids: { articleId: number; parkId: number; issueId: number };
  const previousFlag = process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;

  beforeAll(async () => {
    // next.config.mjs sets experimental.authInterrupts; Next passes it to forbidden() this way.
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
    db = await createTestDatabase('pglite', { seed: true });
    useAppDatabase(db);
    const { loadDemoIssue } = await import('@/lib/seed/demo');
    await loadDemoIssue(db.prisma);
    const article = await db.prisma.article.findFirstOrThrow({ select: { id: true, issueId: true } });
    const park = await db.prisma.park.findFirstOrThrow({ select: { id: true } });
    ids = { articleId: article.id, parkId: park.id, issueId: article.issueId };
    ({ reads, unclassified } = await discoverReads());
  }, 180_000);

  afterAll(async () => {
    if (previousFlag === undefined) delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
    else process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = previousFlag;
    forgetAppDatabase();
    await db?.destroy();
  });

  it('finds the reads (the discovery works) and every export is a read, a pure helper or public', () => {
    expect(reads.map((r) => r.key)).toEqual(expect.arrayContaining(['review.getReviewArticles', 'overview.getOverview', 'fact-list.listFacts', 'users.listUsers']));
    expect(unclassified).toEqual([]);
  });

  it('refuses anonymous callers and made-up cookies with a redirect to /login, before any data', async () => {
    const failures: string[] = [];
    for (const cookie of [null, 'bogus', 'A'.repeat(43)]) {
      for (const read of reads) {
        resetRequest();
        if (cookie) request.cookies.set('xt_session', cookie);
        invalidateCache();
        const r = await outcome(read.fn, argsFor(read.key, ids));
        if (!('thrown' in r) || !r.thrown.startsWith('NEXT_REDIRECT;') || !r.thrown.includes('/login')) {
          failures.push(`${read.key} with cookie ${cookie ?? '(none)'}: ${JSON.stringify(r).slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses every role below a read\'s minimum with forbidden (403)', async () => {
    const failures: string[] = [];
    let refused = 0;
    for (const role of ['viewer', 'analyst'] as const) {
      resetRequest();
      await actAs(db.prisma, { username: `dal-${role}`, role });
      for (const read of reads) {
        if (RANK[role] >= RANK[read.minRole]) continue;
        invalidateCache();
        const r = await outcome(read.fn, argsFor(read.key, ids));
        refused++;
        if (!('thrown' in r) || r.thrown !== 'NEXT_HTTP_ERROR_FALLBACK;403') failures.push(`${read.key} as ${role}: ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(10);
    // Drafts are the admin's: a viewer asking for them is refused too.
    resetRequest();
    await actAs(db.prisma, { username: 'dal-viewer', role: 'viewer' });
    const { getArticleWithFacts } = await import('@/lib/data/provenance');
    expect(await outcome(getArticleWithFacts as AnyFn, [ids.articleId, { includeDrafts: true }])).toEqual({ thrown: 'NEXT_HTTP_ERROR_FALLBACK;403' });
  }, 120_000);

  it('serves each read to its own role (the minimum is not set too high)', async () => {
    const failures: string[] = [];
    for (const read of reads) {
      resetRequest();
      await actAs(db.prisma, { username: `dal-${read.minRole}`, role: read.minRole });
      invalidateCache();
      const r = await outcome(read.fn, argsFor(read.key, ids));
      if ('thrown' in r) failures.push(`${read.key} as ${read.minRole}: ${r.thrown}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('a caller verified by route() is trusted for its own role only; the system context is refused inside Next', async () => {
    const { listUsers } = await import('@/lib/data/users');
    resetRequest();
    const viewer = { id: 1, username: 'v', displayName: 'V', role: 'viewer' as const };
    expect(await outcome(() => withVerifiedUser(viewer, () => listUsers()), [])).toEqual({ thrown: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    expect('value' in (await outcome(() => runAsSystem('test', () => listUsers()), []))).toBe(true);
    process.env.NEXT_RUNTIME = 'nodejs';
    try {
      expect(() => runAsSystem('test', () => listUsers())).toThrow(/not available inside the Next.js server/);
    } finally {
      delete process.env.NEXT_RUNTIME;
    }
  });
});
