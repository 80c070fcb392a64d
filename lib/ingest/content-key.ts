// The de-duplication key of an issue: SHA-256 of its text under a looser normalisation than the
// extractor's, so the same issue pasted with full-width punctuation (，：（）), other spaces or
// compatibility characters is recognised as already imported. The extractor keeps reading the
// text as written (lib/extract/normalize); this key is only ever compared.
import { createHash } from 'node:crypto';
import { normalizeIssueText } from '@/lib/extract';

/** Quote, dash and dot variants NFKC leaves distinct, folded to one form each. */
const PUNCT_FOLD: Readonly<Record<string, string>> = {
  '“': '"', '”': '"', '„': '"', '〝': '"', '〞': '"', '「': '"', '」': '"', '『': '"', '』': '"',
  '‘': "'", '’': "'", '‚': "'",
  '—': '-', '–': '-', '―': '-', '‐': '-', '‑': '-', '−': '-', '─': '-',
  '。': '.', '｡': '.', '、': ',', '･': '·', '・': '·', '〈': '<', '〉': '>', '《': '<', '》': '>', '【': '[', '】': ']',
  '〔': '(', '〕': ')', '～': '~', '〜': '~',
};

/** PUNCT_FOLD's characters, for one replace over the text (none is special inside a class). */
const FOLDABLE = new RegExp(`[${Object.keys(PUNCT_FOLD).join('')}]`, 'gu');

/** The text every variant of one issue comes down to (whitespace removed altogether). */
export function dedupeText(text: string): string {
  // The extractor's normalisation first (radicals, compatibility ideographs, spaces cut into
  // Chinese), then NFKC (full-width letters, digits and punctuation to ASCII).
  return dedupeNormalised(normalizeIssueText(text));
}

/**
 * dedupeText of a text already through normalizeIssueText (the import has it at hand). Two
 * replaces over the whole text, not a string built a character at a time: for a 10 MB issue that
 * loop took ~1 s of CPU.
 */
export function dedupeNormalised(normalised: string): string {
  return normalised
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(FOLDABLE, (ch) => PUNCT_FOLD[ch] ?? ch);
}

export function contentKeyOf(text: string): string {
  return contentKeyOfNormalised(normalizeIssueText(text));
}

/** contentKeyOf of a text already through normalizeIssueText. */
export function contentKeyOfNormalised(normalised: string): string {
  return createHash('sha256').update(dedupeNormalised(normalised), 'utf8').digest('hex');
}
