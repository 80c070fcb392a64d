// Facts from sentences in the paper's usual phrasing, none of them from the seed page:
// investment planned vs done, forecasts with 较上年 comparisons, periods (1至7月, 上半年, 一季度,
// 截至6月底 累计), park aliases (九华示范区), 该区, ASCII punctuation, and the metric chosen.
import { describe, expect, it } from 'vitest';
import { extractIssue } from '@/lib/extract';

type Row = [sentence: string, raw: string, expected: Partial<{ value: string; unit: string; comparator: string; kind: string; year: number | null; period: string | null; subject: string | null; metric: string }>];

const ROWS: Row[] = [
  ['今年1至7月，湘潭高新区完成固定资产投资126.5亿元，同比增长12.3%。', '126.5亿元', { value: '12650000000', unit: 'CNY', kind: 'actual', year: 2023, period: 'M01-M07', subject: '湘潭高新区', metric: 'fixed_asset_investment' }],
  ['今年1至7月，湘潭高新区完成固定资产投资126.5亿元，同比增长12.3%。', '12.3%', { unit: 'percent', year: 2023, period: 'M01-M07', subject: '湘潭高新区', metric: 'fixed_asset_investment_growth' }],
  ['该项目计划投资12亿元，截至目前已完成投资8.6亿元。', '12亿元', { kind: 'plan', metric: 'project_total_investment' }],
  ['该项目计划投资12亿元，截至目前已完成投资8.6亿元。', '8.6亿元', { kind: 'actual', year: 2023, metric: 'investment_completed' }],
  ['上半年，全市规模工业增加值同比增长8.1%,高于全省平均水平1.2个百分点.', '8.1%', { kind: 'actual', year: 2023, period: 'H1', subject: '湘潭市', metric: 'industrial_value_added_growth' }],
  ['上半年，全市规模工业增加值同比增长8.1%,高于全省平均水平1.2个百分点.', '1.2个百分点', { unit: 'pp', value: '1.2', period: 'H1', metric: 'unclassified' }],
  ['今年1至7月，全市固定资产投资同比增长12.3%，比去年同期提高2.1个百分点。', '2.1个百分点', { unit: 'pp', year: 2023, metric: 'unclassified' }],
  ['预计全年实现营业收入超13亿元，较上年增长15%左右。', '超13亿元', { comparator: 'gt', kind: 'forecast', year: 2023, period: 'FY', metric: 'revenue' }],
  ['预计全年实现营业收入超13亿元，较上年增长15%左右。', '15%左右', { comparator: 'approx', kind: 'forecast', year: 2023 }],
  ['岳塘经开区今年新签约项目23个，合同引资156亿元。', '23个', { unit: 'project', year: 2023, subject: '岳塘经开区', metric: 'projects_signed' }],
  ['去年，全市实际利用外资3.2亿美元，进出口总额达到326亿元。', '3.2亿美元', { value: '320000000', unit: 'USD', year: 2022, subject: '湘潭市', metric: 'fdi' }],
  ['去年，全市实际利用外资3.2亿美元，进出口总额达到326亿元。', '326亿元', { year: 2022, metric: 'foreign_trade' }],
  ['2022年，湘潭县城镇新增就业1.2万人。', '1.2万人', { value: '12000', unit: 'person', year: 2022, subject: '湘潭县', metric: 'new_jobs' }],
  ['全市共有高新技术企业815家，其中今年新认定126家。', '126家', { unit: 'org', year: 2023, metric: 'new_high_tech_enterprises' }],
  ['韶山市今年力争实现地区生产总值增长6.5%，一般公共预算收入达到12亿元。', '6.5%', { kind: 'target', year: 2023, subject: '韶山市', metric: 'gdp_growth' }],
  ['韶山市今年力争实现地区生产总值增长6.5%，一般公共预算收入达到12亿元。', '12亿元', { kind: 'target', subject: '韶山市', metric: 'public_budget_revenue' }],
  ['九华示范区1-7月完成规模工业总产值586亿元。', '586亿元', { period: 'M01-M07', subject: '湘潭经开区', metric: 'output_value' }],
  ['市纪委监委今年以来共立案审查调查案件126件，给予党纪政务处分98人。', '126件', { unit: 'case', year: 2023, metric: 'cases_handled' }],
  ['市纪委监委今年以来共立案审查调查案件126件，给予党纪政务处分98人。', '98人', { unit: 'person', metric: 'people_disciplined' }],
  ['截至6月底，全市累计发放创业担保贷款2.3亿元，带动就业4500人。', '2.3亿元', { period: 'cumulative', metric: 'loans' }],
  ['天易示范区亩均税收达到18.6万元，居全市园区第一。', '18.6万元', { value: '186000', subject: '天易经开区', metric: 'tax_per_mu' }],
  ['湘乡经开区一季度引进项目8个，总投资45亿元。', '45亿元', { kind: 'plan', period: 'Q1', subject: '湘乡经开区', metric: 'project_total_investment' }],
  // CONTRACTS "Kinds": a project's 总投资 is plan at every stage, also just before it starts work.
  ['施工人员正在进行厂房装修。这个总投资达5.2亿元的标准厂房项目即将投产。', '5.2亿元', { kind: 'plan', metric: 'project_total_investment' }],
  ['集中签约项目12个，总投资达86亿元，项目建成后年产值超百亿元。', '86亿元', { kind: 'plan', metric: 'project_total_investment' }],
  ['该项目拟投资3亿元，规划用地120亩。', '3亿元', { kind: 'plan' }],
  ['今年我市将新增城镇就业3万人,完成固定资产投资增长10%的目标任务。', '3万人', { kind: 'target', year: 2023, metric: 'new_jobs' }],
  ['今年我市将新增城镇就业3万人,完成固定资产投资增长10%的目标任务。', '10%', { kind: 'target', metric: 'fixed_asset_investment_growth' }],
  ['确保全年GDP增长6%,1至4月已实现增长5.2%。', '5.2%', { kind: 'actual', period: 'M01-M04', metric: 'gdp_growth' }],
  ['全市计划完成造林面积2万亩,目前已完成1.5万亩。', '2万亩', { kind: 'target', unit: 'mu', metric: 'afforestation' }],
  ['全市计划完成造林面积2万亩,目前已完成1.5万亩。', '1.5万亩', { kind: 'actual' }],
  ['实施"八大计划","两主一特"产业实现产值300亿元。', '300亿元', { kind: 'actual', metric: 'output_value' }],
  ['要在"十四五"期间实现经济总量突破3000亿元。', '3000亿元', { kind: 'target' }],
  ['会议指出,1-5月全市发生安全生产事故3起,同比分别下降25%和33.3%。', '33.3%', { period: 'M01-M05', metric: 'unclassified' }],
  // A period named before a semicolon still covers what follows it; the latest period named wins.
  ['今年上半年，该区实现规模工业总产值186.5亿元；完成固定资产投资62亿元，同比增长15.8%。', '62亿元', { period: 'H1', year: 2023, metric: 'fixed_asset_investment' }],
  ['今年上半年，该区实现规模工业总产值186.5亿元；完成固定资产投资62亿元，同比增长15.8%。', '15.8%', { period: 'H1', metric: 'fixed_asset_investment_growth' }],
  ['下半年将狠抓项目建设，力争全年规模工业总产值突破400亿元，新增规模以上工业企业15家以上。', '15家以上', { kind: 'target', comparator: 'gte', period: 'FY', metric: 'new_scale_industrial_enterprises' }],
  // 截至6月底: January to June of the year.
  ['湘潭高新区今年计划实施重点项目80个;截至6月底,已开工项目56个,完成投资118.7亿元,完成率56.5%.', '56个', { kind: 'actual', year: 2023, period: 'M01-M06', subject: '湘潭高新区', metric: 'projects_started' }],
  // ASCII full stops after Chinese or a percent sign end sentences; 全区 is the district the article is about;
  // "高于全市平均水平" is the base of a comparison, not the subject.
  ['一季度,雨湖区地区生产总值完成98.6亿元,同比增长5.1%;规模工业增加值增长7.3%,高于全市平均水平0.8个百分点.全区社会消费品零售总额52.4亿元,增长9.6%.', '0.8个百分点', { unit: 'pp', period: 'Q1', subject: '雨湖区' }],
  ['一季度,雨湖区地区生产总值完成98.6亿元,同比增长5.1%;规模工业增加值增长7.3%,高于全市平均水平0.8个百分点.全区社会消费品零售总额52.4亿元,增长9.6%.', '52.4亿元', { subject: '雨湖区', metric: 'retail_sales' }],
  ['今年,雨湖区安排重点项目112个,年度计划投资152亿元.一季度实际完成投资41.3亿元,占年度计划的27.2%.', '41.3亿元', { kind: 'actual', period: 'Q1', subject: '雨湖区' }],
  // Progress against a goal is measured, not aimed at; 年度任务 names a task, not a period for what follows.
  ['上半年,全市城镇新增就业1.86万人,完成年度目标任务的62%。', '62%', { kind: 'actual', unit: 'percent' }],
  ['截至目前，全县已建成高标准农田8.6万亩，完成年度任务的95%；培育新型农业经营主体1300余家。', '1300余家', { comparator: 'gt', period: null }],
  // A park's 技工贸总收入 has its metric; a total (总数达到) is a stock, not what was added.
  ['据统计,高新区上半年实现技工贸总收入420亿元。', '420亿元', { period: 'H1', metric: 'tech_industry_trade_revenue' }],
  ['新增国家级专精特新"小巨人"企业6家，总数达到27家。', '6家', { metric: 'new_specialised_sme' }],
  ['新增国家级专精特新"小巨人"企业6家，总数达到27家。', '27家', { metric: 'specialised_sme' }],
  // A share is not a growth rate, and 占全市…的 names the whole, not the subject.
  ['今年1-8月,湘潭综保区完成外贸进出口总额1,236.8亿元,同比增长21.4%,占全市外贸总额的近七成。', '近七成', { value: '70', comparator: 'approx', subject: '湘潭综保区', metric: 'unclassified' }],
  ['今年1-8月,湘潭综保区完成外贸进出口总额1,236.8亿元,同比增长21.4%,占全市外贸总额的近七成。', '1,236.8亿元', { value: '123680000000', period: 'M01-M08', subject: '湘潭综保区', metric: 'foreign_trade' }],
  // A fall keeps its written value and stays out of the growth series (it would read as +2.1%).
  ['上半年,全市规模工业增加值同比下降2.1%,固定资产投资增长5.3%。', '2.1%', { value: '2.1', metric: 'unclassified' }],
  ['上半年,全市规模工业增加值同比下降2.1%,固定资产投资增长5.3%。', '5.3%', { metric: 'fixed_asset_investment_growth' }],
  // A plan's figures for a year still to come are aims; a year opening a clause covers the later ones;
  // 分别 pairs a list of places with a list of values, which measure the same thing.
  ['方案提出，到2025年，全市规模工业总产值突破6000亿元；高新技术企业数量达到1200家。', '6000亿元', { kind: 'target', year: 2025, metric: 'output_value' }],
  ['方案提出，到2025年，全市规模工业总产值突破6000亿元；高新技术企业数量达到1200家。', '1200家', { kind: 'target', year: 2025, metric: 'high_tech_enterprises' }],
  ['方案明确，2023年全市力争新增规模工业企业150家，技改投资增长15%，湘潭经开区、湘潭高新区主导产业产值分别达到1500亿元、1000亿元。', '15%', { kind: 'target', year: 2023, metric: 'industrial_investment_growth' }],
  ['方案明确，2023年全市力争新增规模工业企业150家，技改投资增长15%，湘潭经开区、湘潭高新区主导产业产值分别达到1500亿元、1000亿元。', '1500亿元', { year: 2023, subject: '湘潭经开区', metric: 'output_value' }],
  ['方案明确，2023年全市力争新增规模工业企业150家，技改投资增长15%，湘潭经开区、湘潭高新区主导产业产值分别达到1500亿元、1000亿元。', '1000亿元', { year: 2023, subject: '湘潭高新区', metric: 'output_value' }],
  // A rate the sentence names itself is not the headline's figure.
  ['湘潭高新区今年计划实施重点项目80个;截至6月底,已开工项目56个,完成投资118.7亿元,完成率56.5%.', '56.5%', { period: 'M01-M06', metric: 'unclassified' }],
];

