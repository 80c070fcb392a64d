// Facts from sentences written the way the paper writes them: kind, year, period, subject,
// comparator and metric decided from the text alone.
import { describe, expect, it } from 'vitest';
import { extractIssue } from '@/lib/extract';

function factsOf(text: string, date = '2023-07-20') {
  return extractIssue(text, { date, publication: '湘潭日报' }).facts;
}

/** One article: headline, dateline paragraph, body. */
function article(body: string, headline = '园区经济稳中向好'): string {
  return `${headline}\n\n本报讯(记者 张三)${body}`;
}

describe('kind', () => {
  it.each([
    ['今年，湘潭经开区力争完成工业投资150亿元。', 'target'],
    ['2023年，全市争取新增规模工业企业120家以上。', 'target'],
    ['确保完成年度投资140亿元以上。', 'target'],
    ['全年预计实现营业收入80亿元。', 'forecast'],
    ['该项目有望实现产值10亿元。', 'forecast'],
    ['项目总投资23858万元。', 'plan'],
    ['该项目计划投资5亿元，目前已完成投资2.3亿元。', 'plan'],
    ['上半年，湘潭高新区实际完成投资35亿元。', 'actual'],
  ])('%s → %s', (sentence, kind) => {
    const facts = factsOf(article(sentence));
    expect(facts[0]?.kind).toBe(kind);
  });

  it('a plan cue covers its clause only: the later figure is what was done', () => {
    const facts = factsOf(article('该项目计划投资5亿元，目前已完成投资2.3亿元。'));
    expect(facts.map((f) => [f.value, f.kind])).toEqual([
      ['500000000', 'plan'],
      ['230000000', 'actual'],
    ]);
  });
});

describe('year and period', () => {
  it.each([
    ['2022年，湘潭经开区主导产业产值增速12%。', 2022, null],
    ['今年1至7月，全市规模工业增加值同比增长8.5%。', 2023, 'M01-M07'],
    ['1-7月，全市完成固定资产投资120亿元。', 2023, 'M01-M07'],
    ['去年，全市新增高新技术企业85家。', 2022, null],
    ['上半年，湘潭高新区实现税收收入12亿元。', 2023, 'H1'],
    ['一季度，全市实际利用外资1.2亿美元。', 2023, 'Q1'],
    ['今年前三季度，全市新开工项目86个。', 2023, 'M01-M09'],
    ['2018年至2019年期间，分两次挪用集体资金共计11万元。', 2019, null],
    ['截至目前，已有120余家单位观看。', 2023, null],
    ['累计培育小巨人企业67家。', 2023, 'cumulative'],
    ['2022年全市实现地区生产总值2700亿元。', 2022, null],
  ])('%s → %s %s', (sentence, year, period) => {
    const [f] = factsOf(article(sentence));
    expect(f?.year).toBe(year);
    expect(f?.period).toBe(period);
  });

  it('without a publication date, relative years stay null', () => {
    const [f] = extractIssue(article('今年，全市新增高新技术企业85家。')).facts;
    expect(f?.year).toBeNull();
  });

  it('a growth rate after an amount shares its period and becomes that amount’s growth', () => {
    const facts = factsOf(article('湘潭经开区2023年上半年完成工业投资35.6亿元，同比增长12.5%。'));
    expect(facts.map((f) => [f.value, f.period, f.metric.key])).toEqual([
      ['3560000000', 'H1', 'industrial_investment'],
      ['12.5', 'H1', 'industrial_investment_growth'],
    ]);
  });
});

