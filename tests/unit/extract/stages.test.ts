// Each stage of the fact pipeline on its own: skip rules, kind, year/period, subject (with the
// article's home place), entities, segmentation of articles as they arrive. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { docContextOf, DATELINE } from '@/lib/extract/facts';
import { extractIssue } from '@/lib/extract';
import { figureOf } from '@/lib/extract/stages/figure';
import { skipReason } from '@/lib/extract/stages/skip';
import { kindOf, kindForYear } from '@/lib/extract/stages/kind';
import { periodOf, timeOf } from '@/lib/extract/stages/time';
import { homeOf, regionOfOutlet, subjectOf } from '@/lib/extract/stages/subject';
import { findEntities } from '@/lib/extract/entities';
import { findQuantities } from '@/lib/extract/quantities';
import { buildPlaceIndex, DEFAULT_PLACES } from '@/lib/extract/places';
import { DEFAULT_CATALOG } from '@/lib/extract/catalog';
import { isDateline, isMetaLine, segmentArticles } from '@/lib/extract/segment';
import type { Article, Quantity } from '@/lib/extract/types';

const places = buildPlaceIndex(DEFAULT_PLACES);

function articleOf(body: string, headLineCount = 0): Article {
  const headline = headLineCount ? (body.split('\n')[0] ?? '') : '';
  return { ordinal: 0, headline, subheadlines: [], byline: null, dateline: null, kind: 'news', body, headLineCount };
}

/** The Figure and DocContext of the figure written `raw` in body. */
function figure(body: string, raw: string, opts: { date?: number; month?: number; publication?: string; head?: number } = {}) {
  const doc = docContextOf(articleOf(body, opts.head ?? 0), { pubYear: opts.date ?? 2024, pubMonth: opts.month ?? null, places, catalog: DEFAULT_CATALOG, publication: opts.publication });
  const q = findQuantities(body).find((x) => x.text === raw);
  if (!q || !q.unit) throw new Error(`no ${raw} in ${body}`);
  const s = doc.sentences.findIndex((sn) => q.start >= sn.start && q.start < sn.end);
  return { doc, fig: figureOf(doc, q, q.unit, Math.max(0, s)) };
}

describe('skip rules', () => {
  const reason = (body: string, raw: string, headlineEnd = 0) => {
    const qs = findQuantities(body);
    const q = qs.find((x) => x.text === raw);
    if (!q) throw new Error(`no ${raw}`);
    return skipReason({ body, q, unit: q.unit, headlineEnd, bodyFigures: qs.filter((x) => x.start >= headlineEnd), earlier: qs.filter((x) => x.end <= q.start) });
  };
  // The recogniser may already leave these out; the stage drops them whatever it is given.
  const made = (body: string, text: string, unit: Quantity['unit'], measure: string, value: string): Quantity => {
    const start = body.indexOf(text);
    return { text, start, end: start + text.length, value, unit, comparator: 'eq', measure };
  };
  it.each([
    ['市十五届人大常委会第五次会议召开。', made('市十五届人大常委会第五次会议召开。', '十五届', 'times', '届', '15'), 'ordinal of a session (届)'],
    ['该区在全市考核中排名前3位。', made('该区在全市考核中排名前3位。', '3位', 'person', '位', '3'), 'rank'],
    ['首台60吨级电动装载机下线。', made('首台60吨级电动装载机下线。', '60吨', 'ton', '吨', '60'), 'rating in a name (…级)'],
    ['09:42:18', made('时间09:42:18', '18', 'item', '项', '18'), 'clock time'],
    ['该村会计分两次挪用资金。', made('该村会计分两次挪用资金。', '两次', 'times', '次', '2'), 'small Chinese numeral in a phrase'],
  ])('%s is not a fact', (_s, q, why) => {
    const body = _s === '09:42:18' ? '时间09:42:18' : _s;
    expect(skipReason({ body, q, unit: q.unit, headlineEnd: 0, bodyFigures: [q], earlier: [] })).toBe(why);
  });
  it('restating a figure to list its parts is not a second fact', () => {
    const body = '今年已新增企业8家，这8家企业分别为…';
    const qs = findQuantities(body);
    const [first, second] = qs;
    expect(first && second && skipReason({ body, q: second, unit: second.unit, headlineEnd: 0, bodyFigures: qs, earlier: [first] })).toBe('restatement in the body');
  });
  it('keeps a small count with a measure word (三项机制)', () => {
    const body = '建立“早调度、快交办”三项机制。';
    const q = made(body, '三项', 'item', '项', '3');
    expect(skipReason({ body, q, unit: 'item', headlineEnd: 0, bodyFigures: [q], earlier: [] })).toBeNull();
  });
  it('keeps a real count, a session count with 连续, and a first mention', () => {
    expect(reason('全区共有规上企业120家。', '120家')).toBeNull();
    expect(reason('今年已新增企业8家，这8家企业分别为…', '8家')).toBeNull();
  });
  it('a headline figure restated, or garbled with its decimal point lost, is not a second fact', () => {
    const body = '园区项目总投资2265亿元\n本报讯 新开工项目总投资226.5亿元。';
    expect(reason(body, '2265亿元', 12)).toBe('headline restates the body');
  });
});

