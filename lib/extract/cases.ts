// Judges the extractor on the synthetic passages of ../shared/cases/*.jsonl: each passage's
// expected facts (only the fields given matter) against what extractIssue finds, accepting what
// the passage's note accepts (a parent park, another year, plan or actual, …). Pure; the case
// tests and `npm run eval` share it.
import { decEquals } from './decimal';
import { extractIssue } from './index';
import type { ExtractedFact, Places } from './types';

export interface CaseFact {
  raw?: string;
  value: number | string;
  unit: string;
  comparator?: string;
  kind?: string;
  year?: number | null;
  period?: string | null;
  subject?: { type: string; name: string } | null;
}

export interface Case {
  category: string;
  date: string | null;
  text: string;
  expected: CaseFact[];
  note?: string;
}

export interface CaseVerdict {
  pass: boolean;
  /** Why it fails, one line per problem. */
  problems: string[];
}

/** What a note accepts besides the expected answer. */
export interface Acceptance {
  subjects: string[];
  years: number[];
  /** Raw figures whose kind may also be plan or actual (56个: plan or actual). */
  eitherPlanOrActual: string[];
  comparators: string[];
}

export function acceptanceOf(note: string | undefined): Acceptance {
  const n = note ?? '';
  const subjects = [...new Set([
    ...[...n.matchAll(/parent ([^\s,;()（）]+) acceptable/g)].map((m) => m[1] ?? ''),
    ...[...n.matchAll(/([^\s,;()（）]+) acceptable as alternative/g)].map((m) => m[1] ?? ''),
    ...[...n.matchAll(/parent ([^\s,;()（）]+?)(?: acceptable|\))/g)].map((m) => m[1] ?? ''),
    ...[...n.matchAll(/sub-park of ([^\s,;()（）]+)/g)].map((m) => m[1] ?? ''),
  ])].filter(Boolean);
  const years = [...n.matchAll(/year_alt (\d{4})/g)].map((m) => Number(m[1]));
  const eitherPlanOrActual = [...n.matchAll(/([^\s,;]+): plan or actual/g)].map((m) => m[1] ?? '');
  const cmp = /comparator[^;]*?((?:eq|gte|gt|lte|lt|approx)(?:\/(?:eq|gte|gt|lte|lt|approx))+)/.exec(n);
  return { subjects, years, eitherPlanOrActual, comparators: cmp ? (cmp[1] ?? '').split('/') : [] };
}

function sameValue(expected: number | string, got: string, unit: string): boolean {
  if (decEquals(String(expected), got)) return true;
  // A share written as a fraction (近三分之一): 33.3 or 33.333333 are the same reading.
  return unit === 'percent' && Math.abs(Number(expected) - Number(got)) < 0.05;
}

/** Judges one passage's extraction. */
export function judgeCase(c: Case, facts: ExtractedFact[]): CaseVerdict {
  const acc = acceptanceOf(c.note);
  const problems: string[] = [];
  const used = new Set<number>();
  for (const e of c.expected) {
    // The extracted fact for an expected one: same value and unit, the raw text preferred.
    let idx = facts.findIndex((f, i) => !used.has(i) && f.unit === e.unit && sameValue(e.value, f.value, e.unit) && (e.raw === undefined || f.raw === e.raw));
    if (idx < 0) idx = facts.findIndex((f, i) => !used.has(i) && f.unit === e.unit && sameValue(e.value, f.value, e.unit));
    const label = e.raw ?? `${e.value} ${e.unit}`;
    if (idx < 0) {
      problems.push(`missed ${label}`);
      continue;
    }
    used.add(idx);
    const f = facts[idx] as ExtractedFact;
    if (e.comparator !== undefined && f.comparator !== e.comparator && !acc.comparators.includes(f.comparator)) problems.push(`${label}: comparator ${f.comparator}, expected ${e.comparator}`);
    if (e.kind !== undefined && f.kind !== e.kind) {
      const either = acc.eitherPlanOrActual.some((r) => label.startsWith(r) || r.startsWith(f.raw)) && (f.kind === 'plan' || f.kind === 'actual');
      if (!either) problems.push(`${label}: kind ${f.kind}, expected ${e.kind}`);
    }
    if (e.year !== undefined && f.year !== e.year && !(f.year !== null && acc.years.includes(f.year))) problems.push(`${label}: year ${f.year}, expected ${e.year}`);
    if (e.period !== undefined && f.period !== e.period) problems.push(`${label}: period ${f.period}, expected ${e.period}`);
    if (e.subject !== undefined) {
      const got = f.subject;
      const ok =
        (e.subject === null && got === null) ||
        (e.subject !== null && got !== null && got.name === e.subject.name && got.type === e.subject.type) ||
        (got !== null && acc.subjects.includes(got.name)) ||
        // A project or organisation placed in the expected park or county (README: a parent answer).
        (e.subject !== null && got !== null && (got.type === 'project' || got.type === 'org') && [got.park, got.region].some((p) => p !== undefined && (p === e.subject?.name || acc.subjects.includes(p))));
      if (!ok) problems.push(`${label}: subject ${got ? `${got.type}:${got.name}` : 'null'}, expected ${e.subject ? `${e.subject.type}:${e.subject.name}` : 'null'}`);
    }
  }
  // A fact beyond the expected ones is wrong when the passage expects none, when it repeats an
  // expected figure (a restatement), or when the note names it as a non-fact; other extra facts
  // are figures the passage's pattern does not concern.
  facts.forEach((f, i) => {
    if (used.has(i)) return;
    const repeats = c.expected.some((e) => e.unit === f.unit && sameValue(e.value, f.value, e.unit));
    if (c.expected.length === 0 || repeats || (c.note ?? '').includes(f.raw)) problems.push(`not expected: ${f.raw}`);
  });
  return { pass: problems.length === 0, problems };
}

/** The publication a case names in its dateline-less text is not given: cases run as pasted articles. */
export function runCase(c: Case, places?: Places): { facts: ExtractedFact[]; verdict: CaseVerdict } {
  const { facts } = extractIssue(c.text, { date: c.date ?? undefined, places });
  return { facts, verdict: judgeCase(c, facts) };
}

export function parseCases(jsonl: string): Case[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

/** Category code of a case: "S2 sub-park…" → "S2". */
export function categoryCode(c: Case): string {
  return /^\S+/.exec(c.category)?.[0] ?? c.category;
}
