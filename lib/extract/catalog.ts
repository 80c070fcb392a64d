// The starting metric catalogue. The extractor picks a metric by its cue words near a figure
// and by unit; the database seed loads the same list, and admins extend it in the app (the
// import passes the database's catalogue back in). Keys are stable ids.
import type { MetricDef, UnitCode, ValueType, Aggregation, Direction } from './types';

function m(
  key: string,
  nameZh: string,
  nameEn: string,
  unit: UnitCode,
  valueType: ValueType,
  aggregation: Aggregation,
  category: string,
  keywords: string[],
  description = '',
  direction: Direction = 'higher_better',
): MetricDef {
  return { key, nameZh, nameEn, unit, valueType, aggregation, direction, category, description: description || nameZh, keywords };
}

export const UNCLASSIFIED_KEY = 'unclassified';

export const DEFAULT_CATALOG: MetricDef[] = [
  m(UNCLASSIFIED_KEY, '未归类指标', 'Unclassified figure', 'item', 'count', 'none', '其他', [], '提取到但尚未归入指标目录的数字，审核时归类', 'neutral'),

  // Economy and industry
  m('gdp', '地区生产总值', 'GDP', 'CNY', 'amount', 'latest', '经济', ['地区生产总值', 'GDP', '生产总值']),
  m('gdp_growth', '地区生产总值增速', 'GDP growth', 'percent', 'growth', 'latest', '经济', ['生产总值增长', 'GDP增长', '经济增长', '生产总值同比增长']),
  m('industrial_value_added', '规模工业增加值', 'Value added of industry above scale', 'CNY', 'amount', 'latest', '工业', ['规模工业增加值', '规模以上工业增加值']),
  m('industrial_value_added_growth', '规模工业增加值增速', 'Growth of industrial value added', 'percent', 'growth', 'latest', '工业', ['工业增加值增长', '工业增加值同比增长', '工业增加值增速']),
  m('park_share_of_industrial_value_added', '园区工业增加值占全市比重', "Parks' share of the city's industrial value added", 'percent', 'share', 'latest', '园区', ['工业增加值在全市占比', '园区工业增加值', '占比']),
  m('output_value', '产值', 'Output value', 'CNY', 'amount', 'latest', '工业', ['总产值', '产值', '工业总产值', '技工贸总收入']),
  m('leading_industry_output_growth', '主导产业产值增速', 'Output growth of the leading industries', 'percent', 'growth', 'latest', '园区', ['产值增速', '产值增长', '主导产业']),
  m('revenue', '营业收入', 'Operating revenue', 'CNY', 'amount', 'latest', '经济', ['营业收入', '营收', '主营业务收入', '销售收入']),
  m('tax_revenue', '税收收入', 'Tax revenue', 'CNY', 'amount', 'latest', '财政', ['税收', '纳税', '税收收入', '入库税收']),
  m('tax_per_mu', '亩均税收', 'Tax per mu', 'CNY', 'amount', 'latest', '园区', ['亩均税收']),
  m('fiscal_revenue', '财政收入', 'Fiscal revenue', 'CNY', 'amount', 'latest', '财政', ['财政收入', '一般公共预算收入', '地方收入']),
  m('fixed_asset_investment', '固定资产投资', 'Fixed-asset investment', 'CNY', 'amount', 'latest', '投资', ['固定资产投资']),
  m('fixed_asset_investment_growth', '固定资产投资增速', 'Growth of fixed-asset investment', 'percent', 'growth', 'latest', '投资', ['固定资产投资增长', '投资增长', '固定资产投资同比增长']),
  m('industrial_investment', '工业投资', 'Industrial investment', 'CNY', 'amount', 'latest', '投资', ['工业投资', '产业投资', '技改投资']),
  m('investment_in_demonstration_parks', '专业示范园区年度投资', 'Annual investment in the demonstration parks', 'CNY', 'amount', 'sum', '投资', ['年度投资', '完成投资', '投资']),
  m('project_total_investment', '项目总投资', 'Total investment of a project', 'CNY', 'amount', 'none', '项目', ['总投资', '计划投资', '拟投资', '投资总额']),
  m('contracted_investment', '招商引资签约额', 'Contracted investment', 'CNY', 'amount', 'sum', '招商', ['签约', '签约金额', '招商引资', '引进资金', '到位资金']),
  m('actual_fdi', '实际利用外资', 'Actually utilised foreign investment', 'USD', 'amount', 'sum', '招商', ['实际利用外资', '利用外资', '外资']),
  m('foreign_trade', '进出口总额', 'Foreign trade', 'CNY', 'amount', 'sum', '外贸', ['进出口', '外贸', '进出口总额']),
  m('exports', '出口额', 'Exports', 'CNY', 'amount', 'sum', '外贸', ['出口']),
  m('foreign_trade_growth', '进出口增速', 'Foreign trade growth', 'percent', 'growth', 'latest', '外贸', ['进出口增长', '外贸增长', '进出口同比增长']),
  m('retail_sales', '社会消费品零售总额', 'Retail sales of consumer goods', 'CNY', 'amount', 'latest', '消费', ['社会消费品零售总额', '零售总额', '社零']),
  m('projects_started', '新开工项目', 'Projects started', 'project', 'count', 'sum', '项目', ['开工', '新开工', '集中开工']),
  m('projects_signed', '签约项目', 'Projects signed', 'project', 'count', 'sum', '招商', ['签约项目', '签约', '引进项目', '招引']),
  m('projects_over_100m_per_chain', '每条产业链招引亿元以上项目', 'Projects over 100 million yuan per industrial chain', 'project', 'count', 'none', '招商', ['亿元项目', '产业链', '招引']),
  m('key_projects_served', '重点建设项目服务数', 'Key construction projects served', 'project', 'count', 'latest', '营商环境', ['重点建设项目', '重点项目']),
  m('key_tasks', '重点任务数', 'Key tasks', 'item', 'count', 'none', '工作部署', ['重点任务']),

  // Enterprises
  m('scale_industrial_enterprises', '规模工业企业数', 'Industrial enterprises above scale', 'org', 'count', 'latest', '企业', ['规模工业企业', '规模以上工业企业', '规上企业', '规上工业企业']),
  m('new_scale_industrial_enterprises', '新增规模工业企业', 'New industrial enterprises above scale', 'org', 'count', 'sum', '企业', ['新增规模工业企业', '新增规模以上工业企业', '入规', '新增规上']),
  m('high_tech_enterprises', '高新技术企业数', 'High-tech enterprises', 'org', 'count', 'latest', '创新', ['高新技术企业', '高企']),
  m('new_high_tech_enterprises', '新增高新技术企业', 'New high-tech enterprises', 'org', 'count', 'sum', '创新', ['新增高新技术企业', '新认定高新技术企业']),
  m('little_giant_enterprises_cumulative', '省级以上小巨人企业（累计）', '"Little giant" enterprises, cumulative', 'org', 'count', 'latest', '企业', ['小巨人', '累计培育']),
  m('new_little_giant_enterprises', '新增国省小巨人企业', 'New national and provincial "little giant" enterprises', 'org', 'count', 'sum', '企业', ['新增国省"小巨人"', '新增小巨人', '小巨人']),
  m('little_giant_share_of_scale_industry', '小巨人企业占规模工业比重', '"Little giants" share of industry above scale', 'percent', 'share', 'latest', '企业', ['占全区规模工业比重', '规模工业比重', '比重']),
  m('new_specialised_sme', '新增专精特新中小企业', 'New "specialised and sophisticated" SMEs', 'org', 'count', 'sum', '企业', ['专精特新', '新增市级']),
  m('new_enterprises_revenue_over_10bn', '新增营业收入100亿元以上企业', 'New enterprises with revenue over 10 billion yuan', 'org', 'count', 'sum', '企业', ['100亿元以上企业', '百亿企业', '100亿元以上']),
  m('new_enterprises_revenue_over_5bn', '新增营业收入50亿元以上企业', 'New enterprises with revenue over 5 billion yuan', 'org', 'count', 'sum', '企业', ['50亿元以上企业', '50亿元以上']),
  m('enterprises_in_maker_space', '众创空间入驻企业', 'Enterprises in the maker space', 'org', 'count', 'latest', '创新', ['入驻', '众创空间', '孵化']),
  m('key_enterprises_served', '重点企业服务数', 'Key enterprises served', 'org', 'count', 'latest', '营商环境', ['重点企业', '精准服务', '一对一']),
  m('key_enterprises_trained', '参训重点企业', 'Key enterprises trained', 'org', 'count', 'sum', '培训', ['重点企业', '涉VOC', '培训']),
  m('new_market_entities', '新增市场主体', 'New market entities', 'org', 'count', 'sum', '营商环境', ['市场主体', '新增市场主体', '经营主体']),
  m('enterprises_settled', '新入驻企业', 'Enterprises newly settled', 'org', 'count', 'sum', '招商', ['落户', '新入驻', '引进企业']),

  // Parks
  m('five_good_parks_awarded', '"五好"园区上榜数', 'Parks awarded in the "Five Good" evaluation', 'org', 'count', 'latest', '园区', ['上榜', '获评', '先进园区', '五好']),
  m('five_good_awards_consecutive', '连续获评"五好"先进次数', 'Consecutive "Five Good" awards', 'times', 'count', 'latest', '园区', ['连续', '获评']),
  m('land_converted_commercial_to_industrial', '土地"商转工"面积', 'Land converted from commercial to industrial use', 'mu', 'amount', 'sum', '土地', ['商转工', '土地']),
  m('land_supplied', '供地面积', 'Land supplied', 'mu', 'amount', 'sum', '土地', ['供地', '出让', '用地', '征地', '盘活', '低效用地', '闲置土地']),
  m('standard_factory_area', '标准厂房面积', 'Standard factory floor area', 'm2', 'amount', 'sum', '园区', ['标准厂房', '厂房']),

  // People, training, employment
  m('people_trained', '培训人数', 'People trained', 'person', 'count', 'sum', '培训', ['培训', '讲解', '参加', '参训', '学员', '培训班']),
  m('experts', '授课专家人数', 'Experts teaching', 'person', 'count', 'sum', '培训', ['专家']),
  m('key_talents_served', '重点人才服务数', 'Key talents served', 'person', 'count', 'latest', '人才', ['重点人才', '人才']),
  m('talents_introduced', '引进人才', 'Talents introduced', 'person', 'count', 'sum', '人才', ['引进人才', '引才', '博士', '硕士']),
  m('new_jobs', '新增就业', 'New urban jobs', 'person', 'count', 'sum', '民生', ['新增就业', '城镇新增就业', '就业', '岗位']),
  m('persons_honoured_bravery', '见义勇为先进个人', 'People honoured for bravery', 'person', 'count', 'sum', '社会治理', ['见义勇为', '授予', '表彰', '先进个人']),
  m('honourees_speaking', '宣讲的获表彰对象', 'Honourees who spoke', 'person', 'count', 'none', '社会治理', ['宣讲', '获表彰对象']),
  m('people_rescued_by_individual', '个人救助人数', 'People rescued by an individual', 'person', 'count', 'none', '社会治理', ['救助', '救起', '落水者', '营救']),
  m('party_members_watched_film', '观看警示教育片的党员干部', 'Party members who watched the warning film', 'person', 'count', 'latest', '党风廉政', ['党员干部', '观看', '警示教育片']),
  m('units_watched_film', '组织观看警示教育片的单位', 'Units that showed the warning film', 'org', 'count', 'latest', '党风廉政', ['单位', '观看']),
  m('volunteers', '志愿者人数', 'Volunteers', 'person', 'count', 'latest', '社会治理', ['志愿者', '志愿服务']),
  m('people_served', '服务群众人次', 'People served', 'person_time', 'count', 'sum', '民生', ['服务群众', '接待', '惠及', '受益', '人次']),

  // Governance, law, discipline
  m('law_education_responsible_units', '"谁执法谁普法"责任单位', 'Units responsible for legal education', 'org', 'count', 'latest', '法治', ['谁执法谁普法', '责任单位']),
  m('units_reporting', '现场述职汇报单位', 'Units reporting at the review', 'org', 'count', 'none', '法治', ['汇报', '述职', '接受了现场评议']),
  m('problems_found', '发现问题数', 'Problems found', 'item', 'count', 'sum', '监督', ['发现', '问题', '排查', '隐患'], '', 'neutral'),
  m('problems_fixed', '整改问题数', 'Problems fixed', 'item', 'count', 'sum', '监督', ['整改', '整改到位', '销号']),
  m('problem_categories', '整治问题类别', 'Categories of problems addressed', 'item', 'count', 'none', '监督', ['类突出问题', '突出问题', '类']),
  m('leads_handled', '处置问题线索', 'Leads on problems handled', 'item', 'count', 'sum', '监督', ['问题线索', '处置', '线索']),
  m('funds_misappropriated', '违规挪用资金', 'Funds misappropriated', 'CNY', 'amount', 'sum', '监督', ['挪用', '违规', '侵占', '贪污'], '', 'lower_better'),
  m('funds_recovered', '追回资金', 'Funds recovered', 'CNY', 'amount', 'sum', '监督', ['追回', '挽回', '清退']),
  m('cases_filed', '立案数', 'Cases filed', 'case', 'count', 'sum', '监督', ['立案', '查处', '案件'], '', 'neutral'),
  m('people_disciplined', '处分人数', 'People disciplined', 'person', 'count', 'sum', '监督', ['处分', '问责', '处理'], '', 'neutral'),

  // Environment and infrastructure
  m('good_air_days_ratio', '空气质量优良天数比例', 'Share of days with good air', 'percent', 'share', 'latest', '生态环境', ['优良天数', '空气质量优良']),
  m('afforestation', '造林面积', 'Afforestation', 'mu', 'amount', 'sum', '生态环境', ['造林', '植树', '绿化']),
  m('road_built', '新建道路', 'Roads built', 'other:公里', 'amount', 'sum', '基础设施', ['道路', '公路', '提质改造', '新建']),
  m('housing_renovated', '改造房屋户数', 'Homes renovated', 'other:户', 'count', 'sum', '民生', ['改造', '棚改', '老旧小区', '危房']),
  m('electricity_consumption', '用电量', 'Electricity consumption', 'kwh', 'amount', 'latest', '能源', ['用电量', '发电量']),
  m('agricultural_area', '种植面积', 'Area planted', 'mu', 'amount', 'latest', '农业', ['种植', '播种', '面积', '耕地', '高标准农田']),
  m('grain_output', '粮食产量', 'Grain output', 'ton', 'amount', 'latest', '农业', ['粮食', '产量']),
];
