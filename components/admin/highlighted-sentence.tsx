// The source sentence with the quantity marked (<mark>), as the reviewer compares them.
import { adminDictionary } from '@/lib/i18n/admin';
import type { Lang } from '@/lib/i18n/dictionaries';
import s from './admin.module.css';

export function HighlightedSentence({ evidence, raw, lang = 'zh' }: { evidence: string | null; raw: string | null; lang?: Lang }) {
  if (!evidence) return <span className={s.muted}>{adminDictionary(lang).context.noSentence}</span>;
  const at = raw ? evidence.indexOf(raw) : -1;
  if (!raw || at < 0) return <span>{evidence}</span>;
  return (
    <span>
      {evidence.slice(0, at)}
      <mark className={s.q}>{raw}</mark>
      {evidence.slice(at + raw.length)}
    </span>
  );
}
