// Stage 3 — year and period: the year the figure is about (not the publication's, unless it is
// about that year) and the span it covers (FY, H1, Q3, M01-M07, cumulative).
import type { FactKind } from '../types';
import { type DocContext, type Figure, fullSentenceStart, paragraphStart } from './figure';

const PRESENT_CUES = ['截至目前', '目前', '近日', '日前', '当天', '当日', '现已', '至今', '今年以来', '如今', '现在'];
const AWARD_YEAR = /(?:授予|获评|评为|荣获|获得)[^，,。；;]{0,12}?(\d{4})年度/;
const QUARTER: Record<string, string> = { 一: 'Q1', 二: 'Q2', 三: 'Q3', 四: 'Q4', '1': 'Q1', '2': 'Q2', '3': 'Q3', '4': 'Q4' };
const DURATION_UNITS = new Set(['other:分钟', 'other:小时', 'other:秒']);
const TAKES = /(?:只需|仅需|只要|需要|需|要|用时|耗时)$/;
/** An evaluation's result (获评, 评为, 考核): published early in a year, it is about the year before. */
const EVALUATION = /获评|评为|评定为|考核(?:中|为|结果)|评比|评选/;
const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
/** A month written in digits or Chinese numerals (7, 七, 十一). */
const MONTH = '(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])';

/** A span of the year as a time phrase writes it (上半年, 一至三季度, 1至7月, 一至七月, 前5个月). */
const SPAN = `上半年|下半年|前三季度|[一1](?:至|到|-|—|～|~)[二三2-3]季度|第?[一二三四1-4]季度|${MONTH}月?(?:至|到|-|—|～|~)${MONTH}月|前(?:\\d{1,2}|十一|[一二两三四五六七八九十])个?月`;
const ABS_REST = new RegExp(`^(?:以来|期间|间|${SPAN}|\\d{1,2}月(?:份|底|末)?|底|末|全年|年底|年末)$`);
const REL_REST = new RegExp(`^(?:以来|同期|${SPAN}|\\d{1,2}月(?:份|底|末)?|底|末)$`);
const SPAN_ONLY = new RegExp(`^(?:${SPAN})$`);

function monthOf(s: string): number {
  return /\d/.test(s) ? Number(s) : (CN_SMALL[s] ?? 0);
}