describe('kind', () => {
  const kind = (body: string, raw: string) => kindOf(figure(body, raw).fig);
  it.each([
    ['该项目总投资6亿元，目前主体已完工。', '6亿元', 'plan'],
    ['此次集中竣工的项目总投资18亿元。', '18亿元', 'plan'],
    ['项目规划总用地420亩。', '420亩', 'plan'],
    ['项目建成后可年产电机3万台。', '3万台', 'plan'],
    ['2025年计划投资2.6亿元。', '2.6亿元', 'target'],
    ['全区年度计划投资64亿元。', '64亿元', 'target'],
    ['预计到年底，全县将新增市场主体900户。', '900户', 'forecast'],
    ['各项指标均超过年度目标，新增就业岗位640个。', '640个', 'actual'],
    ['工作专班为企业争取专项资金350万元。', '350万元', 'actual'],
    ['力争全年新增规上企业20家。', '20家', 'target'],
    ['今年共有12个项目开工建设。', '12个项目', 'actual'],
    ['园内共有重点项目9个，总投资21亿元。', '9个', 'plan'],
    // What a finished project is to bring is expected, unless reported as done since.
    ['项目建成后可新增就业岗位1500个，年税收1.2亿元。', '1500个', 'forecast'],
    ['项目建成后可新增就业岗位1500个，年税收1.2亿元。', '1.2亿元', 'forecast'],
    ['项目全面达产后将新增产值12亿元。', '12亿元', 'forecast'],
    ['项目投产后已实现产值3亿元。', '3亿元', 'actual'],
    ['项目去年建成投产后，今年上半年实现产值3亿元。', '3亿元', 'actual'],
    // Land handed out is a result; a project's land is its size.
    ['今年已出让工业用地860亩。', '860亩', 'actual'],
    ['项目规划用地860亩。', '860亩', 'plan'],
    // A goal named first, then what is done since; a task assigned is a goal.
    ['按照全年新增企业60家的目标，1至9月已新增企业48家。', '48家', 'actual'],
    ['按照全年新增企业60家的目标，1至9月已新增企业48家。', '60家', 'target'],
    ['下达的年度任务为新增就业3.5万人。', '3.5万人', 'target'],
    ['该项目总投资18亿元，设置床位1500张。', '1500张', 'plan'],
    // Done as planned; money spent after the plan figure of the same clause.
    ['项目按计划完成投资5亿元。', '5亿元', 'actual'],
    ['总投资12亿元的新材料项目今年完成投资4.5亿元。', '4.5亿元', 'actual'],
    ['总投资12亿元的新材料项目今年完成投资4.5亿元。', '12亿元', 'plan'],
    ['项目计划总投资12亿元，今年计划完成投资4亿元。', '4亿元', 'target'],
    ['醴陵市今年计划投资156亿元的86个重点项目已开工79个。', '79个', 'actual'],
    ['醴陵市今年计划投资156亿元的86个重点项目已开工79个。', '86个', 'plan'],
  ])('%s %s → %s', (body, raw, expected) => {
    expect(kind(body, raw)).toBe(expected);
  });
  it('a result for a year still to come is an aim', () => {
    expect(kindForYear('actual', 2027, 2024)).toBe('target');
    expect(kindForYear('actual', 2024, 2024)).toBe('actual');
    expect(kindForYear('plan', 2027, 2024)).toBe('plan');
  });
});

