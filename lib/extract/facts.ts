// Turns the quantities of one article into facts: which metric, whose (park, region), which
// year and period, what kind (actual, target, forecast, plan), with the evidence sentence and
// the span of the figure. Every decision is made from the article text with explainable rules.
import { findQuantities } from './quantities';
import { isFinalAt, splitSentences, type Sentence } from './segment';
import { nounAfter } from './units';
import { CN_DIGIT } from './numerals';
import { UNCLASSIFIED_KEY } from './catalog';
import type { PlaceIndex, Mention } from './places';
import type { Article, ExtractedFact, FactKind, MetricDef, Quantity, SubjectRef, UnitCode } from './types';

export interface FactContext {
  /** Publication year (from --date), or null when unknown. */
  pubYear: number | null;
  places: PlaceIndex;
  catalog: MetricDef[];
}

const TARGET_CUES = ['力争', '争取', '确保', '目标', '计划完成', '计划实现', '计划新增', '计划', '预期目标', '任务是', '要达到', '努力实现', '将达到',
  // A year's programme stated in the future tense or as an order is an aim.
  '将新增', '将完成', '将实现', '将建成', '要在', '要实现', '要完成', '要新增', '要确保'];
const FORECAST_CUES = ['预计', '有望', '预期', '预测', '估计'];
const TOTAL_INVESTMENT = /总投资|投资总额/;
const UNDER_WAY = /施工|在建|建设中|正在建设|建成|竣工|投产|投用|运营/;

