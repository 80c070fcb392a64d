// Promises and delivery: the targets of a year with the actual that best answers each (progress
// compared like with like, lib/vocab/progress.ts), and one target's timeline — every report of
// the target and of the actuals for the same figure, each with its sentence. A target is named by
// the id of any of its reports, so its address survives new reports of it.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { cached } from '@/lib/data/read-cache';
import type { MetricRef, Places, RegionRef, SourceRef } from '@/lib/vocab/shapes';
import type { ComparatorCode, FactKindCode } from '@/lib/vocab/shapes';
import { figureFamily } from '@/lib/vocab/figure';
import { periodClass } from '@/lib/vocab/periods';
import { bestActual, progress, type Progress, type PromiseSide } from '@/lib/vocab/progress';
import { getMetrics } from './metrics-view';
import { getSubjectFigures, isoDate, type SubjectFigure } from './provenance';
import { getPlaces } from './regions';
import { canonicalDecimal } from '@/lib/vocab/units';

export interface SubjectRef {
  type: 'park' | 'region' | 'project' | 'org';
  id: number;
  name: string;
  nameEn: string | null;
  href: string | null;
}

/** One target with the actual that answers it best (null: 目标已定，尚无实际). */
export interface TargetItem {
  /** The target's latest report: the address of its timeline (/targets/<id>). */
  id: number;
  metric: MetricRef;
  subject: SubjectRef;
  year: number;
  period: string | null;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  source: SourceRef;
  actual: { value: string; unit: string; comparator: ComparatorCode; period: string | null; source: SourceRef } | null;
  progress: Progress;
}

const side = (f: SubjectFigure): PromiseSide => ({
  metricId: f.metricId,
  parkId: f.parkId,
  regionId: f.regionId,
  projectId: f.projectId,
  orgId: f.orgId,
  year: f.year,
  period: f.period,
  unit: f.unit,
  value: f.value,
  comparator: f.comparator,
  date: f.latest.date,
});

function subjectOf(f: { parkId: number | null; regionId: number | null }, places: Places): SubjectRef | null {
  if (f.parkId !== null) {
    const p = places.parks.find((x) => x.id === f.parkId);
    return p ? { type: 'park', id: p.id, name: p.name, nameEn: p.nameEn, href: `/parks/${p.id}` } : null;
  }
  const r = [places.city, ...places.counties].find((x): x is RegionRef => x !== null && x.id === f.regionId);
  return r ? { type: 'region', id: r.id, name: r.name, nameEn: r.nameEn, href: `/regions/${r.code}` } : null;
}

/**
 * Pairs each target figure with the actual figure that answers it best (pure; exported for tests).
 * The city's own targets come first, then counties' and parks', each in metric order.
 */
export function linkTargets(figures: readonly SubjectFigure[], metrics: readonly MetricRef[], places: Places): TargetItem[] {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  // The actuals of each metric, year and subject (one pass; a filter per target grew as targets × actuals).
  const subjectKey = (f: SubjectFigure) => `${f.metricId}:${f.year}:${f.parkId}:${f.regionId}`;
  const actuals = new Map<string, SubjectFigure[]>();
  for (const f of figures) {
    if (f.kind !== 'actual') continue;
    const list = actuals.get(subjectKey(f));
    if (list) list.push(f);
    else actuals.set(subjectKey(f), [f]);
  }
  const out: TargetItem[] = [];
  for (const t of figures) {
    if (t.kind !== 'target') continue;
    const metric = byId.get(t.metricId);
    const subject = subjectOf(t, places);
    if (!metric || !subject) continue;
    const target = side(t);
    const mine = actuals.get(subjectKey(t)) ?? [];
    const best = bestActual(target, mine.map((a) => ({ ...side(a), figure: a })));
    out.push({
      id: t.latest.factId,
      metric,
      subject,
      year: t.year,
      period: t.period,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      source: t.latest,
      actual: best ? { value: best.value, unit: best.unit, comparator: best.comparator, period: best.period, source: best.figure.latest } : null,
      progress: progress(target, best, metric),
    });
  }
  const rank = (s: SubjectRef) => (s.type === 'region' && s.id === places.city?.id ? 0 : s.type === 'region' ? 1 : 2);
  return out.sort((a, b) => rank(a.subject) - rank(b.subject) || a.subject.id - b.subject.id || a.metric.id - b.metric.id);
}

