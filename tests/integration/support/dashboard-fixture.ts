// Dashboard fixture without the extraction engine: the gazetteer's places, the metrics the demo
// review uses, the demo issue split into its articles, the reviewed facts (approved, with their
// source sentences and spans) and the awards. Lets dashboard reads and pages be developed and
// tested while lib/extract is still being written; `extra` adds a few clearly marked figures
// for other years so trends and year-on-year changes have something to show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import gazetteer from '@/prisma/seed/gazetteer.json';
import type { AppPrismaClient } from '@/lib/db/client';
import { seedScorecardDefaults } from '@/lib/seed/scorecard';

interface ReviewFact {
  article: string;
  evidence: string;
  value: number | string;
  unit: string;
  comparator: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx';
  kind: 'actual' | 'target' | 'forecast' | 'plan';
  year: number | null;
  subject: string | null;
  subjectType?: 'project' | 'org';
  park?: string;
  metric: string;
}
interface ReviewRecognition {
  subject: string;
  year: number;
  title: string;
  level: 'national' | 'province' | 'city' | 'county';
  article: string;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Chinese names of the demo review's metric keys (the real catalogue comes from lib/extract). */
const METRIC_NAMES: Record<string, [string, string]> = {
  law_education_responsible_units: ['普法责任单位', 'Law-education responsible units'],
  units_reporting: ['汇报单位', 'Units reporting'],
  persons_honoured_bravery: ['见义勇为表彰人数', 'Persons honoured for bravery'],
  honourees_speaking: ['宣讲代表', 'Honourees speaking'],
  people_rescued_by_individual: ['个人救助人数', 'People rescued'],
  people_trained: ['培训人数', 'People trained'],
  five_good_parks_awarded: ['"五好"园区上榜数', 'Five Good parks awarded'],
  leading_industry_output_growth: ['主导产业产值增速', 'Leading-industry output growth'],
  little_giant_enterprises_cumulative: ['省级以上小巨人企业（累计）', 'Little-giant enterprises (cumulative)'],
  little_giant_share_of_scale_industry: ['小巨人企业占规模工业比重', 'Little giants share of scale industry'],
  enterprises_in_maker_space: ['众创空间入驻企业', 'Enterprises in maker space'],
  five_good_awards_consecutive: ['连续获评"五好"园区次数', 'Consecutive Five Good awards'],
  land_converted_commercial_to_industrial: ['"商转工"土地', 'Land converted to industrial use'],
  key_enterprises_served: ['精准服务重点企业', 'Key enterprises served'],
  key_projects_served: ['精准服务重点项目', 'Key projects served'],
  key_talents_served: ['精准服务重点人才', 'Key talents served'],
  park_share_of_industrial_value_added: ['园区工业增加值占比', 'Parks share of industrial value added'],
  key_tasks: ['重点任务', 'Key tasks'],
  projects_over_100m_per_chain: ['每条产业链招引亿元项目', '100m-yuan projects per chain'],
  investment_in_demonstration_parks: ['专业示范园区年度投资', 'Investment in demonstration parks'],
  new_scale_industrial_enterprises: ['新增规模工业企业', 'New scale industrial enterprises'],
  new_little_giant_enterprises: ['新增国省小巨人企业', 'New little-giant enterprises'],
  new_specialised_sme: ['新增市级专精特新企业', 'New specialised SMEs'],
  new_enterprises_revenue_over_10bn: ['新增营收百亿企业', 'New 10bn-revenue enterprises'],
  new_enterprises_revenue_over_5bn: ['新增营收50亿企业', 'New 5bn-revenue enterprises'],
  project_total_investment: ['项目总投资', 'Project total investment'],
  funds_misappropriated: ['挪用资金', 'Funds misappropriated'],
  problems_found: ['发现问题', 'Problems found'],
  leads_handled: ['处置问题线索', 'Leads handled'],
  problem_categories: ['问题类别', 'Problem categories'],
  units_watched_film: ['观看单位', 'Units watching'],
  party_members_watched_film: ['观看党员干部', 'Party members watching'],
  key_enterprises_trained: ['参训重点企业', 'Key enterprises trained'],
  experts: ['专家', 'Experts'],
};

function canonical(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let ch = s[i] ?? '';
    if (/\s/.test(ch)) continue;
    if ('“”„"「」『』'.includes(ch)) ch = '"';
    else if ("‘’'".includes(ch)) ch = "'";
    else if (ch === '（') ch = '(';
    else if (ch === '）') ch = ')';
    else if (ch === '，') ch = ',';
    text += ch;
    map.push(i);
  }
  return { text, map };
}

