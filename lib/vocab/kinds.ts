// What a figure is (CONTRACTS.md "Kinds"): the one list of fact kinds, with labels. The database
// enum fact_kind, the zod schemas and the pages read it from here (tests/integration/vocab-sql.test.ts
// checks the enum).
export const FACT_KINDS = ['actual', 'target', 'forecast', 'plan'] as const;
export type FactKindCode = (typeof FACT_KINDS)[number];

export const KIND_LABELS: Readonly<Record<FactKindCode, { zh: string; en: string }>> = {
  actual: { zh: '实际', en: 'actual' },
  target: { zh: '目标', en: 'target' },
  forecast: { zh: '预计', en: 'forecast' },
  plan: { zh: '规划', en: 'plan' },
};

export function isFactKind(s: string): s is FactKindCode {
  return (FACT_KINDS as readonly string[]).includes(s);
}
