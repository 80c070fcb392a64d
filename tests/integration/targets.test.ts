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
const { saveHeadline } = await import('@/lib/actions/headline');
const { getOverview, OVERVIEW_TARGETS } = await import('@/lib/data/overview');

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

  it('the 2023 overview shows the city’s 五好 targets and headlines the Five Good indicators, not whatever was extracted', async () => {
    const o = await getOverview({ year: 2023 });
    const cityTargets = o.targets.filter((t) => t.subject.name === '湘潭市').map((t) => t.metric.key);
    for (const [key] of FIVE_GOOD_2023) expect(cityTargets).toContain(key);
    // The overview lists the first targets and counts them all (the link to /targets says how many).
    const all = await getYearTargets(2023);
    expect(all.length).toBeGreaterThan(OVERVIEW_TARGETS);
    expect(o.targets).toHaveLength(OVERVIEW_TARGETS);
    expect(o.targetCount).toBe(all.length);
    expect(o.targetMetricIds).toEqual([...new Set(all.map((t) => t.metric.id))].sort((a, b) => a - b));
    expect(o.headline).toBe('default');
    const keys = o.kpis.map((k) => k.metric.key);
    expect(keys).toContain('new_scale_industrial_enterprises');
    for (const junk of ['experts', 'honourees_speaking', 'units_reporting', 'funds_misappropriated']) expect(keys).not.toContain(junk);
    // 2023 has no park figures: the latest year with some is one click away
    expect(o.parkYears[0]).toBe(2022);
    const y2022 = await getOverview({ year: 2022 });
    expect(y2022.kpis.map((k) => k.metric.key)).toContain('leading_industry_output_growth');
    expect(y2022.counties.flatMap((c) => c.indicators.map((i) => i.park.name))).toContain('湘潭经开区');
    // A year without anything
    const none = await getOverview({ year: 2030 });
    expect([none.figuresInYear, none.targets.length, none.targetCount, none.kpis.length]).toEqual([0, 0, 0, 0]);
  });

  it('an admin chooses the headline of a dashboard, in order, audited; a bad choice changes nothing', async () => {
    const ids = async (...keys: string[]) =>
      Promise.all(keys.map(async (key) => (await db.prisma.metric.findUniqueOrThrow({ where: { key }, select: { id: true } })).id));
    const [a, b] = await ids('new_specialised_sme', 'people_trained');
    const r = await saveHeadline(undefined, { dashboard: 'overview', metricIds: [a, b] });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const o = await getOverview({ year: 2023 });
    expect(o.headline).toBe('admin');
    expect(o.kpis.map((k) => k.metric.key)).toEqual(['new_specialised_sme', 'people_trained']);
    // the wall keeps its own (default) headline
    expect((await getOverview({ year: 2023, dashboard: 'wall' })).headline).toBe('default');
    const audit = await db.prisma.auditLog.findFirst({ where: { entityType: 'dashboard_headline', entityId: 'overview' }, orderBy: { id: 'desc' } });
    expect(audit?.after).toEqual({ metricIds: [a, b] });

    const bad = await saveHeadline(undefined, { dashboard: 'overview', metricIds: [a, 999_999] });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    const dup = await saveHeadline(undefined, { dashboard: 'overview', metricIds: [a, a] });
    expect(dup).toMatchObject({ ok: false, status: 400 });
    expect((await db.prisma.dashboardHeadline.findMany({ where: { dashboard: 'overview' }, orderBy: { position: 'asc' } })).map((h) => h.metricId)).toEqual([a, b]);

    await actAs(db.prisma, { username: 'promise-viewer', role: 'viewer' });
    expect(await saveHeadline(undefined, { dashboard: 'overview', metricIds: [] })).toMatchObject({ ok: false, status: 403 });
    await actAs(db.prisma, { username: 'promise-admin', role: 'admin' });
    expect((await saveHeadline(undefined, { dashboard: 'overview', metricIds: [] })).ok).toBe(true);
    expect((await getOverview({ year: 2023 })).headline).toBe('default');
  });

  it('a viewer reads targets; an anonymous caller does not', async () => {
    await actAs(db.prisma, { username: 'promise-viewer', role: 'viewer' });
    expect((await getYearTargets(2023)).length).toBeGreaterThan(7);
    resetRequest();
    await expect(getYearTargets(2023)).rejects.toThrow();
  });
});