/** The paragraph around pos, at most 300 characters either side. */
/** 计划 used as a noun: right after a closing quote or 大 (八大计划), or before punctuation. */
function programmeName(text: string, k: number): boolean {
  const prev = text[k - 1] ?? '';
  const next = text[k + 2];
  return prev === '"' || prev === '”' || prev === '大' || next === undefined || /[，,。；;、"”）)的]/.test(next);
}

function paragraphAround(body: string, pos: number): string {
  let a = pos;
  while (a > 0 && pos - a < 300 && body[a - 1] !== '\n') a--;
  let b = pos;
  while (b < body.length && b - pos < 300 && body[b] !== '\n') b++;
  return body.slice(a, b);
}

const PLAN_CUES = ['总投资', '计划投资', '拟投资', '规划用地', '占地面积', '占地', '建筑面积', '规划面积', '投资总额'];
const PRESENT_CUES = ['截至目前', '目前', '近日', '日前', '当天', '当日', '现已', '至今', '今年以来'];
const AWARD_YEAR = /(?:授予|获评|评为|荣获|获得)[^，,。；;]{0,12}?(\d{4})年度/;
const CLAUSE_BREAK = /[，,：:]/;
const QUOTES = /["“”'‘’「」『』]/g;
const DATELINE = /^(?:本报讯|本报[^\s，,。]{0,12}讯)(?:[(（][^)）]{0,60}[)）])?/;
const ACTUAL_CUES = ['已完成', '完成了', '实现了', '已实现', '目前已', '已有', '已经', '截至目前', '实际完成'];
const GROWTH = /(增长|下降|增速|增幅|提高|降低|回落|上升)/;
/**
 * "湘潭经开区、湘潭高新区主导产业产值分别达到1500亿元、1000亿元": when a clause says 分别 after a list
 * of places joined by 、/和 and the figure is the n-th of a list of values joined the same way, its
 * subject is the n-th place. Null when the clause has no such pair of lists of equal length.
 */
function respectiveSubject(body: string, clause: { start: number; end: number }, q: Quantity, mentions: Resolved[]): SubjectRef | null {
  const text = body.slice(clause.start, clause.end);
  const at = text.indexOf('分别');
  if (at < 0 || q.start < clause.start + at) return null;
  const places = mentions.filter((m) => m.start >= clause.start && m.end <= clause.start + at);
  if (places.length < 2) return null;
  for (let i = 1; i < places.length; i++) {
    const gap = body.slice(places[i - 1]?.end ?? 0, places[i]?.start ?? 0);
    if (!/^[、和及与]$/.test(gap)) return null;
  }
  // The values: figures after 分别 separated by 、/和; which one is q?
  const after = body.slice(clause.start + at, clause.end);
  const values = [...after.matchAll(/[0-9０-９][0-9０-９.．,]*[^、和及，,。；;]*/g)];
  let n = -1;
  for (const [i, v] of values.entries()) {
    if (clause.start + at + (v.index ?? 0) <= q.start && q.start < clause.start + at + (v.index ?? 0) + v[0].length) n = i;
  }
  if (n < 0 || values.length !== places.length) return null;
  return places[n]?.subject ?? null;
}

/** A share of a goal reached so far: 完成年度目标任务的62%, 占年度计划的27.2%, 目标完成率达95%. */
const PROGRESS_SHARE = /(?:(?:完成|占)[^，,。；;]{0,10}(?:目标|任务|计划)[^，,。；;]{0,4}的|完成率(?:达到|达|为)?)$/;
/** A share of something larger: 占全市外贸总额的近七成, 占比, 比重. */
const SHARE_OF = /(?:占[^，,。；;]{0,14}的?|占比|比重)(?:达到|达|为|约|近|超过|超)?$/;
/** A fall named right before its figure: 同比下降3.2%, 回落了0.5个百分点. */
const DECREASE = /(?:下降|降低|减少|回落|下滑|下跌|收窄)了?(?:约|近|超过|超|达)?$/;
/** Words that make a count a total (a stock), not what was added. */
const STOCK = /总数|总量|累计达|共有|已达/;
/** A rate named right before its figure: 完成率56.5%, 占比达30%, 比重为12%. */
const OWN_RATE = /(?:率|占比|比重|比例)(?:达到|达|为|是|约|超过|超)?$/;

function yearOf(s: string): number | null {
  const v = Number(s);
  return v >= 1900 && v <= 2100 ? v : null;
}

/** A clause that is only a time phrase: 2022年, 2018年至2019年期间, 今年1至7月, 上半年. */
function timeClause(clause: string, pubYear: number | null): { year: number | null; period: string | null } | null {
  const c = clause.replace(/^(在|截至|截止|到)/, '').trim();
  const abs = /^(\d{4})年(?:度)?(?:(?:至|到|-|—)(\d{4})年)?(.{0,8})$/.exec(c);
  if (abs) {
    const rest = abs[3] ?? '';
    if (rest && !/^(以来|期间|上半年|下半年|前三季度|[一二三四1-4]季度|第[一二三四]季度|\d{1,2}(?:至|到|-|—)\d{1,2}月|\d{1,2}月(?:份|底|末)?|底|末|全年|年底|年末)$/.test(rest)) return null;
    return { year: yearOf(abs[2] ?? abs[1] ?? ''), period: periodOf(rest) };
  }
  const rel = /^(今年|去年|前年|明年|上年|当年|全年)(.{0,8})$/.exec(c);
  if (rel) {
    const rest = rel[2] ?? '';
    if (rest && !/^(以来|上半年|下半年|前三季度|[一二三四1-4]季度|\d{1,2}(?:至|到|-|—)\d{1,2}月|\d{1,2}月(?:份|底|末)?|底|末)$/.test(rest)) return null;
    return { year: relativeYear(rel[1] ?? '', pubYear), period: periodOf(rest) ?? (rel[1] === '全年' ? 'FY' : null) };
  }
  const per = /^(上半年|下半年|前三季度|[一二三四1-4]季度|第[一二三四]季度|\d{1,2}(?:至|到|-|—)\d{1,2}月)$/.exec(c);
  if (per) return { year: null, period: periodOf(per[1] ?? '') };
  return null;
}

function relativeYear(word: string, pubYear: number | null): number | null {
  if (pubYear === null) return null;
  switch (word) {
    case '今年':
    case '当年':
    case '全年':
      return pubYear;
    case '去年':
    case '上年':
      return pubYear - 1;
    case '前年':
      return pubYear - 2;
    case '明年':
      return pubYear + 1;
    default:
      return null;
  }
}

const QUARTER: Record<string, string> = { 一: 'Q1', 二: 'Q2', 三: 'Q3', 四: 'Q4', '1': 'Q1', '2': 'Q2', '3': 'Q3', '4': 'Q4' };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period a phrase names, or null. */
export function periodOf(s: string): string | null {
  if (!s) return null;
  if (s.includes('上半年')) return 'H1';
  if (s.includes('下半年')) return 'H2';
  if (s.includes('前三季度')) return 'M01-M09';
  const q = /(?:第)?([一二三四1-4])季度/.exec(s);
  if (q) return QUARTER[q[1] ?? ''] ?? null;
  const m = /(\d{1,2})月?(?:至|到|-|—|～|~)(\d{1,2})月/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 1 && b <= 12 && a < b) return `M${pad(a)}-M${pad(b)}`;
  }
  // 截至6月底: the year so far, January to June.
  const upTo = /(?:截至|截止|到)(?:今年|去年|\d{4}年)?(\d{1,2})月(?:底|末)/.exec(s);
  if (upTo) {
    const b = Number(upTo[1]);
    if (b >= 2 && b <= 11) return `M01-M${pad(b)}`;
  }
  if (s.includes('累计')) return 'cumulative';
  if (/全年|年度/.test(s)) return 'FY';
  return null;
}