describe('facts in the paper’s usual phrasing', () => {
  it.each(ROWS)('%s → %s', (sentence, raw, expected) => {
    const text = `园区经济稳中向好\n\n本报讯(记者 张三)${sentence}`;
    const facts = extractIssue(text, { date: '2023-08-10', publication: '湘潭日报' }).facts;
    const f = facts.find((x) => x.raw === raw);
    expect(f, `no fact ${raw} in ${JSON.stringify(facts.map((x) => x.raw))}`).toBeDefined();
    const got = {
      value: f?.value,
      unit: f?.unit,
      comparator: f?.comparator,
      kind: f?.kind,
      year: f?.year,
      period: f?.period,
      subject: f?.subject?.name ?? null,
      metric: f?.metric.key,
    };
    expect(got).toMatchObject(expected);
  });

  it('an amount naming a class of projects is not a figure (投资10亿元以上的项目有12个)', () => {
    const facts = extractIssue('标题\n\n本报讯(记者 张三)全市投资10亿元以上的项目有12个。', { date: '2023-08-10', publication: '湘潭日报' }).facts;
    expect(facts.map((f) => f.raw)).toEqual(['12个']);
  });

  it('a comparison base (较上年, 比去年同期) does not set the year of the figure', () => {
    const facts = extractIssue('标题\n\n本报讯(记者 张三)全市实现税收收入45亿元，比去年同期增长9.2%。', { date: '2023-08-10', publication: '湘潭日报' }).facts;
    expect(facts.map((f) => [f.raw, f.year])).toEqual([
      ['45亿元', 2023],
      ['9.2%', 2023],
    ]);
  });

  it.each([
    ['湘乡市今年以来新增市场主体3200户。', '3200户', '新增市场主体'],
    ['岳塘区新建5G基站320个,居全市第一。', '320个', '新建5G基站'],
    ['据统计,高新区上半年实现跨境电商交易额4.2亿元。', '4.2亿元', '跨境电商交易额'],
    ['我市150余名科技特派员参加。', '150余名', '科技特派员'],
    ['今年以来,全区共开展专项督查十二轮。', '十二轮', '开展专项督查'],
  ])('labels an unclassified figure by what it measures: %s', (sentence, raw, label) => {
    const facts = extractIssue(`标题\n\n本报讯(记者 张三)${sentence}`, { date: '2023-08-10', publication: '湘潭日报' }).facts;
    const f = facts.find((x) => x.raw === raw);
    expect(f?.metric.key).toBe('unclassified');
    expect(f?.metric.label).toBe(label);
  });

  it('stays linear on a page-long run without punctuation (each figure looks at a bounded window)', () => {
    const text = '湘潭市12家'.repeat(30_000);
    // ~2 s when linear; a per-figure scan of the whole run would take minutes and hit the
    // test's timeout. Speed itself is measured by `npm run bench:extract`, not asserted.
    const facts = extractIssue(text, { date: '2023-08-10', publication: '湘潭日报' }).facts;
    expect(facts).toHaveLength(30_000);
  }, 60_000);
});

