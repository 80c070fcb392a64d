// Periods a figure can be about (CONTRACTS.md): FY, H1/H2, Q1–Q4, Mnn-Mnn (cumulative months),
// cumulative, or none. The period rule — no period, FY and cumulative are one whole-year figure —
// lives here and in the SQL function period_class() (migration 20261202060100), which
// tests/integration/vocab-sql.test.ts checks against periodClass().
export const PERIOD_PATTERN = /^(FY|H[12]|Q[1-4]|M(0[1-9]|1[0-2])-M(0[1-9]|1[0-2])|cumulative)$/;

export function isPeriod(s: string): boolean {
  return PERIOD_PATTERN.test(s);
}

/** '' for the whole year (no period, FY, cumulative), else the period itself. */
export function periodClass(period: string | null | undefined): string {
  return period === null || period === undefined || period === 'FY' || period === 'cumulative' ? '' : period;
}

export function isWholeYear(period: string | null | undefined): boolean {
  return periodClass(period) === '';
}

/** The named periods a form offers (cumulative months Mnn-Mnn are typed). */
export const NAMED_PERIODS = ['FY', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4', 'cumulative'] as const;
export type NamedPeriod = (typeof NAMED_PERIODS)[number];

export const PERIOD_LABELS: Readonly<Record<NamedPeriod, { zh: string; en: string }>> = {
  FY: { zh: '全年', en: 'full year' },
  H1: { zh: '上半年', en: 'H1' },
  H2: { zh: '下半年', en: 'H2' },
  Q1: { zh: '一季度', en: 'Q1' },
  Q2: { zh: '二季度', en: 'Q2' },
  Q3: { zh: '三季度', en: 'Q3' },
  Q4: { zh: '四季度', en: 'Q4' },
  cumulative: { zh: '累计', en: 'cumulative' },
};

export function periodLabel(period: string | null, lang: 'zh' | 'en'): string {
  if (period === null) return '';
  const known = (PERIOD_LABELS as Readonly<Record<string, { zh: string; en: string } | undefined>>)[period];
  if (known) return known[lang];
  const m = /^M(\d{2})-M(\d{2})$/.exec(period);
  if (m) return lang === 'zh' ? `${Number(m[1])}—${Number(m[2])}月` : `Jan–${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1] ?? m[2]}`;
  return period;
}
