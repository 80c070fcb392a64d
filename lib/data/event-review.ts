// Admin read for events reported more than once (issue 10): the approved reports of an event
// metric for one subject, year, period and kind, grouped by the event each belongs to (the rule
// in lib/vocab/figure.ts sameEvent, stored in fact.event_key), so an admin can merge two events
// that are one, or split a report off an event it does not belong to. Admins only.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getReadOnlyPrisma } from '@/lib/db';
import { canonicalDecimal } from '@/lib/vocab/units';
import { isoDate } from './provenance';

export interface EventReport {
  factId: number;
  /** The figure (fact_figure) the report belongs to: reports with one figure id are one event. */
  figureId: number | null;
  eventKey: string | null;
  value: string;
  unit: string;
  comparator: string;
  label: string | null;
  issueDate: string | null;
  articleId: number | null;
  evidence: string | null;
  sourceNote: string | null;
}

export interface EventGroup {
  key: string;
  metricName: string;
  subject: string;
  year: number;
  period: string;
  kind: string;
  /** Distinct events among the reports. */
  events: number;
  reports: EventReport[];
}

interface Row {
  metric_id: number;
  metric_name: string;
  subject: string | null;
  year: number;
  period: string;
  kind: string;
  unit_family: string;
  park_id: number | null;
  region_id: number | null;
  project_id: number | null;
  org_id: number | null;
  fact_id: number;
  figure_id: number | null;
  event_key: string | null;
  value: string;
  unit: string;
  comparator: string;
  label: string | null;
  issue_date: Date | string | null;
  article_id: number | null;
  evidence: string | null;
  source_note: string | null;
}

/**
 * Subjects, years and kinds of event metrics with several approved reports (newest year first),
 * each report with the figure it counts in; at most `limit` groups.
 */
export async function listEventGroups(opts: { limit?: number } = {}): Promise<EventGroup[]> {
  await requireRole('admin');
  const prisma = await getReadOnlyPrisma();
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  const rows = await prisma.$queryRaw<Row[]>`
    WITH r AS (
      SELECT r.* FROM fact_figure_reports() r JOIN metric m ON m.id = r.metric_id WHERE m.nature = 'event'
    ), g AS (
      SELECT metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id
        FROM r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING count(*) > 1
       ORDER BY year DESC, metric_id, park_id, region_id, project_id, org_id LIMIT ${limit}
    )
    SELECT r.metric_id, m.name_zh AS metric_name, coalesce(pk.name, rg.name, pj.name, og.name) AS subject,
           r.year, r.period, r.kind::text AS kind, r.unit_family, r.park_id, r.region_id, r.project_id, r.org_id,
           f.id AS fact_id, ff.id AS figure_id, f.event_key, f.value::text AS value, f.unit, f.comparator::text AS comparator,
           f.metric_label AS label, r.issue_date, f.article_id, f.evidence, f.source_note
      FROM g
      JOIN r ON r.metric_id = g.metric_id AND r.unit_family = g.unit_family AND r.kind = g.kind AND r.year = g.year AND r.period = g.period
           AND r.park_id IS NOT DISTINCT FROM g.park_id AND r.region_id IS NOT DISTINCT FROM g.region_id
           AND r.project_id IS NOT DISTINCT FROM g.project_id AND r.org_id IS NOT DISTINCT FROM g.org_id
      JOIN fact f ON f.id = r.fact_id
      JOIN metric m ON m.id = r.metric_id
      LEFT JOIN fact_figure ff ON ff.metric_id = r.metric_id AND ff.unit_family = r.unit_family AND ff.kind = r.kind AND ff.year = r.year
           AND ff.period = r.period AND ff.event = r.event
           AND ff.park_id IS NOT DISTINCT FROM r.park_id AND ff.region_id IS NOT DISTINCT FROM r.region_id
           AND ff.project_id IS NOT DISTINCT FROM r.project_id AND ff.org_id IS NOT DISTINCT FROM r.org_id
      LEFT JOIN park pk ON pk.id = r.park_id
      LEFT JOIN region rg ON rg.id = r.region_id
      LEFT JOIN project pj ON pj.id = r.project_id
      LEFT JOIN organization og ON og.id = r.org_id
     ORDER BY r.year DESC, r.metric_id, r.park_id, r.region_id, r.project_id, r.org_id, ff.id, r.issue_date NULLS LAST, f.id`;
  const out = new Map<string, EventGroup>();
  for (const r of rows) {
    const key = JSON.stringify([r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id]);
    let group = out.get(key);
    if (!group) {
      group = { key, metricName: r.metric_name, subject: r.subject ?? '—', year: r.year, period: r.period, kind: r.kind, events: 0, reports: [] };
      out.set(key, group);
    }
    group.reports.push({
      factId: r.fact_id,
      figureId: r.figure_id,
      eventKey: r.event_key,
      value: canonicalDecimal(r.value),
      unit: r.unit,
      comparator: r.comparator,
      label: r.label,
      issueDate: isoDate(r.issue_date),
      articleId: r.article_id,
      evidence: r.evidence,
      sourceNote: r.source_note,
    });
  }
  for (const g of out.values()) g.events = new Set(g.reports.map((r) => r.figureId ?? -r.factId)).size;
  return [...out.values()];
}
