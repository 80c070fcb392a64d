// Scores extracted facts against a gold file (shared/gold/*.gold.json): recall and precision of
// value+unit, and how often the other fields are right on the matched facts. Pure; the eval
// script and the tests share it.
import { decEquals } from './decimal';
import type { ExtractedFact } from './types';

export interface GoldFact {
  article: string;
  evidence: string;
  value: number | string;
  unit: string;
  comparator: string;
  kind: string;
  year: number | null;
  subject: string | null;
  metric: string;
  note?: string;
}

export interface Gold {
  facts: GoldFact[];
  not_facts?: string[];
}

export interface FieldScore {
  field: string;
  correct: number;
  /** Share of gold facts found with this field right too. */
  recall: number;
  /** Share of extracted facts that match a gold fact with this field right too. */
  precision: number;
}

export interface Evaluation {
  gold: number;
  extracted: number;
  matched: number;
  fields: FieldScore[];
  /** Gold facts not found (value+unit). */
  missed: GoldFact[];
  /** Extracted facts that match no gold fact. */
  spurious: ExtractedFact[];
  /** Listed non-facts that were reported anyway. */
  nonFactsReported: string[];
  /** Per field, the matched pairs where it differs. */
  mismatches: { field: string; gold: GoldFact; got: ExtractedFact }[];
}

const QUOTES = /["“”'‘’「」『』\s]/g;
function canon(s: string): string {
  return s.replace(QUOTES, '').replace(/，/g, ',').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/％/g, '%');
}

function goldUnit(u: string): string {
  return u === '%' ? 'percent' : u;
}

const FIELDS: { field: string; same: (g: GoldFact, f: ExtractedFact) => boolean }[] = [
  { field: 'value+unit', same: () => true },
  { field: 'comparator', same: (g, f) => g.comparator === f.comparator },
  { field: 'kind', same: (g, f) => g.kind === f.kind },
  { field: 'year', same: (g, f) => g.year === f.year },
  { field: 'subject', same: (g, f) => (g.subject ?? null) === (f.subject?.name ?? null) },
  { field: 'metric', same: (g, f) => g.metric === f.metric.key },
  {
    field: 'comparator+kind+year+subject',
    same: (g, f) => g.comparator === f.comparator && g.kind === f.kind && g.year === f.year && (g.subject ?? null) === (f.subject?.name ?? null),
  },
];

export function evaluate(gold: Gold, facts: ExtractedFact[]): Evaluation {
  const used = new Set<number>();
  const pairs: [GoldFact, ExtractedFact][] = [];
  const missed: GoldFact[] = [];
  for (const g of gold.facts) {
    const ev = canon(g.evidence);
    const idx = facts.findIndex(
      (f, k) =>
        !used.has(k) &&
        f.unit === goldUnit(g.unit) &&
        decEquals(f.value, String(g.value)) &&
        (canon(f.evidence).includes(ev) || ev.includes(canon(f.raw))),
    );
    if (idx < 0) missed.push(g);
    else {
      used.add(idx);
      const f = facts[idx];
      if (f) pairs.push([g, f]);
    }
  }
  const spurious = facts.filter((_, k) => !used.has(k));
  const mismatches: Evaluation['mismatches'] = [];
  const fields = FIELDS.map(({ field, same }) => {
    let correct = 0;
    for (const [g, f] of pairs) {
      if (same(g, f)) correct++;
      else if (!field.includes('+')) mismatches.push({ field, gold: g, got: f });
    }
    return {
      field,
      correct,
      recall: gold.facts.length ? correct / gold.facts.length : 1,
      precision: facts.length ? correct / facts.length : 1,
    };
  });
  const nonFactsReported = (gold.not_facts ?? []).filter((nf) => {
    const c = canon(nf);
    return facts.some((f) => canon(f.evidence).includes(c) && c.includes(canon(f.raw)));
  });
  return { gold: gold.facts.length, extracted: facts.length, matched: pairs.length, fields, missed, spurious, nonFactsReported, mismatches };
}
