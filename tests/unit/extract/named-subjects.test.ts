// Projects and organisations as subjects when the sentence opens with them (right after a
// dateline, too), with the park or county the text places them in. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { extractIssue } from '@/lib/extract';
import { findEntities } from '@/lib/extract/entities';

function subjectOf(text: string, raw: string, publication = '湘潭日报') {
  const f = extractIssue(text, { date: '2024-05-10', publication }).facts.find((x) => x.raw === raw);
  if (!f) throw new Error(`no ${raw}`);
  return f.subject;
}

describe('a project or organisation opening the sentence is its subject', () => {
  it.each([
    ['本报讯 楠山光伏组件项目正式签约，总投资12亿元。', '12亿元', { type: 'project', name: '楠山光伏组件项目', region: '湘潭市' }],
    ['本报讯（记者 周某）昨日，桃源路冷链仓储项目已竣工投产，总投资3.5亿元。', '3.5亿元', { type: 'project', name: '桃源路冷链仓储项目', region: '湘潭市' }],
    ['本报讯 年产8万吨再生铝项目正式签约，总投资9亿元。', '9亿元', { type: 'project', name: '年产8万吨再生铝项目', region: '湘潭市' }],
    ['本报讯 湖南青枫智能装备有限公司上半年产值达2.3亿元。', '2.3亿元', { type: 'org', name: '湖南青枫智能装备有限公司', region: '湘潭市' }],
    ['本报讯 雨湖区的湖南禾丰果蔬专业合作社去年增收86万元。', '86万元', { type: 'org', name: '湖南禾丰果蔬专业合作社', region: '雨湖区' }],
    ['本报讯 楚峰集团一季度营收增长12%。', '12%', { type: 'org', name: '楚峰集团', region: '湘潭市' }],
    ['本报讯 位于湘潭高新区的新能源电驱项目已竣工投产，总投资5亿元。', '5亿元', { type: 'project', name: '新能源电驱项目', park: '湘潭高新区' }],
    ['本报讯 昨日，楚天智造产业城二期项目开工，总投资30亿元。', '30亿元', { type: 'project', name: '楚天智造产业城二期项目', region: '湘潭市' }],
    ['湘乡市恒泰纸业有限公司今年新增订单4000万元。', '4000万元', { type: 'org', name: '湘乡市恒泰纸业有限公司', region: '湘乡市' }],
  ])('%s', (text, raw, expected) => {
    expect(subjectOf(text, raw)).toEqual(expected);
  });

  it('a headline park places the article’s projects; a place’s 项目建设 is not a project name', () => {
    const text = '湘潭高新区项目建设提速\n本报讯（记者 王某）5月9日，青岚储能电池项目正式签约，总投资12亿元。';
    expect(subjectOf(text, '12亿元')).toEqual({ type: 'project', name: '青岚储能电池项目', park: '湘潭高新区' });
  });

  it('a generic phrase stays a description: no project, no organisation', () => {
    expect(findEntities('全县农民专业合作社达到320家。')).toEqual([]);
    expect(findEntities('新签约项目9个，总投资40亿元。')).toEqual([]);
    expect(findEntities('本报讯新建项目12个。')).toEqual([]);
  });
});
