// Passages written for issue #11 (round 2) in the style of Hunan's city and county papers and
// portals — none copied from an article. Each names the publication (when the paper is known),
// the issue date and the facts a careful reader takes from it, per ../shared/CONTRACTS.md §1
// (only the fields that matter for the pattern). Judged like the cases file (lib/extract/cases.ts).
import type { CaseFact } from '@/lib/extract/cases';

export interface OwnPassage {
  id: string;
  /** --publication; absent for a portal repost or a pasted article. */
  publication?: string;
  date: string | null;
  text: string;
  expected: CaseFact[];
  /** What a note accepts (same words as the cases file: "parent X acceptable", "year_alt 2023"). */
  note?: string;
}

const park = (name: string) => ({ type: 'park', name });
const region = (name: string) => ({ type: 'region', name });
const org = (name: string) => ({ type: 'org', name });
const project = (name: string) => ({ type: 'project', name });

export const OWN_PASSAGES: OwnPassage[] = [
  // —— other cities' papers: 我市/全市 is the publisher's city ——
  {
    id: 'zhuzhou-1to7',
    publication: '株洲日报',
    date: '2024-08-12',
    text: '株洲日报讯（记者 李清 通讯员 王蓉）1至7月，我市规模以上工业增加值同比增长7.8%，高于全省平均水平1.2个百分点。',
    expected: [
      { raw: '7.8%', value: 7.8, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M07', subject: region('株洲市') },
      { raw: '1.2个百分点', value: 1.2, unit: 'pp', kind: 'actual', year: 2024, subject: region('株洲市') },
    ],
  },
  {
    id: 'hengyang-upto-october',
    publication: '衡阳日报',
    date: '2023-11-03',
    text: '衡阳日报讯 截至今年10月底，全市累计完成固定资产投资1265亿元，完成年度目标的83.6%。',
    expected: [
      { raw: '1265亿元', value: 126500000000, unit: 'CNY', kind: 'actual', year: 2023, period: 'M01-M10', subject: region('衡阳市') },
      { raw: '83.6%', value: 83.6, unit: 'percent', kind: 'actual', year: 2023, subject: region('衡阳市') },
    ],
  },
  {
    id: 'yueyang-park-h1',
    publication: '岳阳日报',
    date: '2024-07-20',
    text: '岳阳日报讯 上半年，岳阳经开区实现技工贸总收入1020亿元，同比增长9.6%；新签约项目23个，总投资186亿元。',
    expected: [
      { raw: '1020亿元', value: 102000000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: park('岳阳经开区') },
      { raw: '9.6%', value: 9.6, unit: 'percent', kind: 'actual', year: 2024, period: 'H1', subject: park('岳阳经开区') },
      { raw: '23个', value: 23, unit: 'project', kind: 'actual', year: 2024, subject: park('岳阳经开区') },
      { raw: '186亿元', value: 18600000000, unit: 'CNY', kind: 'plan', year: 2024, subject: park('岳阳经开区') },
    ],
  },
  {
    id: 'changde-last-year',
    publication: '常德日报',
    date: '2025-01-15',
    text: '常德日报讯 2024年，我市新增规模以上工业企业152家，全年完成外贸进出口总额356.8亿元，同比增长15.2%。',
    expected: [
      { raw: '152家', value: 152, unit: 'org', kind: 'actual', year: 2024, subject: region('常德市') },
      { raw: '356.8亿元', value: 35680000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'FY', subject: region('常德市') },
      { raw: '15.2%', value: 15.2, unit: 'percent', kind: 'actual', year: 2024, subject: region('常德市') },
    ],
  },
  {
    id: 'changde-county-and-city',
    publication: '常德日报',
    date: '2024-09-02',
    text: '常德日报讯 今年以来，澧县新增规模工业企业28家，全市新增规模工业企业168家。',
    expected: [
      { raw: '28家', value: 28, unit: 'org', kind: 'actual', year: 2024, subject: region('澧县') },
      { raw: '168家', value: 168, unit: 'org', kind: 'actual', year: 2024, subject: region('常德市') },
    ],
  },
  {
    id: 'zhangjiajie-tourism',
    publication: '张家界日报',
    date: '2024-11-12',
    text: '张家界日报讯 今年1至10月，全市共接待游客4860万人次，同比增长12.4%；实现旅游收入618亿元。',
    expected: [
      { raw: '4860万人次', value: 48600000, unit: 'person_time', kind: 'actual', year: 2024, period: 'M01-M10', subject: region('张家界市') },
      { raw: '12.4%', value: 12.4, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M10', subject: region('张家界市') },
      { raw: '618亿元', value: 61800000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M10', subject: region('张家界市') },
    ],
  },
  {
    id: 'loudi-plan-vs-actual',
    publication: '娄底日报',
    date: '2023-12-29',
    text: '娄底日报讯 娄底经开区今年计划完成固定资产投资120亿元，实际完成135亿元，超额完成年度任务。',
    expected: [
      { raw: '120亿元', value: 12000000000, unit: 'CNY', kind: 'target', year: 2023, subject: park('娄底经开区') },
      { raw: '135亿元', value: 13500000000, unit: 'CNY', kind: 'actual', year: 2023, subject: park('娄底经开区') },
    ],
  },
  {
    id: 'loudi-same-period-base',
    publication: '娄底日报',
    date: '2024-09-15',
    text: '娄底日报讯 今年1至8月，娄底经开区完成工业投资45.6亿元，比去年同期增加8.3亿元。',
    expected: [
      { raw: '45.6亿元', value: 4560000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M08', subject: park('娄底经开区') },
      { raw: '8.3亿元', value: 830000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M08', subject: park('娄底经开区') },
    ],
  },
  {
    id: 'shaoyang-forecast',
    publication: '邵阳日报',
    date: '2024-11-05',
    text: '邵阳日报讯 邵东经开区预计全年将新增规模工业企业30家以上，工业总产值有望突破500亿元。',
    expected: [
      { raw: '30家以上', value: 30, unit: 'org', comparator: 'gte', kind: 'forecast', year: 2024, period: 'FY', subject: park('邵东经开区') },
      { raw: '500亿元', value: 50000000000, unit: 'CNY', kind: 'forecast', year: 2024, subject: park('邵东经开区') },
    ],
  },
  {
    id: 'chenzhou-target-progress',
    publication: '郴州日报',
    date: '2024-10-20',
    text: '郴州日报讯 郴州高新区力争今年实现规模工业总产值600亿元，1至9月已完成468亿元，完成年度目标的78%。',
    expected: [
      { raw: '600亿元', value: 60000000000, unit: 'CNY', kind: 'target', year: 2024, subject: park('郴州高新区') },
      { raw: '468亿元', value: 46800000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: park('郴州高新区') },
      { raw: '78%', value: 78, unit: 'percent', kind: 'actual', year: 2024, subject: park('郴州高新区') },
    ],
  },
  {
    id: 'chenzhou-respectively',
    publication: '郴州日报',
    date: '2024-11-08',
    text: '郴州日报讯 今年前10个月，郴州高新区、郴州经开区分别完成规模工业总产值512亿元、386亿元。',
    expected: [
      { raw: '512亿元', value: 51200000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M10', subject: park('郴州高新区') },
      { raw: '386亿元', value: 38600000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M10', subject: park('郴州经开区') },
    ],
  },
  {
    id: 'yiyang-signing',
    publication: '益阳日报',
    date: '2024-03-29',
    text: '益阳日报讯 3月28日，益阳高新区与湖南益丰智能科技有限公司签订投资协议，双方将合作建设智能终端制造基地项目，总投资20亿元，达产后预计年产值50亿元、年税收1.5亿元。',
    expected: [
      { raw: '20亿元', value: 2000000000, unit: 'CNY', kind: 'plan', year: 2024, subject: park('益阳高新区') },
      { raw: '50亿元', value: 5000000000, unit: 'CNY', kind: 'forecast', subject: park('益阳高新区') },
      { raw: '1.5亿元', value: 150000000, unit: 'CNY', kind: 'forecast', subject: park('益阳高新区') },
    ],
  },
  {
    id: 'huaihua-project-lands',
    publication: '怀化日报',
    date: '2023-12-02',
    text: '怀化日报讯 12月1日，年产5亿平方米锂电隔膜项目落户怀化高新区，项目总投资25亿元，规划用地300亩，建成后预计年产值30亿元。',
    expected: [
      { raw: '25亿元', value: 2500000000, unit: 'CNY', kind: 'plan', year: 2023, subject: park('怀化高新区') },
      { raw: '300亩', value: 300, unit: 'mu', kind: 'plan', year: 2023, subject: park('怀化高新区') },
      { raw: '30亿元', value: 3000000000, unit: 'CNY', kind: 'forecast', subject: park('怀化高新区') },
    ],
  },
  {
    id: 'hengyang-groundbreaking',
    publication: '衡阳日报',
    date: '2024-01-11',
    text: '衡阳日报讯 1月10日，衡阳高新区2024年第一季度重大项目集中开工，共开工项目32个，总投资216亿元，年度计划投资68亿元。',
    expected: [
      { raw: '32个', value: 32, unit: 'project', kind: 'actual', year: 2024, period: 'Q1', subject: park('衡阳高新区') },
      { raw: '216亿元', value: 21600000000, unit: 'CNY', kind: 'plan', year: 2024, subject: park('衡阳高新区') },
      { raw: '68亿元', value: 6800000000, unit: 'CNY', kind: 'target', year: 2024, subject: park('衡阳高新区') },
    ],
  },
  {
    id: 'zhuzhou-completion',
    publication: '株洲日报',
    date: '2024-06-18',
    text: '株洲日报讯 近日，醴陵经开区湖南瓷谷新材料有限公司日用陶瓷智能制造项目竣工投产，项目总投资5.2亿元，投产后可新增就业岗位600个。',
    expected: [
      { raw: '5.2亿元', value: 520000000, unit: 'CNY', kind: 'plan', year: 2024, subject: park('醴陵经开区') },
      { raw: '600个', value: 600, unit: 'item', kind: 'forecast', subject: park('醴陵经开区') },
    ],
  },
  {
    id: 'yongzhou-project-size',
    publication: '永州日报',
    date: '2024-04-22',
    text: '永州日报讯 祁阳高新区智能家居产业园项目总投资15亿元，规划用地面积260亩，总建筑面积18万平方米，计划2025年底建成投产。',
    expected: [
      { raw: '15亿元', value: 1500000000, unit: 'CNY', kind: 'plan', subject: park('祁阳高新区') },
      { raw: '260亩', value: 260, unit: 'mu', kind: 'plan', subject: park('祁阳高新区') },
      { raw: '18万平方米', value: 180000, unit: 'm2', kind: 'plan', subject: park('祁阳高新区') },
    ],
  },
  {
    id: 'project-capacity-after',
    publication: '益阳日报',
    date: '2023-05-16',
    text: '益阳长春经开区高端轴承项目进展顺利\n该项目占地面积80亩，总建筑面积6.5万平方米，全面达产后可实现年产值12亿元、年税收8000万元。',
    expected: [
      { raw: '80亩', value: 80, unit: 'mu', kind: 'plan', subject: park('益阳长春经开区') },
      { raw: '6.5万平方米', value: 65000, unit: 'm2', kind: 'plan', subject: park('益阳长春经开区') },
      { raw: '12亿元', value: 1200000000, unit: 'CNY', kind: 'forecast', subject: park('益阳长春经开区') },
      { raw: '8000万元', value: 80000000, unit: 'CNY', kind: 'forecast', subject: park('益阳长春经开区') },
    ],
  },
  // —— county media centres: 我县/全县, 我市 of a county-level city ——
  {
    id: 'anhua-county-q1',
    date: '2023-04-18',
    text: '安化县融媒体中心讯 一季度，我县黑茶产业实现综合产值58.6亿元，同比增长11.3%。',
    expected: [
      { raw: '58.6亿元', value: 5860000000, unit: 'CNY', kind: 'actual', year: 2023, period: 'Q1', subject: region('安化县') },
      { raw: '11.3%', value: 11.3, unit: 'percent', kind: 'actual', year: 2023, period: 'Q1', subject: region('安化县') },
    ],
  },
  {
    id: 'guiyang-county-investment',
    date: '2024-06-28',
    text: '桂阳县融媒体中心讯 今年以来，全县共引进项目42个，其中5亿元以上项目9个，实际到位资金36.5亿元。',
    expected: [
      { raw: '42个', value: 42, unit: 'project', kind: 'actual', year: 2024, subject: region('桂阳县') },
      { raw: '9个', value: 9, unit: 'project', kind: 'actual', year: 2024, subject: region('桂阳县') },
      { raw: '36.5亿元', value: 3650000000, unit: 'CNY', kind: 'actual', year: 2024, subject: region('桂阳县') },
    ],
  },
  {
    id: 'lengshuijiang-targets',
    date: '2024-03-05',
    text: '冷水江市融媒体中心讯 今年，我市确保地区生产总值增长6.5%，力争规模工业增加值增长8%。',
    expected: [
      { raw: '6.5%', value: 6.5, unit: 'percent', kind: 'target', year: 2024, subject: region('冷水江市') },
      { raw: '8%', value: 8, unit: 'percent', kind: 'target', year: 2024, subject: region('冷水江市') },
    ],
  },
  {
    id: 'liling-county-city',
    date: '2024-10-16',
    text: '醴陵市融媒体中心讯 今年1至9月，我市陶瓷产业实现产值612亿元，同比增长8.2%。',
    expected: [
      { raw: '612亿元', value: 61200000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('醴陵市') },
      { raw: '8.2%', value: 8.2, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('醴陵市') },
    ],
  },
  {
    id: 'jishou-last-year-income',
    date: '2025-02-10',
    text: '吉首市融媒体中心讯 去年，我市城镇居民人均可支配收入达到38650元，同比增长5.1%。',
    expected: [
      { raw: '38650元', value: 38650, unit: 'CNY', kind: 'actual', year: 2024, subject: region('吉首市') },
      { raw: '5.1%', value: 5.1, unit: 'percent', kind: 'actual', year: 2024, subject: region('吉首市') },
    ],
  },
  {
    id: 'county-stock-year-end',
    date: '2024-03-12',
    text: '宜章县融媒体中心讯 截至2023年底，全县共有规上工业企业186家，高新技术企业64家。',
    expected: [
      { raw: '186家', value: 186, unit: 'org', kind: 'actual', year: 2023, subject: region('宜章县') },
      { raw: '64家', value: 64, unit: 'org', kind: 'actual', year: 2023, subject: region('宜章县') },
    ],
  },
  {
    id: 'county-forecast-year-end',
    date: '2024-08-30',
    text: '汝城县融媒体中心讯 预计到年底，全县将建成5G基站1200个，实现乡镇全覆盖。',
    expected: [{ raw: '1200个', value: 1200, unit: 'item', kind: 'forecast', year: 2024, subject: region('汝城县') }],
  },
  {
    id: 'xiangxi-prefecture',
    date: '2024-01-26',
    text: '湘西州融媒体中心讯 2023年，全州实现旅游收入512亿元，同比增长21.6%。',
    expected: [
      { raw: '512亿元', value: 51200000000, unit: 'CNY', kind: 'actual', year: 2023, subject: region('湘西土家族苗族自治州') },
      { raw: '21.6%', value: 21.6, unit: 'percent', kind: 'actual', year: 2023, subject: region('湘西土家族苗族自治州') },
    ],
  },
  // —— portal reposts without a publication ——
  {
    id: 'hunan-online-park',
    date: '2024-11-20',
    text: '华声在线11月20日讯 截至10月底，湘阴高新区今年已完成固定资产投资72.3亿元，同比增长18.5%。',
    expected: [
      { raw: '72.3亿元', value: 7230000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M10', subject: park('湘阴高新区') },
      { raw: '18.5%', value: 18.5, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M10', subject: park('湘阴高新区') },
    ],
  },
  {
    id: 'rednet-dateline',
    date: '2023-11-03',
    text: '汨罗高新区项目引进势头强劲\n红网时刻新闻11月3日讯（通讯员 刘敏）今年以来，汨罗高新区新引进项目18个，其中工业项目15个，总投资达96亿元。',
    expected: [
      { raw: '18个', value: 18, unit: 'project', kind: 'actual', year: 2023, subject: park('汨罗高新区') },
      { raw: '15个', value: 15, unit: 'project', kind: 'actual', year: 2023, subject: park('汨罗高新区') },
      { raw: '96亿元', value: 9600000000, unit: 'CNY', kind: 'plan', year: 2023, subject: park('汨罗高新区') },
    ],
  },
  {
    id: 'rednet-reporter-line',
    date: '2024-07-09',
    text: '道县上半年新增市场主体4200户\n红网时刻新闻记者 唐亚 通讯员 何平 永州报道\n今年上半年，全县新增市场主体4200户，同比增长13.5%。',
    expected: [
      { raw: '4200户', value: 4200, unit: 'other:户', kind: 'actual', year: 2024, period: 'H1', subject: region('道县') },
      { raw: '13.5%', value: 13.5, unit: 'percent', kind: 'actual', year: 2024, period: 'H1', subject: region('道县') },
    ],
  },
  {
    id: 'new-hunan-app',
    date: '2024-05-06',
    text: '湖南日报·新湖南客户端5月6日讯（记者 张某）4月以来，宁乡经开区集中开工项目26个，总投资158亿元。',
    expected: [
      { raw: '26个', value: 26, unit: 'project', kind: 'actual', year: 2024, subject: park('宁乡经开区') },
      { raw: '158亿元', value: 15800000000, unit: 'CNY', kind: 'plan', year: 2024, subject: park('宁乡经开区') },
    ],
  },
  {
    id: 'province-parks',
    date: '2024-10-28',
    text: '华声在线10月28日讯 今年前三季度，全省园区实现技工贸总收入4.2万亿元，同比增长7.1%。',
    expected: [
      { raw: '4.2万亿元', value: 4200000000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('湖南省') },
      { raw: '7.1%', value: 7.1, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('湖南省') },
    ],
  },
  // —— parks of other cities, 分别, 该区 ——
  {
    id: 'xiangxi-park-q3',
    date: '2024-10-25',
    text: '团结报讯 今年前三季度，湘西高新区完成规模工业总产值86.5亿元，同比增长10.2%。',
    expected: [
      { raw: '86.5亿元', value: 8650000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: park('湘西高新区') },
    ],
  },
  {
    id: 'yiyang-progress-share',
    publication: '益阳日报',
    date: '2024-09-20',
    text: '益阳日报讯 今年以来，益阳长春经开区重点项目推进有力，累计完成投资38.2亿元，占年度计划的86%。',
    expected: [
      { raw: '38.2亿元', value: 3820000000, unit: 'CNY', kind: 'actual', year: 2024, subject: park('益阳长春经开区') },
      { raw: '86%', value: 86, unit: 'percent', kind: 'actual', year: 2024, subject: park('益阳长春经开区') },
    ],
  },
  {
    id: 'counties-respectively',
    publication: '郴州日报',
    date: '2024-07-15',
    text: '郴州日报讯 上半年，宜章县、汝城县、桂东县分别新增市场主体3260户、1850户、1240户。',
    expected: [
      { raw: '3260户', value: 3260, unit: 'other:户', kind: 'actual', year: 2024, period: 'H1', subject: region('宜章县') },
      { raw: '1850户', value: 1850, unit: 'other:户', kind: 'actual', year: 2024, period: 'H1', subject: region('汝城县') },
      { raw: '1240户', value: 1240, unit: 'other:户', kind: 'actual', year: 2024, period: 'H1', subject: region('桂东县') },
    ],
  },
  {
    id: 'fourteenth-plan-cumulative',
    publication: '邵阳日报',
    date: '2024-12-03',
    text: '邵阳日报讯 “十四五”以来，我市累计新增高新技术企业386家，高新技术产业增加值年均增长12.6%。',
    expected: [
      { raw: '386家', value: 386, unit: 'org', kind: 'actual', year: 2024, period: 'cumulative', subject: region('邵阳市') },
    ],
  },
  {
    id: 'paragraph-year-since',
    publication: '衡阳日报',
    date: '2024-12-20',
    text: '松木经开区蓄势赋能\n衡阳日报讯 2024年以来，松木经开区坚持以项目建设为抓手。\n园区新增规模工业企业21家，完成工业投资62.8亿元，同比增长16.4%。',
    expected: [
      { raw: '21家', value: 21, unit: 'org', kind: 'actual', year: 2024, subject: park('松木经开区') },
      { raw: '62.8亿元', value: 6280000000, unit: 'CNY', kind: 'actual', year: 2024, subject: park('松木经开区') },
    ],
  },
  {
    id: 'next-year-goal',
    publication: '岳阳日报',
    date: '2024-12-26',
    text: '岳阳日报讯 会议提出，到2027年，全市规模以上工业总产值将突破8000亿元，石化产业产值达到3000亿元。',
    expected: [
      { raw: '8000亿元', value: 800000000000, unit: 'CNY', kind: 'target', year: 2027, subject: region('岳阳市') },
      { raw: '3000亿元', value: 300000000000, unit: 'CNY', kind: 'target', year: 2027, subject: region('岳阳市') },
    ],
  },
  {
    id: 'county-forecast-will',
    publication: '岳阳日报',
    date: '2024-06-05',
    text: '岳阳日报讯 据测算，华容县芥菜产业今年预计将实现综合产值60亿元。',
    expected: [{ raw: '60亿元', value: 6000000000, unit: 'CNY', kind: 'forecast', year: 2024, subject: region('华容县') }],
  },
  // —— organisations: companies, cooperatives, groups, hospitals, schools ——
  {
    id: 'org-quote-speaker-after',
    publication: '永州日报',
    date: '2024-09-10',
    text: '永州日报讯 “公司订单已经排到明年3月，预计全年销售收入可达8亿元。”湖南湘永新材料有限公司负责人说。',
    expected: [{ raw: '8亿元', value: 800000000, unit: 'CNY', kind: 'forecast', year: 2024, subject: org('湖南湘永新材料有限公司') }],
  },
  {
    id: 'park-quote-speaker-after',
    publication: '永州日报',
    date: '2024-07-25',
    text: '永州日报讯 “今年上半年，园区新入驻企业27家，规模工业产值同比增长23%。”祁阳高新区管委会负责人介绍。',
    expected: [
      { raw: '27家', value: 27, unit: 'org', kind: 'actual', year: 2024, period: 'H1', subject: park('祁阳高新区') },
      { raw: '23%', value: 23, unit: 'percent', kind: 'actual', year: 2024, period: 'H1', subject: park('祁阳高新区') },
    ],
  },
  {
    id: 'cooperative',
    publication: '邵阳日报',
    date: '2024-10-09',
    text: '邵阳日报讯 隆回县金银花种植专业合作社今年带动农户326户，户均增收4200元。',
    expected: [{ raw: '4200元', value: 4200, unit: 'CNY', kind: 'actual', year: 2024, subject: org('隆回县金银花种植专业合作社') }],
  },
  {
    id: 'group-revenue',
    publication: '株洲日报',
    date: '2024-07-30',
    text: '株洲日报讯 上半年，株洲国投集团实现营业收入86.4亿元，同比增长14.2%。',
    expected: [
      { raw: '86.4亿元', value: 8640000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: org('株洲国投集团') },
      { raw: '14.2%', value: 14.2, unit: 'percent', kind: 'actual', year: 2024, period: 'H1', subject: org('株洲国投集团') },
    ],
  },
  {
    id: 'hospital',
    publication: '常德日报',
    date: '2024-11-14',
    text: '常德日报讯 今年1至10月，常德市第一人民医院门急诊量达186万人次，同比增长9.2%。',
    expected: [
      { raw: '186万人次', value: 1860000, unit: 'person_time', kind: 'actual', year: 2024, period: 'M01-M10', subject: org('常德市第一人民医院') },
    ],
  },
  {
    id: 'school',
    publication: '衡阳日报',
    date: '2024-06-27',
    text: '衡阳日报讯 今年高考，衡阳县第一中学本科上线1286人，上线率达92.5%。',
    expected: [
      { raw: '1286人', value: 1286, unit: 'person', kind: 'actual', year: 2024, subject: org('衡阳县第一中学') },
      { raw: '92.5%', value: 92.5, unit: 'percent', kind: 'actual', year: 2024, subject: org('衡阳县第一中学') },
    ],
  },
  {
    id: 'company-in-park',
    publication: '娄底日报',
    date: '2024-05-21',
    text: '娄底日报讯 位于娄底经开区的湖南娄钢精密制造有限公司一季度实现产值3.6亿元，同比增长28%。',
    expected: [
      { raw: '3.6亿元', value: 360000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'Q1', subject: org('湖南娄钢精密制造有限公司') },
    ],
  },
  // —— kinds in one sentence ——
  {
    id: 'plan-and-done-project',
    publication: '常德日报',
    date: '2024-08-16',
    text: '常德日报讯 常德高新区今年共铺排重点项目56个，年度计划投资210亿元，1至7月完成投资142亿元，完成率67.6%。',
    expected: [
      { raw: '56个', value: 56, unit: 'project', kind: 'plan', year: 2024, subject: park('常德高新区') },
      { raw: '210亿元', value: 21000000000, unit: 'CNY', kind: 'target', year: 2024, subject: park('常德高新区') },
      { raw: '142亿元', value: 14200000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M07', subject: park('常德高新区') },
      { raw: '67.6%', value: 67.6, unit: 'percent', kind: 'actual', year: 2024, subject: park('常德高新区') },
    ],
    note: '56个: plan or actual',
  },
  {
    id: 'will-after-done',
    publication: '怀化日报',
    date: '2024-11-27',
    text: '怀化日报讯 怀化经开区今年已新增规模工业企业18家，预计年底前还将新增6家。',
    expected: [
      { raw: '18家', value: 18, unit: 'org', kind: 'actual', year: 2024, subject: park('怀化经开区') },
      { raw: '6家', value: 6, unit: 'org', kind: 'forecast', year: 2024, subject: park('怀化经开区') },
    ],
  },
  {
    id: 'target-met-done',
    publication: '永州日报',
    date: '2025-01-08',
    text: '永州日报讯 去年，永州经开区实现规模工业总产值428亿元，超额完成年度目标任务。',
    expected: [{ raw: '428亿元', value: 42800000000, unit: 'CNY', kind: 'actual', year: 2024, subject: park('永州经开区') }],
  },
  {
    id: 'aim-in-speech',
    publication: '张家界日报',
    date: '2024-02-26',
    text: '张家界日报讯 会议要求，今年全市要完成招商引资实际到位资金300亿元以上，新引进“三类500强”企业投资项目5个以上。',
    expected: [
      { raw: '300亿元以上', value: 30000000000, unit: 'CNY', kind: 'target', year: 2024, subject: region('张家界市') },
    ],
  },

  // —— batch 2: bare park words, period forms, land supplied, aims beside results ——
  {
    id: 'city-key-projects',
    publication: '株洲日报',
    date: '2024-10-18',
    text: '株洲日报讯 记者从市发改委获悉，今年我市共安排市级重点建设项目300个，年度计划投资1150亿元。截至9月底，已完成投资968亿元，完成年度计划的84.2%。',
    expected: [
      { raw: '300个', value: 300, unit: 'project', kind: 'plan', year: 2024, subject: region('株洲市') },
      { raw: '1150亿元', value: 115000000000, unit: 'CNY', kind: 'target', year: 2024, subject: region('株洲市') },
      { raw: '968亿元', value: 96800000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('株洲市') },
      { raw: '84.2%', value: 84.2, unit: 'percent', kind: 'actual', year: 2024, subject: region('株洲市') },
    ],
  },
  {
    id: 'bare-high-tech-zone',
    publication: '郴州日报',
    date: '2024-10-22',
    text: '郴州日报讯 今年1至9月，高新区完成规模工业总产值365亿元，同比增长11.6%。',
    expected: [
      { raw: '365亿元', value: 36500000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: park('郴州高新区') },
      { raw: '11.6%', value: 11.6, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M09', subject: park('郴州高新区') },
    ],
  },
  {
    id: 'city-econ-zone',
    publication: '常德日报',
    date: '2024-06-14',
    text: '常德日报讯 今年以来，市经开区新引进项目35个，其中亿元以上项目21个。',
    expected: [{ raw: '35个', value: 35, unit: 'project', kind: 'actual', year: 2024, subject: park('常德经开区') }],
  },
  {
    id: 'county-h1-and-full-year',
    publication: '娄底日报',
    date: '2024-07-23',
    text: '娄底日报讯 双峰县上半年完成农机产业产值45亿元，预计全年可突破100亿元。',
    expected: [
      { raw: '45亿元', value: 4500000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: region('双峰县') },
      { raw: '100亿元', value: 10000000000, unit: 'CNY', kind: 'forecast', year: 2024, period: 'FY', subject: region('双峰县') },
    ],
  },
  {
    id: 'last-year-and-aim',
    publication: '邵阳日报',
    date: '2024-03-06',
    text: '邵阳日报讯 武冈经开区2023年实现技工贸总收入286亿元，今年力争突破320亿元。',
    expected: [
      { raw: '286亿元', value: 28600000000, unit: 'CNY', kind: 'actual', year: 2023, subject: park('武冈经开区') },
      { raw: '320亿元', value: 32000000000, unit: 'CNY', kind: 'target', year: 2024, subject: park('武冈经开区') },
    ],
  },
  {
    id: 'stock-now',
    publication: '永州日报',
    date: '2024-05-08',
    text: '永州日报讯 东安经开区现有规模工业企业86家，其中高新技术企业32家。',
    expected: [
      { raw: '86家', value: 86, unit: 'org', kind: 'actual', year: 2024, subject: park('东安经开区') },
      { raw: '32家', value: 32, unit: 'org', kind: 'actual', year: 2024, subject: park('东安经开区') },
    ],
  },
  {
    id: 'old-year-2013',
    publication: '株洲日报',
    date: '2014-01-20',
    text: '株洲日报讯 2013年，全市完成地区生产总值1950亿元，比上年增长10.8%。',
    expected: [
      { raw: '1950亿元', value: 195000000000, unit: 'CNY', kind: 'actual', year: 2013, subject: region('株洲市') },
      { raw: '10.8%', value: 10.8, unit: 'percent', kind: 'actual', year: 2013, subject: region('株洲市') },
    ],
  },
  {
    id: 'goal-then-done',
    date: '2024-09-26',
    text: '祁东县融媒体中心讯 今年全县新增市场主体的目标为5000户，目前已完成4120户。',
    expected: [
      { raw: '5000户', value: 5000, unit: 'other:户', kind: 'target', year: 2024, subject: region('祁东县') },
      { raw: '4120户', value: 4120, unit: 'other:户', kind: 'actual', year: 2024, subject: region('祁东县') },
    ],
  },
  {
    id: 'land-supplied',
    publication: '衡阳日报',
    date: '2024-08-08',
    text: '衡阳日报讯 今年以来，衡阳高新区已出让工业用地860亩，盘活闲置土地320亩。',
    expected: [
      { raw: '860亩', value: 860, unit: 'mu', kind: 'actual', year: 2024, subject: park('衡阳高新区') },
      { raw: '320亩', value: 320, unit: 'mu', kind: 'actual', year: 2024, subject: park('衡阳高新区') },
    ],
  },
  {
    id: 'quarters-span',
    publication: '岳阳日报',
    date: '2023-10-27',
    text: '岳阳日报讯 一至三季度，城陵矶综保区完成进出口总额312亿元，同比增长26.8%。',
    expected: [
      { raw: '312亿元', value: 31200000000, unit: 'CNY', kind: 'actual', year: 2023, period: 'M01-M09', subject: park('城陵矶综保区') },
      { raw: '26.8%', value: 26.8, unit: 'percent', kind: 'actual', year: 2023, period: 'M01-M09', subject: park('城陵矶综保区') },
    ],
  },
  {
    id: 'chinese-month-span',
    publication: '益阳日报',
    date: '2024-08-19',
    text: '益阳日报讯 今年一至七月，桃江经开区完成规模工业总产值156亿元。',
    expected: [{ raw: '156亿元', value: 15600000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M07', subject: park('桃江经开区') }],
  },
  {
    id: 'first-n-months-short',
    publication: '怀化日报',
    date: '2024-06-12',
    text: '怀化日报讯 前5月，怀化高新区实现工业税收4.3亿元，同比增长6.9%。',
    expected: [{ raw: '4.3亿元', value: 430000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M05', subject: park('怀化高新区') }],
  },
  {
    id: 'changsha-evening-app',
    date: '2024-05-30',
    text: '长沙晚报掌上长沙5月30日讯（全媒体记者 刘琴）今年前4个月，长沙经开区实现规模工业总产值826亿元，同比增长8.7%。',
    expected: [
      { raw: '826亿元', value: 82600000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M04', subject: park('长沙经开区') },
    ],
  },
  {
    id: 'district-back-ref',
    publication: '株洲日报',
    date: '2024-04-23',
    text: '株洲日报讯 一季度，天元区新增市场主体3200户。该区规模工业增加值同比增长9.1%。',
    expected: [
      { raw: '3200户', value: 3200, unit: 'other:户', kind: 'actual', year: 2024, period: 'Q1', subject: region('天元区') },
      { raw: '9.1%', value: 9.1, unit: 'percent', kind: 'actual', year: 2024, subject: region('天元区') },
    ],
  },
  {
    id: 'project-named-with-park',
    publication: '邵阳日报',
    date: '2024-09-03',
    text: '邵阳日报讯 总投资30亿元的邵阳经开区电子信息产业园项目一期已建成投产，二期计划明年上半年开工。',
    expected: [{ raw: '30亿元', value: 3000000000, unit: 'CNY', kind: 'plan', subject: park('邵阳经开区') }],
  },
  {
    id: 'cooperative-quote-last-year',
    publication: '怀化日报',
    date: '2024-04-11',
    text: '怀化日报讯 “去年合作社卖出柑橘1200吨，销售额达720万元。”麻阳锦和柑橘专业合作社理事长说。',
    expected: [
      { raw: '1200吨', value: 1200, unit: 'ton', kind: 'actual', year: 2023, subject: org('麻阳锦和柑橘专业合作社') },
      { raw: '720万元', value: 7200000, unit: 'CNY', kind: 'actual', year: 2023, subject: org('麻阳锦和柑橘专业合作社') },
    ],
  },
  {
    id: 'signed-and-target',
    publication: '株洲日报',
    date: '2024-05-15',
    text: '株洲日报讯 渌口经开区今年计划引进项目20个，目前已签约落户14个，总投资56亿元。',
    expected: [
      { raw: '20个', value: 20, unit: 'project', kind: 'target', year: 2024, subject: park('渌口经开区') },
      { raw: '14个', value: 14, unit: 'project', kind: 'actual', year: 2024, subject: park('渌口经开区') },
      { raw: '56亿元', value: 5600000000, unit: 'CNY', kind: 'plan', subject: park('渌口经开区') },
    ],
  },
  {
    id: 'park-short-list-other-city',
    publication: '衡阳日报',
    date: '2024-08-27',
    text: '衡阳日报讯 上半年，高新、松木两大园区分别实现技工贸总收入380亿元、215亿元。',
    expected: [
      { raw: '380亿元', value: 38000000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: park('衡阳高新区') },
      { raw: '215亿元', value: 21500000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: park('松木经开区') },
    ],
  },
  {
    id: 'jobs-after-completion',
    publication: '常德日报',
    date: '2024-12-12',
    text: '常德日报讯 津市高新区生物医药产业园二期项目开工，项目建成后可新增就业岗位1500个，年税收1.2亿元。',
    expected: [
      { raw: '1500个', value: 1500, unit: 'item', kind: 'forecast', subject: park('津市高新区') },
      { raw: '1.2亿元', value: 120000000, unit: 'CNY', kind: 'forecast', subject: park('津市高新区') },
    ],
  },
  {
    id: 'previous-year-range',
    publication: '湘潭日报',
    date: '2024-02-20',
    text: '本报讯 2021年至2023年，湘乡市累计新增规模工业企业96家。',
    expected: [{ raw: '96家', value: 96, unit: 'org', kind: 'actual', year: 2023, period: 'cumulative', subject: region('湘乡市') }],
  },

  // —— batch 3: portal bylines, goals stated beside results ——
  {
    id: 'rednet-reporter-line-city',
    date: '2024-07-16',
    text: '市场主体数量再创新高\n红网时刻新闻记者 唐亚 通讯员 何平 永州报道\n今年上半年，全市新增市场主体2.6万户，同比增长9.8%。',
    expected: [
      { raw: '2.6万户', value: 26000, unit: 'other:户', kind: 'actual', year: 2024, period: 'H1', subject: region('永州市') },
      { raw: '9.8%', value: 9.8, unit: 'percent', kind: 'actual', year: 2024, period: 'H1', subject: region('永州市') },
    ],
  },
  {
    id: 'changsha-evening-whole-city',
    date: '2024-05-30',
    text: '长沙晚报掌上长沙5月30日讯（全媒体记者 刘琴）今年前4个月，全市新增“四上”企业615家。',
    expected: [{ raw: '615家', value: 615, unit: 'org', kind: 'actual', year: 2024, period: 'M01-M04', subject: region('长沙市') }],
  },
  {
    id: 'goal-named-first',
    publication: '郴州日报',
    date: '2024-10-12',
    text: '郴州日报讯 按照全年新增规模工业企业60家的目标，今年1至9月，全市已新增规模工业企业48家。',
    expected: [
      { raw: '60家', value: 60, unit: 'org', kind: 'target', year: 2024, subject: region('郴州市') },
      { raw: '48家', value: 48, unit: 'org', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('郴州市') },
    ],
  },
  {
    id: 'company-goal-quote',
    publication: '株洲日报',
    date: '2024-07-19',
    text: '株洲日报讯 “今年我们的目标是产值突破10亿元，上半年已经完成了5.8亿元。”湖南楚天动力科技有限公司总经理介绍。',
    expected: [
      { raw: '10亿元', value: 1000000000, unit: 'CNY', kind: 'target', year: 2024, subject: org('湖南楚天动力科技有限公司') },
      { raw: '5.8亿元', value: 580000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: org('湖南楚天动力科技有限公司') },
    ],
  },
  {
    id: 'roads-plan-vs-done',
    publication: '怀化日报',
    date: '2024-11-04',
    text: '怀化日报讯 全市计划今年新建改造农村公路800公里，截至目前已完工652公里。',
    expected: [
      { raw: '800公里', value: 800, unit: 'other:公里', kind: 'target', year: 2024, subject: region('怀化市') },
      { raw: '652公里', value: 652, unit: 'other:公里', kind: 'actual', year: 2024, subject: region('怀化市') },
    ],
  },
  {
    id: 'task-assigned-and-done',
    publication: '益阳日报',
    date: '2024-12-10',
    text: '益阳日报讯 省里下达我市的年度任务为城镇新增就业3.5万人，今年已完成3.8万人，完成率108.6%。',
    expected: [
      { raw: '3.5万人', value: 35000, unit: 'person', kind: 'target', year: 2024, subject: region('益阳市') },
      { raw: '3.8万人', value: 38000, unit: 'person', kind: 'actual', year: 2024, subject: region('益阳市') },
      { raw: '108.6%', value: 108.6, unit: 'percent', kind: 'actual', year: 2024, subject: region('益阳市') },
    ],
  },
  {
    id: 'three-years-cumulative',
    date: '2024-09-18',
    text: '新化县融媒体中心讯 近三年来，全县累计投入乡村振兴衔接资金5.2亿元。',
    expected: [{ raw: '5.2亿元', value: 520000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'cumulative', subject: region('新化县') }],
  },
  {
    id: 'hospital-back-ref',
    publication: '衡阳日报',
    date: '2024-05-28',
    text: '衡阳日报讯 南华大学附属第一医院新院区项目近日封顶。该项目总投资18亿元，设置床位1500张。',
    expected: [
      { raw: '18亿元', value: 1800000000, unit: 'CNY', kind: 'plan', subject: project('南华大学附属第一医院新院区项目') },
      { raw: '1500张', value: 1500, unit: 'other:张', kind: 'plan', subject: project('南华大学附属第一医院新院区项目') },
    ],
  },

  // —— batch 4: year-end reports in January, money spent on a planned project ——
  {
    id: 'january-report-1to11',
    publication: '衡阳日报',
    date: '2025-01-08',
    text: '衡阳日报讯 1至11月，全市规模工业增加值同比增长7.2%，高于全省平均水平0.9个百分点。',
    expected: [{ raw: '7.2%', value: 7.2, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M11', subject: region('衡阳市') }],
  },
  {
    id: 'january-full-year',
    publication: '娄底日报',
    date: '2025-01-20',
    text: '娄底日报讯 全年，全市新增规模工业企业150家，城镇新增就业4.6万人。',
    expected: [
      { raw: '150家', value: 150, unit: 'org', kind: 'actual', year: 2024, period: 'FY', subject: region('娄底市') },
      { raw: '4.6万人', value: 46000, unit: 'person', kind: 'actual', year: 2024, subject: region('娄底市') },
    ],
  },
  {
    id: 'done-as-planned',
    publication: '常德日报',
    date: '2024-07-10',
    text: '常德日报讯 上半年，石门经开区重点项目按计划完成投资15亿元，占年度计划的62.5%。',
    expected: [
      { raw: '15亿元', value: 1500000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'H1', subject: park('石门经开区') },
      { raw: '62.5%', value: 62.5, unit: 'percent', kind: 'actual', year: 2024, subject: park('石门经开区') },
    ],
  },
  {
    id: 'spent-after-plan',
    publication: '益阳日报',
    date: '2024-09-24',
    text: '益阳日报讯 总投资12亿元的桃江经开区竹木新材料产业园项目今年已完成投资4.5亿元。',
    expected: [
      { raw: '12亿元', value: 1200000000, unit: 'CNY', kind: 'plan', subject: park('桃江经开区') },
      { raw: '4.5亿元', value: 450000000, unit: 'CNY', kind: 'actual', year: 2024, subject: park('桃江经开区') },
    ],
  },

  // —— batch 5: whole articles of several paragraphs ——
  {
    id: 'article-zhuzhou-park',
    publication: '株洲日报',
    date: '2024-12-18',
    text: '株洲高新区：新质生产力加速成势\n株洲日报讯（记者 王丽 通讯员 陈晨）12月17日，记者从株洲高新区获悉，今年1至11月，该区规模工业增加值增长9.3%，高于全市平均水平1.5个百分点。\n今年以来，园区新引进项目68个，其中“三类500强”企业投资项目6个；新开工项目52个，竣工投产项目41个。\n“明年，我们将力争新增规模工业企业40家，规模工业总产值突破2000亿元。”株洲高新区党工委相关负责人表示。',
    expected: [
      { raw: '9.3%', value: 9.3, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M11', subject: park('株洲高新区') },
      { raw: '1.5个百分点', value: 1.5, unit: 'pp', kind: 'actual', year: 2024, subject: park('株洲高新区') },
      { raw: '68个', value: 68, unit: 'project', kind: 'actual', year: 2024, subject: park('株洲高新区') },
      { raw: '52个', value: 52, unit: 'project', kind: 'actual', year: 2024, subject: park('株洲高新区') },
      { raw: '41个', value: 41, unit: 'project', kind: 'actual', year: 2024, subject: park('株洲高新区') },
      { raw: '40家', value: 40, unit: 'org', kind: 'target', year: 2025, subject: park('株洲高新区') },
      { raw: '2000亿元', value: 200000000000, unit: 'CNY', kind: 'target', year: 2025, subject: park('株洲高新区') },
    ],
  },
  {
    id: 'article-chenzhou-groundbreaking',
    publication: '郴州日报',
    date: '2024-03-22',
    text: '郴州日报讯 日前，全市一季度重大项目集中开工活动举行。此次集中开工项目168个，总投资826亿元，年度计划投资312亿元。\n北湖区、苏仙区、郴州高新区分别开工项目18个、15个、21个。',
    expected: [
      { raw: '168个', value: 168, unit: 'project', kind: 'actual', year: 2024, subject: region('郴州市') },
      { raw: '826亿元', value: 82600000000, unit: 'CNY', kind: 'plan', year: 2024, subject: region('郴州市') },
      { raw: '312亿元', value: 31200000000, unit: 'CNY', kind: 'target', year: 2024, subject: region('郴州市') },
      { raw: '18个', value: 18, unit: 'project', kind: 'actual', year: 2024, subject: region('北湖区') },
      { raw: '15个', value: 15, unit: 'project', kind: 'actual', year: 2024, subject: region('苏仙区') },
      { raw: '21个', value: 21, unit: 'project', kind: 'actual', year: 2024, subject: park('郴州高新区') },
    ],
  },
  {
    id: 'article-jianghua-county',
    date: '2024-10-15',
    text: '江华瑶族自治县融媒体中心讯 今年以来，江华高新区新增入园企业23家，实现规模工业总产值98.6亿元，同比增长16.2%。\n全县电机产业产值突破60亿元。',
    expected: [
      { raw: '23家', value: 23, unit: 'org', kind: 'actual', year: 2024, subject: park('江华高新区') },
      { raw: '98.6亿元', value: 9860000000, unit: 'CNY', kind: 'actual', year: 2024, subject: park('江华高新区') },
      { raw: '60亿元', value: 6000000000, unit: 'CNY', kind: 'actual', year: 2024, subject: region('江华瑶族自治县') },
    ],
  },
  {
    id: 'tuanjiebao-prefecture',
    date: '2024-10-30',
    text: '团结报讯 近日，记者从州统计局获悉，今年前三季度，全州地区生产总值完成520.8亿元，同比增长4.6%。',
    expected: [
      { raw: '520.8亿元', value: 52080000000, unit: 'CNY', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('湘西土家族苗族自治州') },
      { raw: '4.6%', value: 4.6, unit: 'percent', kind: 'actual', year: 2024, period: 'M01-M09', subject: region('湘西土家族苗族自治州') },
    ],
  },
  {
    id: 'article-changde-county-paragraphs',
    publication: '常德日报',
    date: '2024-08-06',
    text: '澧县：县域经济量质齐升\n常德日报讯 上半年，澧县地区生产总值增长6.1%，增速居全市第一。\n全县规模工业增加值增长8.7%，固定资产投资增长10.5%。\n澧县经开区完成技工贸总收入205亿元，同比增长12.6%。',
    expected: [
      { raw: '6.1%', value: 6.1, unit: 'percent', kind: 'actual', year: 2024, period: 'H1', subject: region('澧县') },
      { raw: '8.7%', value: 8.7, unit: 'percent', kind: 'actual', year: 2024, subject: region('澧县') },
      { raw: '10.5%', value: 10.5, unit: 'percent', kind: 'actual', year: 2024, subject: region('澧县') },
      { raw: '205亿元', value: 20500000000, unit: 'CNY', kind: 'actual', year: 2024, subject: park('澧县经开区') },
    ],
  },
  {
    id: 'article-yueyang-projects-list',
    publication: '岳阳日报',
    date: '2023-06-02',
    text: '岳阳日报讯 6月1日，岳阳绿色化工高新区举行项目签约仪式，共签约项目8个，总投资112亿元。其中，年产20万吨己内酰胺项目总投资45亿元，建成后预计年产值60亿元。',
    expected: [
      { raw: '8个', value: 8, unit: 'project', kind: 'actual', year: 2023, subject: park('岳阳绿色化工高新区') },
      { raw: '112亿元', value: 11200000000, unit: 'CNY', kind: 'plan', year: 2023, subject: park('岳阳绿色化工高新区') },
      { raw: '45亿元', value: 4500000000, unit: 'CNY', kind: 'plan', year: 2023, subject: project('年产20万吨己内酰胺项目') },
      { raw: '60亿元', value: 6000000000, unit: 'CNY', kind: 'forecast', subject: project('年产20万吨己内酰胺项目') },
    ],
  },

  // —— batch 6: a company's project, projects done out of a planned list ——
  {
    id: 'company-capacity-project',
    publication: '株洲日报',
    date: '2024-09-12',
    text: '株洲日报讯 落户渌口经开区的湖南金渌新材料有限公司年产3万吨铜箔项目总投资18亿元，目前一期已投产。',
    expected: [
      { raw: '3万吨', value: 30000, unit: 'ton', kind: 'plan', year: null, subject: park('渌口经开区') },
      { raw: '18亿元', value: 1800000000, unit: 'CNY', kind: 'plan', subject: project('年产3万吨铜箔项目') },
    ],
  },
  {
    id: 'planned-list-started',
    publication: '株洲日报',
    date: '2024-09-12',
    text: '株洲日报讯 醴陵市今年计划投资156亿元的86个重点项目已开工79个，开工率91.9%。',
    expected: [
      { raw: '156亿元', value: 15600000000, unit: 'CNY', kind: 'target', year: 2024, subject: region('醴陵市') },
      { raw: '86个', value: 86, unit: 'project', kind: 'plan', year: 2024, subject: region('醴陵市') },
      { raw: '79个', value: 79, unit: 'project', kind: 'actual', year: 2024, subject: region('醴陵市') },
      { raw: '91.9%', value: 91.9, unit: 'percent', kind: 'actual', year: 2024, subject: region('醴陵市') },
    ],
  },
];
