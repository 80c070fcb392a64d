// What a figure is (issue 10), on the seed's own examples: the demo issue imported through the
// real path and reviewed as the seed reviews it, then a second issue of our own that reports one
// figure again and one figure differently. Checks the figure rule end to end: events add up,
// separate events are no trend, a repeated report is one figure, disagreeing reports are a
// conflict an admin sees and settles, a project's investment is never its park's, unclassified
// facts stay off the dashboards, and every page, the API and the CSV/XLSX exports give the same
// number for the same question.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';
import type { SessionUser } from '@/lib/auth/roles';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { loadDemoIssue, applyDemoReview } = await import('@/lib/seed/demo');
const { ingestIssue } = await import('@/lib/ingest/ingest');
const { invalidateCache } = await import('@/lib/data/read-cache');
const { getFigures, getSubjectFigureKeys, getSubjectFigures } = await import('@/lib/data/provenance');
const { getOverview, buildTrend } = await import('@/lib/data/overview');
const { getRegionView } = await import('@/lib/data/regions');
const { getParkView } = await import('@/lib/data/parks');
const { getParkProjects } = await import('@/lib/data/projects');
const { getMetricView, getMetrics } = await import('@/lib/data/metrics-view');
const { aggregateFacts } = await import('@/lib/data/fact-aggregate');
const { listFacts } = await import('@/lib/data/fact-list');
const { aggregateFactsForCaller, exportFactsForCaller, listFactsForCaller } = await import('@/lib/api/facts');
const { listConflicts, listUnclassified } = await import('@/lib/data/figure-review');
const { listEventGroups } = await import('@/lib/data/event-review');
const { settleConflict, mergeEventReports, splitEventReport } = await import('@/lib/actions/figures');
const { updateFact, createManualFact } = await import('@/lib/actions/facts');
const { getPickerOptions } = await import('@/lib/data/catalog');
const { saveHeadline } = await import('@/lib/actions/headline');
const { factsToCsv, factsToXlsx } = await import('@/lib/export/facts');
const { trendOption } = await import('@/lib/charts/figures');
const { figureMeaningChanges } = await import('@/lib/db/figure-check');
const { Decimal } = await import('@/lib/vocab/units');

