// The paragraph around a draft's sentence, with the figure, and the mentions its subject and year
// were read from, marked; and the approved reports of the same figure beside it.
import type { ReviewConflict, ReviewContext } from '@/lib/data/review-context';
import { comparatorLabel, formatValue } from './format';
import r from './review.module.css';

const MARK_CLASS = { figure: r.markFigure, subject: r.markSubject, year: r.markYear } as const;
const MARK_TITLE = { figure: '数据', subject: '主体取自这里', year: '年份取自这里' } as const;

export function ContextParagraph({ context }: { context: ReviewContext }) {
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
      <mark key={k} className={MARK_CLASS[mark.kind]} title={MARK_TITLE[mark.kind]} data-mark={mark.kind}>{text}</mark>
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
            <span key={i}>{o.kind === 'subject' ? '主体' : '年份'}取自上文：<mark className={MARK_CLASS[o.kind]}>{o.text}</mark></span>
          ))}
        </p>
      )}
    </div>
  );
}

export function ConflictNotes({ conflicts }: { conflicts: ReviewConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="已批准的同一数据">
      {conflicts.map((c) => (
        <li key={c.factId} className={c.same ? r.same : r.conflict}>
          {c.same ? '已有相同数据（可能重复）' : '与已批准数据不一致'}：{comparatorLabel(c.comparator)}{formatValue(c.value, c.unit)}
          {c.headline ? ` · ${c.issueDate ?? ''}《${c.headline}》` : ''} · #{c.factId}
        </li>
      ))}
    </ul>
  );
}
