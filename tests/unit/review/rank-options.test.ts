import { describe, expect, it } from 'vitest';
import { exactOption, rankOptions } from '@/lib/review/rank-options';

const metrics = [
  { id: 1, label: '精准服务重点项目', terms: ['key_projects_served'] },
  { id: 2, label: '重点项目投资', terms: ['key_project_investment'] },
  { id: 3, label: '重点项目', terms: ['key_projects'] },
  { id: 4, label: '新开工项目', terms: ['projects_started', '开工项目'] },
  { id: 5, label: '规模工业总产值', terms: ['industrial_output', '工业产值'] },
];

describe('rankOptions', () => {
  it('puts the exact name first, then names starting with the query, then names containing it', () => {
    expect(rankOptions(metrics, '重点项目').map((o) => o.id)).toEqual([3, 2, 1]);
  });
  it('ranks an exact alias above a name that merely contains it', () => {
    expect(rankOptions(metrics, '开工项目').map((o) => o.id)).toEqual([4]);
    expect(rankOptions(metrics, '工业产值').map((o) => o.id)).toEqual([5]);
  });
  it('keeps the given order without a query, and finds nothing for an unknown word', () => {
    expect(rankOptions(metrics, '  ').map((o) => o.id)).toEqual([1, 2, 3, 4, 5]);
    expect(rankOptions(metrics, '不存在的指标')).toEqual([]);
  });
});

describe('exactOption: what was typed is taken only when it names one option', () => {
  it.each([
    ['重点项目', 3],
    [' 重点项目 ', 3],
    ['KEY_PROJECTS', 3],
    ['开工项目', 4],
    ['重点', null],
    ['精准服务', null],
    ['', null],
  ])('%j → %s', (q, id) => {
    expect(exactOption(metrics, q)?.id ?? null).toBe(id);
  });
});
