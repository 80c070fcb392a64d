// Labels of the dashboard pages in Chinese (default) and English. Client-safe: both
// dictionaries are small, so client components take `lang` and look labels up themselves.
import { kindLabels } from '@/lib/vocab/kinds';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const LANG_COOKIE = 'lang';

const zh = {
  appName: '湘潭园区数据看板',
  appNameShort: '园区数据看板',
  source: '数据来源：《湘潭日报》，经审核',
  nav: { overview: '总览', regions: '区县/园区', metrics: '指标', explorer: '分析', wall: '大屏', admin: '管理' },
  user: { signOut: '退出登录', role: { viewer: '查看者', analyst: '分析员', admin: '管理员' }, menu: '用户菜单' },
  langSwitch: 'English',
  langSwitchLabel: '切换到英文',
  skipToContent: '跳到正文',
  mainNav: '主导航',
  breadcrumb: '位置',
  city: '湘潭市',
  noData: '无数据',
  noDataYear: '该年度暂无已审核数据',
  loading: '载入中…',
  year: '年度',
  metric: '指标',
  value: '数值',
  unit: '单位',
  park: '园区',
  region: '区县',
  subject: '对象',
  kind: kindLabels('zh'),
  direction: { higher_better: '越高越好', lower_better: '越低越好', neutral: '中性' },
  valueType: { count: '数量', amount: '金额', rate: '比率', growth: '增速', share: '占比', quantity: '物理量' },
  level: { national: '国家级', provincial: '省级', municipal: '市级', province: '省级', city: '市级', county: '县级' },
  figure: {
    conflict: '（报道数值不一致，待核定）',
    events: '{n}个事件之和',
    projects: '重点项目',
    stage: '阶段',
    totalInvestment: '总投资',
  },
  overview: {
    title: '园区工作总览',
    subtitle: '{year}年 · 已审核数据',
    kpis: '主要指标',
    change: '较上年',
    target: '目标',
    reached: '完成目标',
    asOf: '截至',
    sources: '{n}个来源',
    reports: '报道{n}次',
    latestReport: '最新报道',
    ranking: '园区排名',
    rankingOf: '各园区{metric}',
    targetVsActual: '目标与实际',
    awards: '获奖与称号',
    awardsOfYear: '{year}年获评',
    counties: '区县分布',
    countyFacts: '区县及所辖园区数据',
    cityParks: '市直园区',
    trends: '历年趋势',
    allMetrics: '全部指标',
    chooseYear: '选择年度',
    chooseMetric: '选择排名指标',
    factsCount: '数据条数',
    parksWithData: '有数据的园区',
    cityTotal: '全市',
    parksSum: '园区合计',
    noPrevious: '上年无数据',
    noTarget: '无目标',
  },
  table: { show: '表格视图', caption: '图表数据' },
  provenance: {
    quote: '原文',
    issue: '报纸日期',
    open: '查看原文',
    page: '版面',
    headline: '标题',
    byline: '作者',
    publication: '报纸',
    manual: '人工录入',
    cited: '引用的句子',
    factsInArticle: '本文数据',
    draft: '待审核',
  },
  regionPage: {
    title: '区县与园区',
    parks: '所辖园区',
    metrics: '历年指标',
    awards: '获奖与称号',
    articles: '相关报道',
    noParks: '暂无园区',
    parksOnTheirPages: '数据较多：此处列出本级数据，各园区数据请在园区页面查看。',
  },
  parkPage: { title: '园区', region: '所在区县', metrics: '历年指标', awards: '获奖与称号', articles: '相关报道', official: '全称', level: '级别' },
  metrics: {
    title: '指标目录',
    definition: '定义',
    byPark: '各园区对比',
    overYears: '历年变化',
    table: '数据表',
    facts: '条数据',
    category: '类别',
    noFacts: '暂无已审核数据',
  },
  print: { button: '打印 / 导出 PDF', sources: '数据来源', printed: '打印于', page: '页面' },
  wall: { title: '湘潭园区数据大屏', pause: '暂停', play: '播放', next: '下一屏', prev: '上一屏', paused: '已暂停' },
  error: { title: '页面暂时无法显示', retry: '重试', body: '请稍后重试；如果问题持续，请联系管理员。', code: '错误编号' },
  notFound: { title: '未找到', body: '您要找的内容不存在或已被删除。', home: '返回总览' },
};

export type Dictionary = typeof zh;

