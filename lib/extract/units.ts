// Measure words and units → canonical unit codes (CONTRACTS.md). The unit of a bare 个/项/件
// depends on the noun that follows (68个重点建设项目 → project, 6个责任单位 → org).
import type { UnitCode } from './types';

/** Units of measure, longest first within each starting character. */
const UNIT_WORDS: [string, UnitCode | 'SKIP'][] = [
  ['个百分点', 'pp'], ['百分点', 'pp'],
  ['个工作日', 'day'], ['个项目', 'project'], ['个月', 'month'],
  ['平方公里', 'km2'], ['平方千米', 'km2'], ['平方米', 'm2'], ['平米', 'm2'], ['㎡', 'm2'], ['km²', 'km2'],
  ['公顷', 'hectare'], ['亩', 'mu'],
  ['千瓦时', 'kwh'], ['度电', 'kwh'], ['度', 'kwh'], ['℃', 'other:℃'],
  ['美元', 'USD'], ['美圆', 'USD'], ['新台币', 'other:台币'], ['台币', 'other:台币'], ['成', 'percent'], ['人民币', 'CNY'], ['元', 'CNY'], ['圆', 'CNY'],
  ['港元', 'other:港元'], ['港币', 'other:港币'], ['欧元', 'other:欧元'], ['日元', 'other:日元'], ['英镑', 'other:英镑'],
  ['%', 'percent'], ['％', 'percent'], ['‰', 'other:‰'],
  ['人次', 'person_time'], ['车次', 'other:车次'], ['架次', 'other:架次'], ['户次', 'other:户次'],
  ['名', 'person'], ['人', 'person'], ['位', 'person'],
  ['家', 'org'],
  ['吨', 'ton'], ['公斤', 'other:公斤'], ['千克', 'other:千克'], ['克', 'other:克'], ['斤', 'other:斤'],
  ['公里', 'other:公里'], ['千米', 'other:千米'], ['米', 'other:米'], ['公分', 'other:公分'], ['厘米', 'other:厘米'],
  ['立方米', 'other:立方米'], ['方', 'other:方'],
  ['千伏', 'SKIP'], ['千瓦', 'other:千瓦'], ['兆瓦', 'other:兆瓦'], ['伏', 'SKIP'],
  ['个', 'item'], ['项', 'item'], ['条', 'item'], ['类', 'item'], ['件', 'item'],
  ['起', 'case'], ['宗', 'case'],
  ['次', 'times'], ['届', 'times'],
  ['天', 'day'], ['日', 'day'], ['年', 'year_count'],
  ['倍', 'other:倍'], ['台', 'other:台'], ['辆', 'other:辆'], ['座', 'other:座'], ['所', 'other:所'],
  ['套', 'other:套'], ['栋', 'other:栋'], ['幢', 'other:幢'], ['户', 'other:户'], ['场', 'other:场'],
  ['批', 'other:批'], ['支', 'other:支'], ['张', 'other:张'], ['本', 'other:本'], ['篇', 'other:篇'],
  ['份', 'other:份'], ['处', 'other:处'], ['块', 'other:块'], ['棵', 'other:棵'], ['株', 'other:株'],
  ['头', 'other:头'], ['只', 'other:只'], ['轮', 'other:轮'], ['架', 'other:架'], ['艘', 'other:艘'],
  ['列', 'other:列'], ['层', 'other:层'], ['例', 'other:例'], ['所', 'other:所'], ['村', 'other:村'],
  ['小时', 'other:小时'], ['分钟', 'other:分钟'], ['秒', 'other:秒'], ['周', 'other:周'], ['期', 'other:期'], ['门', 'other:门'], ['款', 'other:款'],
  ['种', 'other:种'], ['笔', 'other:笔'], ['间', 'other:间'], ['桩', 'other:桩'], ['班', 'other:班'],
  ['岁', 'SKIP'], ['周岁', 'SKIP'], ['周年', 'SKIP'], ['微克/立方米', 'other:微克/立方米'],
  ['kWh', 'kwh'], ['kwh', 'kwh'], ['km²', 'km2'], ['m²', 'm2'], ['km', 'other:km'], ['kg', 'other:kg'], ['cm', 'other:cm'],
  ['CM', 'other:cm'], ['mm', 'other:mm'], ['MW', 'other:MW'], ['kW', 'other:kW'],
  ['微克', 'other:微克'], ['毫克', 'other:毫克'], ['毫升', 'other:毫升'], ['升', 'other:升'], ['字节', 'other:字节'], ['千字节', 'other:千字节'],
  ['英里', 'other:英里'], ['海里', 'other:海里'], ['英尺', 'other:英尺'], ['光年', 'other:光年'], ['毫米', 'other:毫米'],
];

