// Stage 2 — kind (CONTRACTS.md "Kinds"): what the figure is — a result (actual), a goal for a
// period (target), an expectation (forecast) or a property of a project or programme (plan),
// whatever the stage of the thing it describes.
import type { FactKind } from '../types';
import type { Figure } from './figure';

const TARGET_CUES = ['力争', '争取', '确保', '目标', '计划完成', '计划实现', '计划新增', '计划', '预期目标', '任务是', '任务为', '要达到', '努力实现', '将达到',
  // A year's programme stated in the future tense or as an order is an aim.
  '将新增', '将完成', '将实现', '将建成', '要在', '要实现', '要完成', '要新增', '要确保'];
const FORECAST_CUES = ['预计', '有望', '预期', '预测', '估计'];
/** Properties of a project: money it will take, land it covers, what it is built to produce. */
const PLAN_CUES = ['总投资', '计划总投资', '计划投资', '拟投资', '规划用地', '规划总用地', '总用地', '用地规模', '用地', '占地面积', '占地', '建筑面积', '规划面积', '总面积', '投资总额', '建设里程'];
/** A designed capacity: 年产8000台, 设计年产能300万平方米, 建成后可年产5万吨 (not 年产值). */
const CAPACITY = /(?:年产(?!值)|年产能|产能|年处理|年吞吐|装机)[^，,。；;]{0,6}$/;
/** A year's share of a project's money: 年度计划投资, 2024年计划投资, 年度投资 — that year's target. */
const YEAR_PLAN = /(?:年度|\d{4}年度?|今年|全年|当年|明年)(?:计划)?投资$|年度计划(?:投资|完成)?$/;
/** Length or area built (新建城市主干道2.8公里) of a project described by its plan figures. */
const BUILT_SCOPE = /(?:新建|建设|修建|改造|铺设|改扩建|设置|设计|可容纳)[^，,。；;]{0,10}$/;
/** Money reported as spent (CONTRACTS: 完成投资, 累计完成投资, 到位资金 are actual). */
const SPENT = /完成|到位|实际|已投入|累计投入/;
/** Something done since the goal was named (按照…的目标，今年已新增48家): 已 before a verb. */
const DONE = /已(?!于|经?是)[\u4e00-\u9fff]/;
const ACTUAL_CUES = ['已完成', '完成了', '实现了', '已实现', '目前已', '已有', '已经', '截至目前', '实际完成'];
/** A share of a goal reached so far: 完成年度目标任务的62%, 占年度计划的27.2%, 目标完成率达95%. */
const PROGRESS_SHARE = /(?:(?:完成|占)[^，,。；;]{0,10}(?:目标|任务|计划)[^，,。；;]{0,4}的|完成率(?:达到|达|为)?)$/;
/** Events of the day that make a count of projects a result (11个项目开工, 签约的5个项目). */
const PROJECT_EVENT = /开工|签约|竣工|投产|落地|引进|新增|完成|入选|集中|建成|开建|招引|获批|启动/;
/** A list of projects carried for a period (共铺排重点项目56个, 纳入…的21个项目, 共有…重点项目18个). */
const PROJECT_LIST = /铺排|纳入|列入|共有|园内|区内/;

/**
 * What a project is expected to yield once built (建成后可新增就业岗位1500个, 全面达产后可实现年产值12亿元,
 * 投产后年税收8000万元): an expectation, like 预计 (CONTRACTS: 建成后预计年税收 is a forecast).
 */
const ONCE_BUILT = /(?:建成|投产|达产|达效|竣工|运营|投用|满产)(?:运营|投产|达产|达效)?后/;
/** Land handed out or approved (出让工业用地860亩, 供应用地, 获批用地): a result, not a project's size. */
const LAND_DEALT = /(?:出让|供应|供地|报批|征收|收储|盘活|获批|批准|保障|审批)[^，,。；;]{0,6}(?:用地|土地)[^，,。；;]{0,4}$/;

