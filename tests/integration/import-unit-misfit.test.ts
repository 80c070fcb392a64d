// The import refuses a fact the metric its unit does not fit (issue 10). The extractor already
// picks only metrics whose unit fits (first test); the import checks again before it stores, so a
// fact whose unit is of another family than its metric's (an extractor picking by words alone,
// simulated here: 150 people put under a metric counted in 元) is never stored under that metric.
// By design only that fact is held back — stored unclassified, with its label, for an admin to
// classify — while the rest of the issue imports; the result (shown to the admin) and the
// import's audit record say which fact and why.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { unitFamily } from '@/lib/vocab/units';

/** When set, the extraction puts the fact with this raw text under this metric, whatever its unit. */
const force = vi.hoisted(() => ({ raw: null as string | null, metric: null as string | null }));
vi.mock('@/lib/extract', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/extract')>();
  return {
    ...real,
    extractIssue: (...args: Parameters<typeof real.extractIssue>) => {
      const out = real.extractIssue(...args);
      if (!force.raw || !force.metric) return out;
      return { ...out, facts: out.facts.map((f) => (f.raw === force.raw ? { ...f, metric: { ...f.metric, key: force.metric! } } : f)) };
    },
  };
});
const { ingestIssue, previewIssue } = await import('@/lib/ingest/ingest');

const TEXT = '科技人才培训\n\n本报讯 近日，湘潭市举办科技特派员培训班，150余名科技特派员参加培训。全市今年新增技术合同成交额12亿元。\n';

describe.each(availableBackends())('import: a unit that does not fit its metric (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
  }, 120_000);
  afterAll(async () => db?.destroy());

  it('the extractor itself puts a fact under a metric only when its unit fits', async () => {
    const extracted = await previewIssue(db.prisma, { text: TEXT, date: '2024-04-01', publication: '湘潭日报' });
    const units = new Map((await db.prisma.metric.findMany({ select: { key: true, unit: true } })).map((m) => [m.key, m.unit]));
    expect(extracted.facts.length).toBeGreaterThan(1);
    for (const f of extracted.facts) {
      if (f.metric.key === UNCLASSIFIED_KEY) continue;
      expect(unitFamily(f.unit), f.raw).toBe(unitFamily(units.get(f.metric.key) ?? ''));
    }
  });

  it('stores a fact whose unit does not fit its metric unclassified, with the reason, and the rest of the issue as usual', async () => {
    const input = { text: TEXT, date: '2024-04-02', publication: '湘潭日报' };
    const plain = await previewIssue(db.prisma, input);
    const people = plain.facts.find((f) => f.unit === 'person');
    expect(people, JSON.stringify(plain.facts.map((f) => [f.raw, f.metric.key, f.unit]))).toBeDefined();
    const money = await db.prisma.metric.findFirstOrThrow({ where: { unit: 'CNY', key: { not: UNCLASSIFIED_KEY } }, select: { id: true, key: true } });
    const key = money.key;
    const before = await db.prisma.fact.count({ where: { metricId: money.id } });
    force.raw = people!.raw;
    force.metric = key;
    const extracted = await previewIssue(db.prisma, input);
    const misfit = extracted.facts.find((f) => f.raw === people!.raw);
    expect(misfit?.metric.key).toBe(key);
    expect(unitFamily(misfit!.unit)).not.toBe(unitFamily('CNY'));

    const result = await ingestIssue(db.prisma, input);
    // …the import does not store it there.
    expect(result.unitMisfits?.map((m) => [m.raw, m.metric])).toEqual([[people!.raw, key]]);
    expect(result.unitMisfits?.[0]?.why).toMatch(/不属同一类|不能换算/);
    expect(await db.prisma.fact.count({ where: { metricId: money.id } })).toBe(before);
    const held = await db.prisma.fact.findFirstOrThrow({ where: { rawText: people!.raw, article: { issueId: result.issueId } }, select: { metric: { select: { key: true } }, metricLabel: true, unit: true, status: true } });
    expect(held).toMatchObject({ metric: { key: UNCLASSIFIED_KEY }, unit: misfit!.unit, status: 'draft' });
    expect(held.metricLabel).toBe(misfit!.metric.label);
    force.raw = null;
    // Every other fact of the issue is stored as extracted.
    expect(result.facts).toBe(extracted.facts.length);
    const stored = await db.prisma.fact.findMany({ where: { article: { issueId: result.issueId } }, select: { rawText: true, metric: { select: { key: true } } } });
    for (const f of extracted.facts.filter((x) => x.raw !== people!.raw)) {
      expect(stored.find((s) => s.rawText === f.raw)?.metric.key, f.raw).toBe(f.metric.key);
    }
    // The import's audit record names the fact and the reason.
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'import', entityType: 'issue', entityId: String(result.issueId) }, select: { after: true } });
    expect(JSON.stringify(audit.after)).toContain(people!.raw);
  });
});
