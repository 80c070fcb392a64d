// Normalises text cut from a PDF e-paper: decodes bytes (UTF-8 with or without BOM, GB18030/GBK),
// removes the stray spaces the cut leaves between Chinese characters and between digits and
// Chinese, unifies line breaks, and keeps a map from each output character to its offset in
// the input.

/**
 * CJK Radicals Supplement characters a PDF's font maps whole characters to (⻓ for 长, ⻔ for 门):
 * NFKC folds only ⺟ and ⻳ of this block, so the rest is listed here. Radicals that only occur as
 * components (⺅ 亻, ⺡ 氵) have no character to fold to and are left alone.
 */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺇': '几', '⺊': '卜', '⺎': '兀', '⺒': '巳', '⺓': '幺', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺',
  '⺟': '母', '⺠': '民', '⺩': '王', '⺪': '疋', '⺬': '示', '⺽': '臼', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角',
  '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞',
  '⻝': '食', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

let FOLD: Uint16Array | null = null;
/**
 * Ordinary character (UTF-16 unit) for each BMP unit, 0 when it stays: Kangxi radicals
 * (U+2F00–U+2FDF, ⽬ → 目, ⼀ → 一: NFKC), the radicals above, and CJK Compatibility Ideographs
 * (U+F900–U+FAFF: NFC, their canonical equivalents). Only these blocks: NFKC of the whole text
 * would also turn full-width punctuation (，：（）) into ASCII, which the segmenter reads.
 */
function foldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const put = (from: string, to: string) => {
    if (to.length === 1 && to !== from) t[from.charCodeAt(0)] = to.charCodeAt(0);
  };
  for (let c = 0x2f00; c <= 0x2fdf; c++) put(String.fromCharCode(c), String.fromCharCode(c).normalize('NFKC'));
  for (let c = 0xf900; c <= 0xfaff; c++) put(String.fromCharCode(c), String.fromCharCode(c).normalize('NFC'));
  for (const [from, to] of Object.entries(RADICAL_SUPPLEMENT)) put(from, to);
  return t;
}

/** The ordinary character for a radical or compatibility ideograph unit, else the unit itself. */
export function foldCjkUnit(c: number): number {
  FOLD ??= foldTable();
  return FOLD[c] || c;
}

/** Folds radicals and compatibility ideographs of a string (no offset map; for short strings). */
export function foldCjk(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xd87e && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // CJK Compatibility Ideographs Supplement (U+2F800–U+2FA1F).
      out += s.slice(i, i + 2).normalize('NFC');
      i++;
    } else out += String.fromCharCode(foldCjkUnit(c));
  }
  return out;
}

const SPACE = new Set([0x20, 0x09, 0x3000, 0x00a0, 0x2002, 0x2003, 0x2009, 0x200a, 0x202f, 0x205f]);
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

/** CJK ideographs, CJK and full-width punctuation: spaces next to these are layout, not words. */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014 || c === 0x00b7
  );
}

function isDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

export interface NormalizedText {
  text: string;
  /** map[i] = offset in the input of output character i. */
  map: Int32Array;
}

/**
 * Normalises one text. Within a line: a run of spaces is removed when a Chinese character or
 * punctuation is on either side, or when it sits between a digit and a unit-like character;
 * other runs become one space. Lines are trimmed, runs of blank lines collapse to one.
 * Output is built in a UTF-16 code-unit buffer (not an array of strings) so a 10 MB input
 * stays cheap.
 */