const PERIOD_MARKERS = /上半年|下半年|前三季度|(?:第)?[一二三四1-4]季度|\d{1,2}月?(?:至|到|-|—|～|~)\d{1,2}月|(?:截至|截止|到)(?:今年|去年|\d{4}年)?\d{1,2}月(?:底|末)|全年/g;

/** The period named last in s (time spans only: 年度 in 年度任务 names a task, not a span). */
export function lastPeriodIn(s: string): string | null {
  let last: string | null = null;
  for (const m of s.matchAll(PERIOD_MARKERS)) last = m[0];
  return last === null ? null : periodOf(last);
}

/**
 * Where the sentence around pos starts when a semicolon does not count as an end; at most 300
 * characters back (each figure looks at a bounded window, so a page without full stops stays linear).
 */
function fullSentenceStart(body: string, pos: number): number {
  const floor = Math.max(0, pos - 300);
  for (let i = pos - 1; i >= floor; i--) {
    const ch = body[i] ?? '';
    if (ch === '\n' || (ch !== '；' && ch !== ';' && isFinalAt(body, i))) return i + 1;
  }
  return floor;
}

function firstYear(s: string): number | null {
  const re = /(\d{4})年/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const y = yearOf(m[1] ?? '');
    if (y !== null) return y;
  }
  return null;
}

/** The last explicit year written in s ("2018年至2019年" → 2019). */
function lastYear(s: string): number | null {
  const re = /(\d{4})年/g;
  let m: RegExpExecArray | null;
  let out: number | null = null;
  while ((m = re.exec(s))) out = yearOf(m[1] ?? '') ?? out;
  return out;
}

/** The last year that opens a clause of s (2023年…, 到2025年…), not an award's 年度. */
function lastLeadingYear(s: string): number | null {
  let out: number | null = null;
  for (const m of s.matchAll(/(?:^|[，,：:；;])\s*(?:在|到|至|截至|截止)?(\d{4})年(?!度)/g)) out = yearOf(m[1] ?? '') ?? out;
  return out;
}

/** How far a figure looks around itself: a run without punctuation can be megabytes long. */
const WINDOW = 300;

