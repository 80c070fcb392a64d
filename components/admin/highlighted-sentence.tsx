// The source sentence with the quantity marked (<mark>), as the reviewer compares them.
import s from './admin.module.css';

export function HighlightedSentence({ evidence, raw }: { evidence: string | null; raw: string | null }) {
  if (!evidence) return <span className={s.muted}>（无原文句子）</span>;
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
