// Splits an article body into paragraphs of pieces for highlighting: the cited sentence (mark)
// and each figure's quantity (span), by character offsets into the body as stored.
export interface Piece {
  text: string;
  start: number;
  /** Inside the cited sentence. */
  cited: boolean;
  /** Id of the fact whose quantity this text is, or null. */
  factId: number | null;
}

export interface SpanInput {
  factId: number;
  start: number;
  end: number;
}

/** Where the cited sentence is: the evidence text if found in the body, else the span widened to its sentence. */
export function locateCited(body: string, evidence: string | null, span: { start: number | null; end: number | null } | null): [number, number] | null {
  if (evidence) {
    const near = span?.start ?? 0;
    // Prefer the occurrence nearest the figure's own span (the same sentence can repeat).
    let best = -1;
    for (let i = body.indexOf(evidence); i >= 0; i = body.indexOf(evidence, i + 1)) {
      if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    }
    if (best >= 0) return [best, best + evidence.length];
  }
  if (span && span.start !== null && span.end !== null && span.start >= 0 && span.end <= body.length && span.start < span.end) {
    const stops = /[。！？；\n]/;
    let a = span.start;
    while (a > 0 && !stops.test(body[a - 1] ?? '')) a--;
    let b = span.end;
    while (b < body.length && !stops.test(body[b] ?? '')) b++;
    return [a, Math.min(body.length, b + 1)];
  }
  return null;
}

/** Paragraphs (split at newlines) of pieces; overlapping spans keep the first. */
export function segmentBody(body: string, cited: [number, number] | null, spans: SpanInput[]): Piece[][] {
  const valid = spans
    .filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const kept: SpanInput[] = [];
  for (const s of valid) if (!kept.length || (kept.at(-1)?.end ?? 0) <= s.start) kept.push(s);
  const cuts = new Set<number>([0, body.length]);
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') { cuts.add(i); cuts.add(i + 1); }
  if (cited) { cuts.add(cited[0]); cuts.add(cited[1]); }
  for (const s of kept) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= body.length).sort((a, b) => a - b);
  const paragraphs: Piece[][] = [[]];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? 0;
    const text = body.slice(a, b);
    if (text === '\n') {
      paragraphs.push([]);
      continue;
    }
    if (!text) continue;
    const span = kept.find((s) => s.start <= a && b <= s.end);
    paragraphs.at(-1)?.push({ text, start: a, cited: cited !== null && cited[0] <= a && b <= cited[1], factId: span?.factId ?? null });
  }
  return paragraphs.filter((p) => p.some((x) => x.text.trim() !== ''));
}
