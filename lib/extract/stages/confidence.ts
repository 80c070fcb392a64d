// Stage 6 — confidence: how sure the extractor is, from what the other stages found locally.
export interface ConfidenceInput {
  classified: boolean;
  subjectLocal: boolean;
  yearExplicit: boolean;
  chineseOnly: boolean;
}

export function confidenceOf(x: ConfidenceInput): number {
  let c = 0.55;
  if (x.classified) c += 0.2;
  if (x.subjectLocal) c += 0.1;
  if (x.yearExplicit) c += 0.1;
  if (x.chineseOnly) c -= 0.15;
  return Math.round(Math.min(0.95, Math.max(0.1, c)) * 100) / 100;
}
