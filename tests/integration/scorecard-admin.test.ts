// Admins assign, move, order and remove the scorecard's indicators: each change is audited in its
// transaction, a viewer is refused with nothing written, bad choices are refused with the field
// named, and the scorecard reads the new assignment.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';
import { invalidateCache } from '@/lib/data/read-cache';
import { asSystem } from '@/tests/support/system-caller';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const actions = await import('@/lib/actions/scorecard');
const data = await import('@/lib/data/scorecard');
const getScorecardDimensions = asSystem(data.getScorecardDimensions);

describe('scorecard assignment (pglite)', () => {
  let db: TestDatabase;
  const id = async (key: string) => (await db.prisma.metric.findUniqueOrThrow({ where: { key } })).id;
  const dim = async (key: string) => (await db.prisma.scorecardDimension.findUniqueOrThrow({ where: { key } })).id;
  const keysOf = async (key: string) => {
    invalidateCache();
    return (await getScorecardDimensions()).find((d) => d.key === key)!.indicators.map((m) => m.key);
  };

  beforeAll(async () => {
    db = await createTestDatabase('pglite', { seed: true });
    useAppDatabase(db);
  }, 120_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('refuses a viewer and writes nothing', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'sc-viewer', role: 'viewer' });
    const before = await db.prisma.scorecardMetric.count();
    const r = await actions.assignScorecardIndicator({ metricId: await id('gdp'), dimensionId: await dim('planning') });
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect(await db.prisma.scorecardMetric.count()).toBe(before);
  });

  it('adds, moves between dimensions, reorders and removes, each audited', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'sc-admin', role: 'admin' });
    const gdp = await id('gdp');
    const fd = new FormData();
    fd.set('metricId', String(gdp));
    fd.set('dimensionId', String(await dim('planning')));
    expect(await actions.assignScorecardIndicator(null, fd)).toMatchObject({ ok: true });
    expect((await keysOf('planning')).at(-1)).toBe('gdp');
    expect(await actions.assignScorecardIndicator({ metricId: gdp, dimensionId: await dim('planning') })).toMatchObject({ ok: false, status: 400, fieldErrors: { metricId: expect.any(Array) } });
    expect(await actions.assignScorecardIndicator({ metricId: gdp, dimensionId: await dim('image') })).toMatchObject({ ok: true });
    expect(await keysOf('planning')).not.toContain('gdp');
    expect((await keysOf('image')).at(-1)).toBe('gdp');
    expect(await actions.moveScorecardIndicator({ metricId: gdp, direction: 'up' })).toMatchObject({ ok: true });
    const image = await keysOf('image');
    expect(image.at(-2)).toBe('gdp');
    expect(await actions.moveScorecardIndicator({ metricId: await id(image[0]!), direction: 'up' })).toMatchObject({ ok: false, status: 400 });
    expect(await actions.unassignScorecardIndicator({ metricId: gdp })).toMatchObject({ ok: true });
    expect(await keysOf('image')).not.toContain('gdp');
    const log = await db.prisma.auditLog.findMany({ where: { entityType: 'scorecard_metric' }, orderBy: { id: 'asc' }, select: { action: true, userId: true } });
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'reorder', 'delete']);
    expect(log.every((l) => l.userId !== null)).toBe(true);
  });

  it('refuses the unclassified metric, unknown ids and malformed input', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'sc-admin', role: 'admin' });
    expect(await actions.assignScorecardIndicator({ metricId: await id('unclassified'), dimensionId: await dim('planning') })).toMatchObject({ ok: false, status: 400 });
    expect(await actions.assignScorecardIndicator({ metricId: 999999, dimensionId: await dim('planning') })).toMatchObject({ ok: false, status: 404 });
    expect(await actions.assignScorecardIndicator({ metricId: 'x', dimensionId: '' })).toMatchObject({ ok: false, status: 400, fieldErrors: { metricId: expect.any(Array), dimensionId: expect.any(Array) } });
    expect(await actions.moveScorecardIndicator({ metricId: await id('gdp'), direction: 'sideways' })).toMatchObject({ ok: false, status: 400 });
  });

  it('the seed does not re-add defaults an admin removed', async () => {
    const { seedScorecardDefaults } = await import('@/lib/seed/scorecard');
    await db.prisma.scorecardMetric.deleteMany();
    expect(await seedScorecardDefaults(db.prisma)).toBe(0);
    expect(await db.prisma.scorecardMetric.count()).toBe(0);
  });
});
