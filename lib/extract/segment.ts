// Splits a normalised newspaper page into articles and articles into sentences. An article
// starts at its headline lines, which stand right before a dateline (本报讯…) or a photo credit
// (本报记者 … 摄影报道). Paragraphs broken across columns (a line that ends mid-sentence) are
// joined to the next paragraph of the same article.
import type { Article } from './types';

const FINAL = new Set(['。', '！', '？', '!', '?', '…', '；', ';']);
const CLOSERS = new Set(['”', '"', '」', '』', '）', ')', '’', "'", '】', '》']);
const HEADLINE_BREAKERS = /[，,。；;！？!?]/;

interface Para {
  text: string;
  start: number;
}

/**
 * Lines that only describe the page or the post, never part of an article's text: a timestamp
 * (2024-05-16 09:42:18), 来源/编辑/责任编辑/作者/审核 lines.
 */
export function isMetaLine(p: string): boolean {
  const t = p.trim();
  return (
    /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/.test(t) ||
    /^(?:来源|编辑|责任编辑|责编|作者|审核|校对|监制|值班编辑|初审|复审|终审|记者|通讯员|摄影|图片)\s*[:：]/.test(t) ||
    /^(?:来源|编辑|责任编辑|作者)\s*[:：][^。]*$/.test(t)
  );
}

function paragraphs(text: string): Para[] {
  const out: Para[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const line = text.slice(start, i);
      if (line.trim().length > 0 && !isMetaLine(line)) out.push({ text: line, start });
      start = i + 1;
    }
  }
  return out;
}

/**
 * A paragraph opening with a dateline: 本报讯, 株洲日报讯, 华声在线12月2日讯, 湘潭县融媒体中心讯,
 * 郴州发布 (a source tag and a space), (记者 张某 通讯员 李某), a wire service, or a portal's
 * reporter line (红网时刻新闻记者 唐亚 通讯员 何平 永州报道).
 */
export function isDateline(p: string): boolean {
  return (
    /^(本报讯|本报[^\s，,。]{0,12}讯|新华社|据新华社|人民网|湖南日报|中新社)/.test(p) ||
    /^[^\s，,。“”]{0,12}(?:日报|晚报|在线|融媒体中心|融媒|新闻网|客户端|报|网|台)(?:\d{1,2}月\d{1,2}日)?讯/.test(p) ||
    // Any source tag with a date (红网时刻新闻11月3日讯); a reporter line of its own (…记者 唐亚 … 永州报道).
    /^[^\s，,。“”]{0,16}?\d{1,2}月\d{1,2}日讯/.test(p) ||
    /^[^\s，,。“”()（）]{0,12}?记者[^，,。“”()（）]{2,40}?报道$/.test(p.trim()) ||
    /^[^\s，,。“”]{2,8}发布\s/.test(p) ||
    /^[(（](?:本报)?(?:记者|通讯员)[^)）]{0,60}[)）]/.test(p)
  );
}

/** The dateline at the start of an anchor paragraph: 本报讯(记者 …), 华声在线12月2日讯, (记者 …), 郴州发布. */
function datelineOf(p: string): string {
  const m = /^[^\s，,。“”()（）]{0,16}?讯\s*(?:[(（][^)）]{0,60}[)）])?|^[(（][^)）]{0,60}[)）]|^[^\s，,。“”]{2,8}发布(?=\s)/.exec(p);
  return m ? m[0].trim() : p.slice(0, 8);
}

function isPhotoCredit(p: string): boolean {
  return p.length <= 40 && /(摄影报道|摄\s*影|图\/|摄$)/.test(p) && /(本报|记者|通讯员)/.test(p);
}

function isHeadlineLike(p: string): boolean {
  if (p.length === 0 || p.length > 40) return false;
  if (HEADLINE_BREAKERS.test(p)) return false;
  if (isDateline(p) || isPhotoCredit(p)) return false;
  return true;
}

/** True when a paragraph ends a sentence (so the next one does not continue it). */
export function endsSentence(p: string): boolean {
  let k = p.length - 1;
  while (k >= 0 && CLOSERS.has(p[k] ?? '')) {
    if (isFinalAt(p, k - 1)) return true;
    k--;
  }
  return k >= 0 && isFinalAt(p, k);
}

/**
 * 。！？…；; or their ASCII forms; an ASCII '.' ends a sentence only after Chinese, a closing quote
 * or bracket, or a percent sign (增长9.6%.全区…), never inside a number (4.0) or after Latin (U.S.).
 */