describe('year and period', () => {
  const time = (body: string, raw: string, date: number | undefined, head = 0, month?: number) => {
    const { doc, fig } = figure(body, raw, { date, head, month });
    return timeOf(fig, doc, kindOf(fig));
  };
  it('a paragraph opening with a year sets it for the paragraphs after it', () => {
    const t = time('2023年以来，岳塘区狠抓招商。\n截至10月底，该区新引进企业31家。', '31家', undefined);
    expect([t.year, t.period]).toEqual([2023, 'M01-M10']);
  });
  it('目前 in the figure’s clause beats an earlier year', () => {
    expect(time('基地2020年建成投用，目前入驻企业已达42家。', '42家', 2024).year).toBe(2024);
  });
  it('a span of years is about its last year', () => {
    expect(time('从2019年到2022年，全县累计造林3.2万亩。', '3.2万亩', 2024).year).toBe(2022);
  });
  it('a project’s size has no year unless an event or a year is named', () => {
    expect(time('该项目总投资8亿元，用地150亩。', '8亿元', 2024).year).toBeNull();
    expect(time('此次签约的项目总投资8亿元。', '8亿元', 2024).year).toBe(2024);
  });
  it('a stock counted now, a project built in phases, a part of a reported set: the issue year', () => {
    expect(time('岳塘区现有省级重点项目9个。', '9个', 2024).year).toBe(2024);
    expect(time('该物流园总投资6亿元，计划分两期建设。', '6亿元', 2024).year).toBe(2024);
    expect(time('其中，智能制造产业园用地300亩。', '300亩', 2024).year).toBe(2024);
    expect(time('该产业园用地300亩。', '300亩', 2024).year).toBeNull();
  });
  it('a capacity opening a project’s name does not take the year from the figures after it', () => {
    expect(time('此次签约项目8个。其中，年产20万吨己内酰胺项目总投资45亿元。', '45亿元', 2023).year).toBe(2023);
    expect(time('此次签约项目8个。其中，年产20万吨己内酰胺项目总投资45亿元。', '20万吨', 2023).year).toBeNull();
  });
  it('how long something takes has no year unless the clause names one', () => {
    expect(time('以前办证要跑5天，现在只需2小时。', '2小时', 2024).year).toBeNull();
    expect(time('2023年办证只需2小时。', '2小时', 2024).year).toBe(2023);
    expect(time('此次集训为期5天。', '5天', 2024).year).toBe(2024);
  });
  it('an evaluation reported in the first quarter is about the year before', () => {
    expect(time('全县获评示范村的数量达12个。', '12个', 2024, 0, 2).year).toBe(2023);
    expect(time('全县获评示范村的数量达12个。', '12个', 2024, 0, 8).year).toBe(2024);
    expect(time('全县新建示范村12个。', '12个', 2024, 0, 2).year).toBe(2024);
  });
  it('the last 今年/去年 before the figure speaks for it', () => {
    const t = time('“去年订单增长了三成，今年前8个月产值已达5.6亿元。”', '5.6亿元', 2024);
    expect([t.year, t.period]).toEqual([2024, 'M01-M08']);
  });
  it('前N个月 is January to the n-th month', () => {
    expect(periodOf('今年前7个月')).toBe('M01-M07');
    expect(periodOf('前两个月')).toBe('M01-M02');
    expect(periodOf('前5月')).toBe('M01-M05');
    expect(periodOf('提前5个月')).toBeNull();
  });
  it('spans of months in Chinese numerals and spans of quarters start in January', () => {
    expect(periodOf('今年一至七月')).toBe('M01-M07');
    expect(periodOf('十一至十二月')).toBe('M11-M12');
    expect(periodOf('一至三季度')).toBe('M01-M09');
    expect(periodOf('1-2季度')).toBe('H1');
    expect(time('一至三季度，园区完成进出口总额312亿元。', '312亿元', 2023).period).toBe('M01-M09');
  });
  it('截至今年N月底 makes a 累计 the year so far; without a year 累计 stays cumulative', () => {
    expect(time('截至今年10月底，全市累计完成固定资产投资1265亿元。', '1265亿元', 2023).period).toBe('M01-M10');
    expect(time('截至6月底，全市累计发放贷款2.3亿元。', '2.3亿元', 2023).period).toBe('cumulative');
  });
  it('a span ending in autumn or later, reported done in January to March, is the year before', () => {
    expect(time('1至11月，全市规模工业增加值同比增长7.2%。', '7.2%', 2025, 0, 1).year).toBe(2024);
    expect(time('全年，全市新增规模工业企业150家。', '150家', 2025, 0, 2).year).toBe(2024);
    expect(time('全年，全市新增规模工业企业150家。', '150家', 2025, 0, 7).year).toBe(2025);
    expect(time('一季度，全市集中开工项目120个。', '120个', 2025, 0, 2).year).toBe(2025);
    expect(time('今年全市力争新增规模工业企业160家。', '160家', 2025, 0, 1).year).toBe(2025);
    expect(time('2025年1至11月，全市新增企业150家。', '150家', 2025, 0, 1).year).toBe(2025);
  });
  it('去年同期 as a clause of its own is the year before (as a comparison base it is not)', () => {
    expect(time('去年同期，全市进出口总额仅为120亿元。', '120亿元', 2024).year).toBe(2023);
    expect(time('全市进出口总额168亿元，比去年同期增长40%。', '40%', 2024).year).toBe(2024);
  });
  it('a date in an earlier clause (排到明年3月) is not the figure’s year', () => {
    expect(time('订单已经排到明年3月，预计全年销售收入可达8亿元。', '8亿元', 2024).year).toBe(2024);
    expect(time('明年，预计销售收入可达8亿元。', '8亿元', 2024).year).toBe(2025);
  });
});

