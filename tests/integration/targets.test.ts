// Promises and delivery on the seed: the demo issue's 2023 五好 targets of 湘潭市 are targets with
// no actual yet; a later issue of our own reports 1—6月 investment (62亿元) and a lone second
// quarter; the target's timeline links both reports, counts the half year as progress by June
// (44.3%, in progress — never a shortfall) and keeps the quarter apart as not comparable.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { loadDemoIssue, applyDemoReview } = await import('@/lib/seed/demo');
const { ingestIssue } = await import('@/lib/ingest/ingest');
const { invalidateCache } = await import('@/lib/data/read-cache');
const { getYearTargets, getTargetTimeline } = await import('@/lib/data/targets');
const { updateFact } = await import('@/lib/actions/facts');

const FIVE_GOOD_2023: [string, string][] = [
  ['investment_in_demonstration_parks', '14000000000'],
  ['park_share_of_industrial_value_added', '85'],
  ['new_scale_industrial_enterprises', '120'],
  ['new_little_giant_enterprises', '40'],
  ['new_specialised_sme', '60'],
  ['new_enterprises_revenue_over_10bn', '2'],
  ['new_enterprises_revenue_over_5bn', '3'],
  ['projects_over_100m_per_chain', '8'],
];

describe.each(availableBackends())('targets and their delivery, on the seed (%s)', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    const demo = await loadDemoIssue(db.prisma);
    await applyDemoReview(db.prisma, demo.issueId);
    await actAs(db.prisma, { username: 'promise-admin', role: 'admin' });
    invalidateCache();
  }, 240_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('the seed page’s 2023 五好 targets of 湘潭市 are targets, each without an actual yet', async () => {
    const items = (await getYearTargets(2023)).filter((t) => t.subject.name === '湘潭市');
    const got = items.map((t) => [t.metric.key, t.value]);
    for (const expected of FIVE_GOOD_2023) expect(got).toContainEqual(expected);
    for (const t of items) {
      expect(t.progress.status).toBe('no_actual');
      expect(t.source.evidence).toBeTruthy();
      expect(t.source.date).toBe('2023-05-19');
    }
    expect(await getYearTargets(2022)).toEqual([]);
  });

  it('a later half-year report is progress by June; a lone quarter stays apart; every report is on the timeline', async () => {
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { key: 'investment_in_demonstration_parks' }, select: { id: true } });
    const city = await db.prisma.region.findFirstOrThrow({ where: { name: '湘潭市' }, select: { id: true } });
    await ingestIssue(db.prisma, {
      text: '园区建设半年报\n\n本报讯 1—6月，我市十大专业示范园区完成投资62亿元，项目建设提速。',
      date: '2023-07-20',
      publication: '湘潭日报',
    });
    await ingestIssue(db.prisma, {
      text: '二季度园区投资\n\n本报讯 二季度，我市十大专业示范园区完成投资35亿元。',
      date: '2023-07-28',
      publication: '湘潭日报',
    });
    const drafts = await db.prisma.fact.findMany({
      where: { status: 'draft', article: { issue: { date: { gte: new Date('2023-07-01T00:00:00Z') } } }, value: { in: ['6200000000', '3500000000'] } },
      select: { id: true, version: true, value: true },
    });
    expect(drafts.map((d) => d.value.toString()).sort()).toEqual(['3500000000', '6200000000']);
    for (const d of drafts) {
      const half = d.value.toString() === '6200000000';
      const r = await updateFact(undefined, {
        id: d.id, version: d.version, metricId: metric.id, subjectType: 'region', regionId: city.id, year: 2023,
        period: half ? 'M01-M06' : 'Q2', kind: 'actual', comparator: 'eq', value: d.value.toString(), unit: 'CNY',
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      await db.prisma.fact.update({ where: { id: d.id }, data: { status: 'approved' } });
    }
    invalidateCache();

    const item = (await getYearTargets(2023)).find((t) => t.metric.key === 'investment_in_demonstration_parks' && t.subject.name === '湘潭市')!;
    expect(item.actual?.value).toBe('6200000000');
    expect(item.progress).toMatchObject({ status: 'in_progress', percent: 44.3, coverage: { kind: 'to_month', month: 6 } });

    const timeline = (await getTargetTimeline(item.id))!;
    expect(timeline.year).toBe(2023);
    expect(timeline.subject.name).toBe('湘潭市');
    expect(timeline.target.value).toBe('14000000000');
    expect(timeline.targetReports.map((r) => r.source.evidence)).toEqual([expect.stringContaining('140亿元')]);
    expect(timeline.actuals.map((r) => [r.period, r.value, r.source.date])).toEqual([['M01-M06', '6200000000', '2023-07-20']]);
    expect(timeline.actuals[0]?.source.evidence).toContain('62亿元');
    expect(timeline.actuals[0]?.source.articleId).not.toBeNull();
    expect(timeline.latest?.progress?.percent).toBe(44.3);
    expect(timeline.notComparable.map((r) => [r.period, r.progress?.coverage])).toEqual([['Q2', { kind: 'none', reason: 'partial_period' }]]);

    // Any report of the target names it; an actual's report or an unknown id names none.
    expect((await getTargetTimeline(timeline.targetReports[0]!.factId))?.target.factId).toBe(timeline.target.factId);
    expect(await getTargetTimeline(timeline.actuals[0]!.factId)).toBeNull();
    expect(await getTargetTimeline(999_999)).toBeNull();
  });

  it('a viewer reads targets; an anonymous caller does not', async () => {
    await actAs(db.prisma, { username: 'promise-viewer', role: 'viewer' });
    expect((await getYearTargets(2023)).length).toBeGreaterThan(7);
    resetRequest();
    await expect(getYearTargets(2023)).rejects.toThrow();
  });
});
