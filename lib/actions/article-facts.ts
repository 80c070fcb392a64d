'use server';
// Taking a figure the extractor missed from the admin's article view: the admin selects a span
// and proposeFigure reads it with the extractor's own quantity reader and stages (storing it is
// createArticleFact in ./facts, next to the other fact mutations).
import { proposeSchema } from '@/lib/validations/facts';
import { asWrittenLabel, unitInputLabel } from '@/lib/numbers/as-written';
import { readFigureAt, type ContextMark } from '@/lib/review/read-figure';
import { ARTICLE_READ_SELECT, articleOf, extractContextFor } from '@/lib/review/article-reader';
import { withAction, type ActionResult } from './result';

export interface FigureProposal {
  span: [number, number];
  raw: string;
  /** The value as the editor shows it (3.8亿元), and the unit by its Chinese name ('' when the text names none). */
  valueText: string;
  unitText: string;
  comparator: string;
  kind: string;
  year: number | null;
  period: string | null;
  metricId: number | null;
  metricLabel: string;
  subjectType: 'park' | 'region' | 'project' | 'org' | 'none';
  parkId: number | null;
  regionId: number | null;
  /** A project or organisation the records already hold under the name the text gives. */
  projectId: number | null;
  orgId: number | null;
  orgName: string | null;
  evidence: string;
  /** The paragraph around the figure and the marked mentions (offsets into the paragraph). */
  paragraph: string;
  marks: (ContextMark & { kind: 'figure' | 'subject' | 'year' })[];
  /** Facts already stored on this span (the extractor or an admin took it before). */
  existing: number[];
}

const proposeAction = withAction('admin', proposeSchema, async (input, { tx }): Promise<ActionResult<FigureProposal>> => {
  const row = await tx.article.findUnique({ where: { id: input.articleId }, select: ARTICLE_READ_SELECT });
  if (!row) return { ok: false, status: 404, message: '文章不存在' };
  const ctx = await extractContextFor(tx, { date: row.issue.date, publication: row.issue.publication.name });
  const r = readFigureAt(articleOf(row), ctx, input.start, input.end);
  if ('error' in r) return { ok: false, status: 400, message: r.error };
  const subject = r.subject;
  const [metric, park, region, existing, project, org] = await Promise.all([
    tx.metric.findFirst({ where: { key: r.metric.key, deletedAt: null, mergedIntoId: null }, select: { id: true } }),
    subject?.type === 'park' ? tx.park.findFirst({ where: { name: subject.name, deletedAt: null }, select: { id: true } }) : null,
    subject?.type === 'region' ? tx.region.findFirst({ where: { name: subject.name, deletedAt: null }, select: { id: true } }) : null,
    tx.fact.findMany({ where: { articleId: row.id, deletedAt: null, spanStart: { lt: r.span[1] }, spanEnd: { gt: r.span[0] } }, select: { id: true } }),
    subject?.type === 'project' ? tx.project.findFirst({ where: { name: subject.name, deletedAt: null }, select: { id: true } }) : null,
    subject && subject.type !== 'project' ? tx.organization.findFirst({ where: { name: subject.name, deletedAt: null }, select: { id: true } }) : null,
  ]);
  // A park or region the database does not know is kept by name, as the importer does.
  const subjectType = !subject ? 'none' : park ? 'park' : region ? 'region' : subject.type === 'project' ? 'project' : 'org';
  const p0 = r.paragraph.start;
  return {
    ok: true,
    data: {
      span: r.span,
      raw: r.raw,
      valueText: r.unit ? asWrittenLabel(r.value, r.unit) : r.value,
      unitText: r.unit ? unitInputLabel(r.unit) : '',
      comparator: r.comparator,
      kind: r.kind,
      year: r.year,
      period: r.period,
      metricId: metric?.id ?? null,
      metricLabel: r.metric.label,
      subjectType,
      parkId: park?.id ?? null,
      regionId: region?.id ?? null,
      projectId: subjectType === 'project' ? (project?.id ?? null) : null,
      orgId: subjectType === 'org' ? (org?.id ?? null) : null,
      orgName: subjectType === 'org' || subjectType === 'project' ? (subject?.name ?? null) : null,
      evidence: r.evidence,
      paragraph: row.body.slice(r.paragraph.start, r.paragraph.end),
      marks: [{ start: r.span[0], end: r.span[1], role: 'subject' as const, kind: 'figure' as const }, ...r.marks.map((m) => ({ ...m, kind: m.role }))]
        .filter((m) => m.start >= r.paragraph.start && m.end <= r.paragraph.end)
        .map((m) => ({ ...m, start: m.start - p0, end: m.end - p0 })),
      existing: existing.map((f) => f.id),
    },
  };
});

/** What the extractor reads in a selection of an article: { articleId, start, end } (body offsets). */
export async function proposeFigure(input: unknown): Promise<ActionResult<FigureProposal>> {
  return proposeAction(input);
}
