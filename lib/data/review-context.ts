// Reads for the review queue beside each draft (issue 13): the paragraph around its sentence
// with the mentions its subject and year come from marked (re-read by the extractor's stages, as
// the importer does not store them), and the approved reports of the same figure — a different
// value is a conflict, the same one a likely duplicate. Admins only.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import { contextsOf } from '@/lib/review/read-figure';
import { ARTICLE_READ_SELECT, articleOf, extractContextFor } from '@/lib/review/article-reader';
import { sameFamily } from '@/lib/vocab/units';
import type { ReviewArticle } from './review';

export interface ContextMarkDto {
  start: number;
  end: number;
  kind: 'figure' | 'subject' | 'year';
}

export interface ReviewContext {
  paragraph: string;
  /** Offsets into paragraph. */
  marks: ContextMarkDto[];
  /** The sentence inside the paragraph (the rest is shown dimmer). */
  sentence: [number, number];
  /** Where a subject or year named outside the paragraph was read (headline, an earlier paragraph). */
  outside: { kind: 'subject' | 'year'; text: string }[];
}

export interface ReviewConflict {
  factId: number;
  value: string;
  unit: string;
  comparator: string;
  headline: string | null;
  issueDate: string | null;
  /** Same value: the draft likely repeats this report; otherwise the two disagree. */
  same: boolean;
}

export interface ReviewExtras {
  context: ReviewContext | null;
  conflicts: ReviewConflict[];
}

type Subject = { parkId: number | null; regionId: number | null; projectId: number | null; orgId: number | null; orgName: string | null };

/** One subject: the same record, or — for a named organisation without a record — the same name. */
function sameSubject(a: Subject, b: Subject): boolean {
  if (a.parkId !== b.parkId || a.regionId !== b.regionId || a.projectId !== b.projectId || a.orgId !== b.orgId) return false;
  return a.parkId !== null || a.regionId !== null || a.projectId !== null || a.orgId !== null || a.orgName === b.orgName;
}

/** Characters of the paragraph shown before and after the figure's sentence. */
const WINDOW_BEFORE = 160;
const WINDOW_AFTER = 60;

const periodClass = (p: string | null) => (p === null || p === 'FY' || p === 'cumulative' ? '' : p);

/** Context and conflicts for the facts of the queue, by fact id. */
export async function getReviewExtras(articles: ReviewArticle[]): Promise<Map<number, ReviewExtras>> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const out = new Map<number, ReviewExtras>();
  const facts = articles.flatMap((a) => a.facts);
  if (facts.length === 0) return out;
  const ids = facts.map((f) => f.id);
  const rows = await prisma.fact.findMany({
    where: { id: { in: ids } },
    select: { id: true, articleId: true, spanStart: true, spanEnd: true, projectId: true, orgId: true, metricId: true, parkId: true, regionId: true, year: true, kind: true, period: true, unit: true, value: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));

  // Context: one extractor pass per article (reference data loaded once per issue).
  const articleIds = [...new Set(rows.map((r) => r.articleId).filter((x): x is number => x !== null))];
  const stored = articleIds.length ? await prisma.article.findMany({ where: { id: { in: articleIds } }, select: ARTICLE_READ_SELECT }) : [];
  const ctxByIssue = new Map<string, Awaited<ReturnType<typeof extractContextFor>>>();
  for (const a of stored) {
    const k = `${a.issue.date.toISOString()}|${a.issue.publication.name}`;
    let ctx = ctxByIssue.get(k);
    if (!ctx) {
      ctx = await extractContextFor(prisma, { date: a.issue.date, publication: a.issue.publication.name });
      ctxByIssue.set(k, ctx);
    }
    const mine = facts.filter((f) => byId.get(f.id)?.articleId === a.id);
    const spans = mine.flatMap((f) => {
      const r = byId.get(f.id);
      return r && r.spanStart !== null && r.spanEnd !== null
        ? [{ id: f.id, span: [r.spanStart, r.spanEnd] as [number, number], subjectName: f.parkName ?? f.regionName ?? f.orgName, year: f.year }]
        : [];
    });
    const contexts = contextsOf(articleOf(a), ctx, spans);
    for (const s of spans) {
      const c = contexts.get(s.id);
      if (!c) continue;
      // A long paragraph is cut to a window around the sentence; what lies outside is named below it.
      const from = Math.max(c.paragraph.start, Math.min(c.sentence.start, s.span[0]) - WINDOW_BEFORE);
      const to = Math.min(c.paragraph.end, Math.max(c.sentence.end, s.span[1]) + WINDOW_AFTER);
      const p0 = from;
      const shift = from > c.paragraph.start ? 1 : 0; // the leading …
      const inside = (m: { start: number; end: number }) => m.start >= from && m.end <= to;
      out.set(s.id, {
        context: {
          paragraph: `${from > c.paragraph.start ? '…' : ''}${a.body.slice(from, to)}${to < c.paragraph.end ? '…' : ''}`,
          sentence: [Math.max(0, c.sentence.start - p0) + shift, Math.max(0, Math.min(c.sentence.end, to) - p0) + shift],
          marks: [{ start: s.span[0], end: s.span[1], kind: 'figure' as const }, ...c.marks.map((m) => ({ start: m.start, end: m.end, kind: m.role }))]
            .filter(inside)
            .map((m) => ({ ...m, start: m.start - p0 + shift, end: m.end - p0 + shift })),
          outside: c.marks.filter((m) => !inside(m)).map((m) => ({ kind: m.role, text: a.body.slice(m.start, m.end) })),
        },
        conflicts: [],
      });
    }
  }

  // Conflicts: approved reports of the same figure (metric, subject, year, kind, period class, unit family).
  const metricIds = [...new Set(rows.map((r) => r.metricId))];
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))];
  if (years.length) {
    const approved = await prisma.fact.findMany({
      where: { status: 'approved', deletedAt: null, metricId: { in: metricIds }, year: { in: years }, id: { notIn: ids }, metric: { key: { not: 'unclassified' } } },
      select: {
        id: true, metricId: true, parkId: true, regionId: true, projectId: true, orgId: true, orgName: true, year: true, kind: true, period: true, unit: true, value: true, comparator: true,
        article: { select: { headline: true, issue: { select: { date: true } } } },
      },
      orderBy: { id: 'desc' },
      take: 2000,
    });
    for (const f of facts) {
      const r = byId.get(f.id);
      if (!r || r.year === null) continue;
      const hits = approved.filter(
        (x) => x.metricId === r.metricId && x.year === r.year && x.kind === r.kind && sameSubject(x, { ...r, orgName: f.orgName })
          && periodClass(x.period) === periodClass(r.period) && sameFamily(x.unit, r.unit),
      );
      if (!hits.length) continue;
      const entry = out.get(f.id) ?? { context: null, conflicts: [] };
      entry.conflicts = hits.slice(0, 5).map((x) => ({
        factId: x.id, value: x.value.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), unit: x.unit, comparator: x.comparator,
        headline: x.article?.headline ?? null, issueDate: x.article?.issue.date.toISOString().slice(0, 10) ?? null,
        same: x.value.equals(r.value) && x.unit === r.unit,
      }));
      out.set(f.id, entry);
    }
  }
  return out;
}