describe('home place and subject', () => {
  it('a publication or source tag names its place', () => {
    expect(regionOfOutlet('株洲日报', places)?.name).toBe('株洲市');
    expect(regionOfOutlet('湘潭县融媒体中心', places)?.name).toBe('湘潭县');
    expect(regionOfOutlet('湘潭日报 (Xiangtan Daily)', places)?.name).toBe('湘潭市');
    expect(regionOfOutlet('华声在线', places)).toBeNull();
    expect(homeOf('衡阳日报', null, [], places)).toEqual({ city: '衡阳市', county: null });
    expect(homeOf(undefined, '湘乡市融媒体中心讯 ', [], places)).toEqual({ city: '湘潭市', county: '湘乡市' });
    // A short form the papers use; an outlet opening a compound tag; the place a reporter files from.
    expect(regionOfOutlet('湘西州融媒体中心', places)?.name).toBe('湘西土家族苗族自治州');
    expect(homeOf(undefined, '长沙晚报掌上长沙5月30日讯', [], places)).toEqual({ city: '长沙市', county: null });
    expect(homeOf(undefined, '红网时刻新闻记者唐亚通讯员何平永州报道', [], places)).toEqual({ city: '永州市', county: null });
    expect(homeOf(undefined, '红网时刻新闻记者唐亚通讯员何平湘潭县报道', [], places)).toEqual({ city: '湘潭市', county: '湘潭县' });
  });
  it('全州 is the prefecture that publishes, also when the paper names no place (团结报)', () => {
    expect(subject('全州实现旅游收入512亿元。', '512亿元', '湘西州融媒体中心')).toEqual({ type: 'region', name: '湘西土家族苗族自治州' });
    expect(subject('全州实现旅游收入512亿元。', '512亿元', '团结报')).toEqual({ type: 'region', name: '湘西土家族苗族自治州' });
  });
  it('a bare 高新区/经开区 with no park named before it is the home’s own park', () => {
    expect(subject('今年1至9月，高新区完成规模工业总产值365亿元。', '365亿元', '郴州日报')).toEqual({ type: 'park', name: '郴州高新区' });
    expect(subject('市经开区新引进项目35个。', '35个', '常德日报')).toEqual({ type: 'park', name: '常德经开区' });
    expect(subject('经开区新引进项目35个。', '35个', '湘潭县融媒体中心')).toEqual({ type: 'park', name: '天易经开区' });
  });
  it('该项目/该公司 point back at the project or organisation named last, also in the headline', () => {
    const body = '益阳长春经开区高端轴承项目进展顺利\n该项目占地面积80亩。';
    const { doc, fig } = figure(body, '80亩', { publication: '益阳日报', head: 1 });
    expect(subjectOf(fig, doc).subject).toEqual({ type: 'project', name: '益阳长春经开区高端轴承项目', park: '益阳长春经开区' });
    expect(subject('湖南青枫智能装备有限公司落户园区。该公司上半年产值达2.3亿元。', '2.3亿元', '益阳日报')).toMatchObject({ type: 'org', name: '湖南青枫智能装备有限公司' });
  });
  const subject = (body: string, raw: string, publication?: string) => {
    const { doc, fig } = figure(body, raw, { publication });
    return subjectOf(fig, doc).subject;
  };
  it('我市/全市 are the publisher’s city; 全省 is Hunan; no publication and no place → null', () => {
    expect(subject('上半年，我市新增规上企业33家。', '33家', '常德日报')).toEqual({ type: 'region', name: '常德市' });
    expect(subject('上半年，我市新增规上企业33家。', '33家')).toBeNull();
    expect(subject('全省共有国家级园区23家。', '23家')).toEqual({ type: 'region', name: '湖南省' });
  });
  it('a place used as a level (湘潭市级) or a beneficiary (为湘潭市…) is not the subject', () => {
    expect(subject('湘乡市列入湘潭市级重点的项目有15个。', '15个')).toEqual({ type: 'region', name: '湘乡市' });
    expect(subject('项目将为湘潭市提供支撑。其中，天易经开区新签约项目7个。', '7个')?.name).toBe('天易经开区');
  });
  it('where people come from (来自…) is not whose figure it is', () => {
    expect(subject('来自湘潭大学环境与资源学院的3位专家授课。', '3位', '湘潭日报')).toEqual({ type: 'region', name: '湘潭市' });
  });
  it('the subject named right after a quote speaks for its figures', () => {
    expect(subject('“订单排到了年底，今年产值能过3亿元。”湘潭高新区一家企业负责人说。', '3亿元')).toEqual({ type: 'park', name: '湘潭高新区' });
  });
  it('a named project carries the park the text places it in', () => {
    expect(subject('湘乡经开区的金能新材料项目总投资5亿元。', '5亿元')).toEqual({ type: 'project', name: '金能新材料项目', park: '湘乡经开区' });
  });
});