/** The sentence cut to WINDOW characters either side of the figure, so each figure costs O(WINDOW). */
function clampSentence(body: string, sn: Sentence, qStart: number, qEnd: number): Sentence {
  const start = Math.max(sn.start, qStart - WINDOW);
  const end = Math.min(sn.end, qEnd + WINDOW);
  return start === sn.start && end === sn.end ? sn : { text: body.slice(start, end), start, end };
}

function clauses(sentence: string, offset: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i === sentence.length || CLAUSE_BREAK.test(sentence[i] ?? '')) {
      out.push({ text: sentence.slice(start, i), start: offset + start, end: offset + i });
      start = i + 1;
    }
  }
  return out;
}

interface Resolved {
  start: number;
  end: number;
  subject: SubjectRef;
}

/** Resolves back-references (该区, 该市, bare 高新区) to the place they point at, in order. */
function resolveMentions(mentions: Mention[], ctx: FactContext): Resolved[] {
  const out: Resolved[] = [];
  let lastPark: string | null = null;
  let lastCountyCity: string | null = null;
  let lastCounty: string | null = null;
  let lastDistrict: string | null = null;
  for (const m of mentions) {
    if (m.kind === 'park') {
      lastPark = m.name;
      out.push({ start: m.start, end: m.end, subject: { type: 'park', name: m.name } });
    } else if (m.kind === 'region') {
      if (m.level === 'province') continue; // 湖南省"五好"园区: part of a title, rarely the subject
      if (m.level === 'county') {
        if (m.name.endsWith('市')) lastCountyCity = m.name;
        else if (m.name.endsWith('县')) lastCounty = m.name;
        else lastDistrict = m.name;
      }
      out.push({ start: m.start, end: m.end, subject: { type: 'region', name: m.name } });
    } else {
      let target: SubjectRef | null = null;
      if (m.ref === 'park') {
        if (m.suffix && lastPark && !lastPark.endsWith(m.suffix) && m.suffix !== '开发区') {
          // bare 高新区 after a 经开区 was named: find the park of the article's county later
          target = null;
        } else if (lastPark) target = { type: 'park', name: lastPark };
      } else if (m.ref === 'district') {
        if (lastPark) target = { type: 'park', name: lastPark };
        else if (lastDistrict) target = { type: 'region', name: lastDistrict };
      } else if (m.ref === 'city') {
        const name = lastCountyCity ?? ctx.places.cityName;
        if (name) target = { type: 'region', name };
      } else if (m.ref === 'county' && lastCounty) target = { type: 'region', name: lastCounty };
      if (target) out.push({ start: m.start, end: m.end, subject: target });
    }
  }
  return out;
}

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

