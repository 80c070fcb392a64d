// The data check of issue 10: every existing figure whose meaning changed when the figure rule
// did (migration 20261202060100). Before, a figure was (metric, unit, kind, year, period, park or
// region) and showed its latest report; now it is keyed by unit family and subject, an event
// metric has one figure per event, and disagreeing reports are conflicts. Lists, per figure:
//   conflict        a level figure whose reports give different values (was: latest won silently)
//   events          an event metric's old figure that is now several events (was: one, latest)
//   units_merged    reports in convertible units now one figure (was: one per unit, e.g. 亩 / 公顷)
//   unit_misfit     approved facts in a unit of another family than their metric's (now off the pages)
//   unclassified    approved unclassified facts of a place and year (now off the dashboards)
//   project_on_park a project metric reported as a park's own figure (check whether it is a project's)
// Read-only; used by scripts/check-figures.ts (npm run check:figures).
import type { SqlRunner } from './sql-runner';

export type FigureChange = 'conflict' | 'events' | 'units_merged' | 'unit_misfit' | 'unclassified' | 'project_on_park';

export interface FigureChangeRow {
  change: FigureChange;
  metric: string;
  subject: string | null;
  year: number | null;
  kind: string;
  period: string;
  /** What changed, in words (zh), with the values or counts involved. */
  detail: string;
  factIds: number[];
}

interface Raw {
  change: FigureChange;
  metric: string;
  subject: string | null;
  year: number | null;
  kind: string;
  period: string | null;
  detail: string;
  fact_ids: number[] | string;
}

const SUBJECT = `coalesce(pk.name, rg.name, pj.name, og.name)`;
const JOIN_SUBJECT = `LEFT JOIN park pk ON pk.id = x.park_id LEFT JOIN region rg ON rg.id = x.region_id
  LEFT JOIN project pj ON pj.id = x.project_id LEFT JOIN organization og ON og.id = x.org_id`;

const QUERY = `
WITH r AS (
  SELECT r.*, f.value, f.unit FROM fact_figure_reports() r JOIN fact f ON f.id = r.fact_id
), changes AS (
  -- level figures (and hand-merged events) whose reports disagree
  SELECT 'conflict' AS change, ff.metric_id, ff.park_id, ff.region_id, ff.project_id, ff.org_id, ff.year, ff.kind::text AS kind, ff.period,
         ff.value_count || ' 个不同数值：' || string_agg(DISTINCT trim_scale(r.value)::text || ' ' || r.unit, ' / ') AS detail,
         array_agg(r.fact_id ORDER BY r.fact_id) AS fact_ids
    FROM fact_figure ff
    JOIN r ON r.metric_id = ff.metric_id AND r.year = ff.year AND r.kind = ff.kind AND r.unit_family = ff.unit_family AND r.period = ff.period
          AND r.event = ff.event AND r.park_id IS NOT DISTINCT FROM ff.park_id AND r.region_id IS NOT DISTINCT FROM ff.region_id
          AND r.project_id IS NOT DISTINCT FROM ff.project_id AND r.org_id IS NOT DISTINCT FROM ff.org_id
   WHERE ff.value_count > 1
   GROUP BY ff.id
  UNION ALL
  -- one old figure, several events now
  SELECT 'events', r.metric_id, r.park_id, r.region_id, r.project_id, r.org_id, r.year, r.kind::text, r.period,
         count(DISTINCT r.event) || ' 个事件（原先只显示最新一条）：' || string_agg(DISTINCT trim_scale(r.value)::text || ' ' || r.unit, ' + '),
         array_agg(r.fact_id ORDER BY r.fact_id)
    FROM r WHERE r.event <> ''
   GROUP BY r.metric_id, r.park_id, r.region_id, r.project_id, r.org_id, r.year, r.kind, r.period, r.unit
  HAVING count(DISTINCT r.event) > 1
  UNION ALL
  -- reports in different units of one family, one figure now
  SELECT 'units_merged', r.metric_id, r.park_id, r.region_id, r.project_id, r.org_id, r.year, r.kind::text, r.period,
         '单位 ' || string_agg(DISTINCT r.unit, '、') || ' 合为一个数字',
         array_agg(r.fact_id ORDER BY r.fact_id)
    FROM r
   GROUP BY r.metric_id, r.unit_family, r.park_id, r.region_id, r.project_id, r.org_id, r.year, r.kind, r.period, r.event
  HAVING count(DISTINCT r.unit) > 1
  UNION ALL
  -- facts whose unit does not fit their metric
  SELECT 'unit_misfit', f.metric_id, f.park_id, f.region_id, f.project_id, f.org_id, f.year, f.kind::text, period_class(f.period),
         '单位 ' || f.unit || ' 与指标单位 ' || m.unit || ' 不属同一类：不再进入看板',
         array_agg(f.id ORDER BY f.id)
    FROM fact f JOIN metric m ON m.id = f.metric_id
   WHERE f.status = 'approved' AND f.deleted_at IS NULL AND m.key <> 'unclassified' AND unit_family(f.unit) <> unit_family(m.unit)
   GROUP BY f.metric_id, m.unit, f.unit, f.park_id, f.region_id, f.project_id, f.org_id, f.year, f.kind, period_class(f.period)
  UNION ALL
  -- approved unclassified figures of a place and year
  SELECT 'unclassified', f.metric_id, f.park_id, f.region_id, f.project_id, f.org_id, f.year, f.kind::text, period_class(f.period),
         '未归类：' || coalesce(f.metric_label, '（无标签）') || ' ' || trim_scale(f.value)::text || ' ' || f.unit || '，不再进入看板',
         ARRAY[f.id]
    FROM fact f JOIN metric m ON m.id = f.metric_id
   WHERE f.status = 'approved' AND f.deleted_at IS NULL AND m.key = 'unclassified' AND f.year IS NOT NULL
     AND (f.park_id IS NOT NULL OR f.region_id IS NOT NULL)
  UNION ALL
  -- a project's metric as a park's own figure
  SELECT 'project_on_park', f.metric_id, f.park_id, f.region_id, f.project_id, f.org_id, f.year, f.kind::text, period_class(f.period),
         '项目指标记在园区名下：' || trim_scale(f.value)::text || ' ' || f.unit || '（若属某个项目，请改为项目主体）',
         ARRAY[f.id]
    FROM fact f JOIN metric m ON m.id = f.metric_id
   WHERE f.status = 'approved' AND f.deleted_at IS NULL AND m.key IN ('project_total_investment', 'investment_completed') AND f.park_id IS NOT NULL
)
SELECT x.change, m.key AS metric, ${SUBJECT} AS subject, x.year, x.kind, x.period, x.detail, x.fact_ids
  FROM changes x JOIN metric m ON m.id = x.metric_id ${JOIN_SUBJECT}
 ORDER BY x.change, m.key, x.year NULLS LAST, subject`;

/** Every figure whose meaning changed with the figure rule of issue 10. */
export async function figureMeaningChanges(sql: SqlRunner): Promise<FigureChangeRow[]> {
  const rows = await sql.query<Raw>(QUERY);
  return rows.map((r) => ({
    change: r.change,
    metric: r.metric,
    subject: r.subject,
    year: r.year === null ? null : Number(r.year),
    kind: r.kind,
    period: r.period ?? '',
    detail: r.detail,
    factIds: (typeof r.fact_ids === 'string' ? r.fact_ids.replace(/[{}]/g, '').split(',').filter(Boolean) : r.fact_ids).map(Number),
  }));
}