describe('a bare count after a count of projects', () => {
  const units = (text: string) => extractIssue(text, { date: '2024-03-22', publication: '郴州日报' }).facts.map((f) => [f.raw, f.unit]);
  it('counts projects too: the noun is said once', () => {
    expect(units('北湖区、苏仙区分别开工项目18个、15个。')).toEqual([['18个', 'project'], ['15个', 'project']]);
    expect(units('计划引进项目20个，目前已签约落户14个。')).toEqual([['20个', 'project'], ['14个', 'project']]);
    expect(units('开工项目18个，新建道路5个。')).toEqual([['18个', 'project'], ['5个', 'item']]);
  });
});

describe('entities', () => {
  it.each([
    ['据悉，湖南竹韵新材料有限公司产值增长两成。', [['org', '湖南竹韵新材料有限公司']]],
    ['其中，白石智造产业园入驻企业20家。', [['park', '白石智造产业园']]],
    ['附：楠竹深加工项目，总投资3亿元。', [['project', '楠竹深加工项目']]],
    ['全县共有重点项目30个。', []],
    ['该县培育农民专业合作社126家。', []],
    ['此次签约的6个项目涵盖新材料。', []],
    // Hospitals and schools are organisations; not 中学生 or 集中学习.
    ['今年，常德市第一人民医院门急诊量达186万人次。', [['org', '常德市第一人民医院']]],
    ['衡阳县第一中学本科上线1286人。', [['org', '衡阳县第一中学']]],
    ['全县中学生体质合格率达95%，党员集中学习12次。', []],
    // What a project is built by is not part of its name; a longer name covers the ones inside it.
    ['双方将合作建设智能终端制造基地项目。', [['project', '智能终端制造基地项目']]],
    ['南华大学附属第一医院新院区项目近日封顶。', [['project', '南华大学附属第一医院新院区项目']]],
    ['其中亿元以上项目21个。', []],
    ['，湖南省建设工程集团中标。', [['org', '湖南省建设工程集团']]],
    ['，高新区举行项目签约仪式。', []],
    ['落户园区的湖南金渌新材料有限公司年产3万吨铜箔项目总投资18亿元。', [['org', '湖南金渌新材料有限公司'], ['project', '年产3万吨铜箔项目']]],
    ['来自湘潭大学环境与资源学院的3位专家授课。', [['org', '湘潭大学']]],
  ])('%s', (text, expected) => {
    expect(findEntities(text).map((e) => [e.type, e.name])).toEqual(expected);
  });
});