describe('subject', () => {
  it('links parks by name and alias, and 该区 back to the last park', () => {
    const facts = factsOf(article('九华经开区上半年新增规模工业企业12家。该区实现税收收入8亿元。'));
    expect(facts.map((f) => f.subject)).toEqual([
      { type: 'park', name: '湘潭经开区' },
      { type: 'park', name: '湘潭经开区' },
    ]);
  });

  it('我市/全市 mean the city; a county named in the sentence wins', () => {
    const facts = factsOf(article('全市新增就业1.2万人，其中湘乡市新增就业3200人。'));
    expect(facts.map((f) => f.subject?.name)).toEqual(['湘潭市', '湘乡市']);
  });

  it('“在全市首推” is a scope, not the subject', () => {
    const facts = factsOf(article('天易经开区大力推进改革，在全市首推415亩土地"商转工"。'));
    expect(facts[0]?.subject).toEqual({ type: 'park', name: '天易经开区' });
  });

  it('a place inside a facility name is not the subject', () => {
    const facts = factsOf(article('雨湖高新区推动湘潭市动力电池材料产业园建设，吸引200余家企业入驻。'));
    expect(facts[0]?.subject).toEqual({ type: 'park', name: '雨湖高新区' });
  });

  it('the article’s own place comes from its headline or its 记者站', () => {
    const text = '湘乡:警示教育片成为"热播剧"\n\n本报讯(湘乡记者站 何兴安)截至目前,已有2.4万名党员干部观看了该片。';
    expect(factsOf(text)[0]?.subject).toEqual({ type: 'region', name: '湘乡市' });
  });

  it('uses the places it is given (admins add parks and aliases)', () => {
    const places = {
      regions: [{ code: '430300', name: '湘潭市', level: 'city', parent: null, aliases: ['我市'] }],
      parks: [{ name: '示范新城', home: '430300', aliases: ['新城片区'] }],
    };
    const [f] = extractIssue(article('新城片区引进项目18个。'), { date: '2023-01-01', places }).facts;
    expect(f?.subject).toEqual({ type: 'park', name: '示范新城' });
  });
});

describe('what is and is not reported', () => {
  it('skips thresholds that define a class (100亿元以上企业) but keeps the counts', () => {
    const facts = factsOf(article('力争实现营业收入100亿元以上企业新增2家、50亿元以上企业新增3家。'));
    expect(facts.map((f) => [f.raw, f.kind])).toEqual([
      ['2家', 'target'],
      ['3家', 'target'],
    ]);
  });

  it('skips small Chinese-numeral counts in running text but keeps 连续两次', () => {
    const facts = factsOf(article('专家将在两天内分两次授课。天易经开区已连续两次获评先进园区。'));
    expect(facts.map((f) => f.raw)).toEqual(['两次']);
    expect(facts[0]?.subject?.name).toBe('天易经开区');
  });

  it('reports a headline figure once when the body repeats it', () => {
    const text = '23名见义勇为先进个人受表彰\n\n本报讯(记者 刘建强)尹文金、陈卓等23人被授予(追授)2022年度荣誉称号。';
    const facts = factsOf(text);
    expect(facts.map((f) => [f.raw, f.year])).toEqual([['23人', 2022]]);
  });

  it('gives the evidence sentence and a span that points at the figure', () => {
    const text = article('会议指出，全市今年新增市场主体2.1万户。下一步要继续努力。');
    const result = extractIssue(text, { date: '2023-05-19', publication: '湘潭日报' });
    const f = result.facts[0]!;
    const body = result.articles[0]!.body;
    expect(body.slice(f.span[0], f.span[1])).toBe(f.raw);
    expect(f.evidence).toBe('会议指出，全市今年新增市场主体2.1万户。');
  });

  it('keeps unknown measures as unclassified with a label, never drops them', () => {
    const [f] = factsOf(article('全市共建成5G基站之外的充电桩3200个。'));
    expect(f?.metric.key).toBe('unclassified');
    expect(f?.metric.label.length).toBeGreaterThan(1);
  });

  it('reads ASCII punctuation like full-width', () => {
    const a = factsOf(article('上半年,全市新增就业1.2万人;下半年预计新增0.8万人.'));
    expect(a.map((f) => [f.value, f.period, f.kind])).toEqual([
      ['12000', 'H1', 'actual'],
      ['8000', 'H2', 'forecast'],
    ]);
  });
});
