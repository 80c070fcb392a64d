// What a figure is (CONTRACTS.md "Kinds"): the one list of fact kinds, with labels. The database
// enum fact_kind, the zod schemas and the pages read it from here (tests/integration/vocab-sql.test.ts
// checks the enum).
export const FACT_KINDS = ['actual', 'target', 'forecast', 'plan'] as const;
export type FactKindCode = (typeof FACT_KINDS)[number];

// `plan` is a project's or programme's planned figure (计划总投资, 建成后年产…), hence 计划.
export const KIND_LABELS: Readonly<Record<FactKindCode, { zh: string; en: string }>> = {
  actual: { zh: '实际', en: 'Actual' },
  target: { zh: '目标', en: 'Target' },
  forecast: { zh: '预计', en: 'Forecast' },
  plan: { zh: '计划', en: 'Plan' },
};

/** The kinds' labels in one language, keyed by kind (for dictionaries and selects). */
export function kindLabels(lang: 'zh' | 'en'): Record<FactKindCode, string> {
  return Object.fromEntries(FACT_KINDS.map((k) => [k, KIND_LABELS[k][lang]])) as Record<FactKindCode, string>;
}

/** A kind code as a word; unknown codes as given. */
export function kindLabel(kind: string, lang: 'zh' | 'en'): string {
  return isFactKind(kind) ? KIND_LABELS[kind][lang] : kind;
}

export function isFactKind(s: string): s is FactKindCode {
  return (FACT_KINDS as readonly string[]).includes(s);
}
