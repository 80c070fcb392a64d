// Aggregates of whole-year figures of parks and regions for the API and the explorer: one
// figure counts once (its latest report, from fact_figure), overlapping subjects are dropped,
// and each metric's rule (sum, latest, none) decides whether a group has a value.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getReadOnlyPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { FactFilters, FactKindParam, GroupBy } from '@/lib/validations/api';
import { figureFamily } from '@/lib/vocab/figure';
import type { AggregationCode } from '@/lib/vocab/shapes';
import { canonicalDecimal, convert, Decimal, decimalString } from '@/lib/vocab/units';
import { filterConditions, FROM, keyConditions, loadPlaceTree, statusesFor, type PlaceTree } from './fact-scope';
import { isoDate } from './provenance';

export interface AggregateRow {
  group: {
    park: { id: number; name: string } | null;
    region: { id: number; code: string; name: string } | null;
    year: number | null;
  };
  metric: { key: string; nameZh: string; nameEn: string; aggregation: AggregationCode };
  unit: string;
  kind: FactKindParam;
  /** null when the metric's rule does not allow combining this group's figures. */
  value: string | null;
  /** Distinct figures combined (after dropping overlapping subjects), and the reports behind them. */
  figures: number;
  /** Figures among them whose reports disagree (to be settled by an admin). */
  conflicts: number;
  reports: number;
  latest: { factId: number; articleId: number | null; issueDate: string | null; headline: string | null; evidence: string | null };
}

interface RawFigure {
  id: number;
  metric_key: string;
  metric_unit: string;
  value_count: number;
  metric_name_zh: string;
  metric_name_en: string;
  aggregation: AggregationCode;
  park_id: number | null;
  region_id: number | null;
  year: number;
  kind: FactKindParam;
  value: string;
  unit: string;
  article_id: number | null;
  issue_date: Date | string | null;
  headline: string | null;
  evidence: string | null;
  reports: bigint | number;
}

/** 'p:<id>' or 'r:<id>' */
type SubjectKey = string;

/**
 * Aggregates whole-year figures (no period, FY or cumulative) of parks and regions. A figure
 * reported several times counts once (its latest report). Groups never mix metrics, units or
 * kinds. Within a group, a figure whose subject lies inside another figure's subject for the
 * same year is dropped (a county's own total already contains its parks). Then per metric rule:
 * sum → exact sum; latest → the latest year's figure when the group has one subject, else null;
 * none → the figure when the group has exactly one, else null.
 */
export async function aggregateFacts(
  groupBy: GroupBy,
  filters: FactFilters,
  opts: { isAdmin?: boolean; via?: 'figures' | 'facts' } = {},
): Promise<AggregateRow[]> {
  await requireRole(opts.isAdmin ? 'admin' : 'viewer');
  const tree = await loadPlaceTree();
  const isAdmin = opts.isAdmin ?? false;
  const statuses = statusesFor(filters, isAdmin);
  const prisma = await getReadOnlyPrisma();
  // Approved figures (everyone but an admin asking for drafts): read the latest report of each
  // figure from fact_figure, kept by triggers; otherwise take it from the facts themselves.
  // `via` lets the tests compare both paths.
  if ((opts.via ?? 'figures') === 'figures' && statuses.length === 1 && statuses[0] === 'approved') {
    const keys = await keyConditions(filters, 'ff', tree);
    if (!keys) return [];
    keys.push(Prisma.sql`ff.period = ''`); // whole-year figures
    // of parks and regions: a project's or an organisation's figure is not its place's own
    keys.push(Prisma.sql`(ff.park_id IS NOT NULL OR ff.region_id IS NOT NULL)`);
    const figures = await prisma.$queryRaw<RawFigure[]>`
      SELECT f.id, m.key AS metric_key, m.unit AS metric_unit, ff.value_count, m.name_zh AS metric_name_zh, m.name_en AS metric_name_en,
             m.aggregation::text AS aggregation, f.park_id, f.region_id, f.year, f.kind::text AS kind,
             f.value::text AS value, f.unit, f.article_id, i.date AS issue_date, a.headline, f.evidence,
             ff.reports
      FROM fact_figure ff
      JOIN fact f ON f.id = ff.latest_fact_id
      JOIN metric m ON m.id = ff.metric_id
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
      WHERE ${Prisma.join(keys, ' AND ')}
      ORDER BY ff.metric_id, ff.unit_family, ff.kind, ff.year, ff.park_id, ff.region_id, ff.event`;
    return combineFigures(groupBy, figures, tree);
  }
  const where = await filterConditions(filters, isAdmin, tree);
  if (!where) return [];
  where.push(Prisma.sql`f.year IS NOT NULL`);
  where.push(Prisma.sql`(f.park_id IS NOT NULL OR f.region_id IS NOT NULL)`);
  where.push(Prisma.sql`(f.period IS NULL OR f.period IN ('FY', 'cumulative'))`);
  // The same figure rule as fact_figure (the SQL functions of migration 20261202060100).
  const figures = await prisma.$queryRaw<RawFigure[]>`
    WITH r AS (
      SELECT f.id, m.key AS metric_key, m.unit AS metric_unit, m.name_zh AS metric_name_zh, m.name_en AS metric_name_en,
             m.aggregation::text AS aggregation, f.metric_id, f.park_id, f.region_id, f.year, f.kind,
             f.value::text AS value, f.unit, f.article_id, i.date AS issue_date, a.headline, f.evidence,
             unit_family(f.unit) AS family, figure_event(m.nature, f.event_key, f.value, f.unit) AS event,
             unit_base_value(f.value, f.unit) AS base_value
      ${FROM}
      WHERE ${Prisma.join(where, ' AND ')}
    ), g AS (
      SELECT (array_agg(id ORDER BY issue_date DESC NULLS LAST, id DESC))[1] AS latest, count(*) AS reports,
             count(DISTINCT base_value)::int AS value_count
        FROM r GROUP BY metric_id, family, kind, year, park_id, region_id, event
    )
    SELECT r.id, r.metric_key, r.metric_unit, r.metric_name_zh, r.metric_name_en, r.aggregation, r.park_id, r.region_id,
           r.year, r.kind::text AS kind, r.value, r.unit, r.article_id, r.issue_date, r.headline, r.evidence,
           g.reports, g.value_count
      FROM g JOIN r ON r.id = g.latest
     ORDER BY r.metric_id, r.family, r.kind, r.year, r.park_id, r.region_id, r.event`;
  return combineFigures(groupBy, figures, tree);
}

