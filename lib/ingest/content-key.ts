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

/** The text every variant of one issue comes down to (whitespace removed altogether). */
export function dedupeText(text: string): string {
  // The extractor's normalisation first (radicals, compatibility ideographs, spaces cut into
  // Chinese), then NFKC (full-width letters, digits and punctuation to ASCII).
  const base = normalizeIssueText(text).normalize('NFKC');
  let out = '';
  for (const ch of base) {
    if (/\s/u.test(ch)) continue;
    out += PUNCT_FOLD[ch] ?? ch;
  }
  return out;
}

export function contentKeyOf(text: string): string {
  return createHash('sha256').update(dedupeText(text), 'utf8').digest('hex');
}
