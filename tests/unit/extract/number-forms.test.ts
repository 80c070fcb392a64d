// Number forms of issue 11 (durations, 册/岁, fractions, small Chinese counts, full-width digits
// and separators, ranges, written comparators, Latin unit symbols, 角/分/毛, 成 and 折) and the
// not-a-fact forms (届 ordinals, ranks, ratings, clock times), on sentences written for these
// tests. `numbers` (findQuantities with all: true) reports every quantity; `extract` (the
// default) leaves out the ones that are not facts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  comparatorAfterStage,
  comparatorBeforeStage,
  factStage,
  findQuantities,
  numeralStage,
  rangeStage,
  scaleStage,
  unitStage,
  type Draft,
} from '@/lib/extract/quantities';
import { findQuantitiesInLine } from '@/lib/extract/line';
import { extractIssue } from '@/lib/extract';
import { toStr } from '@/lib/extract/decimal';

type Row = [text: string, value: string, unit: string | null, comparator: string];
const numbers = (s: string): Row[] => findQuantitiesInLine(s).map((q) => [q.text, q.value, q.unit, q.comparator]);
const facts = (s: string): Row[] => findQuantities(s).map((q) => [q.text, q.value, q.unit, q.comparator]);

describe('number forms, in numbers and extract alike', () => {
  it.each<[string, Row[]]>([
    // Durations and streaks.
    ['这次集中培训为期三天。', [['三天', '3', 'day', 'eq']]],
    ['该镇已连续五年保持零事故。', [['五年', '5', 'year_count', 'eq']]],
    ['检查组开展了为期15天的走访。', [['15天', '15', 'day', 'eq']]],
    // Measure words from the registry: 册, 本, 卷, 箱; ages.
    ['整理卷宗320卷、图书1.5万册，装箱46箱。', [['320卷', '320', 'other:卷', 'eq'], ['1.5万册', '15000', 'other:册', 'eq'], ['46箱', '46', 'other:箱', 'eq']]],
    ['志愿者中年龄最大的68岁。', [['68岁', '68', 'other:岁', 'eq']]],
    // Fractions that are shares.
    ['该县的企业数约占全市的四分之一。', [['四分之一', '25', 'percent', 'approx']]],
    ['新增用地占全区近三分之二。', [['近三分之二', '66.666667', 'percent', 'approx']]],
    ['超过五分之一的村已完成改造。', [['超过五分之一', '20', 'percent', 'gt']]],
    // Small Chinese numbers with a measure word.
    ['镇里推出四项措施，成立六个工作专班。', [['四项', '4', 'item', 'eq'], ['六个', '6', 'item', 'eq']]],
    // Full-width digits and separators.
    ['有３成农户参与，单价4，512.80元，总价1，234，567元。', [['３成', '30', 'percent', 'eq'], ['4，512.80元', '4512.8', 'CNY', 'eq'], ['1，234，567元', '1234567', 'CNY', 'eq']]],
    ['分别为20，300。', [['20', '20', null, 'eq'], ['300', '300', null, 'eq']]],
    // Written comparators.
    ['日均客流大于等于二百人次，水温小于等于35℃。', [['大于等于二百人次', '200', 'person_time', 'gte'], ['小于等于35℃', '35', 'other:℃', 'lte']]],
    ['参训人员不低于80人，入驻企业不少于12家，评分≥90分。', [['不低于80人', '80', 'person', 'gte'], ['不少于12家', '12', 'org', 'gte'], ['≥90', '90', null, 'gte']]],
    // Latin unit symbols: the value as written.
    ['新建绿道6km，光伏装机12MW，年发电1500万kWh。', [['6km', '6', 'other:km', 'eq'], ['12MW', '12', 'other:MW', 'eq'], ['1500万kWh', '15000000', 'kwh', 'eq']]],
    ['每袋2500g，含钙45mg，桶装3L，层高4m，占地800m²，运量20t。', [['2500g', '2500', 'other:g', 'eq'], ['45mg', '45', 'other:mg', 'eq'], ['3L', '3', 'other:L', 'eq'], ['4m', '4', 'other:m', 'eq'], ['800m²', '800', 'm2', 'eq'], ['20t', '20', 'ton', 'eq']]],
    // Money in 角/分/毛/块.
    ['每斤便宜了三毛五，车费五元八角，水费两块五，门票八角五分。', [['三毛五', '0.35', 'CNY', 'eq'], ['五元八角', '5.8', 'CNY', 'eq'], ['两块五', '2.5', 'CNY', 'eq'], ['八角五分', '0.85', 'CNY', 'eq']]],
    ['来回车费五块钱。', [['五块钱', '5', 'CNY', 'eq']]],
    // 成 and 折.
    ['六成以上的村集体经济增收，商品一律七五折，会员打八折，再打8.5折。', [['六成以上', '60', 'percent', 'gte'], ['七五折', '75', 'percent', 'eq'], ['八折', '80', 'percent', 'eq'], ['8.5折', '85', 'percent', 'eq']]],
  ])('%s', (input, expected) => {
    expect(numbers(input)).toEqual(expected);
    expect(facts(input)).toEqual(expected);
  });

  it('reads radicals from PDF text as the characters they stand for', () => {
    expect(numbers('⼆⼗⼋个项⽬')).toEqual([['⼆⼗⼋个项⽬', '28', 'project', 'eq']]);
  });
});