describe.each(availableBackends())('what a figure is, on the seed (%s)', (backend) => {
  let db: TestDatabase;
  let admin: SessionUser;
  const metricId = async (key: string) => (await db.prisma.metric.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
  const regionId = async (name: string) => (await db.prisma.region.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  const parkId = async (name: string) => (await db.prisma.park.findFirstOrThrow({ where: { name }, select: { id: true } })).id;

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    const demo = await loadDemoIssue(db.prisma);
    await applyDemoReview(db.prisma, demo.issueId);
    await actAs(db.prisma, { username: 'fig-admin', role: 'admin' });
    admin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'fig-admin' }, select: { id: true, username: true, displayName: true, role: true } });
    invalidateCache();
  }, 240_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('the three trainings are 3 figures and about 305 people for 全市 2023', async () => {
    const trained = await metricId('people_trained');
    const city = await regionId('湘潭市');
    const figures = (await getFigures({ years: [2023], metricIds: [trained], kinds: ['actual'] })).filter((f) => f.regionId === city);
    expect(figures.map((f) => f.value).sort()).toEqual(['100', '150', '55']);
    const [total, ...more] = (await getSubjectFigures({ years: [2023], metricIds: [trained], kinds: ['actual'], regionIds: [city] })).filter(
      (f) => f.regionId === city,
    );
    expect(more).toEqual([]);
    expect(total?.value).toBe('305');
    expect(total?.comparator).toBe('approx'); // 150余 + 55 + 近100
    expect(total?.events.length).toBe(3);
    // Not a Five Good indicator: it heads the overview once an admin chooses it.
    expect((await getOverview({ year: 2023 })).kpis.some((k) => k.metric.key === 'people_trained')).toBe(false);
    expect((await saveHeadline(undefined, { dashboard: 'overview', metricIds: [trained] })).ok).toBe(true);
    const card = (await getOverview({ year: 2023 })).kpis.find((k) => k.metric.key === 'people_trained');
    expect(card?.value).toBe('305');
    expect(card?.basis).toBe('city');
    expect((await saveHeadline(undefined, { dashboard: 'overview', metricIds: [] })).ok).toBe(true);
  });

  it("the overview's figure keys are getSubjectFigures' figures (events summed, the same left out), without values", async () => {
    const trained = await metricId('people_trained');
    const city = await regionId('湘潭市');
    for (const filter of [{}, { years: [2023], periods: 'all' as const }, { years: [2023], kinds: ['actual' as const, 'target' as const], periods: 'annual-and-targets' as const }]) {
      const keys = await getSubjectFigureKeys(filter);
      const figures = await getSubjectFigures(filter);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys).toEqual(
        figures.map((f) => ({
          metricId: f.metricId,
          parkId: f.parkId,
          regionId: f.regionId,
          projectId: f.projectId,
          orgId: f.orgId,
          year: f.year,
          period: f.period,
          kind: f.kind,
          unit: f.unit,
          latest: { factId: f.latest.factId, date: f.latest.date },
          events: f.events.length,
        })),
      );
    }
    const keys = await getSubjectFigureKeys({ years: [2023], metricIds: [trained], kinds: ['actual'], regionIds: [city] });
    expect(keys.filter((k) => k.regionId === city).map((k) => k.events)).toEqual([3]);
  });

  it('the two misappropriation cases are 2 figures, drawn as separate bars, not a line', async () => {
    const funds = await metricId('funds_misappropriated');
    const figures = await getFigures({ metricIds: [funds], kinds: ['actual'] });
    expect(figures.map((f) => [f.year, f.value])).toEqual([[2019, '110000'], [2023, '220000']]);
    const metric = (await getMetrics()).find((m) => m.id === funds)!;
    expect(metric.nature).toBe('event');
    // As the region page of 韶山市 draws it.
    const view = (await getRegionView('430382'))!;
    const trend = buildTrend(metric, view.figures, { city: view.region, counties: [], parks: view.parks });
    expect(trend.years).toEqual([2019, 2023]);
    const option = trendOption(trend.years, trend.series, metric, 'zh') as { series: { type: string }[] };
    expect(option.series.length).toBeGreaterThan(0);
    expect(option.series.every((s) => s.type === 'bar')).toBe(true);
  });

  it('the same figure from two articles is 1 figure reported twice; disagreeing reports are a conflict an admin settles', async () => {
    const growth = await metricId('leading_industry_output_growth');
    const jk = await parkId('湘潭经开区');
    const before = (await getFigures({ years: [2022], metricIds: [growth], parkIds: [jk] })).filter((f) => f.parkId === jk && f.kind === 'actual');
    expect(before).toHaveLength(1);
    // A later issue (sentences of our own) reports the same figure again, and another one reports it differently.
    await ingestIssue(db.prisma, {
      text: '园区工作简讯\n\n本报讯 去年湘潭经开区主导产业产值增速12%，位居全市园区前列。',
      date: '2023-06-02',
      publication: '湘潭日报',
    });
    await ingestIssue(db.prisma, {
      text: '园区工作回顾\n\n本报讯 2022年湘潭经开区主导产业产值增速11.5%，高于全市平均水平。',
      date: '2023-07-03',
      publication: '湘潭日报',
    });
    const drafts = await db.prisma.fact.findMany({
      where: { status: 'draft', article: { issue: { date: { gte: new Date('2023-06-01T00:00:00Z') } } }, value: { in: ['12', '11.5'] }, unit: 'percent' },
      select: { id: true, version: true, value: true },
    });
    expect(drafts.map((d) => d.value.toString()).sort()).toEqual(['11.5', '12']);
    // The reviewer sets what the extractor may have missed (subject, year, metric) and approves.
    for (const d of drafts) {
      const r = await updateFact(undefined, {
        id: d.id, version: d.version, metricId: growth, subjectType: 'park', parkId: jk, year: 2022, period: '', kind: 'actual',
        comparator: 'eq', value: d.value.toString(), unit: 'percent',
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const twelve = drafts.find((d) => d.value.toString() === '12')!;
    const other = drafts.find((d) => d.value.toString() === '11.5')!;
    await db.prisma.fact.update({ where: { id: twelve.id }, data: { status: 'approved' } });
    invalidateCache();
    const once = (await getFigures({ years: [2022], metricIds: [growth], parkIds: [jk] })).filter((f) => f.parkId === jk && f.kind === 'actual');
    expect(once).toHaveLength(1);
    expect(once[0]).toMatchObject({ value: '12', reports: 2, sources: 2, values: 1 });

    await db.prisma.fact.update({ where: { id: other.id }, data: { status: 'approved' } });
    invalidateCache();
    const conflicted = (await getFigures({ years: [2022], metricIds: [growth], parkIds: [jk] })).filter((f) => f.parkId === jk && f.kind === 'actual');
    expect(conflicted).toHaveLength(1);
    expect(conflicted[0]).toMatchObject({ reports: 3, values: 2 });
    const rank = (await getOverview({ year: 2022, metricKey: 'leading_industry_output_growth' })).ranking.find((r) => r.park.id === jk);
    expect(rank?.actual?.conflict).toBe(true);

    const conflicts = await listConflicts();
    const item = conflicts.find((c) => c.metricKey === 'leading_industry_output_growth' && c.year === 2022);
    expect(item?.reports.map((r) => r.value).sort()).toEqual(['11.5', '12', '12']);
    await actAs(db.prisma, { username: 'fig-viewer', role: 'viewer' });
    await expect(listConflicts()).rejects.toThrow();
    await expect(listUnclassified()).rejects.toThrow();
    await actAs(db.prisma, { username: 'fig-admin', role: 'admin' });

    const keep = item!.reports.find((r) => r.value === '12')!;
    const settled = await settleConflict({ figureId: item!.figureId, keepFactId: keep.factId });
    expect(settled.ok, JSON.stringify(settled)).toBe(true);
    invalidateCache();
    const after = (await getFigures({ years: [2022], metricIds: [growth], parkIds: [jk] })).filter((f) => f.parkId === jk && f.kind === 'actual');
    expect(after[0]).toMatchObject({ value: '12', reports: 2, values: 1 });
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('rejected');
    expect((await listConflicts()).some((c) => c.figureId === item!.figureId)).toBe(false);
    expect(await db.prisma.auditLog.count({ where: { entityType: 'fact', entityId: String(other.id), action: 'reject' } })).toBe(1);
  });

  it('an admin merges two reports of one event and splits them again', async () => {
    const trained = await metricId('people_trained');
    const city = await regionId('湘潭市');
    const reports = await db.prisma.fact.findMany({ where: { metricId: trained, regionId: city, year: 2023, status: 'approved' }, select: { id: true }, orderBy: { id: 'asc' } });
    const [a, b] = reports;
    const merged = await mergeEventReports({ factIds: [a!.id, b!.id] });
    expect(merged.ok, JSON.stringify(merged)).toBe(true);
    invalidateCache();
    const figs = (await getFigures({ years: [2023], metricIds: [trained], regionIds: [city] })).filter((f) => f.regionId === city);
    expect(figs).toHaveLength(2);
    expect(figs.some((f) => f.reports === 2 && f.values === 2)).toBe(true); // merged by hand, values differ: shown as a conflict
    for (const id of [a!.id, b!.id]) expect((await splitEventReport({ factId: id })).ok).toBe(true);
    invalidateCache();
    expect((await getFigures({ years: [2023], metricIds: [trained], regionIds: [city] })).filter((f) => f.regionId === city)).toHaveLength(3);
    const refused = await mergeEventReports({ factIds: [a!.id, (await db.prisma.fact.findFirstOrThrow({ where: { metricId: await metricId('leading_industry_output_growth'), status: 'approved' } })).id] });
    expect(refused.ok).toBe(false);
  });

  it('the same event reported twice (same value, a label saying the same thing, issues ≤ 14 days apart) is one figure; an admin merges and splits the rest', async () => {
    const trained = await metricId('people_trained');
    const county = await db.prisma.region.findFirstOrThrow({ where: { name: '湘乡市' }, select: { id: true, code: true } });
    const pub = await db.prisma.publication.findFirstOrThrow({ select: { id: true } });
    const report = async (date: string, label: string, n: number) => {
      const issue = await db.prisma.issue.create({
        data: { publicationId: pub.id, date: new Date(`${date}T00:00:00Z`), checksum: `same-event-${date}-${n}`.padEnd(64, '0'), charCount: 10 },
      });
      const article = await db.prisma.article.create({ data: { issueId: issue.id, ordinal: 1, headline: `${label}（${date}）`, body: `${label}200人。` } });
      return db.prisma.fact.create({
        data: {
          metricId: trained, metricLabel: label, regionId: county.id, year: 2021, kind: 'actual', value: '200', unit: 'person',
          status: 'approved', source: 'extracted', articleId: article.id, evidence: `${label}200人。`,
        },
        select: { id: true },
      });
    };
    const a = await report('2021-03-01', '科技特派员培训', 1);
    const b = await report('2021-03-10', '科技特派员 培训班', 2); // 9 days later, same training
    const c = await report('2021-05-20', '科技特派员培训', 3); // two months later: another training
    const d = await report('2021-03-05', '电商直播培训', 4); // the same week, another training
    invalidateCache();
    const figures = async () => (await getFigures({ years: [2021], metricIds: [trained], regionIds: [county.id] })).filter((f) => f.regionId === county.id && f.kind === 'actual');
    let figs = await figures();
    expect(figs.map((f) => f.reports).sort()).toEqual([1, 1, 2]);
    expect(figs.every((f) => f.values === 1)).toBe(true);
    const [total] = (await getSubjectFigures({ years: [2021], metricIds: [trained], kinds: ['actual'], regionIds: [county.id] })).filter((f) => f.regionId === county.id);
    expect(total).toMatchObject({ value: '600', reports: 4 });
    expect(total?.events).toHaveLength(3);
    const [agg] = await aggregateFacts('region', { metric: 'people_trained', region: county.code, yearFrom: 2021, yearTo: 2021, kind: ['actual'] });
    expect(agg).toMatchObject({ value: '600', figures: 3, reports: 4 });

    // The admin list shows the four reports as three events.
    const group = (await listEventGroups()).find((g) => g.year === 2021 && g.subject === '湘乡市' && g.reports.some((r) => r.factId === a.id));
    expect(group?.events).toBe(3);
    expect(group?.reports.find((r) => r.factId === a.id)?.figureId).toBe(group?.reports.find((r) => r.factId === b.id)?.figureId);

    // The admin knows the May report is the March training again: merging c into a's event takes b along.
    const merged = await mergeEventReports({ factIds: [a.id, c.id] });
    expect(merged.ok, JSON.stringify(merged)).toBe(true);
    invalidateCache();
    figs = await figures();
    expect(figs.map((f) => f.reports).sort()).toEqual([1, 3]);
    // …and that b was a training of its own after all.
    expect((await splitEventReport({ factId: b.id })).ok).toBe(true);
    invalidateCache();
    figs = await figures();
    expect(figs.map((f) => f.reports).sort()).toEqual([1, 1, 2]);
    expect(await db.prisma.auditLog.count({ where: { entityType: 'fact', entityId: { in: [a, b, c].map((x) => String(x.id)) }, action: { in: ['merge', 'update'] } } })).toBe(4);
    // A later edit of an unrelated field keeps the admin's grouping.
    await db.prisma.fact.update({ where: { id: c.id }, data: { evidence: '科技特派员培训200人（更正）。' } });
    invalidateCache();
    expect((await figures()).map((f) => f.reports).sort()).toEqual([1, 1, 2]);
    void d;
  });

  it("a project's investment is the project's: listed on its park's page, never ranked as the park's", async () => {
    const invest = await metricId('project_total_investment');
    const shaoshan = await parkId('韶山高新区');
    const project = await db.prisma.project.findUniqueOrThrow({ where: { name: '韶山电子信息高科技产业园项目' } });
    expect(project.parkId).toBe(shaoshan);
    const parkFigures = await getFigures({ metricIds: [invest], parkIds: [shaoshan] });
    expect(parkFigures).toEqual([]);
    for (const kind of ['actual', 'plan'] as const) {
      void kind;
      const o = await getOverview({ year: 2023, metricKey: 'project_total_investment' });
      expect(o.ranking.every((r) => r.actual === null)).toBe(true);
      expect(o.kpis.some((k) => k.metric.key === 'project_total_investment')).toBe(false);
    }
    const agg = await aggregateFacts('park', { metric: 'project_total_investment' });
    expect(agg).toEqual([]);
    const projects = await getParkProjects(shaoshan);
    expect(projects.map((p) => p.name)).toEqual(['韶山电子信息高科技产业园项目']);
    expect(projects[0]?.figures.map((f) => [f.kind, f.value])).toEqual([['plan', '238580000']]);
  });

  it('the manual editor picks a project or an organisation as the subject, and refuses one that does not exist', async () => {
    const invest = await metricId('project_total_investment');
    const options = await getPickerOptions();
    const project = options.projects.find((p) => p.label === '韶山电子信息高科技产业园项目');
    expect(project?.hint).toBe('韶山高新区');
    const form = (extra: Record<string, unknown>) => ({
      metricId: invest, year: '2024', period: '', kind: 'plan', comparator: 'eq', value: '1.2亿元', unit: '元',
      status: 'draft', sourceNote: '区政府工作报告', submissionKey: crypto.randomUUID(), ...extra,
    });
    const r = await createManualFact(null, form({ subjectType: 'project', projectId: String(project!.id) }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const stored = await db.prisma.fact.findUniqueOrThrow({ where: { id: r.ok ? r.data!.id : 0 }, select: { projectId: true, orgName: true, parkId: true } });
    expect(stored).toEqual({ projectId: project!.id, orgName: '韶山电子信息高科技产业园项目', parkId: null });
    const org = await db.prisma.organization.create({ data: { name: '测试合作社' } });
    const o = await createManualFact(null, form({ subjectType: 'org', orgId: String(org.id), metricId: await metricId('people_trained'), kind: 'actual', value: '30', unit: '人' }));
    expect(o.ok, JSON.stringify(o)).toBe(true);
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: o.ok ? o.data!.id : 0 }, select: { orgId: true } })).orgId).toBe(org.id);
    const missing = await createManualFact(null, form({ subjectType: 'project', projectId: '999999' }));
    expect(missing).toMatchObject({ ok: false, status: 400, fieldErrors: { projectId: ['项目不存在'] } });
    const none = await createManualFact(null, form({ subjectType: 'project' }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.fieldErrors?.projectId?.[0]).toMatch(/请选择项目/);
  });

  it('keeps unclassified facts off the dashboards and lists them for admins', async () => {
    const unclassified = await metricId('unclassified');
    // Even approved, with a subject and a year, an unclassified fact (a 150% rate with a label) is no dashboard figure.
    const city = await regionId('湘潭市');
    const some = await db.prisma.fact.create({
      data: { metricId: unclassified, metricLabel: '完成率', regionId: city, year: 2023, kind: 'actual', value: '150', unit: 'percent', status: 'approved', source: 'manual', sourceNote: '测试：未归类' },
      select: { id: true },
    });
    invalidateCache();
    const fact = await db.prisma.fact.findUniqueOrThrow({ where: { id: some.id } });
    expect(await getFigures({ metricIds: [unclassified] })).toEqual([]);
    const o = await getOverview({ year: fact.year ?? 2023 });
    expect(o.kpis.some((k) => k.metric.key === 'unclassified')).toBe(false);
    expect(o.rankingMetrics.some((m) => m.key === 'unclassified')).toBe(false);
    const list = await listUnclassified();
    expect(list.items.some((i) => i.id === some.id)).toBe(true);
    // The explorer still lists it.
    const page = await listFacts({ metric: 'unclassified' }, undefined, 500, { isAdmin: false });
    expect(page.items.some((i) => i.id === some.id)).toBe(true);
  });

  it('refuses to move a 人次 fact to a metric counted in 人, saying why', async () => {
    const fact = await db.prisma.fact.create({
      data: { metricId: await metricId('visitors'), regionId: await regionId('湘潭市'), year: 2023, kind: 'actual', value: '12000', unit: 'person_time', status: 'draft', source: 'manual', sourceNote: '测试' },
    });
    const r = await updateFact(undefined, {
      id: fact.id, version: fact.version, metricId: await metricId('people_trained'), subjectType: 'region', regionId: fact.regionId, year: 2023,
      period: '', kind: 'actual', comparator: 'eq', value: '12000', unit: 'person_time',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(400);
      expect(r.message).toMatch(/人次/);
      expect(r.fieldErrors?.unit?.[0]).toMatch(/人次.*人数|不属同一类/);
    }
    // 公顷 fits a metric counted in 亩 (converted on the pages).
    const ok = await updateFact(undefined, {
      id: fact.id, version: fact.version, metricId: await metricId('crop_area'), subjectType: 'region', regionId: fact.regionId, year: 2023,
      period: '', kind: 'actual', comparator: 'eq', value: '10', unit: 'hectare',
    });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
  });

  it('overview, region, park, metric and wall pages, the API and the CSV/XLSX exports give the same numbers', async () => {
    invalidateCache();
    const questions = [
      { metric: 'people_trained', subject: { region: '湘潭市', code: '430300' }, year: 2023 },
      { metric: 'leading_industry_output_growth', subject: { park: '湘潭经开区' }, year: 2022 },
      { metric: 'funds_misappropriated', subject: { region: '韶山市', code: '430382' }, year: 2023 },
      { metric: 'little_giant_enterprises_cumulative', subject: { park: '湘潭经开区' }, year: 2022 },
    ] as const;
    const user = { ...admin, role: 'analyst' as const };
    for (const q of questions) {
      const label = `${q.metric} · ${JSON.stringify(q.subject)} · ${q.year}`;
      const mid = await metricId(q.metric);
      const isPark = 'park' in q.subject;
      const sid = isPark ? await parkId((q.subject as { park: string }).park) : await regionId((q.subject as { region: string }).region);
      const mine = <F extends { metricId: number; year: number; kind: string; parkId: number | null; regionId: number | null }>(figs: F[]) =>
        figs.filter((f) => f.metricId === mid && f.year === q.year && f.kind === 'actual' && (isPark ? f.parkId === sid : f.regionId === sid && f.parkId === null));
      const values = new Map<string, string | null | undefined>();
      // Metric page
      const metricView = await getMetricView(q.metric);
      values.set('metric page', mine(metricView!.figures)[0]?.value);
      // Region or park page
      if (isPark) {
        values.set('park page', mine((await getParkView(sid))!.figures)[0]?.value);
      } else {
        values.set('region page', mine((await getRegionView((q.subject as { code: string }).code))!.figures)[0]?.value);
      }
      // Overview and wall (the wall renders getOverview): ranking for parks, KPI for the city
      // (the city's figure heads the overview as the admin's chosen headline)
      expect((await saveHeadline(undefined, { dashboard: 'overview', metricIds: [mid] })).ok).toBe(true);
      const overview = await getOverview({ year: q.year, metricKey: q.metric });
      expect((await saveHeadline(undefined, { dashboard: 'overview', metricIds: [] })).ok).toBe(true);
      if (isPark) values.set('overview ranking', overview.ranking.find((r) => r.park.id === sid)?.actual?.value);
      else if ((q.subject as { region: string }).region === '湘潭市') values.set('overview KPI', overview.kpis.find((k) => k.metric.key === q.metric)?.value);
      // API aggregate for the subject
      const agg = await aggregateFacts(isPark ? 'park' : 'region', {
        metric: q.metric, yearFrom: q.year, yearTo: q.year, kind: ['actual'],
        ...(isPark ? { park: sid } : { region: (q.subject as { code: string }).code }),
      });
      const row = agg.find((a) => (isPark ? a.group.park?.id === sid : a.group.region?.id === sid));
      values.set('aggregateFacts', row?.value);
      // The API as its routes answer (caller rules, read-model cache): /api/aggregates and /api/facts
      const filters = {
        metric: q.metric, yearFrom: q.year, yearTo: q.year, kind: ['actual' as const],
        ...(isPark ? { park: sid } : { region: (q.subject as { code: string }).code }),
      };
      const apiAgg = await aggregateFactsForCaller(user, isPark ? 'park' : 'region', filters);
      values.set('API /aggregates', apiAgg.find((a) => (isPark ? a.group.park?.id === sid : a.group.region?.id === sid))?.value);
      const page = await listFactsForCaller(user, filters, undefined, 500, {});
      const apiLatest = page.items.filter((r) => (isPark ? r.park?.id === sid : r.region?.id === sid && r.park === null) && r.id === r.latestFactId);
      values.set('API /facts', apiLatest.length ? apiLatest.reduce((sum, r) => sum.plus(r.value), new Decimal(0)).toFixed() : undefined);
      // Exports: one row per report; the latest report of each figure, summed
      const rows = await exportFactsForCaller(user, {
        metric: q.metric, yearFrom: q.year, yearTo: q.year, kind: ['actual'],
        ...(isPark ? { park: sid } : { region: (q.subject as { code: string }).code }),
      }, {});
      const ofSubject = rows.filter((r) => (isPark ? r.park?.id === sid : r.region?.id === sid && r.park === null));
      const latest = ofSubject.filter((r) => r.id === r.latestFactId);
      expect(new Set(latest.map((r) => r.figureId)).size, label).toBe(latest.length);
      const csv = factsToCsv(latest);
      const csvLines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      const valueCol = csvLines[0]!.split(',').indexOf('数值');
      const csvSum = csvLines.slice(1).reduce((s, l) => s + Number(l.split(',')[valueCol]), 0);
      values.set('CSV export', latest.length ? String(csvSum) : undefined);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await factsToXlsx(latest)) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).indexOf('数值');
      let xlsxSum = 0;
      ws.eachRow((r, n) => {
        if (n > 1) xlsxSum += Number(r.getCell(header).value);
      });
      values.set('XLSX export', latest.length ? String(xlsxSum) : undefined);
      const distinct = new Set(values.values());
      expect(distinct.size, `${label}: ${JSON.stringify(Object.fromEntries(values))}`).toBe(1);
      expect([...distinct][0], label).toBeTruthy();
    }
  });

  it('lists every figure whose meaning changed (the data check)', async () => {
    // A fact kept from before the unit check: 人次 under a metric counted in 人.
    const misfit = await db.prisma.fact.create({
      data: { metricId: await metricId('people_trained'), regionId: await regionId('湘乡市'), year: 2022, kind: 'actual', value: '800', unit: 'person_time', status: 'approved', source: 'manual', sourceNote: '测试' },
    });
    // Two reports of one area in 亩 and 公顷: one figure now.
    const area = await metricId('land_converted_commercial_to_industrial');
    const tiyi = await parkId('天易经开区');
    const [a, b] = await Promise.all(
      [['30', 'mu'], ['2', 'hectare']].map(([value, unit]) =>
        db.prisma.fact.create({ data: { metricId: area, parkId: tiyi, year: 2021, kind: 'actual', value: value!, unit: unit!, status: 'approved', source: 'manual', sourceNote: '测试' } }),
      ),
    );
    const rows = await figureMeaningChanges(db.sql);
    const of = (change: string) => rows.filter((r) => r.change === change);
    expect(of('events').some((r) => r.metric === 'people_trained' && r.subject === '湘潭市' && r.year === 2023 && r.factIds.length === 3)).toBe(true);
    expect(of('events').some((r) => r.metric === 'funds_misappropriated')).toBe(false); // different years: two figures before too
    expect(of('unit_misfit').some((r) => r.factIds.includes(misfit.id) && /person_time/.test(r.detail))).toBe(true);
    expect(of('units_merged').some((r) => r.factIds.includes(a!.id) && r.factIds.includes(b!.id))).toBe(true);
    expect(of('conflict').some((r) => r.factIds.includes(a!.id))).toBe(false); // 30 亩 = 2 公顷
    expect(of('unclassified').length).toBeGreaterThan(0);
    for (const r of rows) expect(r.factIds.length, JSON.stringify(r)).toBeGreaterThan(0);
  });
});
