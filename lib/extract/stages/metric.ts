// Stage 5 — metric and label: which catalogue metric the figure measures (or "unclassified")
// and a short Chinese label of what is measured.
import { nounAfter } from '../units';
import { UNCLASSIFIED_KEY } from '../catalog';
import type { PlaceIndex } from '../places';
import type { ExtractedFact, MetricDef, Quantity, UnitCode } from '../types';
import type { DocContext, Figure } from './figure';

const QUOTES = /["“”'‘’「」『』]/g;
const GROWTH = /(增长|下降|增速|增幅|提高|降低|回落|上升)/;
/** A share of something larger: 占全市外贸总额的近七成, 占比, 比重. */
const SHARE_OF = /(?:占[^，,。；;]{0,14}的?|占比|比重)(?:达到|达|为|约|近|超过|超)?$/;
/** A fall named right before its figure: 同比下降3.2%, 回落了0.5个百分点. */
const DECREASE = /(?:下降|降低|减少|回落|下滑|下跌|收窄)了?(?:约|近|超过|超|达)?$/;
/** Words that make a count a total (a stock), not what was added. */
const STOCK = /总数|总量|累计达|共有|已达/;
/** A rate named right before its figure: 完成率56.5%, 占比达30%, 比重为12%. */
const OWN_RATE = /(?:率|占比|比重|比例)(?:达到|达|为|是|约|超过|超)?$/;
const LABEL_TRIM = /^(以上|以下|左右|多|余|的|个|名|家|项|位)+/;
const LABEL_TIME = /(今年以来|年以来|以来|上半年|下半年|前三季度|[一二三四1-4]季度|\d{1,2}[至到\-—~～]\d{1,2}月|\d{1,2}月份?|\d{4}年度?|今年|去年|全年|目前|截至目前|年底|年末|期间)/g;

function unitsCompatible(metricUnit: UnitCode, q: UnitCode): boolean {
  if (metricUnit === q) return true;
  // Not percent ↔ pp: 提高2.1个百分点 is a change of a rate; stored as the rate it would corrupt its series.
  if (metricUnit === 'project' && q === 'item') return true;
  if (metricUnit === 'item' && q === 'project') return true;
  return false;
}

function stripQuotes(s: string): string {
  return s.replace(QUOTES, '');
}

interface CompiledMetric {
  m: MetricDef;
  /** Each keyword's parts ("A+B": every part must be there) and their length. */
  keywords: { parts: string[]; len: number }[];
}

/** The catalogue's metrics by the unit of the figure, keywords split once (not per figure). */
const compiled = new WeakMap<MetricDef[], Map<UnitCode, CompiledMetric[]>>();

function metricsFor(catalog: MetricDef[], unit: UnitCode): CompiledMetric[] {
  let byUnit = compiled.get(catalog);
  if (!byUnit) {
    byUnit = new Map();
    compiled.set(catalog, byUnit);
  }
  let list = byUnit.get(unit);
  if (!list) {
    list = catalog
      .filter((m) => m.key !== UNCLASSIFIED_KEY && unitsCompatible(m.unit, unit))
      .map((m) => ({
        m,
        keywords: m.keywords
          .map((k) => stripQuotes(k).split('+').filter(Boolean))
          .filter((parts) => parts.length > 0)
          .map((parts) => ({ parts, len: parts.reduce((n, p) => n + p.length, 0) })),
      }));
    byUnit.set(unit, list);
  }
  return list;
}

export function chooseMetric(catalog: MetricDef[], near: string, wider: string, after: string, unit: UnitCode): MetricDef | null {
  const b = stripQuotes(near);
  // "新增X企业6家，总数达到27家": the total is a stock; the 新增 of the clause before is not its word.
  const w = STOCK.test(b) ? stripQuotes(wider).replace(/新增|新认定|新引进|新培育/g, '') : stripQuotes(wider);
  const a = stripQuotes(after);
  let best: MetricDef | null = null;
  let bestScore = 0;
  for (const { m, keywords } of metricsFor(catalog, unit)) {
    let score = 0;
    for (const { parts, len } of keywords) {
      // The weight is where the parts stand: the figure's own words, the words after it, the sentence.
      if (parts.every((p) => b.includes(p))) score += len * 4;
      else if (parts.every((p) => a.includes(p))) score += len * 2;
      else if (parts.every((p) => b.includes(p) || a.includes(p) || w.includes(p))) score += len;
    }
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

export function labelFor(body: string, q: Quantity, clauseStart: number, places?: PlaceIndex): string {
  const after = nounAfter(body, q.end).replace(LABEL_TRIM, '').replace(QUOTES, '');
  // The noun phrase ends at a particle or at the verb that follows it (150余名科技特派员参加).
  const cut = after.search(/[了在为和与及、是将对被把从的]|参加|参与|参会|接受|观看|入驻|出席|完成|实现|达到|提供|进行|开展|签约|落户|获得|受到/);
  const noun = (cut > 0 ? after.slice(0, cut) : after).slice(0, 10);
  if (noun.length >= 2) return noun;
  let before = body
    .slice(Math.max(clauseStart, q.start - 20), q.start)
    .replace(QUOTES, '')
    .replace(/(达到|达|为|实现|完成|增长|下降|降低|减少|回落|下滑|下跌|共计|共|累计|超过|近|约|约为|突破|同比|比上年|较上年|了)+$/, '');
  // What is measured, without the time (今年以来, 上半年), the place (岳塘区) or the verb (实现) before it.
  const time = [...before.matchAll(LABEL_TIME)].pop();
  if (time?.index !== undefined) before = before.slice(time.index + time[0].length);
  const place = places?.find(before).filter((m) => m.start === 0).pop();
  if (place) before = before.slice(place.end);
  // Whole-area words and 共 are scope, not what is measured (全区共开展专项督查 → 开展专项督查).
  before = before.replace(/^[，,、：:]+/, '').replace(/^(全市|全区|全县|全省|我市|我区|我县)?(共计|共|累计|总共)?/, '');
  // The leading verb goes (实现产值 → 产值), unless it is part of a compound noun (完成率).
  const noVerb = before.replace(/^(实现了|实现|完成了|完成|共有|拥有|有)/, '');
  if (noVerb.length >= 2) before = noVerb;
  return before.slice(-10) || '数值';
}

export interface MetricResult {
  metric: MetricDef | null;
  label: string;
}

/** The metric of a figure; `previous` is the fact reported just before it in the article. */
export function metricOf(fig: Figure, doc: DocContext, previous: ExtractedFact | undefined): MetricResult {
  const { body, catalog, places } = doc;
  const { q, unit, sentence, clause, beforeInClause, afterInClause } = fig;
  // Cue words: those of the same list item (after the last 、) weigh most, then the words right
  // after the figure, then the rest of the sentence before it.
  const itemStart = Math.max(clause.start, sentence.start + sentence.text.lastIndexOf('、', q.start - sentence.start - 1) + 1);
  // The measure word belongs to what is counted (8类突出问题: categories, not problems).
  const afterWords = (q.measure ?? '') + afterInClause.slice(0, 14);
  const widerWords = body.slice(Math.max(sentence.start, q.start - 40), itemStart);
  const metric = chooseMetric(catalog, body.slice(itemStart, q.start), widerWords, afterWords, unit);
  let chosen = metric;
  let label = metric ? metric.nameZh : labelFor(body, q, clause.start, places);
  // 完成X亿元，同比增长Y%: a growth rate without its own cue is the growth of the figure before it.
  if (!metric && (unit === 'percent' || unit === 'pp') && GROWTH.test(beforeInClause) && previous && previous.span[1] > sentence.start) {
    if (unit === 'pp') {
      label = `${previous.metric.label}${previous.unit === 'percent' ? '' : '增速'}变动`;
    } else if (previous.unit === 'percent') {
      // 同比分别下降25%和33.3%: a second rate in a row is the same kind of rate.
      chosen = catalog.find((m) => m.key === previous.metric.key) ?? null;
      label = previous.metric.label;
    } else {
      const growthKey = `${previous.metric.key}_growth`;
      chosen = catalog.find((m) => m.key === growthKey) ?? null;
      label = chosen ? chosen.nameZh : `${previous.metric.label}增速`;
    }
  }
  // 分别达到1500亿元、1000亿元: the values of one list measure the same thing.
  if (previous && previous.span[1] > clause.start && /^[、和及]$/.test(body.slice(previous.span[1], q.start)) && previous.unit === unit) {
    chosen = catalog.find((m) => m.key === previous.metric.key) ?? null;
    label = previous.metric.label;
  }
  // Nothing in the sentence: the article's headline tells what it is about (…培训班举行: 55名 are trainees);
  // not for a rate the sentence names itself (完成率56.5%, 占比30%): that is no headline figure.
  const namesOwnRate = (unit === 'percent' || unit === 'pp') && OWN_RATE.test(beforeInClause);
  if (!chosen && !namesOwnRate) {
    const fromHeadline = chooseMetric(catalog, '', `${widerWords}\n${[...doc.subheadlines, doc.headline].join('\n')}`, afterWords, unit);
    if (fromHeadline) {
      chosen = fromHeadline;
      label = fromHeadline.nameZh;
    }
  }
  if (unit === 'percent' || unit === 'pp') {
    // 占全市外贸总额的近七成: a share, not a growth rate.
    if (chosen?.valueType === 'growth' && SHARE_OF.test(beforeInClause)) {
      chosen = null;
      label = labelFor(body, q, clause.start, places);
    }
    // 下降3.2%: the value stays as written (3.2), so a fall must not join a growth series as +3.2;
    // it is kept unclassified as a decline (降幅) for the reviewer.
    const falls = DECREASE.test(beforeInClause) || (previous?.metric.label.endsWith('降幅') === true && previous.span[1] > clause.start && /^[和及、与]$/.test(body.slice(previous.span[1], q.start)));
    if (falls && unit === 'percent' && (chosen === null || chosen.valueType === 'growth') && !/(降幅|变动)$/.test(label)) {
      label = `${(chosen?.nameZh ?? label).replace(/(增速|增幅|增长)$/, '')}降幅`;
      chosen = null;
    }
  }
  return { metric: chosen, label };
}