describe('forms numbers reports and extract does not', () => {
  it.each<[string, Row[], Row[]]>([
    // CONTRACTS §2: 一个 → 1; extract keeps a lone 一 out (一名老党员说 is prose).
    ['一名老党员感慨地说。', [['一名', '1', 'person', 'eq']], []],
    ['他买了一个。', [['一个', '1', 'item', 'eq']], []],
    // Ranges: both ends in numbers; one figure with its upper bound in extract.
    ['每批次安排30~50个，增速保持在4%至6%。', [['30', '30', 'item', 'eq'], ['50个', '50', 'item', 'eq'], ['4%', '4', 'percent', 'eq'], ['6%', '6', 'percent', 'eq']], [['30~50个', '30', 'item', 'eq'], ['4%至6%', '4', 'percent', 'eq']]],
    ['投资5-6亿元。', [['5', '500000000', 'CNY', 'eq'], ['6亿元', '600000000', 'CNY', 'eq']], [['5-6亿元', '500000000', 'CNY', 'eq']]],
    // Thresholds, ranks and ratings.
    ['为年满65周岁的老人发放补贴。', [['65周岁', '65', 'other:岁', 'eq']], []],
    ['该区在全省考核中排名前5位。', [['5', '5', null, 'eq']], []],
    ['首台120吨级电动矿卡下线。', [['120吨', '120', 'ton', 'eq']], []],
    // Deadlines and manner with a small Chinese numeral.
    ['要求两天内整改到位，款项分两次拨付。', [['两天', '2', 'day', 'eq'], ['两次', '2', 'times', 'eq']], []],
  ])('%s', (input, inNumbers, inExtract) => {
    expect(numbers(input)).toEqual(inNumbers);
    expect(facts(input)).toEqual(inExtract);
  });

  it('reports each end of a range with its own offsets', () => {
    const line = '需新增30~50个';
    for (const q of findQuantitiesInLine(line)) expect(line.slice(q.start, q.end)).toBe(q.text);
    expect(findQuantities('需新增30~50个')[0]).toMatchObject({ value: '30', upper: '50', lowerEnd: 5, upperStart: 6 });
  });
});

describe('not quantities at all', () => {
  it.each([
    '县十七届人大常委会召开第五次会议。',
    '区第三届运动会开幕，三届二次全会召开。',
    '会议于上午8:30开始，下午3时30分结束。',
    '上午9时在广场集合，晚上8点半散场。',
    '大家一起努力，他一度担任组长。',
    '登陆部队列队，队伍整齐。',
    '这件事一波三折。',
    '汽车零部件企业实现零距离服务。',
  ])('%s', (input) => {
    expect(numbers(input)).toEqual([]);
  });

  it('keeps 届 as a count where it counts (已连续举办十届)', () => {
    expect(numbers('活动已连续举办12届。')).toEqual([['12届', '12', 'times', 'eq']]);
  });
});

