// Reads of issues as records (admin): the calendar of a publication's year, and one issue with
// its counts, the text's own date check and its audit history.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getReadOnlyPrisma } from '@/lib/db';
import { buildCalendar, findGaps, type CalendarIssue, type CalendarMonth, type Gap } from '@/lib/issues/calendar';
import { checkIssueDate, type DateCheck } from '@/lib/ingest/issue-date';
import { yearMovesOf } from '@/lib/review/issue-years';

export interface PublicationOption {
  id: number;
  name: string;
  issues: number;
}

export interface IssueCalendar {
  publications: PublicationOption[];
  publicationId: number | null;
  year: number;
  years: number[];
  months: CalendarMonth[];
  gaps: Gap[];
  live: number;
  withdrawn: number;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export async function getIssueCalendar(q: { publicationId?: number; year?: number } = {}): Promise<IssueCalendar> {
  await requireRole('admin');
  const prisma = await getReadOnlyPrisma();
  const pubs = await prisma.publication.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, name: true, _count: { select: { issues: true } } },
  });
  const publications = pubs.map((p) => ({ id: p.id, name: p.name, issues: p._count.issues }));
  const chosen = publications.find((p) => p.id === q.publicationId) ?? publications.find((p) => p.issues > 0) ?? publications[0];
  if (!chosen) return { publications, publicationId: null, year: q.year ?? new Date().getUTCFullYear(), years: [], months: [], gaps: [], live: 0, withdrawn: 0 };
  const yearRows = await prisma.$queryRaw<{ y: number }[]>`
    SELECT DISTINCT EXTRACT(YEAR FROM date)::int AS y FROM issue WHERE publication_id = ${chosen.id} ORDER BY y DESC`;
  const years = yearRows.map((r) => Number(r.y));
  const year = q.year ?? years[0] ?? new Date().getUTCFullYear();
  const rows = await prisma.issue.findMany({
    where: { publicationId: chosen.id, date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    select: { id: true, date: true, page: true, deletedAt: true, _count: { select: { articles: true } } },
  });
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await prisma.$queryRaw<{ issue_id: number; drafts: bigint | number; approved: bigint | number }[]>`
        SELECT a.issue_id, count(*) FILTER (WHERE f.status = 'draft') AS drafts, count(*) FILTER (WHERE f.status = 'approved') AS approved
          FROM fact f JOIN article a ON a.id = f.article_id
         WHERE a.issue_id = ANY(${ids}::int[]) AND (f.deleted_at IS NULL OR f.deleted_at = (SELECT i.deleted_at FROM issue i WHERE i.id = a.issue_id))
         GROUP BY a.issue_id`
    : [];
  const byIssue = new Map(counts.map((c) => [c.issue_id, c]));
  const issues: CalendarIssue[] = rows.map((r) => ({
    id: r.id,
    date: isoDate(r.date),
    page: r.page,
    withdrawn: r.deletedAt !== null,
    articles: r._count.articles,
    drafts: Number(byIssue.get(r.id)?.drafts ?? 0),
    approved: Number(byIssue.get(r.id)?.approved ?? 0),
  }));
  const liveDates = issues.filter((i) => !i.withdrawn).map((i) => i.date);
  return {
    publications,
    publicationId: chosen.id,
    year,
    years: years.includes(year) ? years : [year, ...years].sort((a, b) => b - a),
    months: buildCalendar(year, issues),
    gaps: findGaps(liveDates),
    live: liveDates.length,
    withdrawn: issues.length - liveDates.length,
  };
}

export interface IssueRecord {
  id: number;
  version: number;
  publication: string;
  date: string;
  page: string | null;
  sourceFileName: string | null;
  charCount: number;
  createdAt: string;
  importedBy: string | null;
  withdrawn: { at: string; reason: string | null } | null;
  articles: { id: number; ordinal: number; headline: string }[];
  facts: { draft: number; approved: number; rejected: number };
  dateCheck: DateCheck;
  history: { id: number; at: string; user: string | null; action: string; note: string | null }[];
  /**
   * Approved figures whose year was read from an earlier date of the issue (今年, 去年, 上半年…) and
   * would be another year under its date now: left as approved, for the admin to decide.
   */
  yearsToCheck: { factId: number; articleId: number; headline: string; year: number; newYear: number; fromDate: string }[];
}

