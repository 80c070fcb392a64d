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
  views: Record<'table' | 'pivot' | 'compare', string>;
  viewTabs: string;
  pivot: string;
  pivotCols: string;
  colsYear: string;
  colsPeriod: string;
  place: string;
  county: string;
  total: string;
  kindCol: string;
  unit: string;
  notCombinable: (n: number) => string;
  summedTitle: (n: number) => string;
  mergedTitle: (n: number) => string;
  conflict: string;
  pivotNotes: string;
  capped: string;
  compare: string;
  comparePlaces: string;
  compareMetrics: string;
  compareHint: string;
  compareTooFew: string;
  addPlace: string;
  remove: string;
  latestOf: (year: number) => string;
  compareChart: (metrics: string) => string;
  saved: string;
  saveName: string;
  save: string;
  saving: string;
  replace: string;
  noSaved: string;
  open: string;
  copyLink: string;
  copied: string;
  makeStart: string;
  isStart: string;
  unsetStart: string;
  del: string;
  firstViewNote: (metric: string, year: number) => string;
  chartTitle: (what: string, group: string) => string;
  /** Series left off the chart because their unit does not convert to the axis' unit. */
  omittedUnits: (units: string) => string;
  countsUnit: string;
  sourceLine: string;
  optionCount: (name: string, n: number) => string;
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
    views: { table: '明细', pivot: '透视表', compare: '对比' },
    viewTabs: '视图',
    pivot: '透视表',
    pivotCols: '列',
    colsYear: '按年份（全年数字）',
    colsPeriod: '按年份和期间',
    place: '园区/地区',
    county: '所属区县',
    total: '合计',
    kindCol: '类型',
    unit: '单位',
    notCombinable: (n) => `${n} 个数字，不可合计`,
    summedTitle: (n) => `${n} 个不同事件相加`,
    mergedTitle: (n) => `${n} 次报道合并为一个数字`,
    conflict: '报道数值不一致',
    pivotNotes: '合并与相加说明',
    capped: '数字过多，只显示前 20000 个；请缩小筛选范围',
    compare: '对比',
    comparePlaces: '对比的园区/地区（2—6 个）',
    compareMetrics: '对比的指标',
    compareHint: '选择 2—6 个园区或区县，并选择指标；每格为最近一年的全年数字',
    compareTooFew: '请至少选择 2 个园区或区县',
    addPlace: '添加',
    remove: '移除',
    latestOf: (y) => `${y}年`,
    compareChart: (m) => `对比：${m}`,
    saved: '我的视图',
    saveName: '视图名称',
    save: '保存当前视图',
    saving: '保存中…',
    replace: '覆盖同名视图',
    noSaved: '还没有保存的视图',
    open: '打开',
    copyLink: '复制链接',
    copied: '已复制',
    makeStart: '设为起始页',
    isStart: '起始页',
    unsetStart: '取消起始页',
    del: '删除',
    firstViewNote: (m, y) => `默认视图：数字最多的指标“${m}”在 ${y} 年各园区的数值。`,
    chartTitle: (what, group) => `${what} · ${group}`,
    omittedUnits: (units) => `以${units}计的数据不能换算成图中的单位，未画入图表（见下方数据列表）。`,
    countsUnit: '数据项',
    sourceLine: '来源：湘潭日报（经审核的数字）',
    optionCount: (name, n) => `${name}（${n}）`,
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
    views: { table: 'Rows', pivot: 'Pivot', compare: 'Compare' },
    viewTabs: 'View',
    pivot: 'Pivot table',
    pivotCols: 'Columns',
    colsYear: 'By year (whole-year figures)',
    colsPeriod: 'By year and period',
    place: 'Place',
    county: 'County',
    total: 'Total',
    kindCol: 'Kind',
    unit: 'Unit',
    notCombinable: (n) => `${n} figures, no total`,
    summedTitle: (n) => `${n} distinct events added up`,
    mergedTitle: (n) => `${n} reports merged into one figure`,
    conflict: 'reports disagree',
    pivotNotes: 'What was merged or summed',
    capped: 'Too many figures: the first 20,000 are shown; narrow the filters',
    compare: 'Compare',
    comparePlaces: 'Places to compare (2–6)',
    compareMetrics: 'Metrics to compare',
    compareHint: 'Choose 2–6 parks or counties and the metrics; each cell is the latest whole-year figure',
    compareTooFew: 'Choose at least 2 parks or counties',
    addPlace: 'Add',
    remove: 'Remove',
    latestOf: (y) => String(y),
    compareChart: (m) => `Compare: ${m}`,
    saved: 'My views',
    saveName: 'View name',
    save: 'Save this view',
    saving: 'Saving…',
    replace: 'Replace a view of the same name',
    noSaved: 'No saved views yet',
    open: 'Open',
    copyLink: 'Copy link',
    copied: 'Copied',
    makeStart: 'Make start page',
    isStart: 'Start page',
    unsetStart: 'Unset start page',
    del: 'Delete',
    firstViewNote: (m, y) => `Default view: the metric with most figures, “${m}”, by park in ${y}.`,
    chartTitle: (what, group) => `${what} · ${group}`,
    omittedUnits: (units) => `Figures in ${units} do not convert to the chart's unit and are left off the chart (they are in the list below).`,
    countsUnit: 'figures',
    sourceLine: 'Source: Xiangtan Daily (reviewed figures)',
    optionCount: (name, n) => `${name} (${n})`,
  },
};