describe('readQuantityAt stages, each on its own', () => {
  const draft = (text: string, i = 0): Draft => {
    const n = numeralStage(text, i);
    if ('skip' in n) throw new Error(`no numeral in ${text}`);
    const d = comparatorBeforeStage(text, n);
    if ('skip' in d) throw new Error(`skipped ${text}`);
    return d;
  };

  it('numeral: reads the numeral, or says where to resume', () => {
    expect(numeralStage('一千二百万元', 0)).toMatchObject({ start: 0, end: 5, chinese: true });
    expect(numeralStage('2023年5月18日', 0)).toEqual({ skip: 10 });
    expect(numeralStage('第三名', 1)).toEqual({ skip: 3 });
    expect(numeralStage('5G基站', 0)).toEqual({ skip: 1 });
  });

  it('comparator before: 近, 大于等于, 上千', () => {
    expect(draft('近100人', 1)).toMatchObject({ start: 0, comparator: 'approx' });
    expect(draft('大于等于5个', 4)).toMatchObject({ start: 0, comparator: 'gte' });
    const n = numeralStage('千人', 0);
    expect('skip' in n ? n : comparatorBeforeStage('千人', n)).toEqual({ skip: 1 });
  });

  it('scale words: 余 and 万 after the numeral', () => {
    const d = scaleStage('10余万元', draft('10余万元'));
    expect(d).toMatchObject({ end: 4, comparator: 'gt' });
    expect(toStr(d.value)).toBe('100000');
  });

  it('range: the upper bound and where each end is written', () => {
    const d = rangeStage('8至10个', draft('8至10个'));
    expect(d).toMatchObject({ end: 4, lowerEnd: 1, upperStart: 2 });
    expect(d.upper && toStr(d.upper)).toBe('10');
  });

  it('unit: a registry word refined by the noun, tenths, discounts, money', () => {
    expect(unitStage('3个项目', draft('3个项目'))).toMatchObject({ unit: 'project', measure: '个项目', end: 4 });
    expect(unitStage('5个单位', draft('5个单位'))).toMatchObject({ unit: 'org', end: 2 });
    const read = (s: string) => {
      const d = unitStage(s, draft(s));
      return 'skip' in d ? d : { unit: d.unit, value: toStr(d.value), end: d.end };
    };
    expect(read('六成')).toEqual({ unit: 'percent', value: '60', end: 2 });
    expect(read('七五折')).toEqual({ unit: 'percent', value: '75', end: 3 });
    expect(read('三毛五')).toEqual({ unit: 'CNY', value: '0.35', end: 3 });
    expect(unitStage('三成员', draft('三成员'))).toEqual({ skip: 2 });
  });

  it('comparator after: 以上, and 近3年 as an exact span', () => {
    const d = comparatorAfterStage('100人以上', unitStage('100人以上', draft('100人以上')) as Draft);
    expect(d).toMatchObject({ comparator: 'gte', end: 6 });
    const near = comparatorAfterStage('近3年来', unitStage('近3年来', draft('近3年来', 1)) as Draft);
    expect(near).toMatchObject({ comparator: 'eq', start: 1 });
  });

  it('fact: marks ranks, ratings, thresholds and prose; drops words', () => {
    const at = (text: string, i = 0) => factStage(text, comparatorAfterStage(text, unitStage(text, draft(text, i)) as Draft));
    expect(at('前5位', 1)).toMatchObject({ notFact: 'rank', unit: null });
    expect(at('120吨级')).toMatchObject({ notFact: 'rating', unit: 'ton' });
    expect(at('年满60周岁', 2)).toMatchObject({ notFact: 'threshold' });
    expect(at('一名党员')).toMatchObject({ notFact: 'prose' });
    expect(at('一起努力')).toEqual({ skip: 2 });
    expect(at('150余名')).not.toHaveProperty('notFact');
  });
});

