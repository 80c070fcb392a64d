// The paragraph around a draft's sentence, with the figure, and the mentions its subject and year
// were read from, marked; and the approved reports of the same figure beside it.
import type { ReviewConflict, ReviewContext } from '@/lib/data/review-context';
import { adminDictionary } from '@/lib/i18n/admin';
import type { Lang } from '@/lib/i18n/dictionaries';
import { comparatorLabel, formatValue } from './format';
import r from './review.module.css';

const MARK_CLASS = { figure: r.markFigure, subject: r.markSubject, year: r.markYear } as const;

export function ContextParagraph({ context, lang = 'zh' }: { context: ReviewContext; lang?: Lang }) {
  const t = adminDictionary(lang).context;
  const { paragraph, marks, sentence } = context;
  // Cut points: marks (non-overlapping, in order) and the sentence's ends (the rest is dimmer).
  const sorted = [...marks].sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= (all[i - 1]?.end ?? 0));
  const cuts = new Set([0, paragraph.length, sentence[0], sentence[1], ...sorted.flatMap((m) => [m.start, m.end])]);
  const points = [...cuts].filter((x) => x >= 0 && x <= paragraph.length).sort((a, b) => a - b);
  const parts: React.ReactNode[] = [];
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    if (a === b) continue;
    const text = paragraph.slice(a, b);
    const mark = sorted.find((m) => m.start <= a && m.end >= b);
    const outside = a < sentence[0] || b > sentence[1];
    const node = mark ? (
      <mark key={k} className={MARK_CLASS[mark.kind]} title={t.markTitle[mark.kind]} data-mark={mark.kind}>{text}</mark>
    ) : (
      text
    );
    parts.push(outside ? <span key={`o${k}`} className={r.outside}>{node}</span> : <span key={`s${k}`}>{node}</span>);
  }
  return (
    <div className={r.context}>
      <p style={{ margin: 0 }} data-testid="fact-context">{parts}</p>
      {context.outside.length > 0 && (
        <p className={r.legend} style={{ margin: 0 }}>
          {context.outside.map((o, i) => (
            <span key={i}>{o.kind === 'subject' ? t.outsideSubject : t.outsideYear}<mark className={MARK_CLASS[o.kind]}>{o.text}</mark></span>
          ))}
        </p>
      )}
    </div>
  );
}

export function ConflictNotes({ conflicts, lang = 'zh' }: { conflicts: ReviewConflict[]; lang?: Lang }) {
  if (conflicts.length === 0) return null;
  const t = adminDictionary(lang).context;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t.conflicts}>
      {conflicts.map((c) => (
        <li key={c.factId} className={c.same ? r.same : r.conflict}>
          {c.same ? t.same : t.conflict}{lang === 'en' ? ': ' : '：'}{comparatorLabel(c.comparator, lang)}{formatValue(c.value, c.unit, lang)}
          {c.headline ? ` · ${c.issueDate ?? ''}《${c.headline}》` : ''} · #{c.factId}
        </li>
      ))}
    </ul>
  );
}
