// Issue 13's review actions against a real database: a figure taken from an article selection
// (proposed by the extractor's own reader, stored with span and sentence), save-and-approve with
// values and units as written, and forms that cannot double-submit (same submission key → one
// fact, also when both submissions arrive at once). Callers below admin are refused and write nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { loadDemoIssue } from '@/lib/seed/demo';
import { findQuantities } from '@/lib/extract/quantities';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const facts = await import('@/lib/actions/facts');
const articleFacts = await import('@/lib/actions/article-facts');

describe.each(availableBackends())('review actions of issue 13 (%s)', (backend) => {
  let db: TestDatabase;
  let missed: { articleId: number; start: number; end: number; text: string };

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    await loadDemoIssue(db.prisma);
    await actAs(db.prisma, { username: 'rev13-admin', role: 'admin' });
    // A quantity with a unit in some article that no stored fact covers: a figure the extractor missed.
    const articles = await db.prisma.article.findMany({ orderBy: { id: 'asc' }, select: { id: true, body: true, facts: { select: { spanStart: true, spanEnd: true } } } });
    for (const a of articles) {
      const q = findQuantities(a.body, { all: true }).find((x) => x.unit !== null && !a.facts.some((f) => (f.spanStart ?? -1) < x.end && (f.spanEnd ?? -1) > x.start));
      if (q) {
        missed = { articleId: a.id, start: q.start, end: q.end, text: q.text };
        break;
      }
    }
    if (!missed) throw new Error('the demo issue has no unreported quantity');
  }, 180_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  async function proposalInput() {
    const p = await articleFacts.proposeFigure({ articleId: missed.articleId, start: missed.start, end: missed.end });
    if (!p.ok || !p.data) throw new Error(JSON.stringify(p));
    const metricId = p.data.metricId ?? (await db.prisma.metric.findFirstOrThrow({ where: { key: 'unclassified' } })).id;
    return {
      proposal: p.data,
      form: {
        articleId: missed.articleId, spanStart: p.data.span[0], spanEnd: p.data.span[1], metricId,
        subjectType: p.data.subjectType, parkId: p.data.parkId ?? '', regionId: p.data.regionId ?? '', orgName: p.data.orgName ?? '',
        year: p.data.year ?? '', period: p.data.period ?? '', kind: p.data.kind, comparator: p.data.comparator,
        value: p.data.valueText, unit: p.data.unitText, status: 'approved',
      },
    };
  }

  it('proposes a missed figure from a selection with the extractor\'s reading and its sentence', async () => {
    const { proposal } = await proposalInput();
    expect(proposal.raw).toBe(missed.text);
    expect(proposal.span).toEqual([missed.start, missed.end]);
    expect(proposal.evidence).toContain(missed.text);
    expect(proposal.paragraph).toContain(missed.text);
    expect(proposal.marks.find((m) => m.kind === 'figure')).toBeDefined();
    expect(proposal.existing).toEqual([]);
    const none = await articleFacts.proposeFigure({ articleId: missed.articleId, start: 0, end: 0 });
    expect(none).toMatchObject({ ok: false, status: 400 });
  });

  it('stores the figure with its span, raw text and sentence; the same form sent twice makes one fact', async () => {
    const { form, proposal } = await proposalInput();
    const submissionKey = randomUUID();
    const before = await db.prisma.fact.count();
    // Two submissions of one form at the same moment (a double click), then a third later.
    const [a, b] = await Promise.all([facts.createArticleFact(null, { ...form, submissionKey }), facts.createArticleFact(null, { ...form, submissionKey })]);
    const c = await facts.createArticleFact(null, { ...form, submissionKey });
    for (const r of [a, b, c]) expect(r.ok, JSON.stringify(r)).toBe(true);
    const ids = new Set([a, b, c].map((r) => (r.ok ? r.data?.id : null)));
    expect(ids.size).toBe(1);
    expect(await db.prisma.fact.count()).toBe(before + 1);
    const row = await db.prisma.fact.findUniqueOrThrow({ where: { id: [...ids][0]! } });
    expect(row).toMatchObject({
      articleId: missed.articleId, spanStart: missed.start, spanEnd: missed.end, rawText: missed.text,
      evidence: proposal.evidence, status: 'approved', submissionKey,
    });
    expect(await db.prisma.auditLog.count({ where: { action: 'create', entityType: 'fact', entityId: String(row.id) } })).toBe(1);
    // A span that is not a figure is refused, and nothing is stored.
    const words = { ...form, spanStart: 0, spanEnd: 1, submissionKey: randomUUID() };
    const body = (await db.prisma.article.findUniqueOrThrow({ where: { id: missed.articleId } })).body;
    if (findQuantities(body.slice(0, 1), { all: true }).length === 0 && !findQuantities(body, { all: true }).some((q) => q.start === 0)) {
      expect(await facts.createArticleFact(null, words)).toMatchObject({ ok: false, status: 400 });
      expect(await db.prisma.fact.count()).toBe(before + 1);
    }
  });

  it('manual entry: a double submission of one form creates one fact', async () => {
    const metric = await db.prisma.metric.findFirstOrThrow({ where: { key: { not: 'unclassified' }, unit: 'CNY' } });
    const form = { metricId: metric.id, subjectType: 'none', year: '2022', period: 'FY', kind: 'actual', comparator: 'eq', value: '3.8亿元', unit: '元', status: 'draft', sourceNote: '区政府工作报告', submissionKey: randomUUID() };
    const before = await db.prisma.fact.count();
    const [a, b] = await Promise.all([facts.createManualFact(null, form), facts.createManualFact(null, form)]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.data?.id === b.data?.id).toBe(true);
    expect(await db.prisma.fact.count()).toBe(before + 1);
    const missingKey = await facts.createManualFact(null, { ...form, submissionKey: undefined });
    expect(missingKey).toMatchObject({ ok: false, status: 400 });
  });

  it('save and approve: values and units as written, one change, audited as edit and approval', async () => {
    const metric = await db.prisma.metric.findFirstOrThrow({ where: { key: { not: 'unclassified' }, unit: 'person' } });
    const f = await db.prisma.fact.findFirstOrThrow({ where: { status: 'draft', deletedAt: null }, orderBy: { id: 'asc' } });
    const r = await facts.updateFact(null, {
      id: f.id, version: f.version, metricId: metric.id, subjectType: 'none', year: '2023', period: '', kind: 'actual',
      comparator: 'eq', value: '150余人', unit: '名', approve: '1',
    });
    expect(r).toMatchObject({ ok: true, data: { id: f.id, version: f.version + 1 } });
    const row = await db.prisma.fact.findUniqueOrThrow({ where: { id: f.id } });
    expect(row).toMatchObject({ status: 'approved', unit: 'person', comparator: 'gt', version: f.version + 1 });
    expect(row.value.toString()).toBe('150');
    expect(await db.prisma.auditLog.count({ where: { entityType: 'fact', entityId: String(f.id), action: { in: ['update', 'approve'] } } })).toBe(2);
    // 3.8亿元 typed with the unit field saying 元: 380000000 CNY, still a draft without approve.
    const money = await db.prisma.metric.findFirstOrThrow({ where: { key: { not: 'unclassified' }, unit: 'CNY' } });
    const g = await db.prisma.fact.findFirstOrThrow({ where: { status: 'draft', deletedAt: null }, orderBy: { id: 'asc' } });
    const r2 = await facts.updateFact(null, { id: g.id, version: g.version, metricId: money.id, subjectType: 'none', year: '2023', kind: 'actual', comparator: 'eq', value: '3.8亿元', unit: '元' });
    expect(r2.ok).toBe(true);
    const row2 = await db.prisma.fact.findUniqueOrThrow({ where: { id: g.id } });
    expect([row2.value.toString(), row2.unit, row2.status]).toEqual(['380000000', 'CNY', 'draft']);
  });

  it('refuses callers below admin and writes nothing', async () => {
    const { form } = await proposalInput();
    const before = await db.prisma.fact.count();
    for (const role of ['viewer', 'analyst'] as const) {
      await actAs(db.prisma, { username: `rev13-${role}`, role });
      expect(await articleFacts.proposeFigure({ articleId: missed.articleId, start: missed.start, end: missed.end })).toMatchObject({ ok: false, status: 403 });
      expect(await facts.createArticleFact(null, { ...form, submissionKey: randomUUID() })).toMatchObject({ ok: false, status: 403 });
    }
    await actAs(db.prisma, null);
    expect(await facts.createArticleFact(null, { ...form, submissionKey: randomUUID() })).toMatchObject({ ok: false, status: 401 });
    expect(await db.prisma.fact.count()).toBe(before);
    await actAs(db.prisma, { username: 'rev13-admin', role: 'admin' });
  });
});
