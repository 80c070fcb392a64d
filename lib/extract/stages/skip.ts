// Stage 1 — skip rules: quantities that are not facts. Each rule is a named predicate on the
// quantity and its surroundings; the first that holds gives the reason the figure is dropped.
import type { Quantity, UnitCode } from '../types';

export interface SkipInput {
  body: string;
  q: Quantity;
  unit: UnitCode | null;
  /** Offset where the body proper starts (figures before it are in the headline). */
  headlineEnd: number;
  /** Figures of the body proper (for headline restatements). */
  bodyFigures: Quantity[];
  /** Figures already reported earlier in the body (for restatements). */
  earlier: Quantity[];
}

type Rule = [reason: string, holds: (x: SkipInput) => boolean];

const CJK = /[\u4e00-\u9fff]/;
const THRESHOLD_UNITS = new Set(['CNY', 'USD', 'percent', 'mu', 'm2', 'ton', 'kwh']);
/** After 十五届 comes what the ordinal counts: 人大, 党代会, 委员会, 运动会 … */
const SESSION_AFTER = /^(?:[\u4e00-\u9fff]{0,4}(?:人大|政协|党代会|委员|常委|代表|大会|会议|运动会|省运会|博览会|论坛|峰会|年会|理事会|董事会)|[一二三四五六七八九十]中全会|全会|中央|全国|全省|全市|市委|县委|区委|省委)/;

/** Verbs that set up what a small count counts: 建立三项机制, 组建五个督导组. */
const SET_UP = /(建立|组建|成立|出台|制定|设立|派出|抽调|推出|形成|健全|完善)$/;

/** The text before pos, skipping a quoted name right before it (建立“…”三项机制 → 建立). */
function beforeQuote(body: string, pos: number): string {
  const from = Math.max(0, pos - 40);
  const before = body.slice(from, pos);
  if (/[”"」]$/.test(before)) {
    const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('「'), before.lastIndexOf('"', before.length - 2));
    if (open >= 0) return before.slice(0, open);
  }
  return before;
}

/** Digits of a quantity's text without separators and decimal point (1535 ≈ 153.5 with its point lost). */
function digitsOf(s: string): string {
  return s.replace(/[^0-9]/g, '');
}

export const SKIP_RULES: Rule[] = [
  ['bare number', ({ unit }) => unit === null],
  // 3天内, 5年来: spans of time are context; 为期三天, 连续五年, 历时15天 report one.
  ['duration without 为期/连续/历时', ({ body, q, unit }) =>
    (unit === 'day' || unit === 'month' || unit === 'year_count') && !/(为期|连续|历时|用时|耗时|仅用|只用)$/.test(body.slice(Math.max(0, q.start - 2), q.start))],
  // 分两次, 一把手, 两条路, 十大工程: words, not statistics. A small count of what was set up is kept
  // (建立…三项机制, 组建五个专项督导组): a reader counts those.
  ['small Chinese numeral in a phrase', ({ body, q }) => {
    const chineseOnly = ![...q.text].some((ch) => /[0-9０-９]/.test(ch));
    if (!chineseOnly || Number(q.value) > 10) return false;
    const prev = body.slice(Math.max(0, q.start - 2), q.start);
    if (prev.endsWith('连续') || prev.endsWith('为期')) return false;
    return !(Number(q.value) >= 2 && /^(项|个|支|条)$/.test(q.measure ?? '') && SET_UP.test(beforeQuote(body, q.start)));
  }],
  // 100亿元以上企业: a threshold that defines a class, not a figure.
  ['threshold naming a class', ({ body, q, unit }) =>
    unit !== null && q.comparator !== 'eq' && CJK.test(body[q.end] ?? '') && THRESHOLD_UNITS.has(unit) && !/[的，,]/.test(body[q.end] ?? '')],
  // 投资10亿元以上的项目有12个: the same class written with 的.
  ['class of projects with 的', ({ body, q, unit }) =>
    q.comparator !== 'eq' && (unit === 'CNY' || unit === 'USD') && /^的(重大|重点|大)?(项目|企业)/.test(body.slice(q.end, q.end + 6))],
  // 十五届人大, 第三届: an ordinal of a session or an edition.
  ['ordinal of a session (届)', ({ body, q }) =>
    q.measure === '届' && (body[q.start - 1] === '第' || SESSION_AFTER.test(body.slice(q.end, q.end + 8)))],
  // 排名前5位, 位列第3名: a rank, not a count of persons.
  ['rank', ({ body, q }) =>
    (q.measure === '位' || q.measure === '名') && /[第前]$/.test(body.slice(Math.max(0, q.start - 1), q.start))],
  // 120吨级氢能矿卡, 5000吨级码头: a rating in a product's name.
  ['rating in a name (…级)', ({ body, q }) => body[q.end] === '级'],
  // 09:42:18, 9:30: parts of a clock time.
  ['clock time', ({ body, q }) =>
    /\d[:：]$/.test(body.slice(Math.max(0, q.start - 2), q.start)) || /^[:：]\d/.test(body.slice(q.end, q.end + 2))],
  // A headline figure the body repeats, or repeats with its decimal point lost (1535亿元 ~ 153.5亿元).
  ['headline restates the body', ({ q, unit, headlineEnd, bodyFigures }) =>
    q.start < headlineEnd && bodyFigures.some((b) => b.unit === unit && (b.value === q.value || digitsOf(b.text) === digitsOf(q.text)))],
  // 这次签约的6个项目分别为…: the same figure named again to list its parts.
  ['restatement in the body', ({ body, q, earlier }) =>
    earlier.some((e) => e.text === q.text && e.unit === q.unit) &&
    (/(这|此|上述|以上|这些|该)[^，,。；;]{0,8}$/.test(body.slice(Math.max(0, q.start - 10), q.start)) || /^[^，,。；;]{0,6}(分别|包括|分别为|分别是)/.test(body.slice(q.end, q.end + 10)))],
];

/** Why q is not a fact, or null when it is one. */
export function skipReason(x: SkipInput): string | null {
  for (const [reason, holds] of SKIP_RULES) if (holds(x)) return reason;
  return null;
}
