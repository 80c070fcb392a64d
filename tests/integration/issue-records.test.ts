// Issues as records against a real database: withdrawing an issue takes its figures out of the
// API, the aggregates (fact_aggregate) and the figures (fact_figure) and restoring brings back
// exactly those; date/page/publication edits are checked and audited; the same text typed with
// full-width punctuation is a duplicate whose message names the other date; every change to an
// approved figure leaves a version; failed imports are in the audit log with their reason.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { importIssue } = await import('@/lib/actions/import');
const { updateIssue, withdrawIssue, restoreIssue } = await import('@/lib/actions/issues');
const { approveFacts, updateFact } = await import('@/lib/actions/facts');
const { GET: factsGET } = await import('@/app/api/facts/route');
const { runAsSystem } = await import('@/lib/auth/dal');
const { getFactRevisions } = await import('@/lib/data/fact-versions');
const { listAuditEntries } = await import('@/lib/data/audit');

const HALF = '湘潭经开区一季度工业投资快速增长\n\n本报讯(记者 张三)3月30日,湘潭经开区完成工业投资45.6亿元,同比增长12.5%.园区新引进项目23个,其中投资过亿元项目8个.\n';
// The same text as another paper's site prints it: full-width punctuation, ideographic spaces.
const FULL = '湘潭经开区一季度工业投资快速增长\n\n本报讯（记者　张三）３月30日，湘潭经开区完成工业投资45.6亿元，同比增长12.5%。园区新引进项目23个，其中投资过亿元项目8个。\n';

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe.each(availableBackends())('issues as records (%s)', (backend) => {
  let db: TestDatabase;
  let issueId = 0;
  const apiFacts = async (): Promise<number[]> => {
    const res = await factsGET(new Request('http://test.local/api/facts?limit=500'), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: number }[] };
    return body.items.map((f) => f.id);
  };
  const aggregates = async () => Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(fact_count), 0)::bigint AS n FROM fact_aggregate`)[0]?.n ?? 0);
  const figures = async () => Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM fact_figure`)[0]?.n ?? 0);
  const version = async (id: number) => (await db.prisma.issue.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    await actAs(db.prisma, { username: 'iss-admin', role: 'admin' });
    const r = await importIssue(null, form({ publication: '湘潭日报', date: '2023-03-31', page: '2', text: HALF }));
    if (!r?.ok || r.data?.kind !== 'imported') throw new Error(JSON.stringify(r));
    issueId = r.data.issueId;
    // Approve every draft that has a subject and a year (the ones that become figures).
    const drafts = await db.prisma.fact.findMany({ where: { article: { issueId } }, select: { id: true, version: true } });
    const ok = await approveFacts({ items: drafts });
    expect(ok.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('the same text with full-width punctuation is a duplicate, and the message names the other date', async () => {
    const before = await db.prisma.issue.count();
    const r = await importIssue(null, form({ publication: '湘潭日报', date: '2023-04-01', page: '2', text: FULL }));
    expect(r).toMatchObject({ ok: false, status: 409 });
    if (r && !r.ok) {
      expect(r.message).toContain(`#${issueId}`);
      expect(r.message).toContain('2023-03-31');
      expect(r.message).toContain('不是 2023-04-01');
    }
    expect(await db.prisma.issue.count()).toBe(before);
  });

  it('a date after today is refused and the refusal is in the audit log with its reason', async () => {
    const before = await db.prisma.issue.count();
    const r = await importIssue(null, form({ publication: '湘潭日报', date: '2099-01-01', page: '1', text: '另一篇文章\n\n本报讯 今年园区新增企业15家。' }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r && !r.ok) expect(r.fieldErrors?.date?.[0]).toMatch(/晚于今天/);
    expect(await db.prisma.issue.count()).toBe(before);
    const log = await db.prisma.auditLog.findFirst({ where: { action: 'import_refused' }, orderBy: { id: 'desc' } });
    expect(log?.note).toMatch(/2099-01-01.*晚于今天/);
  });

  it('withdraw removes the figures from the API, fact_aggregate and fact_figure; restore brings back exactly them', async () => {
    const live = await db.prisma.fact.findMany({ where: { article: { issueId }, status: 'approved', deletedAt: null }, select: { id: true } });
    expect(live.length).toBeGreaterThan(0);
    // One figure deleted on its own before the withdrawal stays deleted after the restore.
    const own = live[0]!.id;
    await db.prisma.fact.update({ where: { id: own }, data: { deletedAt: new Date(Date.now() - 60_000) } });
    const ids = live.map((f) => f.id).filter((id) => id !== own);
    const [api0, agg0, fig0] = [await apiFacts(), await aggregates(), await figures()];
    expect(ids.every((id) => api0.includes(id))).toBe(true);
    expect(agg0).toBeGreaterThan(0);

    const w = await withdrawIssue(form({ id: String(issueId), version: String(await version(issueId)), reason: '重复版面' }));
    expect(w).toMatchObject({ ok: true });
    const api1 = await apiFacts();
    expect(ids.some((id) => api1.includes(id))).toBe(false);
    expect(await aggregates()).toBe(agg0 - ids.length);
    expect(await figures()).toBeLessThan(fig0 === 0 ? 1 : fig0);
    const article = await db.prisma.article.findFirstOrThrow({ where: { issueId }, select: { id: true } });
    const { getArticleWithFacts } = await import('@/lib/data/provenance');
    expect(await runAsSystem('test', () => getArticleWithFacts(article.id, { includeDrafts: false }))).toBeNull();
    expect((await db.prisma.auditLog.findFirst({ where: { action: 'withdraw', entityId: String(issueId) } }))?.note).toBe('重复版面');
    // Withdrawing leaves no version: the figures' values did not change.
    expect(await db.prisma.factVersion.count({ where: { factId: { in: ids } } })).toBe(0);
    // Importing the same text again points at the withdrawn issue.
    const again = await importIssue(null, form({ publication: '湘潭日报', date: '2023-03-31', page: '2', text: FULL }));
    if (again && !again.ok) expect(again.message).toMatch(/已撤回/);
    else throw new Error('re-import of a withdrawn issue was not refused');

    const r = await restoreIssue(form({ id: String(issueId), version: String(await version(issueId)) }));
    expect(r).toMatchObject({ ok: true });
    const api2 = await apiFacts();
    expect(ids.every((id) => api2.includes(id))).toBe(true);
    expect(api2).not.toContain(own);
    expect(await aggregates()).toBe(agg0);
    expect(await figures()).toBe(fig0);
    expect((await db.prisma.fact.findUniqueOrThrow({ where: { id: own } })).deletedAt).not.toBeNull();
  });

  it('a stale version is refused and changes nothing', async () => {
    const r = await withdrawIssue(form({ id: String(issueId), version: '1', reason: 'x' }));
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect((await db.prisma.issue.findUniqueOrThrow({ where: { id: issueId } })).deletedAt).toBeNull();
  });

  it('date, page and newspaper are editable: future refused, a date the datelines disagree with needs confirming, audited', async () => {
    const v = await version(issueId);
    const future = await updateIssue(form({ id: String(issueId), version: String(v), publication: '湘潭日报', date: '2099-01-01', page: '2' }));
    expect(future).toMatchObject({ ok: false, status: 400 });
    // The dateline says 3月30日: 2023-06-15 is far from it.
    const far = await updateIssue(form({ id: String(issueId), version: String(v), publication: '湘潭日报', date: '2023-06-15', page: '3' }));
    expect(far).toMatchObject({ ok: false, status: 400 });
    if (far && !far.ok) expect(far.fieldErrors?.proposedDate?.[0]).toBe('2023-03-31');
    expect(await version(issueId)).toBe(v);
    const ok = await updateIssue(form({ id: String(issueId), version: String(v), publication: '湘潭晚报', date: '2023-06-15', page: '3', confirmDate: 'on' }));
    expect(ok).toMatchObject({ ok: true });
    const row = await db.prisma.issue.findUniqueOrThrow({ where: { id: issueId }, include: { publication: true } });
    expect([row.date.toISOString().slice(0, 10), row.page, row.publication.name]).toEqual(['2023-06-15', '3', '湘潭晚报']);
    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'update', entityType: 'issue', entityId: String(issueId) }, orderBy: { id: 'desc' } });
    expect(log.before).toMatchObject({ date: '2023-03-31', page: '2', publication: '湘潭日报' });
    expect(log.after).toMatchObject({ date: '2023-06-15', page: '3', publication: '湘潭晚报' });
  });

  it('every change to an approved figure is a version: who, when and the value before', async () => {
    const fact = await db.prisma.fact.findFirstOrThrow({
      where: { article: { issueId }, status: 'approved', deletedAt: null, OR: [{ parkId: { not: null } }, { regionId: { not: null } }] },
      orderBy: { id: 'asc' },
    });
    const r = await updateFact(null, {
      id: fact.id, version: fact.version, metricId: fact.metricId, subjectType: fact.parkId ? 'park' : 'region',
      parkId: fact.parkId ?? '', regionId: fact.regionId ?? '', orgName: '', year: fact.year ?? 2023, period: fact.period ?? '',
      kind: fact.kind, value: fact.value.plus(1).toString(), unit: fact.unit, comparator: fact.comparator,
    });
    expect(r).toMatchObject({ ok: true });
    const versions = await db.prisma.factVersion.findMany({ where: { factId: fact.id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]?.value.toString()).toBe(fact.value.toString());
    expect(versions[0]?.version).toBe(fact.version);
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'iss-admin' } });
    expect(versions[0]?.changedById).toBe(admin.id);
    const revisions = await runAsSystem('test', () => getFactRevisions([fact.id]));
    expect(revisions[fact.id]?.previous.value).toBe(fact.value.toString());
    // A draft's edits are not versions (it was never published).
    const draft = await db.prisma.fact.create({ data: { metricId: fact.metricId, kind: 'actual', value: '1', unit: 'CNY', source: 'manual', status: 'draft' } });
    await db.prisma.fact.update({ where: { id: draft.id }, data: { value: '2' } });
    expect(await db.prisma.factVersion.count({ where: { factId: draft.id } })).toBe(0);
  });

  it('the audit log speaks in names: metric ids become metric names, failed imports have their reason', async () => {
    const page = await runAsSystem('test', () => listAuditEntries({ page: 1, entityType: 'fact' }));
    const change = page.rows.flatMap((r) => r.changes).find((c) => c.field === 'value');
    expect(change).toBeDefined();
    const metric = await db.prisma.metric.findFirstOrThrow({ where: { key: 'unclassified' } });
    const named = await db.prisma.auditLog.create({ data: { action: 'update', entityType: 'fact', entityId: '1', before: { metricId: metric.id }, after: { metricId: metric.id + 1 } } });
    const again = await runAsSystem('test', () => listAuditEntries({ page: 1, entityType: 'fact' }));
    const line = again.rows.find((r) => r.id === named.id)?.changes.find((c) => c.field === 'metricId');
    expect(line?.before).toContain(metric.nameZh);
    expect(line?.before).toContain(`#${metric.id}`);
  });
});