const en: Dictionary = {
  appName: 'Xiangtan Parks Dashboard',
  appNameShort: 'Parks Dashboard',
  source: 'Source: Xiangtan Daily, reviewed',
  nav: { overview: 'Overview', regions: 'Regions', metrics: 'Metrics', explorer: 'Explorer', wall: 'Wall', admin: 'Admin' },
  user: { signOut: 'Sign out', role: { viewer: 'Viewer', analyst: 'Analyst', admin: 'Admin' }, menu: 'User menu' },
  langSwitch: '中文',
  langSwitchLabel: 'Switch to Chinese',
  skipToContent: 'Skip to content',
  mainNav: 'Main navigation',
  breadcrumb: 'Breadcrumb',
  city: 'Xiangtan',
  noData: 'No data',
  noDataYear: 'No reviewed figures for this year',
  loading: 'Loading…',
  year: 'Year',
  metric: 'Metric',
  value: 'Value',
  unit: 'Unit',
  park: 'Park',
  region: 'County',
  subject: 'Subject',
  kind: kindLabels('en'),
  direction: { higher_better: 'Higher is better', lower_better: 'Lower is better', neutral: 'Neutral' },
  valueType: { count: 'Count', amount: 'Amount', rate: 'Rate', growth: 'Growth', share: 'Share', quantity: 'Quantity' },
  level: { national: 'National', provincial: 'Provincial', municipal: 'Municipal', province: 'Provincial', city: 'City', county: 'County' },
  figure: {
    conflict: '(reports disagree, to be settled)',
    events: 'sum of {n} events',
    projects: 'Key projects',
    stage: 'Stage',
    totalInvestment: 'Total investment',
  },
  overview: {
    title: 'Parks overview',
    subtitle: '{year} · reviewed figures',
    kpis: 'Key figures',
    change: 'vs previous year',
    target: 'Target',
    reached: 'of target',
    asOf: 'As of',
    sources: '{n} source(s)',
    reports: 'reported {n}×',
    latestReport: 'latest report',
    ranking: 'Park ranking',
    rankingOf: '{metric} by park',
    targetVsActual: 'Target vs actual',
    awards: 'Awards and titles',
    awardsOfYear: 'Awarded in {year}',
    counties: 'By county',
    countyFacts: 'Figures of the county and its parks',
    cityParks: 'City-administered parks',
    trends: 'Trends',
    allMetrics: 'All metrics',
    chooseYear: 'Year',
    chooseMetric: 'Ranking metric',
    factsCount: 'Figures',
    parksWithData: 'Parks with data',
    cityTotal: 'City',
    parksSum: 'Sum of parks',
    noPrevious: 'no figure for the previous year',
    noTarget: 'no target',
  },
  table: { show: 'Table view', caption: 'Chart data' },
  provenance: {
    quote: 'Quote',
    issue: 'Issue date',
    open: 'Open the article',
    page: 'Page',
    headline: 'Headline',
    byline: 'Byline',
    publication: 'Newspaper',
    manual: 'Entered manually',
    cited: 'Cited sentence',
    factsInArticle: 'Figures in this article',
    draft: 'Draft',
  },
  regionPage: {
    title: 'Counties and parks',
    parks: 'Parks',
    metrics: 'Metrics over the years',
    awards: 'Awards and titles',
    articles: 'Articles',
    noParks: 'No parks',
    parksOnTheirPages: 'Many figures: this table lists the region’s own; see each park’s page for its figures.',
  },
  parkPage: { title: 'Park', region: 'County', metrics: 'Metrics over the years', awards: 'Awards and titles', articles: 'Articles', official: 'Official name', level: 'Level' },
  metrics: {
    title: 'Metrics',
    definition: 'Definition',
    byPark: 'By park',
    overYears: 'Over the years',
    table: 'Data',
    facts: 'figures',
    category: 'Category',
    noFacts: 'No reviewed figures yet',
  },
  print: { button: 'Print / PDF', sources: 'Sources', printed: 'Printed', page: 'Page' },
  wall: { title: 'Xiangtan Parks — Wall', pause: 'Pause', play: 'Play', next: 'Next', prev: 'Previous', paused: 'Paused' },
  error: { title: 'This page cannot be shown right now', retry: 'Retry', body: 'Please try again; if it persists, contact an administrator.', code: 'Error id' },
  notFound: { title: 'Not found', body: 'What you are looking for does not exist or was removed.', home: 'Back to the overview' },
};

const DICTS: Record<Lang, Dictionary> = { zh, en };

export function dictionary(lang: Lang): Dictionary {
  return DICTS[lang];
}

export function parseLang(value: string | undefined | null): Lang {
  return value === 'en' ? 'en' : 'zh';
}

/** Fills {name} placeholders: fill('报道{n}次', { n: 3 }) → 报道3次. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/** The display name of something with a Chinese name and an optional English one. */
export function localName(lang: Lang, zhName: string, enName: string | null | undefined): string {
  return lang === 'en' && enName ? enName : zhName;
}

/** The catalogue's metric categories in words (admins may type a new key; it is shown as typed). */
const CATEGORY_LABELS: Record<string, { zh: string; en: string }> = {
  agriculture: { zh: '农业农村', en: 'Agriculture' },
  consumption: { zh: '消费', en: 'Consumption' },
  discipline: { zh: '纪检监察', en: 'Discipline inspection' },
  economy: { zh: '经济总量', en: 'Economy' },
  employment: { zh: '就业', en: 'Employment' },
  energy: { zh: '能源', en: 'Energy' },
  enterprise: { zh: '企业培育', en: 'Enterprises' },
  environment: { zh: '生态环境', en: 'Environment' },
  finance: { zh: '财政金融', en: 'Finance' },
  general: { zh: '综合', en: 'General' },
  governance: { zh: '社会治理', en: 'Governance' },
  industry: { zh: '工业', en: 'Industry' },
  innovation: { zh: '科技创新', en: 'Innovation' },
  investment: { zh: '投资与项目', en: 'Investment and projects' },
  land: { zh: '土地', en: 'Land' },
  livelihood: { zh: '民生', en: 'Livelihood' },
  other: { zh: '其他', en: 'Other' },
  parks: { zh: '园区建设', en: 'Parks' },
  society: { zh: '社会事业', en: 'Society' },
  supervision: { zh: '监督检查', en: 'Supervision' },
  talent: { zh: '人才', en: 'Talent' },
  tourism: { zh: '文化旅游', en: 'Tourism' },
  trade: { zh: '开放型经济', en: 'Trade' },
};

export function categoryLabel(lang: Lang, key: string | null | undefined): string {
  if (!key) return '—';
  return CATEGORY_LABELS[key]?.[lang] ?? key;
}
