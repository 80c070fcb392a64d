// Words of promises and delivery (targets, their actuals, progress) and of the overview's headline
// choice, in both languages; kept apart from dictionaries.ts so the parts of the UI grow separately.
import type { Lang } from './dictionaries';
import { periodLabel } from '@/lib/vocab/periods';
import type { Coverage, NotComparableReason, ProgressStatus } from '@/lib/vocab/progress';

const zh = {
  targets: '目标与完成',
  targetsOfYear: '{year}年目标与完成',
  target: '目标',
  actual: '实际',
  timeline: '完成进度',
  timelineOf: '{subject}{year}年{metric}目标',
  reports: '目标的报道',
  delivery: '完成情况的报道',
  noActual: '目标已定，尚无实际',
  notComparable: '不可比的数字',
  progress: '进度',
  byMonth: '截至{month}月',
  byDate: '截至{date}',
  finalYear: '全年',
  percentOf: '完成目标的{n}%',
  status: { met: '已完成', missed: '未完成', in_progress: '进行中', no_actual: '尚无实际', not_comparable: '不可比' } as Record<ProgressStatus, string>,
  why: {
    partial_period: '单季或下半年的数字不是年初至今的累计，不能与全年目标相比',
    unit_family: '单位类别不同，不能相比',
    other_period: '目标与实际的时期不同',
    other_figure: '不是同一主体、指标或年度',
  } as Record<NotComparableReason, string>,
  openTimeline: '查看进度',
  allTargets: '全部目标',
  noTargets: '本年度没有目标',
  subject: '主体',
  metric: '指标',
  quote: '原文',
  issueDate: '报纸日期',
  yoyNone: {
    noPrevious: '上年无同口径数据',
    otherBasis: '上年口径不同（{why}），不比较',
  },
  countyHeadline: '园区主要指标',
  countyNoFigures: '本年度无园区数据',
  noDataForYear: '{year}年暂无已审核的数据。',
  yearsWithData: '有数据的年度：',
  headline: {
    title: '总览主要指标',
    intro: '选择各看板顶部显示的指标（按顺序）。未选择时，显示五好评价指标中当年有数据的指标。',
    dashboard: { overview: '总览', wall: '大屏' } as Record<string, string>,
    chosen: '已选指标',
    add: '添加指标',
    remove: '移除',
    up: '上移',
    down: '下移',
    save: '保存',
    reset: '恢复默认',
    saved: '已保存',
    defaultNote: '当前使用默认指标',
    manage: '设置主要指标',
  },
};

export type PromisesDictionary = typeof zh;

const en: PromisesDictionary = {
  targets: 'Targets and delivery',
  targetsOfYear: 'Targets of {year} and delivery',
  target: 'Target',
  actual: 'Actual',
  timeline: 'Delivery so far',
  timelineOf: '{metric} target of {subject}, {year}',
  reports: 'Reports of the target',
  delivery: 'Reports of delivery',
  noActual: 'Target set, no actual yet',
  notComparable: 'Figures that cannot be compared',
  progress: 'Progress',
  byMonth: 'by end of month {month}',
  byDate: 'as of {date}',
  finalYear: 'full year',
  percentOf: '{n}% of target',
  status: { met: 'met', missed: 'missed', in_progress: 'in progress', no_actual: 'no actual yet', not_comparable: 'not comparable' },
  why: {
    partial_period: 'a single quarter or second half is not the year so far; it is not compared with a full-year target',
    unit_family: 'another kind of unit; not compared',
    other_period: 'target and actual are for different periods',
    other_figure: 'another subject, metric or year',
  },
  openTimeline: 'Open timeline',
  allTargets: 'All targets',
  noTargets: 'No targets for this year',
  subject: 'Subject',
  metric: 'Metric',
  quote: 'Quote',
  issueDate: 'Issue date',
  yoyNone: {
    noPrevious: 'no comparable figure last year',
    otherBasis: 'last year’s figure is on another basis ({why}); not compared',
  },
  countyHeadline: 'Parks’ key figures',
  countyNoFigures: 'No park figures this year',
  noDataForYear: 'No reviewed figures for {year} yet.',
  yearsWithData: 'Years with figures: ',
  headline: {
    title: 'Overview headline figures',
    intro: 'Choose the metrics shown at the top of each dashboard, in order. Without a choice, the Five Good indicators with figures in the year are shown.',
    dashboard: { overview: 'Overview', wall: 'Wall' },
    chosen: 'Chosen metrics',
    add: 'Add metric',
    remove: 'Remove',
    up: 'Move up',
    down: 'Move down',
    save: 'Save',
    reset: 'Back to default',
    saved: 'Saved',
    defaultNote: 'Using the default metrics',
    manage: 'Choose headline figures',
  },
};

export function promisesDictionary(lang: Lang): PromisesDictionary {
  return lang === 'en' ? en : zh;
}

/** "截至6月", "截至2023年7月18日", "全年" — what part of the year an actual covers. */
export function coverageLabel(c: Coverage, lang: Lang, formatDate: (iso: string) => string): string {
  const p = promisesDictionary(lang);
  switch (c.kind) {
    case 'final':
      return p.finalYear;
    case 'to_month':
      return p.byMonth.replace('{month}', String(c.month));
    case 'to_date':
      return p.byDate.replace('{date}', formatDate(c.date));
    case 'none':
      return p.why[c.reason];
  }
}

export function periodWords(period: string | null, lang: Lang): string {
  return period === null ? '' : periodLabel(period, lang);
}
