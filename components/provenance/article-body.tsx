// The article text with every figure's quantity underlined and the cited sentence highlighted.
import { Fragment } from 'react';
import type { ArticleFact } from '@/lib/data/provenance';
import { locateCited, segmentBody } from './highlight';

export function ArticleBody({ body, facts, citedFact }: { body: string; facts: ArticleFact[]; citedFact: ArticleFact | null }) {
  const cited = citedFact ? locateCited(body, citedFact.evidence, { start: citedFact.spanStart, end: citedFact.spanEnd }) : null;
  const spans = facts
    .filter((f) => f.spanStart !== null && f.spanEnd !== null)
    .map((f) => ({ factId: f.id, start: f.spanStart ?? 0, end: f.spanEnd ?? 0 }));
  const paragraphs = segmentBody(body, cited, spans);
  const firstCited = paragraphs.flat().find((p) => p.cited)?.start ?? -1;
  return (
    <div className="article-body">
      {paragraphs.map((pieces, i) => (
        <p key={i}>
          {pieces.map((p) => {
            // The cited figure is singled out; the sentence's other figures keep the plain underline.
            const isCitedFigure = p.factId !== null && p.factId === citedFact?.id;
            const inner =
              p.factId === null ? (
                p.text
              ) : isCitedFigure ? (
                <strong className="fact-span cited-figure" data-fact={p.factId} data-cited-figure="">
                  {p.text}
                </strong>
              ) : (
                <span className="fact-span" data-fact={p.factId}>
                  {p.text}
                </span>
              );
            if (!p.cited) return <Fragment key={p.start}>{inner}</Fragment>;
            const first = p.start === firstCited;
            return (
              <mark key={p.start} id={first ? 'cited' : undefined} tabIndex={first ? -1 : undefined}>
                {inner}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}
