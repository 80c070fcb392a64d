// The import's bulk writes (articles and draft facts, one INSERT … FROM json_to_recordset each):
// every field as the extraction gives it, text that is not well-formed UTF-16 stored as its UTF-8
// would be, and a failure late in the transaction leaving the database as it was.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { ingestIssue, previewIssue, wellFormed } from '@/lib/ingest/ingest';
import { DEMO_ISSUE } from '@/lib/seed/demo';

const DEMO = readFileSync(DEMO_ISSUE.file, 'utf8');

describe('wellFormed', () => {
  it('replaces lone surrogates only', () => {
    expect(wellFormed('园区😀新增')).toBe('园区😀新增');
    expect(wellFormed('a\uD800b\uDC00c\uD83D')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(wellFormed('')).toBe('');
  });
});

describe.each(availableBackends())('ingest bulk writes (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
  }, 120_000);
  afterAll(async () => db?.destroy());

  it('stores every article and draft as the extraction gives it', async () => {
    const input = { text: DEMO, date: DEMO_ISSUE.date, publication: DEMO_ISSUE.publication };
    const preview = await previewIssue(db.prisma, input);
    const r = await ingestIssue(db.prisma, input);
    expect([r.articles, r.facts]).toEqual([preview.articles.length, preview.facts.length]);

    const articles = await db.prisma.article.findMany({ where: { issueId: r.issueId }, orderBy: { ordinal: 'asc' } });
    expect(articles.map((a) => ({ ordinal: a.ordinal, headline: a.headline, subheadline: a.subheadline, byline: a.byline, dateline: a.dateline, kind: a.kind, body: a.body }))).toEqual(
      preview.articles.map((a) => ({
        ordinal: a.ordinal, headline: a.headline, subheadline: a.subheadlines.length ? a.subheadlines.join(' / ') : null,
        byline: a.byline, dateline: a.dateline, kind: a.kind, body: a.body,
      })),
    );

    const facts = await db.prisma.fact.findMany({
      where: { article: { issueId: r.issueId } },
      orderBy: { id: 'asc' },
      include: { metric: { select: { key: true } }, article: { select: { ordinal: true } }, park: { select: { name: true } }, region: { select: { name: true } }, project: { select: { name: true } }, org: { select: { name: true } } },
    });
    const misfits = new Set((r.unitMisfits ?? []).map((m) => m.raw));
    expect(facts.map((f) => ({
      ordinal: f.article?.ordinal, span: [f.spanStart, f.spanEnd], raw: f.rawText, value: f.value.toString(), unit: f.unit, comparator: f.comparator,
      kind: f.kind, year: f.year, period: f.period, evidence: f.evidence, label: f.metricLabel, metric: misfits.has(f.rawText ?? '') ? null : f.metric.key,
      subject: f.park?.name ?? f.region?.name ?? f.project?.name ?? f.org?.name ?? f.orgName ?? null,
      confidence: f.confidence?.toString(), status: f.status, source: f.source, extractor: f.extractorVersion, createdBy: f.createdById,
    }))).toEqual(preview.facts.map((f) => ({
      ordinal: f.articleOrdinal, span: f.span, raw: f.raw, value: f.value.toString(), unit: f.unit, comparator: f.comparator,
      kind: f.kind, year: f.year, period: f.period, evidence: f.evidence, label: f.metric.label, metric: misfits.has(f.raw) ? null : f.metric.key,
      subject: f.subject?.name ?? null,
      confidence: Number(f.confidence.toFixed(3)).toString(), status: 'draft', source: 'extracted', extractor: preview.extractorVersion, createdBy: null,
    })));
  });

  it('imports a text with a lone surrogate, stored as U+FFFD', async () => {
    const text = '园区动态\n本报讯 今年以来，天易经开区新增规上企业9家\uD800。\n';
    const r = await ingestIssue(db.prisma, { text, date: '2024-05-10', publication: '湘潭日报' });
    expect(r.facts).toBe(1);
    const article = await db.prisma.article.findFirstOrThrow({ where: { issueId: r.issueId } });
    expect(article.body).toContain('9家\uFFFD。');
    const again = await ingestIssue(db.prisma, { text: text.replace('\uD800', '\uFFFD'), date: '2024-05-10', publication: '湘潭日报' });
    expect(again).toMatchObject({ issueId: r.issueId, alreadyImported: true });
  });

  it('a failure at the end of the transaction leaves the database as it was', async () => {
    const count = async () => ({
      issues: await db.prisma.issue.count(), articles: await db.prisma.article.count(), facts: await db.prisma.fact.count(),
      projects: await db.prisma.project.count(), orgs: await db.prisma.organization.count(), milestones: await db.prisma.projectMilestone.count(),
      audit: await db.prisma.auditLog.count(),
    });
    const before = await count();
    // The audit record is the transaction's last write: refuse it.
    await db.sql.exec(`CREATE FUNCTION refuse_import_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'import' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_import_audit();`);
    try {
      const text = DEMO.replace(/湘潭/, '湘潭（另一版）');
      await expect(ingestIssue(db.prisma, { text, date: '2023-05-18', publication: DEMO_ISSUE.publication })).rejects.toThrow(/audit refused/);
    } finally {
      await db.sql.exec('DROP TRIGGER refuse_import_audit ON audit_log; DROP FUNCTION refuse_import_audit();');
    }
    expect(await count()).toEqual(before);
  });
});