describe('labels of unclassified figures', () => {
  it('keeps a compound noun whole (完成率, not 率)', () => {
    const text = '产值增长12%\n\n本报讯(记者 张三)湘潭高新区截至6月底完成投资118.7亿元,完成率56.5%。';
    const f = extractIssue(text, { date: '2023-08-10', publication: '湘潭日报' }).facts.find((x) => x.raw === '56.5%');
    expect(f?.metric).toEqual({ key: 'unclassified', label: '完成率' });
  });

  it('ends a label at an ASCII full stop', () => {
    const text = '经济运行\n\n本报讯(记者 张三)今年以来,湘潭县规模工业增加值增长7.3%,高于全市平均水平0.8个百分点.全县新增市场主体2316户.';
    const f = extractIssue(text, { date: '2023-08-10', publication: '湘潭日报' }).facts.find((x) => x.raw === '0.8个百分点');
    expect(f?.metric.label).not.toContain('.');
    expect(f?.subject?.name).toBe('湘潭县');
    const g = extractIssue(text, { date: '2023-08-10', publication: '湘潭日报' }).facts.find((x) => x.raw === '2316户');
    expect(g?.subject?.name).toBe('湘潭县');
  });
});

describe('falls', () => {
  it('labels a fall as a decline (降幅), also the second of 分别下降A和B', () => {
    const text = '标题\n\n本报讯(记者 张三)上半年,全市规模工业增加值同比下降2.1%。1-5月全市发生安全生产事故3起,同比分别下降25%和33.3%。';
    const facts = extractIssue(text, { date: '2023-08-10', publication: '湘潭日报' }).facts;
    expect(facts.find((x) => x.raw === '2.1%')?.metric).toEqual({ key: 'unclassified', label: '规模工业增加值降幅' });
    expect(facts.find((x) => x.raw === '25%')?.metric.label).toMatch(/降幅$/);
    expect(facts.find((x) => x.raw === '33.3%')?.metric.label).toMatch(/降幅$/);
  });
});
