// The calendar of a publication's year: which days have an issue (live or withdrawn) and the gaps
// between them. Pure (tested in tests/unit/issues).

export interface CalendarIssue {
  id: number;
  date: string;
  page: string | null;
  withdrawn: boolean;
  articles: number;
  drafts: number;
  approved: number;
}

export interface CalendarDay {
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  issues: CalendarIssue[];
}

export interface CalendarMonth {
  month: number;
  /** Days of the month, with empty cells before the 1st so weeks line up (null). */
  cells: (CalendarDay | null)[];
  issueDays: number;
}

export interface Gap {
  from: string;
  to: string;
  days: number;
}

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

export function buildCalendar(year: number, issues: CalendarIssue[]): CalendarMonth[] {
  const byDate = new Map<string, CalendarIssue[]>();
  for (const i of issues) byDate.set(i.date, [...(byDate.get(i.date) ?? []), i]);
  const months: CalendarMonth[] = [];
  for (let m = 0; m < 12; m++) {
    const first = Date.UTC(year, m, 1);
    const offset = (new Date(first).getUTCDay() + 6) % 7;
    const cells: (CalendarDay | null)[] = Array.from({ length: offset }, () => null);
    let issueDays = 0;
    for (let t = first; new Date(t).getUTCMonth() === m; t += DAY) {
      const date = iso(t);
      const list = byDate.get(date) ?? [];
      if (list.some((i) => !i.withdrawn)) issueDays++;
      cells.push({ date, weekday: (new Date(t).getUTCDay() + 6) % 7, issues: list });
    }
    months.push({ month: m + 1, cells, issueDays });
  }
  return months;
}

/**
 * Runs of days without a live issue between the first and the last live issue of the range
 * (before the first and after the last is "not collected yet", not a gap).
 */
export function findGaps(liveDates: string[], minDays = 1): Gap[] {
  const dates = [...new Set(liveDates)].sort();
  const gaps: Gap[] = [];
  for (let k = 1; k < dates.length; k++) {
    const a = Date.parse(`${dates[k - 1]}T00:00:00Z`);
    const b = Date.parse(`${dates[k]}T00:00:00Z`);
    const days = Math.round((b - a) / DAY) - 1;
    if (days >= minDays) gaps.push({ from: iso(a + DAY), to: iso(b - DAY), days });
  }
  return gaps;
}