export function isFinalAt(p: string, k: number): boolean {
  const c = p.charCodeAt(k);
  // Most characters are ideographs or digits: one comparison each (called per character).
  if (c !== 0x2e && (c < 0x2026 || (c > 0x2026 && c < 0x3002) || (c > 0x3002 && c < 0xff01))) return c === 0x21 || c === 0x3f || c === 0x3b;
  const ch = p[k] ?? '';
  if (FINAL.has(ch)) return true;
  return ch === '.' && /[\u3400-\u9fff\u201d"）)%％]/.test(p[k - 1] ?? '') && !/\d/.test(p[k + 1] ?? '');
}

/** A caption without a headline gets one from its first clause (近日，在X的Y现场 → X的Y现场). */
function captionHeadline(body: string): string {
  const first = body.split(/[，,。；;]/).find((s) => s.trim().length >= 4) ?? body.slice(0, 20);
  const clause = first.replace(/^(近日|日前|当天|昨天|今天|目前)/, '').replace(/^在/, '').trim();
  return `${clause.slice(0, 24)}(图片报道)`;
}

function parseByline(dateline: string): string | null {
  const m = /[(（]([^()（）]{2,60})[)）]/.exec(dateline);
  return m?.[1]?.trim() ?? null;
}

/**
 * Articles of a normalised page. The body of each article is its text from the first headline
 * line on, paragraphs separated by "\n" (broken ones re-joined), so every figure, including a
 * headline's, has an offset in the body.
 */
export function segmentArticles(text: string): Article[] {
  const paras = paragraphs(text);
  // Anchors: datelines and photo credits.
  const anchors: number[] = [];
  paras.forEach((p, k) => {
    if (isDateline(p.text) || isPhotoCredit(p.text)) anchors.push(k);
  });
  if (paras.length === 0) return [];
  // No dateline: a first line that reads as a headline is one (not glued onto the first sentence).
  if (anchors.length === 0) anchors.push(paras.length > 1 && isHeadlineLike(paras[0]?.text ?? '') && !endsSentence(paras[0]?.text ?? '') ? 1 : 0);

  // Start of each article: walk back from its anchor over headline-like lines (at most 3).
  const starts: number[] = [];
  let prevAnchor = -1;
  for (const a of anchors) {
    let s = a;
    while (s - 1 > prevAnchor && a - (s - 1) <= 3 && isHeadlineLike(paras[s - 1]?.text ?? '')) s--;
    starts.push(s);
    prevAnchor = a;
  }
  // Text before the first article start belongs to the first article (a column continuation).
  if (starts[0] !== undefined && starts[0] > 0) starts[0] = 0;

  const articles: Article[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k] ?? 0;
    const to = starts[k + 1] ?? paras.length;
    const anchor = anchors[k] ?? from;
    const headLines = paras.slice(from, anchor).map((p) => p.text.trim());
    const anchorText = paras[anchor]?.text ?? '';
    const photo = isPhotoCredit(anchorText);
    // Join broken paragraphs of the body (after the headline lines).
    const bodyParas: string[] = [...headLines];
    let current = '';
    for (let m = anchor; m < to; m++) {
      const t = paras[m]?.text.trim() ?? '';
      if (photo && m === anchor) {
        bodyParas.push(t);
        continue;
      }
      current += t;
      if (endsSentence(t) || m === to - 1 || isDateline(t)) {
        if (isDateline(t) && !endsSentence(t) && m < to - 1) continue; // 本报讯(...)… continues
        bodyParas.push(current);
        current = '';
      }
    }
    if (current) bodyParas.push(current);
    const body = bodyParas.join('\n');
    let headline = headLines[headLines.length - 1] ?? '';
    let subheadlines = headLines.slice(0, -1);
    // A kicker (引题) is usually shorter and comes first; a two-line headline is one title.
    if (headLines.length === 3) {
      headline = `${headLines[1]}${headLines[2]}`;
      subheadlines = [headLines[0] ?? ''];
    }
    const captionBody = bodyParas.slice(headLines.length + 1).join('');
    if (!headline) headline = photo ? captionHeadline(captionBody) : (bodyParas[0] ?? '').slice(0, 24);
    articles.push({
      ordinal: articles.length,
      headline,
      subheadlines,
      byline: photo ? anchorText.replace(/摄影报道|摄\s*影/g, '').trim() : parseByline(anchorText.slice(0, 80)),
      dateline: photo ? null : datelineOf(anchorText),
      kind: photo ? 'photo' : 'news',
      body,
      headLineCount: headLines.length,
    });
  }
  return articles.filter((a) => a.body.trim().length > 0);
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Sentences of a body: split after 。！？；!?; (and '.' as isFinalAt allows) and at line breaks, closing quotes kept. */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === '\n') {
      if (i > start) out.push({ text: body.slice(start, i), start, end: i });
      start = i + 1;
    } else if (isFinalAt(body, i)) {
      let e = i + 1;
      while (e < body.length && CLOSERS.has(body[e] ?? '')) e++;
      out.push({ text: body.slice(start, e), start, end: e });
      start = e;
      i = e - 1;
    }
  }
  if (start < body.length) out.push({ text: body.slice(start), start, end: body.length });
  return out;
}