describe('articles as they arrive', () => {
  it('recognises datelines in their forms', () => {
    for (const d of ['本报讯 今年', '株洲日报讯 今年', '华声在线12月2日讯 近日', '湘潭县融媒体中心讯 这次', '(记者 王某 通讯员 赵某)近日', '红网时刻新闻11月3日讯（通讯员 刘敏）今年', '湖南日报·新湖南客户端5月6日讯 今年', '红网时刻新闻记者唐亚通讯员何平永州报道']) expect(isDateline(d)).toBe(true);
    expect(DATELINE.exec('长沙晚报掌上长沙5月30日讯（全媒体记者 刘琴）今年前4个月')?.[0]).toBe('长沙晚报掌上长沙5月30日讯（全媒体记者 刘琴）');
    expect(DATELINE.exec('红网时刻新闻记者唐亚通讯员何平永州报道今年上半年，')?.[0]).toBe('红网时刻新闻记者唐亚通讯员何平永州报道');
    expect(isDateline('今年以来，全区新增企业9家。')).toBe(false);
    expect(DATELINE.exec('株洲日报讯 今年前三季度')?.[0]).toBe('株洲日报讯 ');
  });
  it('drops timestamps and editor lines, and keeps a headline off the first sentence', () => {
    expect(isMetaLine('2024-05-16 09:42:18')).toBe(true);
    expect(isMetaLine('责任编辑：李某')).toBe(true);
    const [a] = segmentArticles('2024-05-16 09:42:18\n园区新签约项目6个\n该区今年新签约项目6个，总投资20亿元。\n责任编辑：李某');
    expect(a?.headline).toBe('园区新签约项目6个');
    expect(a?.body).toBe('园区新签约项目6个\n该区今年新签约项目6个，总投资20亿元。');
    expect(a?.headLineCount).toBe(1);
  });
});
