// Explorer labels in both languages (the shared dictionaries cover navigation and overview).
import type { Lang } from '@/lib/i18n/dictionaries';
import type { GroupByCode, KindCode } from '@/lib/queries/facts';
import { kindLabels } from '@/lib/vocab/kinds';

interface Labels {
  title: string;
  subtitle: string;
  filters: string;
  reset: string;
  region: string;
  park: string;
  metric: string;
  yearFrom: string;
  yearTo: string;
  kind: string;
  all: string;
  any: string;
  kinds: Record<KindCode, string>;
  chart: string;
  groupBy: string;
  groups: Record<GroupByCode, string>;
  png: string;
  countsNote: string;
  valuesNote: string;
  tableView: string;
  table: string;
  rows: (n: number, capped: boolean) => string;
  csv: string;
  xlsx: string;
  subject: string;
  year: string;
  value: string;
  source: string;
  article: string;
  manual: string;
  reportsTitle: (n: number, latest: string | null) => string;
  pager: string;
  first: string;
  prev: string;
  next: string;
  loading: string;
  noData: string;
  error: string;
}

export const EXPLORER_LABELS: Record<Lang, Labels> = {
  zh: {
    title: '数据分析',
    subtitle: '按区域、园区、指标、年份和类型筛选；链接可分享；点击图中柱或点即按其筛选',
    filters: '筛选',
    reset: '清除筛选',
    region: '区域',
    park: '园区',
    metric: '指标',
    yearFrom: '起始年份',
    yearTo: '截止年份',
    kind: '类型',
    all: '全部',
    any: '不限',
    kinds: kindLabels('zh'),
    chart: '图表',
    groupBy: '分组',
    groups: { park: '按园区', region: '按区县', year: '按年份', metric: '按指标' },
    png: '导出图片 PNG',
    countsNote: '未选指标：显示各指标的数据项数量（不同指标不相加）。',
    valuesNote: '同一数据多次报道只计一次；比率等不可相加的指标不合计。悬停查看原文。',
    tableView: '表格视图',
    table: '数据明细',
    rows: (n, capped) => `共 ${n}${capped ? '+' : ''} 条`,
    csv: '导出 CSV',
    xlsx: '导出 Excel',
    subject: '主体',
    year: '年份',
    value: '数值',
    source: '来源',
    article: '原文',
    manual: '人工录入',
    reportsTitle: (n, latest) => `共报道 ${n} 次${latest ? `，最近一次 ${latest}` : ''}`,
    pager: '分页',
    first: '第一页',
    prev: '上一页',
    next: '下一页',
    loading: '加载中…',
    noData: '没有符合条件的数据',
    error: '加载失败',
  },
  en: {
    title: 'Explorer',
    subtitle: 'Filter by region, park, metric, years and kind; links are shareable; click a bar or point to filter by it',
    filters: 'Filters',
    reset: 'Clear filters',
    region: 'Region',
    park: 'Park',
    metric: 'Metric',
    yearFrom: 'From year',
    yearTo: 'To year',
    kind: 'Kind',
    all: 'All',
    any: 'Any',
    kinds: kindLabels('en'),
    chart: 'Chart',
    groupBy: 'Group',
    groups: { park: 'By park', region: 'By county', year: 'By year', metric: 'By metric' },
    png: 'Download PNG',
    countsNote: 'No metric chosen: number of figures per metric (different metrics are never added).',
    valuesNote: 'A figure reported several times counts once; rates and other non-additive metrics are not totalled. Hover for the source.',
    tableView: 'Table view',
    table: 'Figures',
    rows: (n, capped) => `${n}${capped ? '+' : ''} rows`,
    csv: 'Export CSV',
    xlsx: 'Export Excel',
    subject: 'Subject',
    year: 'Year',
    value: 'Value',
    source: 'Source',
    article: 'Article',
    manual: 'Manual entry',
    reportsTitle: (n, latest) => `Reported ${n} times${latest ? `, latest ${latest}` : ''}`,
    pager: 'Pages',
    first: 'First page',
    prev: 'Previous',
    next: 'Next',
    loading: 'Loading…',
    noData: 'No figures match these filters',
    error: 'Could not load',
  },
};