/** 计划 used as a noun: right after a closing quote or 大 (八大计划), or before punctuation. */
function programmeName(text: string, k: number): boolean {
  const prev = text[k - 1] ?? '';
  const next = text[k + 2];
  return prev === '"' || prev === '”' || prev === '大' || next === undefined || /[，,。；;、"”）)的]/.test(next);
}

/**
 * A target word that does not set a goal for the figure: a goal met (超出年度目标, 完成目标任务),
 * or 争取 as an ordinary verb (争取项目资金1200万元: money obtained).
 */
function idleCue(text: string, k: number, cue: string): boolean {
  if (cue === '目标' || cue === '任务' || cue === '预期目标') return /(超出|超过|超额|完成|实现|达到|高于|好于)[^，,。；;]{0,4}$/.test(text.slice(Math.max(0, k - 8), k));
  // 按计划完成, 超过计划, 比计划提前: done as planned, measured against the plan.
  if (cue.startsWith('计划') && /(?:按|按照|比|超|超过|超出|原)$/.test(text.slice(Math.max(0, k - 2), k))) return true;
  if (cue === '争取') return /^争取(到)?[^，,。；;\d]{0,8}(资金|债券|资金支持|支持|政策|补助|奖补|专项|贷款|项目)/.test(text.slice(k, k + 14)) && !/(力争|确保|全年|今年|年内)/.test(text.slice(Math.max(0, k - 4), k));
  return false;
}

/** The nearest target or forecast cue before the figure in its sentence; -1 / null when none. */
function nearestCue(before: string): { at: number; kind: FactKind; cue: string } | null {
  let best: { at: number; kind: FactKind; cue: string } | null = null;
  for (const c of TARGET_CUES) {
    let k = before.lastIndexOf(c);
    // 计划投资 is a plan figure, not a target of the sentence; 八大计划, 强链计划: a programme's name.
    while (k >= 0 && (PLAN_CUES.some((p) => before.startsWith(p, k)) || (c === '计划' && programmeName(before, k)) || idleCue(before, k, c))) k = before.lastIndexOf(c, k - 1);
    if (k >= 0 && (!best || k > best.at)) best = { at: k, kind: 'target', cue: c };
  }
  for (const c of FORECAST_CUES) {
    const k = before.lastIndexOf(c);
    if (k >= 0 && (!best || k > best.at)) best = { at: k, kind: 'forecast', cue: c };
  }
  // 预计…将新增: the expectation governs the future tense after it.
  if (best && best.kind === 'target' && best.cue.startsWith('将')) {
    const f = Math.max(...FORECAST_CUES.map((c) => before.lastIndexOf(c)));
    if (f >= 0 && f < best.at) best = { at: best.at, kind: 'forecast', cue: best.cue };
  }
  return best;
}

/** Kind of a figure from its sentence; `year`/`pubYear` are applied afterwards by kindForYear. */
export function kindOf(fig: Figure): FactKind {
  const { beforeInClause, beforeInSentence, afterInClause, unit } = fig;
  // A year's planned amount: that year's target (年度计划投资85.6亿元, 2024年计划投资3.1亿元).
  if (YEAR_PLAN.test(beforeInClause.replace(/[达为约近超]+$/, ''))) return 'target';
  // 总投资12亿元的…项目今年完成投资4.5亿元, 计划投资156亿元的86个项目已开工79个: what is done after the
  // plan figure is a result.
  const planAt = Math.max(...PLAN_CUES.map((c) => beforeInClause.lastIndexOf(c)));
  const spentAfter = planAt >= 0 && (SPENT.test(beforeInClause.slice(planAt + 2)) || DONE.test(beforeInClause.slice(planAt + 2)));
  if ((planAt >= 0 && !spentAfter && !LAND_DEALT.test(beforeInClause)) || CAPACITY.test(beforeInClause)) return 'plan';
  const planSentence = PLAN_CUES.some((c) => fig.sentence.text.includes(c));
  if (planSentence && BUILT_SCOPE.test(beforeInClause) && !/已|完成/.test(beforeInClause) && unit !== 'CNY' && unit !== 'percent') return 'plan';
  // A count of projects: a result when something happened to them (开工, 签约), else the list's size.
  if (unit === 'project' && !PROJECT_EVENT.test(beforeInClause + afterInClause) && !/[这此本该]次/.test(beforeInSentence)) {
    if (PROJECT_LIST.test(beforeInClause) || /^[^，,。；;]{0,4}总投资/.test(afterInClause)) return 'plan';
  }
  let kind: FactKind = 'actual';
  const cue = nearestCue(beforeInSentence);
  if (cue) {
    kind = cue.kind;
    // 力争……，目前已完成……: what has been done after the goal is an actual figure.
    if (ACTUAL_CUES.some((c) => beforeInSentence.lastIndexOf(c) > cue.at) || DONE.test(beforeInSentence.slice(cue.at + cue.cue.length))) kind = 'actual';
  }
  // 项目建成后可新增就业岗位1500个: what the finished project is to bring, unless done since (已实现).
  // 建成后将新增: the future tense after it is the same expectation.
  // Not when a time since then is named (投产后，今年实现产值5亿元: a result of the year).
  const built = beforeInSentence.search(ONCE_BUILT);
  const expected = kind === 'actual' || (kind === 'target' && cue !== null && cue.cue.startsWith('将') && cue.at > built);
  const since = built >= 0 && /今年|去年|\d{4}年|上半年|目前|截至|以来/.test(beforeInSentence.slice(built));
  if (built >= 0 && expected && !since && !ACTUAL_CUES.some((c) => beforeInSentence.lastIndexOf(c) > built)) kind = 'forecast';
  // …增长10%的目标任务: the goal is named after the figure.
  if (kind === 'actual' && /^(以上|左右)?的?(目标|任务|奋斗目标)/.test(afterInClause)) kind = 'target';
  // 完成年度目标任务的62%, 占年度计划的27%: progress against the goal, measured.
  if (kind === 'target' && (unit === 'percent' || unit === 'pp') && PROGRESS_SHARE.test(beforeInClause)) kind = 'actual';
  return kind;
}

/** 到2025年，产值突破6000亿元: a result for a year still to come is an aim. */
export function kindForYear(kind: FactKind, year: number | null, pubYear: number | null): FactKind {
  return kind === 'actual' && pubYear !== null && year !== null && year > pubYear ? 'target' : kind;
}