function chooseMetric(catalog: MetricDef[], near: string, wider: string, after: string, unit: UnitCode): MetricDef | null {
  const b = stripQuotes(near);
  // "新增X企业6家，总数达到27家": the total is a stock; the 新增 of the clause before is not its word.
  const w = STOCK.test(b) ? stripQuotes(wider).replace(/新增|新认定|新引进|新培育/g, '') : stripQuotes(wider);
  const a = stripQuotes(after);
  let best: MetricDef | null = null;
  let bestScore = 0;
  for (const m of catalog) {
    if (m.key === UNCLASSIFIED_KEY || !unitsCompatible(m.unit, unit)) continue;
    let score = 0;
    for (const k of m.keywords) {
      // "A+B": every part must be there (工业投资+增长); the weight is where the parts stand.
      const parts = stripQuotes(k).split('+').filter(Boolean);
      if (parts.length === 0) continue;
      const len = parts.reduce((n, p) => n + p.length, 0);
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

const LABEL_TRIM = /^(以上|以下|左右|多|余|的|个|名|家|项|位)+/;

function labelFor(body: string, q: Quantity, clauseStart: number, places?: PlaceIndex): string {
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

const LABEL_TIME = /(今年以来|年以来|以来|上半年|下半年|前三季度|[一二三四1-4]季度|\d{1,2}[至到\-—~～]\d{1,2}月|\d{1,2}月份?|\d{4}年度?|今年|去年|全年|目前|截至目前|年底|年末|期间)/g;

/** Index of the last mention ending at or before pos, or -1. */
function lastMentionBefore(mentions: Resolved[], pos: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.end ?? Infinity) <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first mention starting at or after pos (mentions.length when none). */
function firstMentionFrom(mentions: Resolved[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Facts of one article. Figures written only in its headline are kept unless the body repeats them. */
export function extractArticleFacts(article: Article, ctx: FactContext): ExtractedFact[] {
  const body = article.body;
  const headLen = [article.subheadlines.join('\n'), article.headline].filter(Boolean).join('\n').length;
  const headlineEnd = body.indexOf('\n', Math.max(0, headLen - 1)) >= 0 ? Math.min(body.length, headLen) : 0;
  // The dateline (本报讯(记者 …)) opens the first sentence but is not part of what it says.
  const sentences = splitSentences(body).map((sn) => {
    const m = DATELINE.exec(sn.text);
    return m ? { text: sn.text.slice(m[0].length), start: sn.start + m[0].length, end: sn.end } : sn;
  });
  const quantities = findQuantities(body);
  const mentions = resolveMentions(ctx.places.find(body), ctx);

  // The article's own place: a place in its headline or dateline (湘乡记者站), else the city.
  const headMention = mentions.find((m) => m.start < headlineEnd);
  const station = /[(（]([^()（）]{2,4}?)记者站/.exec(body.slice(0, 200));
  let articleSubject: SubjectRef | null = headMention?.subject ?? null;
  if (!articleSubject && station) {
    const name = station[1] ?? '';
    const region = ctx.places.regionByName.get(name) ? name : ctx.places.regionByName.get(`${name}市`) ? `${name}市` : null;
    if (region) articleSubject = { type: 'region', name: region };
  }
  if (!articleSubject && ctx.places.cityName) articleSubject = { type: 'region', name: ctx.places.cityName };

  // The lead (first paragraph after the headline) sets the article's year when it names one.
  const leadStart = headlineEnd > 0 ? headlineEnd + 1 : 0;
  const leadEnd = body.indexOf('\n', leadStart);
  const leadYear = firstYear(body.slice(leadStart, leadEnd < 0 ? body.length : leadEnd));

  const bodyFigures = quantities.filter((q) => q.start >= headlineEnd);
  // Paragraph starts, walked with a pointer as the figures advance (no backward scans).
  const newlines: number[] = [];
  for (let k = body.indexOf('\n'); k >= 0; k = body.indexOf('\n', k + 1)) newlines.push(k);
  let nl = -1;
  const facts: ExtractedFact[] = [];
  let s = 0;
  for (const q of quantities) {
    if (q.unit === null || q.unit === 'day' || q.unit === 'month' || q.unit === 'year_count') continue;
    const unit = q.unit;
    const prev = body.slice(Math.max(0, q.start - 2), q.start);
    const chineseOnly = ![...q.text].some((ch) => /[0-9０-９]/.test(ch));
    if (chineseOnly && Number(q.value) <= 10 && !prev.endsWith('连续')) continue; // 两天内, 分两次: words, not statistics
    // 100亿元以上企业: a threshold that defines a class, not a figure.
    if (q.comparator !== 'eq' && /[\u4e00-\u9fff]/.test(body[q.end] ?? '') && ['CNY', 'USD', 'percent', 'mu', 'm2', 'ton', 'kwh'].includes(unit) && !/[的，,]/.test(body[q.end] ?? '')) continue;
    // 投资10亿元以上的项目有12个: the same class written with 的.
    if (q.comparator !== 'eq' && ['CNY', 'USD'].includes(unit) && /^的(重大|重点|大)?(项目|企业)/.test(body.slice(q.end, q.end + 6))) continue;
    if (q.start < headlineEnd && bodyFigures.some((b) => b.value === q.value && b.unit === unit)) continue;

    while (s < sentences.length - 1 && (sentences[s]?.end ?? 0) <= q.start) s++;
    const sentence: Sentence = clampSentence(body, sentences[s] ?? { text: body, start: 0, end: body.length }, q.start, q.end);
    const cls = clauses(sentence.text, sentence.start);
    const ci = Math.max(0, cls.findIndex((c) => q.start >= c.start && q.start <= c.end));
    const clause = cls[ci] ?? { text: sentence.text, start: sentence.start, end: sentence.end };
    const beforeInSentence = body.slice(sentence.start, q.start);
    const beforeInClause = body.slice(clause.start, q.start);
    const afterInClause = body.slice(q.end, clause.end);

    // Kind: plan cues in the same clause, else the nearest target/forecast cue before the figure.
    let kind: FactKind = 'actual';
    if (PLAN_CUES.some((c) => beforeInClause.includes(c))) {
      kind = 'plan';
      // The 总投资 of a project being built or already at work describes it; it is not an announcement.
      if (TOTAL_INVESTMENT.test(beforeInClause) && !/计划|拟|规划|签约|将/.test(beforeInSentence) && UNDER_WAY.test(paragraphAround(body, q.start))) kind = 'actual';
    } else {
      let at = -1;
      for (const c of TARGET_CUES) {
        let k = beforeInSentence.lastIndexOf(c);
        // 计划投资 is a project's plan figure, not a target of the sentence; "八大计划", 强链计划, 扩张计划:
        // a programme's name, not an intention.
        while (k >= 0 && (PLAN_CUES.some((p) => beforeInSentence.startsWith(p, k)) || (c === '计划' && programmeName(beforeInSentence, k))))
          k = beforeInSentence.lastIndexOf(c, k - 1);
        if (k > at) {
          at = k;
          kind = 'target';
        }
      }
      for (const c of FORECAST_CUES) {
        const k = beforeInSentence.lastIndexOf(c);
        if (k > at) {
          at = k;
          kind = 'forecast';
        }
      }
      // 力争……，目前已完成……: what has been done after the goal is an actual figure.
      if (at >= 0 && ACTUAL_CUES.some((c) => beforeInSentence.lastIndexOf(c) > at)) kind = 'actual';
      // …增长10%的目标任务: the goal is named after the figure.
      if (kind === 'actual' && /^(以上|左右)?的?(目标|任务|奋斗目标)/.test(afterInClause)) kind = 'target';
      // 完成年度目标任务的62%, 占年度计划的27%: progress against the goal, measured.
      if (kind === 'target' && (unit === 'percent' || unit === 'pp') && PROGRESS_SHARE.test(beforeInClause)) kind = 'actual';
    }

    // Year and period.
    let year: number | null = null;
    let period: string | null = null;
    let yearExplicit = false;
    const inClause = lastYear(beforeInClause);
    if (inClause !== null) {
      year = inClause;
      yearExplicit = true;
    }
    period = periodOf(beforeInClause);
    const award = AWARD_YEAR.exec(afterInClause);
    if (year === null && award) {
      year = yearOf(award[1] ?? '');
      yearExplicit = year !== null;
    }
    if (year === null || period === null) {
      // The nearest earlier clause of the sentence that is only a time phrase (2022年, 今年上半年).
      for (let k = ci - 1; k >= 0; k--) {
        const t = timeClause(cls[k]?.text ?? '', ctx.pubYear);
        if (t) {
          if (year === null && t.year !== null) {
            year = t.year;
            yearExplicit = true;
          }
          period ??= t.period;
          break;
        }
      }
    }
    if (year === null) {
      // Clauses ending in a year: "…规划实2022年" where a column break glued two sentences.
      const prevClause = cls[ci - 1]?.text ?? '';
      const tail = /(\d{4})年(?:以来)?$/.exec(prevClause);
      if (tail) year = yearOf(tail[1] ?? '');
    }
    if (year === null) {
      // 较上年/比去年同期 name the base of a comparison, not the year the figure is about.
      const rel = [...beforeInSentence.matchAll(/(今年|去年|前年|明年|上年)/g)].find(
        (m) => !/[较比同于与]$/.test(beforeInSentence.slice(0, m.index)) && !beforeInSentence.startsWith('同期', m.index + 2),
      );
      if (rel) year = relativeYear(rel[1] ?? '', ctx.pubYear);
    }
    if (year === null) {
      // A year that opens an earlier clause of the sentence covers the later ones (2023年力争新增X，
      // 技改投资增长Y; 到2025年，…；…达到Z). Not a year inside a clause (被授予2022年度称号).
      const y = lastLeadingYear(body.slice(fullSentenceStart(body, sentence.start), clause.start));
      if (y !== null) {
        year = y;
        yearExplicit = true;
      }
    }
    if (year === null && PRESENT_CUES.some((c) => sentence.text.includes(c))) year = ctx.pubYear;
    if (year === null) year = leadYear ?? ctx.pubYear;
    if (period === null && /全年|年度/.test(beforeInClause.slice(-6))) period = 'FY';
    // A period named earlier in the sentence covers its later clauses (上半年完成X，同比增长Y%), also
    // across a semicolon (今年上半年，实现产值X；完成投资Y), the latest one named winning
    // (下半年将……，力争全年……，新增Z: Z is for the whole year).
    if (period === null) {
      const p = lastPeriodIn(body.slice(fullSentenceStart(body, sentence.start), clause.start));
      if (p && p !== 'cumulative') period = p;
    }
    // 到2025年，产值突破6000亿元: a figure for a year still to come is an aim, not a result.
    if (kind === 'actual' && ctx.pubYear !== null && year !== null && year > ctx.pubYear) kind = 'target';

    // Subject: the nearest place before the figure in its sentence, else the topic of the nearest
    // earlier sentence of the paragraph that names one, else the article's own place.
    let subject: SubjectRef | null = null;
    let subjectLocal = false;
    {
      // Mentions are in text order: binary-search the last one that ends before the figure.
      const k = lastMentionBefore(mentions, q.start);
      const m = k >= 0 ? mentions[k] : undefined;
      if (m && m.start >= sentence.start) {
        subject = m.subject;
        subjectLocal = true;
      }
    }
    if (!subject) {
      while (nl + 1 < newlines.length && (newlines[nl + 1] ?? Infinity) < sentence.start) nl++;
      const paraStart = nl >= 0 ? (newlines[nl] ?? -1) + 1 : 0;
      for (let k = s - 1; k >= 0 && !subject; k--) {
        const prevS = sentences[k];
        if (!prevS || prevS.end <= paraStart) break;
        const first = mentions[firstMentionFrom(mentions, prevS.start)];
        if (first && first.end <= prevS.end) subject = first.subject;
      }
    }
    subject ??= articleSubject;
    // A、B……分别达到X、Y: the n-th figure of the list belongs to the n-th place of the list.
    const respectively = respectiveSubject(body, clause, q, mentions);
    if (respectively) subject = respectively;

    // Cue words: those of the same list item (after the last 、) weigh most, then the words right
    // after the figure, then the rest of the sentence before it.
    const itemStart = Math.max(clause.start, sentence.start + sentence.text.lastIndexOf('、', q.start - sentence.start - 1) + 1);
    // The measure word belongs to what is counted (8类突出问题: categories, not problems).
    const afterWords = (q.measure ?? '') + afterInClause.slice(0, 14);
    const widerWords = body.slice(Math.max(sentence.start, q.start - 40), itemStart);
    const metric = chooseMetric(ctx.catalog, body.slice(itemStart, q.start), widerWords, afterWords, unit);
    let chosen = metric;
    let label = metric ? metric.nameZh : labelFor(body, q, clause.start, ctx.places);
    // 完成X亿元，同比增长Y%: a growth rate without its own cue is the growth of the figure before it.
    const previous = facts[facts.length - 1];
    if (!metric && (unit === 'percent' || unit === 'pp') && GROWTH.test(beforeInClause) && previous && previous.span[1] > sentence.start) {
      if (unit === 'pp') {
        label = `${previous.metric.label}${previous.unit === 'percent' ? '' : '增速'}变动`;
      } else if (previous.unit === 'percent') {
        // 同比分别下降25%和33.3%: a second rate in a row is the same kind of rate.
        chosen = ctx.catalog.find((m) => m.key === previous.metric.key) ?? null;
        label = previous.metric.label;
      } else {
        const growthKey = `${previous.metric.key}_growth`;
        chosen = ctx.catalog.find((m) => m.key === growthKey) ?? null;
        label = chosen ? chosen.nameZh : `${previous.metric.label}增速`;
      }
    }
    // 分别达到1500亿元、1000亿元: the values of one list measure the same thing.
    if (previous && previous.span[1] > clause.start && /^[、和及]$/.test(body.slice(previous.span[1], q.start)) && previous.unit === unit) {
      chosen = ctx.catalog.find((m) => m.key === previous.metric.key) ?? null;
      label = previous.metric.label;
    }
    // Nothing in the sentence: the article's headline tells what it is about (…培训班举行: 55名 are trainees);
    // not for a rate the sentence names itself (完成率56.5%, 占比30%): that is no headline figure.
    const namesOwnRate = (unit === 'percent' || unit === 'pp') && OWN_RATE.test(beforeInClause);
    if (!chosen && !namesOwnRate) {
      const fromHeadline = chooseMetric(ctx.catalog, '', `${widerWords}\n${[...article.subheadlines, article.headline].join('\n')}`, afterWords, unit);
      if (fromHeadline) {
        chosen = fromHeadline;
        label = fromHeadline.nameZh;
      }
    }
    if (unit === 'percent' || unit === 'pp') {
      // 占全市外贸总额的近七成: a share, not a growth rate.
      if (chosen?.valueType === 'growth' && SHARE_OF.test(beforeInClause)) {
        chosen = null;
        label = labelFor(body, q, clause.start, ctx.places);
      }
      // 下降3.2%: the value stays as written (3.2), so a fall must not join a growth series as +3.2;
      // it is kept unclassified as a decline (降幅) for the reviewer.
      const falls = DECREASE.test(beforeInClause) || (previous?.metric.label.endsWith('降幅') === true && previous.span[1] > clause.start && /^[和及、与]$/.test(body.slice(previous.span[1], q.start)));
      if (falls && unit === 'percent' && (chosen === null || chosen.valueType === 'growth') && !/(降幅|变动)$/.test(label)) {
        label = `${(chosen?.nameZh ?? label).replace(/(增速|增幅|增长)$/, '')}降幅`;
        chosen = null;
      }
    }

    let confidence = 0.55;
    if (chosen) confidence += 0.2;
    if (subjectLocal) confidence += 0.1;
    if (yearExplicit) confidence += 0.1;
    if (chineseOnly) confidence -= 0.15;
    confidence = Math.round(Math.min(0.95, Math.max(0.1, confidence)) * 100) / 100;

    facts.push({
      article: article.headline,
      value: q.value,
      unit,
      raw: q.text,
      comparator: q.comparator,
      kind,
      year,
      period,
      subject,
      metric: { key: chosen?.key ?? UNCLASSIFIED_KEY, label },
      evidence: sentence.text.trim(),
      span: [q.start, q.end],
      confidence,
    });
  }
  return facts;
}

export { CN_DIGIT };