/** Units of length, area, mass, volume and energy (the Dimension model's domain). */
export const DIMENSION_UNITS = new Set<string>(['mu', 'm2', 'hectare', 'km2', 'ton', 'kwh']);
export function isDimensionUnit(u: string | null): boolean {
  if (!u) return false;
  if (DIMENSION_UNITS.has(u)) return true;
  return /^other:(公里|千米|米|公斤|千克|克|斤|公分|厘米|毫米|立方米|km|kg|cm|mm|MW|kW|微克|毫克|毫升|升|字节|千字节|英里|海里|英尺|光年|千瓦|兆瓦)$/.test(u);
}

const BY_FIRST = new Map<string, [string, UnitCode | 'SKIP'][]>();
for (const entry of UNIT_WORDS) {
  const first = entry[0][0] ?? '';
  const list = BY_FIRST.get(first) ?? [];
  list.push(entry);
  BY_FIRST.set(first, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b[0].length - a[0].length);

export interface UnitMatch {
  word: string;
  unit: UnitCode | 'SKIP';
}

/** The unit word starting at text[i], longest match, or null. */
export function matchUnit(text: string, i: number): UnitMatch | null {
  const list = BY_FIRST.get(text[i] ?? '');
  if (!list) return null;
  for (const [word, unit] of list) if (text.startsWith(word, i)) return { word, unit };
  return null;
}

const STOP = new Set('，,。；;、！？!?：:（(）)\n'.split(''));
const ORG_NOUNS = ['党组织', '组织', '园区', '单位', '企业', '部门', '机构', '学校', '医院', '公司', '合作社', '乡镇', '街道', '社区', '协会', '商会', '银行', '工业园', '产业园', '基地', '平台', '景区'];
const PROJECT_NOUNS = ['项目', '工程'];
const CASE_NOUNS = ['案', '纠纷', '事故', '违法', '违规'];

/** The noun phrase right after a measure word, up to punctuation (at most 16 characters). */
export function nounAfter(text: string, i: number): string {
  let j = i;
  // An ASCII '.' ends the phrase unless it is a decimal point (增长9.6%.全区… ends at the '.').
  while (j < text.length && j - i < 16 && !STOP.has(text[j] ?? '') && !(text[j] === '.' && !/\d/.test(text[j + 1] ?? ''))) j++;
  return text.slice(i, j);
}

/** Refines 个/项/件 by the noun that follows (or, for 件, a 案件 just before: 办结案件12件). */
export function refineUnit(unit: UnitCode, word: string, text: string, end: number, start = end): UnitCode {
  if (word !== '个' && word !== '项' && word !== '件' && word !== '家') return unit;
  const noun = nounAfter(text, end);
  if (word === '件') {
    const before = text.slice(Math.max(0, start - 6), start);
    return CASE_NOUNS.some((n) => noun.includes(n)) || /案件|案$|案[^，,。；;]{0,4}$/.test(before) ? 'case' : 'item';
  }
  if (word === '家') return 'org';
  // 三个人: people (but 个人所得税, 三个人才项目 are other words).
  if (word === '个' && noun.startsWith('人') && !'才所均民气次'.includes(noun[1] ?? '，')) return 'person';
  if (PROJECT_NOUNS.some((n) => noun.includes(n))) return 'project';
  if (word === '个' && ORG_NOUNS.some((n) => noun.includes(n))) return 'org';
  // The noun may come first: 新签约项目68个, 省级园区4个 (项目 + 共/达/为… + the count).
  if (!/^[\u4e00-\u9fff]/.test(noun) || noun.startsWith('以上') || noun.startsWith('左右')) {
    const head = nounBefore(text, start);
    if (PROJECT_NOUNS.some((n) => head.endsWith(n))) return 'project';
    if (word === '个' && ORG_NOUNS.some((n) => head.endsWith(n))) return 'org';
  }
  return 'item';
}

/** The words right before a count, without the linking verbs and qualifiers (项目共计 → 项目). */
function nounBefore(text: string, start: number): string {
  let j = start;
  while (j > 0 && start - j < 12 && !STOP.has(text[j - 1] ?? '')) j--;
  return text.slice(j, start).replace(/(?:总数|数量|个数|数|共计|合计|累计|共|达到|达|为|有|约|近|超过|超|逾|分别)+$/, '');
}
