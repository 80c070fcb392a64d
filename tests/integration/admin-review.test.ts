// Review, manual entry and catalogue actions against a real database: field validation,
// optimistic locking (two saves from one version: the second is refused, the first kept), bulk
// approve, reject with reason, metric merge moving facts, soft deletes, and an audit row per step.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { loadDemoIssue } from '@/lib/seed/demo';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const facts = await import('@/lib/actions/facts');
const metrics = await import('@/lib/actions/metrics');
const places = await import('@/lib/actions/places');
const recognitions = await import('@/lib/actions/recognitions');

describe.each(availableBackends())('admin review and catalogue actions (%s)', (backend) => {
  let db: TestDatabase;
  let issueId: number;
  const auditCount = (action: string, entityType: string, entityId?: number) =>
    db.prisma.auditLog.count({ where: { action, entityType, ...(entityId ? { entityId: String(entityId) } : {}) } });
  const drafts = () =>
    db.prisma.fact.findMany({ where: { status: 'draft', deletedAt: null }, orderBy: { id: 'asc' }, include: { article: true } });

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    issueId = (await loadDemoIssue(db.prisma)).issueId;
    await actAs(db.prisma, { username: 'rev-admin', role: 'admin' });
  }, 180_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  function editInput(f: { id: number; version: number; metricId: number; year: number | null; kind: string; unit: string }, value: string) {
    return {
      id: f.id, version: f.version, metricId: f.metricId, subjectType: 'none', year: f.year ?? 2023, period: '',
      kind: f.kind, comparator: 'eq', value, unit: f.unit,
    };
  }

  it('edits a fact with typed numbers; validation errors name the field', async () => {
    const [f] = await drafts();
    if (!f) throw new Error('no drafts');
    const bad = await facts.updateFact(null, { ...editInput(f, '12abc'), year: 1800, unit: '' });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    if (!bad.ok) {
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(['value', 'year', 'unit']));
    }
    const ok = await facts.updateFact(null, editInput(f, '23,858万'));
    expect(ok).toMatchObject({ ok: true, data: { id: f.id, version: f.version + 1 } });
    const row = await db.prisma.fact.findUniqueOrThrow({ where: { id: f.id } });
    expect(row.value.toString()).toBe('238580000');
    expect(row.version).toBe(f.version + 1);
    expect(await auditCount('update', 'fact', f.id)).toBe(1);
    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'update', entityId: String(f.id) } });
    expect((log.after as { value: string }).value).toBe('238580000');
  });

  it('two saves from the same version: the second is refused, the first is kept', async () => {
    const [, f] = await drafts();
    if (!f) throw new Error('no drafts');
    const first = await facts.updateFact(null, editInput(f, '140亿'));
    const second = await facts.updateFact(null, editInput(f, '1.4e5'));
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, status: 409, message: '此数据已被他人修改，请刷新后重试' });
    const row = await db.prisma.fact.findUniqueOrThrow({ where: { id: f.id } });
    expect(row.value.toString()).toBe('14000000000');
    expect(row.version).toBe(f.version + 1);
    expect(await auditCount('update', 'fact', f.id)).toBe(1);
    // Approving from the stale version is refused as well.
    const stale = await facts.approveFacts({ items: [{ id: f.id, version: f.version }] });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: f.id } })).status).toBe('draft');
  });

  it('bulk approves one article; a stale row refuses the whole batch', async () => {
    const all = await drafts();
    const articleId = all.find((f) => all.filter((g) => g.articleId === f.articleId).length >= 2)?.articleId;
    const batch = all.filter((f) => f.articleId === articleId);
    expect(batch.length).toBeGreaterThanOrEqual(2);
    const staleBatch = batch.map((f, k) => ({ id: f.id, version: k === 0 ? f.version + 5 : f.version }));
    expect(await facts.approveFacts({ items: staleBatch })).toMatchObject({ ok: false, status: 409 });
    expect(await db.prisma.fact.count({ where: { id: { in: batch.map((f) => f.id) }, status: 'approved' } })).toBe(0);

    const r = await facts.approveFacts({ items: batch.map((f) => ({ id: f.id, version: f.version })) });
    expect(r).toMatchObject({ ok: true, data: { count: batch.length } });
    const rows = await db.prisma.fact.findMany({ where: { id: { in: batch.map((f) => f.id) } } });
    expect(rows.every((x) => x.status === 'approved' && x.reviewedById !== null && x.reviewedAt !== null)).toBe(true);
    for (const f of batch) expect(await auditCount('approve', 'fact', f.id)).toBe(1);
    expect(await facts.approveFacts({ items: [] })).toMatchObject({ ok: false, status: 400 });
  });

  it('rejects only with a reason, and stores it', async () => {
    const [f] = await drafts();
    if (!f) throw new Error('no drafts');
    const noReason = await facts.rejectFacts({ items: [{ id: f.id, version: f.version }], reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, status: 400 });
    if (!noReason.ok) expect(noReason.fieldErrors?.reason?.length).toBeGreaterThan(0);
    const r = await facts.rejectFacts({ items: [{ id: f.id, version: f.version }], reason: '不是本市数据' });
    expect(r.ok).toBe(true);
    const row = await db.prisma.fact.findUniqueOrThrow({ where: { id: f.id } });
    expect(row).toMatchObject({ status: 'rejected', rejectionReason: '不是本市数据' });
    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'reject', entityId: String(f.id) } });
    expect(log.note).toBe('不是本市数据');
  });

  it('manual entry needs a source note; approved or draft as chosen; audited', async () => {
    const metric = await db.prisma.metric.findFirstOrThrow({ where: { key: { not: 'unclassified' } } });
    const park = await db.prisma.park.findFirstOrThrow();
    const base = { metricId: metric.id, subjectType: 'park', parkId: park.id, year: '2022', period: 'FY', kind: 'actual', comparator: 'eq', value: '1.2万亿', unit: metric.unit };
    const bad = await facts.createManualFact(null, { ...base, status: 'approved', sourceNote: '' });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    if (!bad.ok) expect(bad.fieldErrors?.sourceNote?.length).toBeGreaterThan(0);
    const noPark = await facts.createManualFact(null, { ...base, parkId: '', status: 'approved', sourceNote: '2022 年统计公报', submissionKey: randomUUID() });
    if (!noPark.ok) expect(noPark.fieldErrors?.parkId?.[0]).toBe('请选择园区');
    else throw new Error('accepted a park fact without a park');
    const r = await facts.createManualFact(null, { ...base, status: 'approved', sourceNote: '2022 年统计公报', submissionKey: randomUUID() });
    if (!r.ok || !r.data) throw new Error(JSON.stringify(r));
    const row = await db.prisma.fact.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(row).toMatchObject({ source: 'manual', status: 'approved', parkId: park.id, articleId: null, sourceNote: '2022 年统计公报' });
    expect(row.value.toString()).toBe('1200000000000');
    expect(await auditCount('create', 'fact', row.id)).toBe(1);
    const d = await facts.createManualFact(null, { ...base, status: 'draft', sourceNote: '区政府工作报告', submissionKey: randomUUID() });
    if (!d.ok || !d.data) throw new Error('draft entry failed');
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: d.data.id } })).status).toBe('draft');
    // Soft delete keeps the row.
    expect((await facts.deleteFact({ id: d.data.id })).ok).toBe(true);
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: d.data.id } })).deletedAt).not.toBeNull();
    expect(await auditCount('delete', 'fact', d.data.id)).toBe(1);
  });

  it('metrics: create, edit with version, duplicate key refused, merge moves facts', async () => {
    const created = await metrics.saveMetric(null, {
      key: 'test_output', nameZh: '测试产值', nameEn: 'Test output', unit: 'CNY', valueType: 'amount', aggregation: 'sum',
      direction: 'higher_better', category: '测试', description: '', keywords: '产值，测试',
    });
    if (!created.ok || !created.data) throw new Error(JSON.stringify(created));
    const m = await db.prisma.metric.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(m.keywords).toEqual(['产值', '测试']);
    const dup = await metrics.saveMetric(null, { key: 'test_output', nameZh: 'x', nameEn: 'x', unit: 'CNY', valueType: 'amount', aggregation: 'sum' });
    expect(dup).toMatchObject({ ok: false, status: 400, fieldErrors: { key: ['该指标代码已存在'] } });
    const edit = { id: m.id, version: m.version, key: m.key, nameZh: '测试产值2', nameEn: m.nameEn, unit: 'CNY', valueType: 'amount', aggregation: 'sum' };
    expect((await metrics.saveMetric(null, edit)).ok).toBe(true);
    expect(await metrics.saveMetric(null, { ...edit, nameZh: '晚了' })).toMatchObject({ ok: false, status: 409 });
    expect((await db.prisma.metric.findUniqueOrThrow({ where: { id: m.id } })).nameZh).toBe('测试产值2');

    // Merge: facts must fit the target's unit — a metric counted in 人/家/… does not merge into one in 元.
    const byUnit = await db.prisma.fact.groupBy({ by: ['metricId', 'unit'], where: { deletedAt: null }, _count: { _all: true }, orderBy: { _count: { metricId: 'desc' } } });
    const misfit = byUnit.find((g) => g.metricId !== m.id && g.unit !== 'CNY' && !byUnit.some((o) => o.metricId === g.metricId && o.unit === 'CNY'))!;
    const refused = await metrics.mergeMetrics(null, { sourceId: misfit.metricId, targetId: m.id });
    expect(refused).toMatchObject({ ok: false, status: 400 });
    if (!refused.ok) expect(refused.message).toMatch(/不能合并.*不属同一类/);
    expect(await db.prisma.fact.count({ where: { metricId: misfit.metricId } })).toBeGreaterThan(0);
    // Every fact of a fitting source moves to the target.
    const sourceId = byUnit.find((g) => g.metricId !== m.id && g.unit === 'CNY' && byUnit.filter((o) => o.metricId === g.metricId).every((o) => o.unit === 'CNY'))!.metricId;
    const moving = await db.prisma.fact.count({ where: { metricId: sourceId } });
    expect(moving).toBeGreaterThan(0);
    expect(await metrics.mergeMetrics(null, { sourceId: m.id, targetId: m.id })).toMatchObject({ ok: false, status: 400 });
    const r = await metrics.mergeMetrics(null, { sourceId, targetId: m.id });
    expect(r).toMatchObject({ ok: true, data: { moved: moving } });
    expect(await db.prisma.fact.count({ where: { metricId: sourceId } })).toBe(0);
    expect(await db.prisma.fact.count({ where: { metricId: m.id } })).toBe(moving);
    expect((await db.prisma.metric.findUniqueOrThrow({ where: { id: sourceId } })).mergedIntoId).toBe(m.id);
    expect(await auditCount('merge', 'metric', sourceId)).toBe(1);
    // A metric with facts cannot be deleted; an empty one is soft-deleted.
    expect(await metrics.deleteMetric({ id: m.id })).toMatchObject({ ok: false, status: 409 });
    const empty = await metrics.saveMetric(null, { key: 'test_empty', nameZh: '空', nameEn: 'Empty', unit: 'item', valueType: 'count', aggregation: 'sum' });
    if (!empty.ok || !empty.data) throw new Error('create failed');
    expect((await metrics.deleteMetric({ id: empty.data.id })).ok).toBe(true);
    expect((await db.prisma.metric.findUniqueOrThrow({ where: { id: empty.data.id } })).deletedAt).not.toBeNull();
    expect(await auditCount('create', 'metric')).toBe(2);
  });

  it('parks and regions: aliases, home region, version check, soft delete', async () => {
    const region = await db.prisma.region.findFirstOrThrow({ where: { level: 'county' } });
    const bad = await places.savePark(null, { name: '', level: 'x', regionId: '' });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(['name', 'level', 'regionId']));
    const r = await places.savePark(null, { name: '测试产业园', officialName: '湘潭测试产业园', aliases: '测试园、测园', level: 'municipal', regionId: region.id });
    if (!r.ok || !r.data) throw new Error(JSON.stringify(r));
    const park = await db.prisma.park.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(park.aliases).toEqual(['测试园', '测园']);
    expect(park.regionId).toBe(region.id);
    const edit = { id: park.id, version: park.version, name: park.name, aliases: '测试园', level: 'provincial', regionId: region.id };
    expect((await places.savePark(null, edit)).ok).toBe(true);
    expect(await places.savePark(null, { ...edit, level: 'national' })).toMatchObject({ ok: false, status: 409 });
    expect((await db.prisma.park.findUniqueOrThrow({ where: { id: park.id } })).level).toBe('provincial');
    expect((await places.deletePark({ id: park.id })).ok).toBe(true);
    expect((await db.prisma.park.findUniqueOrThrow({ where: { id: park.id } })).deletedAt).not.toBeNull();
    expect(await auditCount('delete', 'park', park.id)).toBe(1);

    const reg = await places.saveRegion(null, { code: '430399', name: '测试区', aliases: '测区', level: 'county', parentId: region.parentId ?? '' });
    if (!reg.ok || !reg.data) throw new Error(JSON.stringify(reg));
    expect(await places.saveRegion(null, { code: '430399', name: '重复', level: 'county' })).toMatchObject({ ok: false, fieldErrors: { code: ['该区划代码已存在'] } });
    expect(await places.deleteRegion({ id: region.id })).toMatchObject({ ok: false, status: 409 }); // has parks
    expect(await auditCount('create', 'region', reg.data.id)).toBe(1);
  });

  it('recognitions: add, edit, delete, audited', async () => {
    const park = await db.prisma.park.findFirstOrThrow({ where: { deletedAt: null } });
    const article = await db.prisma.article.findFirstOrThrow({ where: { issueId } });
    const bad = await recognitions.saveRecognition(null, { subjectType: 'park', parkId: '', year: '2023', title: '', level: 'province' });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    const r = await recognitions.saveRecognition(null, { subjectType: 'park', parkId: park.id, year: '2023', title: '省级先进园区', level: 'province', articleId: article.id });
    if (!r.ok || !r.data) throw new Error(JSON.stringify(r));
    const edit = await recognitions.saveRecognition(null, { id: r.data.id, subjectType: 'park', parkId: park.id, year: '2022', title: '省级先进园区', level: 'province' });
    expect(edit.ok).toBe(true);
    expect((await db.prisma.recognition.findUniqueOrThrow({ where: { id: r.data.id } })).year).toBe(2022);
    expect((await recognitions.deleteRecognition({ id: r.data.id })).ok).toBe(true);
    expect(await auditCount('create', 'recognition', r.data.id)).toBe(1);
    expect(await auditCount('update', 'recognition', r.data.id)).toBe(1);
    expect(await auditCount('delete', 'recognition', r.data.id)).toBe(1);
  });

  it('a viewer is refused everywhere and nothing changes', async () => {
    await actAs(db.prisma, { username: 'rev-viewer', role: 'viewer' });
    const [f] = await drafts();
    const before = await db.prisma.auditLog.count();
    expect(await facts.approveFacts({ items: [{ id: f!.id, version: f!.version }] })).toMatchObject({ ok: false, status: 403 });
    expect(await metrics.mergeMetrics(null, { sourceId: 1, targetId: 2 })).toMatchObject({ ok: false, status: 403 });
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: f!.id } })).status).toBe('draft');
    expect(await db.prisma.auditLog.count()).toBe(before);
    await actAs(db.prisma, { username: 'rev-admin', role: 'admin' });
  });
});
