// Table-driven cases for the quantity scanner: numerals, units, qualifiers, ranges, and the
// numbers that are not quantities.
import { describe, expect, it } from 'vitest';
import { findQuantities } from '@/lib/extract/quantities';
import { findQuantitiesInLine } from '@/lib/extract/line';

type Row = [input: string, expected: [text: string, value: string, unit: string | null, comparator: string][]];

const CASES: Row[] = [
  ['总投资达23858万元的标准厂房', [['23858万元', '238580000', 'CNY', 'eq']]],
  ['确保完成年度投资140亿元以上;', [['140亿元以上', '14000000000', 'CNY', 'gte']]],
  ['为我市150余名科技特派员', [['150余名', '150', 'person', 'gt']]],
  ['查实村组干部违规挪用集体资金共计22万余元。', [['22万余元', '220000', 'CNY', 'gt']]],
  ['近100人参加', [['近100人', '100', 'person', 'approx']]],
  ['力争园区工业增加值在全市占比超过85%', [['超过85%', '85', 'percent', 'gt']]],
  ['1-7月，全市规模工业增加值同比增长8.5%，增速高于全省1.2个百分点', [['8.5%', '8.5', 'percent', 'eq'], ['1.2个百分点', '1.2', 'pp', 'eq']]],
  ['上半年实际完成投资超13亿元', [['超13亿元', '1300000000', 'CNY', 'gt']]],
  ['计划投资1.2万亿元', [['1.2万亿元', '1200000000000', 'CNY', 'eq']]],
  ['0.1亿元', [['0.1亿元', '10000000', 'CNY', 'eq']]],
  ['签约金额23,858万元', [['23,858万元', '238580000', 'CNY', 'eq']]],
  ['实际利用外资2.3亿美元', [['2.3亿美元', '230000000', 'USD', 'eq']]],
  ['新增就业岗位约3000个', [['约3000个', '3000', 'item', 'approx']]],
  ['不足50家', [['不足50家', '50', 'org', 'lt']]],
  ['不少于20名', [['不少于20名', '20', 'person', 'gte']]],
  ['至少10项', [['至少10项', '10', 'item', 'gte']]],
  ['逾千人', [['逾千人', '1000', 'person', 'gt']]],
  ['上千家企业参展', [['上千家', '1000', 'org', 'gt']]],
  ['近百名志愿者', [['近百名', '100', 'person', 'approx']]],
  ['投资5-6亿元', [['5-6亿元', '500000000', 'CNY', 'eq']]],
  ['建设8至10个项目', [['8至10个项目', '8', 'project', 'eq']]],
  ['百分之十二', [['百分之十二', '12', 'percent', 'eq']]],
  ['一千二百万', [['一千二百万', '12000000', null, 'eq']]],
  ['三千余万元', [['三千余万元', '30000000', 'CNY', 'gt']]],
  ['二十三名', [['二十三名', '23', 'person', 'eq']]],
  ['壹佰元', [['壹佰元', '100', 'CNY', 'eq']]],
  ['１２３名', [['１２３名', '123', 'person', 'eq']]],
  ['接待游客12.5万人次', [['12.5万人次', '125000', 'person_time', 'eq']]],
  ['流转土地3500亩', [['3500亩', '3500', 'mu', 'eq']]],
  ['新建厂房5万平方米', [['5万平方米', '50000', 'm2', 'eq']]],
  ['规划面积12平方公里', [['12平方公里', '12', 'km2', 'eq']]],
  ['查处违纪案件12起', [['12起', '12', 'case', 'eq']]],
  ['举办招聘会6场次', [['6场', '6', 'other:场', 'eq']]],
  ['68个重点建设项目', [['68个', '68', 'project', 'eq']]],
  ['6个市直"谁执法谁普法"责任单位', [['6个', '6', 'org', 'eq']]],
  ['发现问题共136个。', [['136个', '136', 'item', 'eq']]],
  ['连续3年获评', [['3年', '3', 'year_count', 'eq']]],
  ['40余年默默救助10多名落水者', [['40余年', '40', 'year_count', 'gt'], ['10多名', '10', 'person', 'gt']]],
  ['同比下降2.1%', [['2.1%', '2.1', 'percent', 'eq']]],
  ['负增长3.2%', [['3.2%', '3.2', 'percent', 'eq']]],
  // Not quantities
  ['"八五"普法', []],
  ['持续抓好优化营商环境"一号工程"', []],
  ['"一对一"精准服务', []],
  ['"两主一特"主导产业', []],
  ['《湘潭市"亩产论英雄"促进园区高质量发展实施方案》', []],
  ['110千伏栗山湾输变电工程', []],
  ['精益生产4.0这一必由之路', []],
  ['5月18日,我市召开', []],
  ['5月8日至14日', []],
  ['2018年至2019年期间', []],
  ['2023年度', []],
  ['1至7月', []],
  ['下午3时', []],
  ['18:30开始', []],
  ['咨询电话0731-58888888', []],
  ['第三届', []],
  ['排名第1名', []],
  ['一带一路', []],
  ['一把手', []],
  ['十大重点任务', []],
  ['统一部署', []],
  ['5G基站', []],
  ['PM2.5浓度', []],
  ['年满90岁的老人', []],
];

describe('findQuantities', () => {
  it.each(CASES)('%s', (input, expected) => {
    const got = findQuantities(input).map((q) => [q.text, q.value, q.unit, q.comparator]);
    expect(got).toEqual(expected);
  });

  it('gives offsets into the input', () => {
    const line = '总投资达23858万元';
    const [q] = findQuantities(line);
    expect(q).toMatchObject({ start: 4, end: 11 });
    expect(line.slice(q!.start, q!.end)).toBe(q!.text);
  });

  it('keeps the upper bound of a range', () => {
    expect(findQuantities('投资5-6亿元')[0]?.upper).toBe('600000000');
    expect(findQuantities('8至10个')[0]?.upper).toBe('10');
  });

  it('reads numerals broken by stray spaces and maps offsets back to the raw line', () => {
    const line = '全市 150 余名 科技特派员';
    const [q] = findQuantitiesInLine(line);
    expect(q).toMatchObject({ value: '150', unit: 'person', comparator: 'gt' });
    expect(line.slice(q!.start, q!.end)).toBe('150 余名');
  });
});