export function normalizeWithMap(input: string): NormalizedText {
  const n = input.length;
  const buf = new Uint16Array(n);
  const map = new Int32Array(n);
  let len = 0;
  let lineStart = 0; // index in buf where the current line starts
  let blankLines = 0;
  let i = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const last = (): string | undefined => (len > lineStart ? String.fromCharCode(buf[len - 1] ?? 0) : undefined);
  // Radicals and compatibility ideographs are folded before anything else looks at the text
  // (⻓沙 must read 长沙 for the space rules, the gazetteer and the labels alike).
  const at = (k: number): string | undefined => (k < n ? foldCjk(input.slice(k, k + 2))[0] : undefined);
  while (i < n) {
    const c = foldCjkUnit(input.charCodeAt(i));
    if (c === 0xd87e && i + 1 < n && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A compatibility ideograph outside the BMP: its canonical form, each unit mapped to it.
      const folded = input.slice(i, i + 2).normalize('NFC');
      for (let k = 0; k < folded.length; k++) {
        buf[len] = folded.charCodeAt(k);
        map[len++] = i;
      }
      i += 2;
      continue;
    }
    if (c === 13 || c === 10) {
      while (len > lineStart && buf[len - 1] === 32) len--;
      const empty = len === lineStart;
      if (empty) blankLines++;
      else blankLines = 0;
      if (!empty || (blankLines === 1 && len > 0)) {
        buf[len] = 10;
        map[len++] = i;
      }
      if (c === 13 && input.charCodeAt(i + 1) === 10) i++;
      i++;
      lineStart = len;
      continue;
    }
    // Ideographs and most punctuation are kept as they are: the common case, checked first.
    if (c >= 0x3000 ? c !== 0x3000 && c !== 0xfeff : c > 0x20 && c < 0x7f) {
      buf[len] = c;
      map[len++] = i;
      i++;
      continue;
    }
    if (INVISIBLE.has(c) || (c < 32 && c !== 9)) {
      i++;
      continue;
    }
    if (SPACE.has(c)) {
      let j = i;
      while (j < n && SPACE.has(input.charCodeAt(j))) j++;
      const before = last();
      const after = at(j);
      const atLineEdge = before === undefined || after === undefined || after === '\n' || after === '\r';
      const glue =
        isCjk(before) ||
        isCjk(after) ||
        (isDigit(before) && after !== undefined && !isDigit(after) && !isLatin(after));
      if (!atLineEdge && !glue) {
        buf[len] = 32;
        map[len++] = i;
      }
      i = j;
      continue;
    }
    buf[len] = c;
    map[len++] = i;
    i++;
  }
  while (len > 0 && (buf[len - 1] === 10 || buf[len - 1] === 32)) len--;
  return { text: decodeUnits(buf, len), map: map.slice(0, len) };
}

function isLatin(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** String from UTF-16 code units, in chunks (fromCharCode has an argument limit). */
function decodeUnits(buf: Uint16Array, len: number): string {
  // UTF-16LE bytes of the units (typed arrays are little-endian on every platform Node runs on);
  // lone surrogates must survive, so not TextDecoder, which would replace them.
  let s = '';
  const CHUNK = 8192;
  for (let k = 0; k < len; k += CHUNK) {
    s += String.fromCharCode.apply(null, buf.subarray(k, Math.min(len, k + CHUNK)) as unknown as number[]);
  }
  return s;
}

/** The normalised text of an issue; the import checksum is computed over this. */
export function normalizeIssueText(text: string): string {
  return normalizeWithMap(text).text;
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM) when valid, else GB18030 (a superset of
 * GBK and GB2312). Binary data (NUL bytes, images, invalid in both encodings) is refused with a
 * message a person can act on.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: '文件为空 (the file is empty)' };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (isBinarySignature(sample)) return { error: '不是文本文件：看起来是图片或其他二进制文件 (not a text file: looks like an image or other binary data)' };
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) return { error: '不是文本文件：含有二进制数据 (not a text file: contains binary data)' };
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return { error: '无法识别文本编码：请使用 UTF-8 或 GB18030/GBK (unrecognised text encoding: use UTF-8 or GB18030/GBK)' };
    }
  }
  // Binary data without NUL bytes can still be valid UTF-8 (7-bit control codes): text has few controls.
  if (controlShare(text) > 0.05) return { error: '不是文本文件：含有大量控制字符 (not a text file: mostly control characters)' };
  return { text };
}

/** Share of C0 control characters other than tab, line breaks and form feed in the first 8k. */
function controlShare(text: string): number {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

function isBinarySignature(b: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((v, k) => b[k] === v);
  return (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x47, 0x49, 0x46, 0x38) || // GIF
    starts(0x25, 0x50, 0x44, 0x46) || // PDF
    starts(0x50, 0x4b, 0x03, 0x04) || // ZIP / DOCX / XLSX
    starts(0x1f, 0x8b) || // gzip
    starts(0x42, 0x4d) && b.length > 14 && b[6] === 0 // BMP
  );
}
