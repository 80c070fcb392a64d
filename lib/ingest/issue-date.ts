// Checks an issue's date against today and against the text itself: the masthead date
// (2023年5月19日 星期五) when there is one, else the datelines (本报讯…5月18日) — an issue usually
// prints the previous day's news. Pure: "today" is passed in.

export interface DateCheck {
  /** Set when the date cannot be accepted (after today). */
  error: string | null;
  /** The text's own dates point elsewhere. */
  warning: string | null;
  /** The date the text suggests (YYYY-MM-DD), or null when it says nothing usable. */
  proposed: string | null;
  /** Where the proposal comes from. */
  basis: 'masthead' | 'dateline' | null;
}

/** Today in China (YYYY-MM-DD): the paper's dates are Beijing time whatever the server's zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function num(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  // 十八, 二十, 二十一, 二〇二三 (digit by digit)
  if (ascii.length === 4 && !ascii.includes('十')) return Number([...ascii].map((c) => CN_DIGIT[c] ?? 0).join(''));
  const [tens, ones] = ascii.split('十');
  if (ascii.includes('十')) return (tens ? (CN_DIGIT[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? 0) : 0);
  return CN_DIGIT[ascii] ?? NaN;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1) return null;
  return back.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

const D = '[0-9０-９〇零一二三四五六七八九十]';
const FULL_DATE = new RegExp(`(${D}{4})\\s*年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,3})\\s*日\\s*(星期|周)?`, 'g');
// 本报讯（记者 …）5月18日 / 本报5月18日讯 / 湘潭日报5月18日讯
const DATELINE = new RegExp(`(?:本报讯|日报讯|讯)[^\\n。]{0,40}?(${D}{1,2})\\s*月\\s*(${D}{1,3})\\s*日|本报\\s*(${D}{1,2})\\s*月\\s*(${D}{1,3})\\s*日\\s*讯`, 'g');

const BARE_YEAR = /(到|至|力争|计划|预计|目标|规划|截至)?\s*((?:19|20)\d{2})\s*年/g;

/**
 * The year a text without full dates reports from: the latest year it mentions that is not a goal
 * (到2025年, 力争2025年…) and not after the current year. A guess, checked like any other date.
 */
function latestReportedYear(text: string, now: Date = new Date()): number | undefined {
  const current = now.getUTCFullYear();
  let best: number | undefined;
  for (const m of text.matchAll(BARE_YEAR)) {
    if (m[1]) continue;
    const y = Number(m[2]);
    if (y <= current && (best === undefined || y > best)) best = y;
  }
  return best;
}

/** The date the text suggests: a masthead date near the top, else the latest dateline + 1 day. */
export function proposeIssueDate(text: string, yearHint?: number): { date: string; basis: 'masthead' | 'dateline' } | null {
  const head = text.slice(0, 400);
  for (const m of head.matchAll(FULL_DATE)) {
    const d = iso(num(m[1] ?? ''), num(m[2] ?? ''), num(m[3] ?? ''));
    if (d) return { date: d, basis: 'masthead' };
  }
  // Year of the datelines: the most frequent year of the full dates in the text, else the hint.
  const years = new Map<number, number>();
  for (const m of text.matchAll(FULL_DATE)) {
    const y = num(m[1] ?? '');
    if (y >= 1949 && y <= 2100) years.set(y, (years.get(y) ?? 0) + 1);
  }
  const year = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? yearHint ?? latestReportedYear(text);
  if (year === undefined) return null;
  let latest: string | null = null;
  for (const m of text.matchAll(DATELINE)) {
    const month = num(m[1] ?? m[3] ?? '');
    const day = num(m[2] ?? m[4] ?? '');
    const d = iso(year, month, day);
    if (d && (latest === null || d > latest)) latest = d;
  }
  return latest ? { date: addDays(latest, 1), basis: 'dateline' } : null;
}

/** How far the given date may be from the text's own before a warning (datelines lag 1–2 days). */
const TOLERANCE_DAYS = 3;

export function checkIssueDate(text: string, date: string, today: string = todayInChina()): DateCheck {
  const hint = /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined;
  const p = proposeIssueDate(text, hint);
  const proposed = p && p.date <= today ? p.date : null;
  const basis = proposed ? (p?.basis ?? null) : null;
  if (date > today) {
    return { error: `出版日期 ${date} 晚于今天（${today}），请检查`, warning: null, proposed, basis };
  }
  if (proposed && Math.abs(daysBetween(date, proposed)) > TOLERANCE_DAYS) {
    const from = basis === 'masthead' ? '报头日期' : '电头日期';
    return { error: null, warning: `正文的${from}指向 ${proposed}，与所填日期 ${date} 不符`, proposed, basis };
  }
  return { error: null, warning: null, proposed, basis };
}