/** The targets of a year for the city, its counties and its parks, each with its best actual. */
export async function getYearTargets(year: number): Promise<TargetItem[]> {
  await requireRole('viewer');
  return cached(`overview:targets:${year}`, async () => {
    const [places, metrics] = await Promise.all([getPlaces(), getMetrics()]);
    const regionIds = [places.city, ...places.counties].filter((r): r is RegionRef => r !== null).map((r) => r.id);
    // Every period: a half-year actual answers a full-year target "截至6月".
    const figures = await getSubjectFigures({
      years: [year],
      kinds: ['target', 'actual'],
      periods: 'all',
      parkIds: places.parks.map((p) => p.id),
      regionIds: regionIds.length ? regionIds : [-1],
    });
    return linkTargets(figures, metrics, places);
  });
}

// ---------- one target's timeline ----------

export interface TimelineReport {
  factId: number;
  kind: FactKindCode;
  period: string | null;
  value: string;
  unit: string;
  comparator: ComparatorCode;
  source: SourceRef;
  /** For an actual: what it covers of the target and how far it got. Null for the target's own reports. */
  progress: Progress | null;
}

export interface TargetTimeline {
  id: number;
  metric: MetricRef;
  subject: SubjectRef;
  year: number;
  /** The target as it stands (its latest report) and every report of it. */
  target: TimelineReport;
  targetReports: TimelineReport[];
  /** Actual reports of the same figure, earliest first (by issue date): the delivery so far. */
  actuals: TimelineReport[];
  /** The actual that answers the target best, and its progress. */
  latest: TimelineReport | null;
  /** Actual reports of the same subject, metric and year that cannot be compared (other unit, lone quarter…). */
  notComparable: TimelineReport[];
}

interface ReportRow {
  id: number;
  metricId: number;
  parkId: number | null;
  regionId: number | null;
  projectId: number | null;
  orgId: number | null;
  year: number | null;
  period: string | null;
  kind: FactKindCode;
  value: { toString(): string };
  unit: string;
  comparator: ComparatorCode;
  articleId: number | null;
  evidence: string | null;
  sourceNote: string | null;
  article: { headline: string; issue: { date: Date } } | null;
}

function toReport(r: ReportRow): TimelineReport & { side: PromiseSide } {
  const date = r.article ? isoDate(r.article.issue.date) : null;
  const value = canonicalDecimal(r.value.toString());
  return {
    factId: r.id,
    kind: r.kind,
    period: r.period,
    value,
    unit: r.unit,
    comparator: r.comparator,
    source: { factId: r.id, articleId: r.articleId, date, headline: r.article?.headline ?? null, evidence: r.evidence, sourceNote: r.sourceNote },
    progress: null,
    side: {
      metricId: r.metricId,
      parkId: r.parkId,
      regionId: r.regionId,
      projectId: r.projectId,
      orgId: r.orgId,
      year: r.year ?? 0,
      period: r.period,
      unit: r.unit,
      value,
      comparator: r.comparator,
      date,
    },
  };
}

const byDate = (a: TimelineReport, b: TimelineReport) => (a.source.date ?? '').localeCompare(b.source.date ?? '') || a.factId - b.factId;

