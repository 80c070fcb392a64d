// The import's looser de-duplication key, computed with two replaces over the whole text, is the
// key the character-by-character fold gave (issues imported before keep matching their re-imports).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIssueText } from '@/lib/extract';
import { contentKeyOf, contentKeyOfNormalised, dedupeNormalised, dedupeText } from '@/lib/ingest/content-key';

/** The fold as first written: one character at a time. */
const PUNCT_FOLD: Readonly<Record<string, string>> = {
  '“': '"', '”': '"', '„': '"', '〝': '"', '〞': '"', '「': '"', '」': '"', '『': '"', '』': '"',
  '‘': "'", '’': "'", '‚': "'",
  '—': '-', '–': '-', '―': '-', '‐': '-', '‑': '-', '−': '-', '─': '-',
  '。': '.', '｡': '.', '、': ',', '･': '·', '・': '·', '〈': '<', '〉': '>', '《': '<', '》': '>', '【': '[', '】': ']',
  '〔': '(', '〕': ')', '～': '~', '〜': '~',
};
function referenceDedupe(text: string): string {
  const base = normalizeIssueText(text).normalize('NFKC');
  let out = '';
  for (const ch of base) {
    if (/\s/u.test(ch)) continue;
    out += PUNCT_FOLD[ch] ?? ch;
  }
  return out;
}

// Whitespace of every kind, everything folded, full-width forms, radicals, lone and paired surrogates.
const PIECES = [
  ...Object.keys(PUNCT_FOLD),
  ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u000b',
  'ａ', 'Ａ', '１', '，', '：', '（', '）', '⻓', '⼀', '豈', '湘潭', '12.5', 'abc', '\ud800', '\udc00', '😀', '-', '.',
];

describe('content key', () => {
  it('folds any text as the character-by-character loop did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(dedupeText(text)).toBe(referenceDedupe(text));
        expect(dedupeNormalised(normalizeIssueText(text))).toBe(referenceDedupe(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same from the raw or the normalised text, and for the demo issue as before', () => {
    const demo = '园区动态\n\n本报讯（记者　张三）今年１—５月，湘潭经开区完成投资４５.６亿元，同比增长１２.５％。“十四五”期间……\n';
    const expected = createHash('sha256').update(referenceDedupe(demo), 'utf8').digest('hex');
    expect(contentKeyOf(demo)).toBe(expected);
    expect(contentKeyOfNormalised(normalizeIssueText(demo))).toBe(expected);
  });
});