function combineFigures(groupBy: GroupBy, figures: RawFigure[], tree: PlaceTree): AggregateRow[] {
  const regionById = new Map(tree.regions.map((r) => [r.id, r]));
  const parkById = new Map(tree.parks.map((p) => [p.id, p]));
  const subjectOf = (f: RawFigure): SubjectKey => (f.park_id !== null ? `p:${f.park_id}` : `r:${f.region_id ?? 0}`);
  /** Regions containing a subject (excluding a region itself). */
  const ancestors = (s: SubjectKey): Set<SubjectKey> => {
    const out = new Set<SubjectKey>();
    const id = Number(s.slice(2));
    let regionId: number | null | undefined = s.startsWith('p:') ? parkById.get(id)?.regionId : regionById.get(id)?.parentId;
    while (regionId !== null && regionId !== undefined && !out.has(`r:${regionId}`)) {
      out.add(`r:${regionId}`);
      regionId = regionById.get(regionId)?.parentId;
    }
    return out;
  };
  const regionOf = (f: RawFigure): number | null => (f.park_id !== null ? (parkById.get(f.park_id)?.regionId ?? null) : f.region_id);

  // Group key: metric + unit + kind + the groupBy dimension.
  const groups = new Map<string, RawFigure[]>();
  for (const f of figures) {
    let dim: string;
    if (groupBy === 'park') {
      if (f.park_id === null) continue;
      dim = String(f.park_id);
    } else if (groupBy === 'region') {
      dim = String(regionOf(f) ?? 'none');
    } else if (groupBy === 'year') {
      dim = String(f.year);
    } else {
      dim = '';
    }
    const key = JSON.stringify([f.metric_key, figureFamily(f.unit), f.kind, dim]);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }

  const out: AggregateRow[] = [];
  for (const list of groups.values()) {
    // Drop figures inside another figure's subject for the same year (no double counting).
    const subjectsByYear = new Map<number, Set<SubjectKey>>();
    for (const f of list) {
      const set = subjectsByYear.get(f.year) ?? new Set<SubjectKey>();
      set.add(subjectOf(f));
      subjectsByYear.set(f.year, set);
    }
    const kept = list.filter((f) => {
      const present = subjectsByYear.get(f.year) ?? new Set<SubjectKey>();
      for (const a of ancestors(subjectOf(f))) if (present.has(a)) return false;
      return true;
    });
    const first = kept[0];
    if (!first) continue;
    const latestFigure = [...kept].sort(
      (a, b) => b.year - a.year || (isoDate(b.issue_date) ?? '').localeCompare(isoDate(a.issue_date) ?? '') || b.id - a.id,
    )[0] ?? first;
    let value: string | null = null;
    const subjects = new Set(kept.map(subjectOf));
    // One unit for the group: the metric's when every figure converts to it, else the first one's.
    const unit = kept.every((f) => convert(f.value, f.unit, first.metric_unit) !== null) ? first.metric_unit : first.unit;
    const inUnit = (f: RawFigure) => convert(canonicalDecimal(f.value), f.unit, unit);
    if (first.aggregation === 'sum') {
      const parts = kept.map(inUnit);
      value = parts.every((p) => p !== null) ? decimalString(parts.reduce((acc, p) => acc.plus(p!), new Decimal(0))) : null;
    } else if (first.aggregation === 'latest') value = subjects.size === 1 ? inUnit(latestFigure) : null;
    else value = kept.length === 1 ? inUnit(first) : null;

    const regionId = groupBy === 'region' ? regionOf(first) : null;
    const region = regionId !== null ? regionById.get(regionId) : undefined;
    const park = groupBy === 'park' && first.park_id !== null ? parkById.get(first.park_id) : undefined;
    out.push({
      group: {
        park: park ? { id: park.id, name: park.name } : null,
        region: region ? { id: region.id, code: region.code, name: region.name } : null,
        year: groupBy === 'year' ? first.year : null,
      },
      metric: { key: first.metric_key, nameZh: first.metric_name_zh, nameEn: first.metric_name_en, aggregation: first.aggregation },
      unit,
      kind: first.kind,
      value,
      figures: kept.length,
      conflicts: kept.filter((f) => Number(f.value_count) > 1).length,
      reports: kept.reduce((n, f) => n + Number(f.reports), 0),
      latest: {
        factId: latestFigure.id,
        articleId: latestFigure.article_id,
        issueDate: isoDate(latestFigure.issue_date),
        headline: latestFigure.headline,
        evidence: latestFigure.evidence,
      },
    });
  }
  return out.sort(
    (a, b) =>
      a.metric.key.localeCompare(b.metric.key) ||
      a.kind.localeCompare(b.kind) ||
      (a.group.year ?? 0) - (b.group.year ?? 0) ||
      (a.group.region?.code ?? '').localeCompare(b.group.region?.code ?? '') ||
      (a.group.park?.id ?? 0) - (b.group.park?.id ?? 0) ||
      a.unit.localeCompare(b.unit),
  );
}