export interface FixtureResult {
  issueId: number;
  facts: number;
  recognitions: number;
}

export async function loadDashboardFixture(prisma: AppPrismaClient, opts: { extra?: boolean } = {}): Promise<FixtureResult> {
  const idByCode = new Map<string, number>();
  const regions = [...gazetteer.regions].sort((a, b) => ['province', 'city', 'county'].indexOf(a.level) - ['province', 'city', 'county'].indexOf(b.level));
  for (const r of regions) {
    const row = await prisma.region.upsert({
      where: { code: r.code },
      update: {},
      create: {
        code: r.code,
        name: r.name,
        nameEn: r.en,
        level: r.level as 'province' | 'city' | 'county',
        parentId: r.parent ? (idByCode.get(r.parent) ?? null) : null,
        aliases: 'aliases' in r && Array.isArray(r.aliases) ? r.aliases : [],
      },
      select: { id: true },
    });
    idByCode.set(r.code, row.id);
  }
  for (const p of gazetteer.parks) {
    await prisma.park.upsert({
      where: { name: p.name },
      update: {},
      create: {
        name: p.name,
        officialName: p.official,
        nameEn: p.en,
        type: p.type,
        level: p.level as 'national' | 'provincial' | 'municipal',
        regionId: idByCode.get(p.home) ?? 0,
        aliases: p.aliases,
      },
    });
  }
  const review = JSON.parse(readFileSync(path.join(ROOT, 'prisma/seed/demo/review.json'), 'utf8')) as {
    facts: ReviewFact[];
    recognitions: ReviewRecognition[];
  };
  const units = new Map(review.facts.map((f) => [f.metric, f.unit]));
  for (const [key, unit] of units) {
    const [nameZh, nameEn] = METRIC_NAMES[key] ?? [key, key];
    const percent = unit === 'percent';
    await prisma.metric.upsert({
      where: { key },
      update: {},
      create: {
        key,
        nameZh,
        nameEn,
        unit,
        valueType: percent ? (key.includes('growth') ? 'growth' : 'share') : unit === 'CNY' ? 'amount' : 'count',
        aggregation: percent ? 'none' : 'sum',
        direction: key.includes('misappropriated') || key.includes('problems') ? 'lower_better' : 'higher_better',
        category: key.includes('park') || key.includes('little_giant') || key.includes('enterprise') ? '园区' : '综合',
        description: `${nameZh}（演示目录）`,
      },
    });
  }
  // The scorecard's default indicators among these metrics (the overview's default headline).
  await seedScorecardDefaults(prisma);
  const pub = await prisma.publication.upsert({
    where: { name: '湘潭日报' },
    update: {},
    create: { name: '湘潭日报', nameEn: 'Xiangtan Daily' },
  });

  const text = readFileSync(path.join(ROOT, 'prisma/seed/demo/xiangtan-daily-2023-05-19.txt'), 'utf8');
  const headlines = [...new Set([...review.facts.map((f) => f.article), ...review.recognitions.map((r) => r.article)])];
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const articles: { headline: string; body: string[] }[] = [];
  for (const para of paragraphs) {
    const head = headlines.find((h) => canonical(h).text === canonical(para).text);
    if (head) articles.push({ headline: head, body: [] });
    else articles.at(-1)?.body.push(para);
  }
  const issue = await prisma.issue.upsert({
    where: { checksum: 'f'.repeat(64) },
    update: {},
    create: {
      publicationId: pub.id,
      date: new Date('2023-05-19T00:00:00Z'),
      page: '1',
      sourceFileName: 'xiangtan-daily-2023-05-19.txt',
      checksum: 'f'.repeat(64),
      charCount: text.length,
    },
    select: { id: true },
  });
  const existing = await prisma.fact.count({ where: { article: { issueId: issue.id } } });
  if (existing > 0) return { issueId: issue.id, facts: existing, recognitions: await prisma.recognition.count() };

  const stored: { id: number; headline: string; body: string }[] = [];
  for (const [i, a] of articles.entries()) {
    const bylineMatch = /本报讯[（(]([^）)]+)[）)]/.exec(a.body[0] ?? '');
    const row = await prisma.article.create({
      data: { issueId: issue.id, ordinal: i + 1, headline: a.headline, byline: bylineMatch?.[1] ?? null, body: a.body.join('\n') },
      select: { id: true },
    });
    stored.push({ id: row.id, headline: a.headline, body: a.body.join('\n') });
  }
  const metricId = new Map((await prisma.metric.findMany({ select: { id: true, key: true } })).map((m) => [m.key, m.id]));
  const parkId = new Map((await prisma.park.findMany({ select: { id: true, name: true } })).map((p) => [p.name, p.id]));
  const regionId = new Map((await prisma.region.findMany({ select: { id: true, name: true } })).map((r) => [r.name, r.id]));
  let facts = 0;
  for (const f of review.facts) {
    const art = stored.find((a) => a.headline === f.article);
    if (!art) continue;
    const c = canonical(art.body);
    const at = c.text.indexOf(canonical(f.evidence).text);
    if (at < 0) continue;
    const evStart = c.map[at] ?? 0;
    const evEnd = (c.map[at + canonical(f.evidence).text.length - 1] ?? evStart) + 1;
    const num = art.body.slice(evStart, evEnd).search(/[0-9]/);
    const named = f.subjectType !== undefined;
    const projectId =
      f.subject && f.subjectType === 'project'
        ? (await prisma.project.upsert({ where: { name: f.subject }, create: { name: f.subject, parkId: f.park ? (parkId.get(f.park) ?? null) : null }, update: {} })).id
        : null;
    await prisma.fact.create({
      data: {
        metricId: metricId.get(f.metric) ?? 0,
        parkId: f.subject && !named ? (parkId.get(f.subject) ?? null) : null,
        regionId: f.subject && !named && !parkId.has(f.subject) ? (regionId.get(f.subject) ?? null) : null,
        projectId,
        year: f.year,
        kind: f.kind,
        value: String(f.value),
        unit: f.unit,
        comparator: f.comparator,
        status: 'approved',
        source: 'extracted',
        articleId: art.id,
        spanStart: evStart + Math.max(0, num),
        spanEnd: evEnd,
        rawText: art.body.slice(evStart + Math.max(0, num), evEnd),
        evidence: art.body.slice(evStart, evEnd),
        reviewedAt: new Date(),
      },
    });
    facts++;
  }
  for (const r of review.recognitions) {
    const art = stored.find((a) => a.headline === r.article);
    await prisma.recognition.create({
      data: { parkId: parkId.get(r.subject) ?? null, year: r.year, title: r.title, level: r.level, articleId: art?.id ?? null, status: 'approved' },
    });
  }
  if (opts.extra) {
    // Development only: figures for other years so trends and changes render. Marked manual.
    const extra: [string, string, number, 'actual' | 'target', number][] = [
      ['leading_industry_output_growth', '湘潭经开区', 2021, 'actual', 9.5],
      ['leading_industry_output_growth', '湘潭经开区', 2023, 'target', 13],
      ['leading_industry_output_growth', '天易经开区', 2022, 'actual', 10.2],
      ['leading_industry_output_growth', '湘潭高新区', 2022, 'actual', 8.1],
      ['leading_industry_output_growth', '湘乡经开区', 2022, 'actual', 6.4],
      ['leading_industry_output_growth', '雨湖高新区', 2022, 'target', 10],
      ['little_giant_enterprises_cumulative', '湘潭经开区', 2021, 'actual', 52],
      ['little_giant_enterprises_cumulative', '湘潭经开区', 2022, 'target', 60],
      ['little_giant_enterprises_cumulative', '湘潭高新区', 2022, 'actual', 48],
      ['key_enterprises_served', '湘潭高新区', 2021, 'actual', 90],
      ['project_total_investment', '韶山高新区', 2022, 'actual', 150000000],
    ];
    for (const [m, s, year, kind, value] of extra) {
      await prisma.fact.create({
        data: {
          metricId: metricId.get(m) ?? 0,
          parkId: parkId.get(s) ?? null,
          year,
          kind,
          value: String(value),
          unit: units.get(m) ?? 'item',
          status: 'approved',
          source: 'manual',
          sourceNote: '开发演示数据（非真实）',
          evidence: `开发演示：${s}${year}年数据 ${value}`,
        },
      });
      facts++;
    }
  }
  return { issueId: issue.id, facts, recognitions: review.recognitions.length };
}
