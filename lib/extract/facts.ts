// Turns the quantities of one article into facts. The work is done by named, pure stages
// (lib/extract/stages/): skip rules → kind → year/period → subject → metric/label → confidence.
// This file only builds what the stages read (the article's context, each figure's sentence
// and clause) and runs them in order; a new rule belongs in the stage it decides for.
import { findQuantities } from './quantities';
import { splitSentences, type Sentence } from './segment';
import { CN_DIGIT } from './numerals';
import { UNCLASSIFIED_KEY } from './catalog';
import type { PlaceIndex } from './places';
import type { Article, ExtractedFact, MetricDef, Quantity, UnitCode } from './types';
import { type DocContext, figureOf } from './stages/figure';
import { skipReason } from './stages/skip';
import { kindForYear, kindOf } from './stages/kind';
import { firstYear, openingYear, timeOf } from './stages/time';
import { homeOf, regionOfOutlet, resolveMentions, subjectOf } from './stages/subject';
import { metricOf } from './stages/metric';
import { confidenceOf } from './stages/confidence';

export { periodOf, lastPeriodIn } from './stages/time';

export interface FactContext {
  /** Publication year (from --date), or null when unknown. */
  pubYear: number | null;
  /** Publication month (1–12, from --date), or null. */
  pubMonth?: number | null;
  places: PlaceIndex;
  catalog: MetricDef[];
  /** The publication's name (--publication), which sets what 我市/全县 stand for. */
  publication?: string;
}

/**
 * A dateline or byline opening the body's first paragraph: 本报讯(记者 …), 株洲日报讯, 华声在线12月2日讯,
 * 湘潭县融媒体中心讯, 郴州发布, (记者 张某 通讯员 李某), any source tag with a date (红网时刻新闻11月3日讯,
 * 长沙晚报掌上长沙5月30日讯), a portal's reporter line (红网时刻新闻记者 唐亚 通讯员 何平 永州报道).
 * Not part of what the sentence says.
 */
export const DATELINE =
  /^(?:(?:本报讯|本报[^\s，,。]{0,12}讯|[^\s，,。“”]{0,12}(?:日报|晚报|在线|融媒体中心|融媒|新闻网|客户端|报|网|台)(?:\d{1,2}月\d{1,2}日)?讯|[^\s，,。“”]{0,16}?\d{1,2}月\d{1,2}日讯|[^\s，,。“”()（）]{0,12}?记者[^\s，,。“”()（）]{2,30}?报道|[^\s，,。“”]{2,8}发布(?=\s))\s*(?:[(（][^)）]{0,60}[)）])?|[(（](?:本报)?(?:记者|通讯员)[^)）]{0,60}[)）])[\s…]*/;
const EVENT = /集中开工|开工|签约|签订|签署|竣工|投产|揭牌|落户/;

/** Offset just after the first n lines of body (0 when n is 0). */
function afterLines(body: string, n: number): number {
  let at = 0;
  for (let k = 0; k < n; k++) {
    const nl = body.indexOf('\n', at);
    if (nl < 0) return body.length;
    at = nl + 1;
  }
  return n > 0 ? at - 1 : 0;
}

