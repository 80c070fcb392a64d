// Projects named by imported issues are records of their own: one per name across issues, the
// stages each article reports kept as dated milestones, the project's stage the furthest one at
// its latest date — written in a fixed number of statements per issue, so a 10 MB issue naming
// thousands of projects imports within its transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { ingestIssue, previewIssue } from '@/lib/ingest/ingest';

const MARCH = '园区项目建设稳步推进\n本报讯 园区新项目进展顺利；鹤岭冷链物流中心项目已开工建设，总投资9000万元。\n';
const SEPTEMBER = '物流项目竣工投产\n本报讯 园区新项目进展顺利；鹤岭冷链物流中心项目已竣工投产，总投资9000万元。\n';

const PLACES = '鹤岭云湖金霞昭山楠竹响水银田白石花石射埠易俗河青山桥东山望城'.match(/../g) ?? [];
const TRADES = '冷链|智能装备|新能源电池|生物医药|精密制造|数字经济|新材料|食品加工|电子信息|节能环保'.split('|');
const KINDS = '研发中心|生产基地|物流中心|加工中心|服务中心|创新中心|检测中心|展示中心'.split('|');
const projectName = (i: number) =>
  `${PLACES[i % PLACES.length]}${TRADES[Math.floor(i / PLACES.length) % TRADES.length]}${KINDS[Math.floor(i / (PLACES.length * TRADES.length)) % KINDS.length]}项目`;

/** An issue of `n` short articles, each naming a distinct project with its stage and investment. */
function manyProjects(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`项目动态\n\n本报讯 园区新项目进展顺利；${projectName(i)}已开工建设，总投资9000万元。\n`);
  return parts.join('\n');
}

describe.each(availableBackends())('ingest: projects as records (%s)', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('links one project across issues and moves its stage on with the later report', async () => {
    await ingestIssue(db.prisma, { text: MARCH, date: '2024-03-01', publication: '湘潭日报' });
    const first = await db.prisma.project.findUniqueOrThrow({ where: { name: '鹤岭冷链物流中心项目' }, select: { id: true, stage: true } });
    expect(first.stage).toBe('started');
    await ingestIssue(db.prisma, { text: SEPTEMBER, date: '2024-09-01', publication: '湘潭日报' });
    const projects = await db.prisma.project.findMany({ where: { name: '鹤岭冷链物流中心项目' }, select: { id: true, stage: true } });
    expect(projects).toEqual([{ id: first.id, stage: 'in_operation' }]);
    const milestones = await db.prisma.projectMilestone.findMany({ where: { projectId: first.id }, orderBy: { date: 'asc' }, select: { stage: true, date: true } });
    expect(milestones.map((m) => [m.stage, m.date?.toISOString().slice(0, 10)])).toEqual([
      ['started', '2024-03-01'],
      ['in_operation', '2024-09-01'],
    ]);
    const facts = await db.prisma.fact.findMany({ where: { projectId: first.id }, select: { value: true } });
    expect(facts).toHaveLength(2);
  });

  it('stores an issue naming over a thousand projects: each one record, with its stage, milestone and figures', async () => {
    const text = manyProjects(1600);
    const input = { text, date: '2024-10-08', publication: '湘潭日报' };
    // What the import will store, as the admin's preview shows it (same extraction, nothing written).
    const extracted = await previewIssue(db.prisma, input);
    const projectFacts = extracted.facts.filter((f) => f.subject?.type === 'project');
    const names = [...new Set(projectFacts.map((f) => f.subject?.name ?? ''))];
    expect(names.length).toBeGreaterThan(1000);
    const result = await ingestIssue(db.prisma, input);
    expect(result.alreadyImported).toBe(false);
    const rows = await db.prisma.project.findMany({ where: { name: { in: names } }, select: { id: true, stage: true } });
    expect(rows).toHaveLength(names.length);
    expect(rows.every((r) => r.stage === 'started')).toBe(true);
    const articles = await db.prisma.article.findMany({ where: { issueId: result.issueId }, select: { id: true } });
    const milestones = await db.prisma.projectMilestone.count({ where: { articleId: { in: articles.map((a) => a.id) } } });
    // One milestone per project and article that reports its stage.
    expect(milestones).toBe(new Set(projectFacts.map((f) => `${f.subject?.name}|${f.articleOrdinal}`)).size);
    const linked = await db.prisma.fact.count({ where: { article: { issueId: result.issueId }, projectId: { not: null } } });
    expect(linked).toBe(projectFacts.length);
  }, 120_000);
});
