// Measure words and units → canonical unit codes (CONTRACTS.md). The words come from the unit
// registry (lib/vocab/units.ts); only the extractor's own policies are here: measure words that
// end a numeral without making a quantity (110千伏 is a rating, 'SKIP'), and 成 (tenths, read as
// a percentage by the quantity scanner). The unit of a bare 个/项/件 depends on the noun that
// follows (68个重点建设项目 → project, 6个责任单位 → org).
import { unitFamily, unitWords } from '../vocab/units';
import type { UnitCode } from './types';

/** Words that follow a number without making it a figure: voltages name a power line's class. */
const SKIP_WORDS = ['千伏', '伏', '周年'];

/** Units of measure, longest first within each starting character. */
const UNIT_WORDS: [string, UnitCode | 'SKIP'][] = [...unitWords(), ['成', 'percent'], ...SKIP_WORDS.map((w): [string, 'SKIP'] => [w, 'SKIP'])];

/** Units of length, area, mass, volume, energy and power (the Dimension model's domain). */
const DIMENSION_FAMILIES = new Set<string>(['area', 'length', 'volume', 'mass', 'energy', 'power', 'data_size']);
export function isDimensionUnit(u: string | null): boolean {
  if (!u) return false;
  return DIMENSION_FAMILIES.has(unitFamily(u));
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
  let noun = nounAfter(text, end);
  // 23个省、市重点项目: short modifiers listed with 、 belong to the one noun that follows them.
  for (let k = 0, at = end + noun.length; k < 3 && noun.length - noun.lastIndexOf('、') - 1 <= 2 && text[at] === '、'; k++) {
    const more = nounAfter(text, at + 1);
    noun += `、${more}`;
    at += 1 + more.length;
  }
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