/** Everything the stages need to know about the article, computed once. */
export function docContextOf(article: Article, ctx: FactContext): DocContext {
  const body = article.body;
  let headlineEnd: number;
  if (article.headLineCount !== undefined) headlineEnd = afterLines(body, article.headLineCount);
  else {
    const headLen = [article.subheadlines.join('\n'), article.headline].filter(Boolean).join('\n').length;
    headlineEnd = body.indexOf('\n', Math.max(0, headLen - 1)) >= 0 ? Math.min(body.length, headLen) : 0;
  }
  let dateline: string | null = null;
  const leadGuess = headlineEnd + 1;
  const sentences: Sentence[] = splitSentences(body).map((sn) => {
    if (sn.start < headlineEnd) return sn;
    let m: RegExpExecArray | null = DATELINE.exec(sn.text);
    // 郴州发布2024年度…: a place's own news account as the source tag.
    const tag = m ? null : /^([\u4e00-\u9fff]{2,6}?)发布\s*(?![了的会通])/.exec(sn.text);
    if (tag && sn.start <= leadGuess && regionOfOutlet(tag[1] ?? '', ctx.places)) m = tag;
    if (!m || m[0].length === 0) return sn;
    dateline ??= m[0];
    return { text: sn.text.slice(m[0].length), start: sn.start + m[0].length, end: sn.end };
  });
  const leadStart = headlineEnd > 0 ? headlineEnd + 1 : 0;
  const leadNl = body.indexOf('\n', leadStart);
  const leadEnd = leadNl < 0 ? body.length : leadNl;
  const lead = body.slice(leadStart, leadEnd);
  const home = homeOf(ctx.publication, dateline ?? article.dateline, ctx.places.find(body.slice(0, leadEnd)), ctx.places);
  const mentions = resolveMentions(body, ctx.places, home);

  // The article's own place: a place in its headline, its reporter station (湘乡记者站), its home.
  const headMention = mentions.find((m) => m.start < headlineEnd && !m.incidental && (m.subject.type === 'park' || m.subject.type === 'region'));
  let articleSubject = headMention?.subject ?? null;
  // Without a headline, the first subject the lead names (2024年，岳塘经开区坚持项目为王…).
  if (!articleSubject && headlineEnd === 0) articleSubject = mentions.find((m) => m.start < leadEnd && !m.incidental)?.subject ?? null;
  const station = /[(（]([^()（）]{2,4}?)记者站/.exec(body.slice(0, 200));
  if (!articleSubject && station) {
    const name = station[1] ?? '';
    const region = ctx.places.regionByName.get(name) ? name : ctx.places.regionByName.get(`${name}市`) ? `${name}市` : null;
    if (region) articleSubject = { type: 'region', name: region };
  }
  if (!articleSubject && (home.county ?? home.city)) articleSubject = { type: 'region', name: (home.county ?? home.city) as string };

  const newlines: number[] = [];
  for (let k = body.indexOf('\n'); k >= 0; k = body.indexOf('\n', k + 1)) newlines.push(k);
  // The article's year: its lead's, then whatever a later paragraph opening with a year says.
  const docYears: { from: number; year: number }[] = [];
  const leadYear = firstYear(lead);
  if (leadYear !== null) docYears.push({ from: 0, year: leadYear });
  for (const nl of newlines) {
    if (nl + 1 <= leadStart) continue;
    const y = openingYear(body.slice(nl + 1, nl + 24));
    if (y !== null) docYears.push({ from: nl + 1, year: y });
  }
  return {
    body,
    headline: article.headline,
    subheadlines: article.subheadlines,
    headlineEnd,
    pubYear: ctx.pubYear,
    pubMonth: ctx.pubMonth ?? null,
    places: ctx.places,
    catalog: ctx.catalog,
    sentences,
    mentions,
    articleSubject,
    home,
    newlines,
    docYears,
    eventArticle: EVENT.test(body.slice(0, headlineEnd)) || EVENT.test(lead.slice(0, 40)),
  };
}

/** What happens to projects (签约, 落户, 开工): a count right after it counts them. */
const PROJECT_VERB = /(?:签约|落户|落地|开工|竣工|投产|引进|建成|入园|入驻|开建|完工)(?:了|的)?(?:共|达|达到|为)?$/;

/**
 * 分别开工项目18个、15个、21个; 计划引进项目20个，目前已签约落户14个: a bare count of 个 (nothing named
 * after it) following a count of projects in the same sentence counts projects too — the noun is said once.
 */
function elidedUnit(body: string, q: Quantity, unit: UnitCode, prev: { q: Quantity; unit: UnitCode } | undefined, sentenceStart: number): UnitCode {
  if (unit !== 'item' || q.measure !== '个' || !prev || prev.unit !== 'project' || prev.q.measure !== '个' || prev.q.start < sentenceStart) return unit;
  if (/[\u4e00-\u9fff]/.test(body[q.end] ?? '')) return unit;
  // Right after the first (、/和), or after a verb of what happens to projects (已签约落户14个), not a noun (新建道路5个).
  const gap = body.slice(prev.q.end, q.start);
  return /^[、和及与]$/.test(gap) || PROJECT_VERB.test(gap) ? 'project' : unit;
}

/** Facts of one article. Figures written only in its headline are kept unless the body repeats them. */
export function extractArticleFacts(article: Article, ctx: FactContext): ExtractedFact[] {
  const doc = docContextOf(article, ctx);
  const { body, sentences } = doc;
  const quantities = findQuantities(body);
  const bodyFigures = quantities.filter((q) => q.start >= doc.headlineEnd);
  const facts: ExtractedFact[] = [];
  const reported: Quantity[] = [];
  let last: { q: Quantity; unit: UnitCode } | undefined;
  let s = 0;
  for (const q of quantities) {
    if (skipReason({ body, q, unit: q.unit, headlineEnd: doc.headlineEnd, bodyFigures, earlier: reported }) !== null || q.unit === null) continue;
    while (s < sentences.length - 1 && (sentences[s]?.end ?? 0) <= q.start) s++;
    const unit = elidedUnit(body, q, q.unit, last, sentences[s]?.start ?? 0);
    last = { q, unit };
    const fig = figureOf(doc, q, unit, s);
    const sentenceKind = kindOf(fig);
    const time = timeOf(fig, doc, sentenceKind);
    const kind = kindForYear(sentenceKind, time.year, doc.pubYear);
    const subject = subjectOf(fig, doc);
    const { metric, label } = metricOf(fig, doc, facts[facts.length - 1]);
    reported.push(q);
    facts.push({
      article: article.headline,
      value: q.value,
      unit,
      raw: q.text,
      comparator: q.comparator,
      kind,
      year: time.year,
      period: time.period,
      subject: subject.subject,
      metric: { key: metric?.key ?? UNCLASSIFIED_KEY, label },
      evidence: fig.sentence.text.trim(),
      span: [q.start, q.end],
      confidence: confidenceOf({ classified: metric !== null, subjectLocal: subject.local, yearExplicit: time.explicit, chineseOnly: fig.chineseOnly }),
    });
  }
  return facts;
}

export { CN_DIGIT };