describe('numbers CLI: the examples of CONTRACTS.md §2, verbatim', () => {
  const lines = [
    '总投资达23858万元',
    '一千二百万',
    '3.5个百分点',
    '百分之十二',
    '150余名',
    '一个',
    '三公升',
    '六成',
    '七五折',
    '３成',
    '6，789.00元',
    '30~50个',
    '4%至6%',
    '大于等于二百',
    '三毛五',
    '7m',
    '3L',
    '2500g',
    '45mg',
    '8km',
    '20MW',
  ];
  const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/numbers.ts'], { input: lines.join('\n'), encoding: 'utf8', timeout: 60_000 });
  const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; start: number; end: number; value: number | string; unit: string | null; comparator: string }[]);
  const pick = (k: number) => out[k]!.map((q) => [q.value, q.unit, q.comparator]);

  it('prints one array per line, the first as the contract shows', () => {
    expect(run.status).toBe(0);
    expect(out).toHaveLength(lines.length);
    // The contract prints start 3; 23858万元 starts at offset 4 of 总投资达23858万元 (end − start is
    // the text's length, 7), so the offsets are the line's own.
    expect(out[0]).toEqual([{ text: '23858万元', start: 4, end: 11, value: 238580000, unit: 'CNY', comparator: 'eq' }]);
  });

  it.each([
    [1, [[12000000, null, 'eq']]],
    [2, [[3.5, 'pp', 'eq']]],
    [3, [[12, 'percent', 'eq']]],
    [4, [[150, 'person', 'gt']]],
    [5, [[1, 'item', 'eq']]],
    [6, [[3, 'other:公升', 'eq']]],
    [7, [[60, 'percent', 'eq']]],
    [8, [[75, 'percent', 'eq']]],
    [9, [[30, 'percent', 'eq']]],
    [10, [[6789, 'CNY', 'eq']]],
    [11, [[30, 'item', 'eq'], [50, 'item', 'eq']]],
    [12, [[4, 'percent', 'eq'], [6, 'percent', 'eq']]],
    [13, [[200, null, 'gte']]],
    [14, [[0.35, 'CNY', 'eq']]],
    [15, [[7, 'other:m', 'eq']]],
    [16, [[3, 'other:L', 'eq']]],
    [17, [[2500, 'other:g', 'eq']]],
    [18, [[45, 'other:mg', 'eq']]],
    [19, [[8, 'other:km', 'eq']]],
    [20, [[20, 'other:MW', 'eq']]],
  ] as const)('line %i', (k, expected) => {
    expect(pick(k)).toEqual(expected);
  });
});

describe('spans of time as figures', () => {
  it('reaches the facts of an article', () => {
    const got = extractIssue('这次业务培训为期三天，全镇80名网格员参加。\n本次检查历时15天。', { date: '2023-04-11' }).facts.map((f) => [f.raw, f.value, f.unit]);
    expect(got).toEqual(expect.arrayContaining([['三天', '3', 'day'], ['15天', '15', 'day'], ['80名', '80', 'person']]));
    const framing = extractIssue('近3年来，全镇新建道路12公里。', { date: '2023-04-11' }).facts.map((f) => f.unit);
    expect(framing).not.toContain('year_count');
  });
});

describe('the noun that refines 个', () => {
  it('reads through short modifiers listed with 、 (23个省、市重点项目)', () => {
    expect(facts('全县23个省、市重点项目投资超出目标。')).toEqual([['23个', '23', 'project', 'eq']]);
    expect(facts('培育6个省、市级重点企业。')).toEqual([['6个', '6', 'org', 'eq']]);
    expect(facts('新建5个村、组活动室。')).toEqual([['5个', '5', 'item', 'eq']]);
  });
});