type AppPrisma = Awaited<ReturnType<typeof getReadOnlyPrisma>>;

/** The approved figures whose year follows the date: against every earlier date of the issue in its history. */
async function yearsToCheck(prisma: AppPrisma, id: number, date: string): Promise<IssueRecord['yearsToCheck']> {
  const changes = await prisma.auditLog.findMany({
    where: { entityType: 'issue', entityId: String(id), action: 'update' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { before: true, after: true },
  });
  const dateOf = (v: unknown): string | null => {
    const d = v && typeof v === 'object' ? (v as { date?: unknown }).date : null;
    return typeof d === 'string' ? d : null;
  };
  const earlier = [...new Set(changes.filter((c) => dateOf(c.before) !== dateOf(c.after)).map((c) => dateOf(c.before)))]
    .filter((d): d is string => d !== null && d !== date);
  const out: IssueRecord['yearsToCheck'] = [];
  for (const from of earlier) {
    for (const m of await yearMovesOf(prisma, id, from, date, ['approved'])) {
      if (!out.some((o) => o.factId === m.factId)) out.push({ factId: m.factId, articleId: m.articleId, headline: m.headline, year: m.from, newYear: m.to, fromDate: from });
    }
  }
  return out.sort((a, b) => a.factId - b.factId);
}

export async function getIssueRecord(id: number): Promise<IssueRecord | null> {
  await requireRole('admin');
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const prisma = await getReadOnlyPrisma();
  const issue = await prisma.issue.findUnique({
    where: { id },
    select: {
      id: true, version: true, date: true, page: true, sourceFileName: true, charCount: true, createdAt: true,
      deletedAt: true, withdrawalReason: true,
      publication: { select: { name: true } },
      importedBy: { select: { displayName: true } },
      articles: { orderBy: { ordinal: 'asc' }, select: { id: true, ordinal: true, headline: true, body: true } },
    },
  });
  if (!issue) return null;
  // The withdrawn issue's own facts are those deleted with it (same timestamp).
  const deletedAt = issue.deletedAt ? { equals: issue.deletedAt } : null;
  const [groups, history] = await Promise.all([
    prisma.fact.groupBy({ by: ['status'], where: { article: { issueId: id }, deletedAt }, _count: { _all: true } }),
    prisma.auditLog.findMany({
      where: { entityType: 'issue', entityId: String(id) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 50,
      select: { id: true, createdAt: true, action: true, note: true, user: { select: { displayName: true } } },
    }),
  ]);
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  const date = isoDate(issue.date);
  return {
    id: issue.id,
    version: issue.version,
    publication: issue.publication.name,
    date,
    page: issue.page,
    sourceFileName: issue.sourceFileName,
    charCount: issue.charCount,
    createdAt: issue.createdAt.toISOString(),
    importedBy: issue.importedBy?.displayName ?? null,
    withdrawn: issue.deletedAt ? { at: issue.deletedAt.toISOString(), reason: issue.withdrawalReason } : null,
    articles: issue.articles.map((a) => ({ id: a.id, ordinal: a.ordinal, headline: a.headline })),
    facts: { draft: count('draft'), approved: count('approved'), rejected: count('rejected') },
    dateCheck: checkIssueDate(issue.articles.map((a) => `${a.headline}\n${a.body}`).join('\n\n'), date),
    history: history.map((h) => ({ id: h.id, at: h.createdAt.toISOString(), user: h.user?.displayName ?? null, action: h.action, note: h.note })),
    yearsToCheck: !issue.deletedAt && count('approved') > 0 ? await yearsToCheck(prisma, id, date) : [],
  };
}