/** Splits one subject's reports of a metric and year into the target, its actuals and the rest (pure; exported for tests). */
export function buildTimeline(
  targetFactId: number,
  rows: readonly (TimelineReport & { side: PromiseSide })[],
  metric: MetricRef,
): Omit<TargetTimeline, 'id' | 'metric' | 'subject' | 'year'> | null {
  const anchor = rows.find((r) => r.factId === targetFactId && r.kind === 'target');
  if (!anchor) return null;
  // The target's reports: the same period class and unit family as the report named in the address.
  const targetReports = rows
    .filter((r) => r.kind === 'target' && periodClass(r.period) === periodClass(anchor.period) && figureFamily(r.unit) === figureFamily(anchor.unit))
    .sort(byDate);
  const target = targetReports.at(-1) ?? anchor;
  const actuals: TimelineReport[] = [];
  const notComparable: TimelineReport[] = [];
  for (const r of rows) {
    if (r.kind !== 'actual') continue;
    const p = progress(target.side, r.side, metric);
    const item = { ...r, progress: p };
    if (p.status === 'not_comparable') notComparable.push(item);
    else actuals.push(item);
  }
  actuals.sort(byDate);
  const sides = new Map(rows.map((r) => [r.factId, r.side]));
  const bestSide = bestActual(target.side, actuals.map((a) => ({ ...sides.get(a.factId)!, factId: a.factId })));
  const latest = bestSide ? (actuals.find((a) => a.factId === bestSide.factId) ?? null) : null;
  const strip = (r: TimelineReport & { side?: PromiseSide }): TimelineReport => {
    const { side: _s, ...rest } = r;
    return rest;
  };
  return {
    target: strip(target),
    targetReports: targetReports.map(strip),
    actuals: actuals.map(strip),
    latest: latest ? strip(latest) : null,
    notComparable: notComparable.sort(byDate).map(strip),
  };
}

/** One target's timeline, named by any approved report of it; null when there is no such target. */
export async function getTargetTimeline(factId: number): Promise<TargetTimeline | null> {
  await requireRole('viewer');
  if (!Number.isInteger(factId) || factId < 1 || factId > 2_147_483_647) return null;
  const prisma = await getPrisma();
  const live: Prisma.FactWhereInput = { deletedAt: null, status: 'approved', OR: [{ articleId: null }, { article: { issue: { deletedAt: null } } }] };
  const anchor = await prisma.fact.findFirst({
    where: { id: factId, kind: 'target', year: { not: null }, ...live },
    select: { metricId: true, parkId: true, regionId: true, projectId: true, orgId: true, year: true },
  });
  if (!anchor || anchor.year === null) return null;
  const metric = (await getMetrics()).find((m) => m.id === anchor.metricId);
  if (!metric) return null;
  const rows: ReportRow[] = await prisma.fact.findMany({
    where: {
      ...live,
      metricId: anchor.metricId,
      parkId: anchor.parkId,
      regionId: anchor.regionId,
      projectId: anchor.projectId,
      orgId: anchor.orgId,
      year: anchor.year,
      kind: { in: ['target', 'actual'] },
    },
    select: {
      id: true,
      metricId: true,
      parkId: true,
      regionId: true,
      projectId: true,
      orgId: true,
      year: true,
      period: true,
      kind: true,
      value: true,
      unit: true,
      comparator: true,
      articleId: true,
      evidence: true,
      sourceNote: true,
      article: { select: { headline: true, issue: { select: { date: true } } } },
    },
    orderBy: { id: 'asc' },
  });
  const built = buildTimeline(factId, rows.map(toReport), metric);
  if (!built) return null;
  const subject = await subjectName(anchor);
  if (!subject) return null;
  return { id: built.target.factId, metric, subject, year: anchor.year, ...built };
}

async function subjectName(f: { parkId: number | null; regionId: number | null; projectId: number | null; orgId: number | null }): Promise<SubjectRef | null> {
  const prisma = await getPrisma();
  if (f.parkId !== null) {
    const p = await prisma.park.findUnique({ where: { id: f.parkId }, select: { id: true, name: true, nameEn: true } });
    return p ? { type: 'park', ...p, href: `/parks/${p.id}` } : null;
  }
  if (f.regionId !== null) {
    const r = await prisma.region.findUnique({ where: { id: f.regionId }, select: { id: true, code: true, name: true, nameEn: true } });
    return r ? { type: 'region', id: r.id, name: r.name, nameEn: r.nameEn, href: `/regions/${r.code}` } : null;
  }
  if (f.projectId !== null) {
    const p = await prisma.project.findUnique({ where: { id: f.projectId }, select: { id: true, name: true } });
    return p ? { type: 'project', id: p.id, name: p.name, nameEn: null, href: null } : null;
  }
  if (f.orgId !== null) {
    const o = await prisma.organization.findUnique({ where: { id: f.orgId }, select: { id: true, name: true } });
    return o ? { type: 'org', id: o.id, name: o.name, nameEn: null, href: null } : null;
  }
  return null;
}