export function yearOf(s: string): number | null {
  const v = Number(s);
  return v >= 1900 && v <= 2100 ? v : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period a phrase names, or null. */
export function periodOf(s: string): string | null {
  if (!s) return null;
  if (s.includes('上半年')) return 'H1';
  if (s.includes('下半年')) return 'H2';
  if (s.includes('前三季度')) return 'M01-M09';
  // 一至三季度, 1-2季度: the year so far from January, not the last quarter named.
  const qs = /([一1])(?:至|到|-|—|～|~)([二三2-3])季度/.exec(s);
  if (qs) return qs[2] === '二' || qs[2] === '2' ? 'H1' : 'M01-M09';
  const q = /(?:第)?([一二三四1-4])季度/.exec(s);
  if (q) return QUARTER[q[1] ?? ''] ?? null;
  const m = new RegExp(`(${MONTH})月?(?:至|到|-|—|～|~)(${MONTH})月`).exec(s);
  if (m) {
    const a = monthOf(m[1] ?? '');
    const b = monthOf(m[2] ?? '');
    if (a >= 1 && b <= 12 && a < b) return `M${pad(a)}-M${pad(b)}`;
  }
  // 前5个月, 前十个月, 前5月: January to the n-th month.
  const first = /(?<!提)前(\d{1,2}|十一|[一二两三四五六七八九十])个?月/.exec(s);
  if (first) {
    const n = /\d/.test(first[1] ?? '') ? Number(first[1]) : (CN_SMALL[first[1] ?? ''] ?? 0);
    if (n >= 2 && n <= 11) return `M01-M${pad(n)}`;
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

const PERIOD_MARKERS = /上半年|下半年|前三季度|[一1](?:至|到|-|—|～|~)[二三2-3]季度|(?:第)?[一二三四1-4]季度|(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月?(?:至|到|-|—|～|~)(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月|前(?:\d{1,2}|十一|[一二两三四五六七八九十])个?月|(?:截至|截止|到)(?:今年|去年|\d{4}年)?\d{1,2}月(?:底|末)|全年/g;

/** The period named last in s (time spans only: 年度 in 年度任务 names a task, not a span). */
export function lastPeriodIn(s: string): string | null {
  let last: string | null = null;
  for (const m of s.matchAll(PERIOD_MARKERS)) last = m[0];
  return last === null ? null : periodOf(last);
}

export function relativeYear(word: string, pubYear: number | null): number | null {
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

/** A clause that is only a time phrase: 2022年, 从2018年到2023年, 今年1至7月, 上半年. */
export function timeClause(clause: string, pubYear: number | null): { year: number | null; period: string | null } | null {
  const c = clause.replace(/^(在|截至|截止|到|从|自|于)/, '').trim();
  const abs = /^(\d{4})年(?:度)?(?:(?:至|到|-|—)(\d{4})年)?(.{0,8})$/.exec(c);
  if (abs) {
    const rest = abs[3] ?? '';
    if (rest && !ABS_REST.test(rest)) return null;
    return { year: yearOf(abs[2] ?? abs[1] ?? ''), period: periodOf(rest) ?? (/^(?:截至|截止|到)/.test(clause.trim()) ? periodOf(clause) : null) };
  }
  const rel = /^(今年|去年|前年|明年|上年|当年|全年)(.{0,8})$/.exec(c);
  if (rel) {
    const rest = rel[2] ?? '';
    if (rest && !REL_REST.test(rest)) return null;
    // 截至今年10月底: the year so far (periodOf reads 截至 with the month).
    // 全年 alone names the span, not the year (in a paper of January it is the year just ended).
    return { year: rel[1] === '全年' ? null : relativeYear(rel[1] ?? '', pubYear), period: periodOf(clause) ?? periodOf(rest) ?? (rel[1] === '全年' ? 'FY' : null) };
  }
  if (SPAN_ONLY.test(c)) return { year: null, period: periodOf(c) };
  return null;
}

/** The last explicit year written in s ("2018年至2019年" → 2019). */
function lastYear(s: string): number | null {
  let out: number | null = null;
  for (const m of s.matchAll(/(\d{4})年/g)) out = yearOf(m[1] ?? '') ?? out;
  return out;
}

/** The last year that opens a clause of s (2023年…, 到2025年…), not an award's 年度. */
function lastLeadingYear(s: string): number | null {
  let out: number | null = null;
  for (const m of s.matchAll(/(?:^|[，,：:；;])\s*(?:在|到|至|截至|截止|从|于)?(\d{4})年(?!度)/g)) out = yearOf(m[1] ?? '') ?? out;
  return out;
}

/** The first year written in s, for the lead of an article. */
export function firstYear(s: string): number | null {
  for (const m of s.matchAll(/(\d{4})年/g)) {
    const y = yearOf(m[1] ?? '');
    if (y !== null) return y;
  }
  return null;
}

/** The year a paragraph sets for what follows when it opens with one (2025年以来，…; 2024年，…). */
export function openingYear(paragraph: string): number | null {
  const m = /^(?:在|截至|截止|到|从)?(\d{4})年(?:以来|上半年|前三季度|全年|1至\d{1,2}月|[，,])/.exec(paragraph);
  return m ? yearOf(m[1] ?? '') : null;
}

/** The article's year at pos: the last paragraph opening with a year before it, else the lead's. */
export function docYearAt(doc: DocContext, pos: number): number | null {
  let lo = 0;
  let hi = doc.docYears.length - 1;
  let y: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = doc.docYears[mid];
    if (d && d.from <= pos) {
      y = d.year;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return y;
}

/** The last month a period covers (FY → 12, H1 → 6, Q3 → 9, M01-M07 → 7); null for cumulative. */
export function periodEndMonth(period: string): number | null {
  if (period === 'FY' || period === 'H2' || period === 'Q4') return 12;
  if (period === 'H1' || period === 'Q2') return 6;
  if (period === 'Q1') return 3;
  if (period === 'Q3') return 9;
  const m = /^M\d{2}-M(\d{2})$/.exec(period);
  return m ? Number(m[1]) : null;
}

export interface TimeResult {
  year: number | null;
  period: string | null;
  /** The year is written in the figure's own sentence. */
  explicit: boolean;
}

/** Year and period of a figure of the given kind. */
export function timeOf(fig: Figure, doc: DocContext, kind: FactKind): TimeResult {
  const { body, pubYear } = doc;
  const { beforeInClause, afterInClause, beforeInSentence, clauses: cls, ci, sentence, clause } = fig;
  let year: number | null = null;
  let explicit = false;
  /** The year is only the issue's, for want of any other. */
  let issueYear = false;
  const inClause = lastYear(beforeInClause);
  // 目前/截至目前 in the figure's own clause: now, whatever year an earlier clause named.
  const nowInClause = /目前|截至目前|至今|现已|如今|现在/.test(beforeInClause);
  if (inClause !== null) {
    year = inClause;
    explicit = true;
  }
  // How long something takes (过去要40分钟，如今只需12分钟): a property of a route or a procedure, like
  // a capacity, not an amount of a year — unless the clause names one.
  if (year === null && DURATION_UNITS.has(fig.unit) && TAKES.test(beforeInClause.replace(/[约近仅才就]+$/, ''))) return { year: null, period: null, explicit: false };
  let period = periodOf(beforeInClause);
  const award = AWARD_YEAR.exec(afterInClause);
  if (year === null && award) {
    year = yearOf(award[1] ?? '');
    explicit = year !== null;
  }
  if (!nowInClause && (year === null || period === null)) {
    // The nearest earlier clause of the sentence that is only a time phrase (2022年, 今年上半年).
    for (let k = ci - 1; k >= 0; k--) {
      const t = timeClause(cls[k]?.text ?? '', pubYear);
      if (t) {
        if (year === null && t.year !== null) {
          year = t.year;
          explicit = true;
        }
        // 截至今年10月底，全市累计完成…: within a year named, 累计 is the year so far.
        if (period === 'cumulative' && t.period?.startsWith('M01-') && /今年|\d{4}年/.test(cls[k]?.text ?? '')) period = t.period;
        period ??= t.period;
        break;
      }
    }
  }
  if (year === null && !nowInClause) {
    // Clauses ending in a year: "…规划实2022年" where a column break glued two sentences.
    const tail = /(\d{4})年(?:以来)?$/.exec(cls[ci - 1]?.text ?? '');
    if (tail) year = yearOf(tail[1] ?? '');
  }
  if (year === null) {
    // 较上年/比去年同期 name the base of a comparison, not the year the figure is about.
    // The last one before the figure speaks for it (去年订单增长三成，今年前8个月产值5.6亿元).
    const rel = [...beforeInSentence.matchAll(/(今年|去年|前年|明年|上年)/g)]
      .filter((m) => !/[较比同于与]$/.test(beforeInSentence.slice(0, m.index)) && !beforeInSentence.startsWith('同期', m.index + 2))
      // 订单已排到明年3月，预计全年…: a date in an earlier clause says when something happens, not the figure's year.
      .filter((m) => !((m.index ?? 0) < clause.start - sentence.start && /^\d{1,2}月/.test(beforeInSentence.slice((m.index ?? 0) + 2))))
      .pop();
    if (rel && !(nowInClause && (rel.index ?? 0) < clause.start - sentence.start)) year = relativeYear(rel[1] ?? '', pubYear);
  }
  if (year === null && !nowInClause) {
    // A year that opens an earlier clause of the sentence covers the later ones (2023年力争新增X，
    // 技改投资增长Y; 到2025年，…；…达到Z). Not a year inside a clause (被授予2022年度称号).
    const y = lastLeadingYear(body.slice(fullSentenceStart(body, sentence.start), clause.start));
    if (y !== null) {
      year = y;
      explicit = true;
    }
  }
  if (year === null && kind === 'plan') {
    // A project's size is not about a year unless the article reports an event of its year
    // (集中开工, 签约) or the sentence names one.
    // The figure is the capacity (年产5万吨), not a figure after a name that opens with one (年产…项目总投资).
    const capacity = /(?:年产(?!值)|产能|年处理|装机)[^，,。；;]{0,6}$/.test(beforeInClause);
    const present = /近日|日前|当天|目前|正在|即将/.test(doc.body.slice(Math.max(paragraphStart(doc, sentence.start), sentence.start - 300), sentence.end));
    // A stock counted now (共有/现有…18个), a project built in phases (分两期建设: under way), or a
    // part of a set the article reports (其中，…) is the article's year too.
    const now = /共有|现有/.test(beforeInSentence) || /分[一二两三四五六\d]期(?:建设|实施|推进|开发)/.test(sentence.text) || /^\s*其中[，,]/.test(sentence.text);
    if (!capacity && (doc.eventArticle || present || now || /开工|签约|签订|签署|竣工|投产|集中|此次|本次|这次|今年/.test(beforeInSentence + afterInClause))) year = docYearAt(doc, fig.q.start) ?? pubYear;
    return { year, period: period ?? lastPeriodBefore(fig, doc), explicit };
  }
  if (year === null && (nowInClause || PRESENT_CUES.some((c) => sentence.text.includes(c)))) year = pubYear ?? docYearAt(doc, fig.q.start);
  if (year === null) {
    year = docYearAt(doc, fig.q.start);
    // 全市获评先进园区…, in a paper of January to March: the evaluation of the year before.
    if (year === null && pubYear !== null) {
      year = doc.pubMonth !== null && doc.pubMonth <= 3 && EVALUATION.test(sentence.text) ? pubYear - 1 : pubYear;
      issueYear = true;
    }
  }
  if (period === null && /全年|年度/.test(beforeInClause.slice(-6))) period = 'FY';
  period ??= lastPeriodBefore(fig, doc);
  // 1至11月/全年/前三季度 reported as done in a paper of January to March: a span ending in autumn or
  // later is over only in the year before (一季度 may be reported while it runs: 一季度集中开工).
  const ends = period === null ? null : periodEndMonth(period);
  if (issueYear && kind === 'actual' && year !== null && ends !== null && ends >= 9 && doc.pubMonth !== null && doc.pubMonth <= 3) year -= 1;
  return { year, period, explicit };
}

/**
 * A period named earlier in the sentence covers its later clauses (上半年完成X，同比增长Y%), also
 * across a semicolon, the latest one named winning (下半年将……，力争全年……，新增Z: Z is for the year).
 */
function lastPeriodBefore(fig: Figure, doc: DocContext): string | null {
  const p = lastPeriodIn(doc.body.slice(fullSentenceStart(doc.body, fig.sentence.start), fig.clause.start));
  return p && p !== 'cumulative' ? p : null;
}
