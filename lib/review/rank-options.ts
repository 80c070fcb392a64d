// Picker search: what an admin types ranks exact names first, then names that start with it,
// then names that contain it (重点项目 before 精准服务重点项目); aliases and keys count too, a
// little behind the name. Client-safe and pure.

export interface RankableOption {
  id: number;
  label: string;
  /** Other words the option answers to (key, English name, aliases). */
  terms: string[];
}

function fold(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/** 0 exact name, 1 exact term, 2 name prefix, 3 term prefix, 4 name contains, 5 term contains; null no match. */
export function matchRank(o: RankableOption, query: string): number | null {
  const q = fold(query);
  if (!q) return 6;
  const label = fold(o.label);
  const terms = o.terms.map(fold);
  if (label === q) return 0;
  if (terms.includes(q)) return 1;
  if (label.startsWith(q)) return 2;
  if (terms.some((t) => t.startsWith(q))) return 3;
  if (label.includes(q)) return 4;
  if (terms.some((t) => t.includes(q))) return 5;
  return null;
}

/** The options that match, best first (shorter names first within a rank, then as given). */
export function rankOptions<T extends RankableOption>(options: readonly T[], query: string, limit = 50): T[] {
  const scored: { o: T; r: number; i: number }[] = [];
  options.forEach((o, i) => {
    const r = matchRank(o, query);
    if (r !== null) scored.push({ o, r, i });
  });
  if (fold(query)) scored.sort((a, b) => a.r - b.r || a.o.label.length - b.o.label.length || a.i - b.i);
  return scored.slice(0, limit).map((x) => x.o);
}

/** The one option whose name (or else one term) is exactly what was typed; null when none or ambiguous. */
export function exactOption<T extends RankableOption>(options: readonly T[], query: string): T | null {
  const q = fold(query);
  if (!q) return null;
  const byName = options.filter((o) => fold(o.label) === q);
  if (byName.length === 1) return byName[0] ?? null;
  if (byName.length > 1) return null;
  const byTerm = options.filter((o) => o.terms.some((t) => fold(t) === q));
  return byTerm.length === 1 ? (byTerm[0] ?? null) : null;
}
