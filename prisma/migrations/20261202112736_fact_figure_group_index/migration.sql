-- An approval recomputes the figures of its (metric, year, subject) group (fact_figure_recompute,
-- migration 20261202060100). Its joins said "park_id IS NOT DISTINCT FROM …", which no index can
-- answer, so the planner read every approved report of the metric: ~1 s per approval at 1M facts,
-- growing with the data. Ids are serials from 1, so COALESCE(id, 0) = COALESCE(id, 0) means the same
-- and these expression indexes answer it: one group's reports and figures, found directly.
-- (The schema-drift check sees them as fact(metric_id, year) and fact_figure(metric_id, year):
-- expressions and predicates are not part of the compared shape; schema.prisma names them.)
CREATE INDEX IF NOT EXISTS "fact_figure_group_idx" ON "fact" ("metric_id", "year", COALESCE("park_id", 0), COALESCE("region_id", 0),
  COALESCE("project_id", 0), COALESCE("org_id", 0)) WHERE "status" = 'approved' AND "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "fact_figure_subject_idx" ON "fact_figure" ("metric_id", "year", COALESCE("park_id", 0), COALESCE("region_id", 0),
  COALESCE("project_id", 0), COALESCE("org_id", 0));

CREATE OR REPLACE FUNCTION fact_figure_recompute(g_metric INTEGER[], g_year INTEGER[], g_park INTEGER[], g_region INTEGER[], g_project INTEGER[], g_org INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE h BIGINT;
BEGIN
  FOR h IN SELECT DISTINCT hashtextextended(concat_ws('|', 'fact_figure', u.metric_id, u.year, 'p' || u.park_id, 'r' || u.region_id, 'j' || u.project_id, 'o' || u.org_id), 0) AS h
             FROM unnest(g_metric, g_year, g_park, g_region, g_project, g_org) AS u(metric_id, year, park_id, region_id, project_id, org_id)
            ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(h);
  END LOOP;

  DELETE FROM fact_figure ff USING unnest(g_metric, g_year, g_park, g_region, g_project, g_org) AS g(metric_id, year, park_id, region_id, project_id, org_id)
   WHERE ff.metric_id = g.metric_id AND ff.year = g.year AND COALESCE(ff.park_id, 0) = COALESCE(g.park_id, 0)
     AND COALESCE(ff.region_id, 0) = COALESCE(g.region_id, 0) AND COALESCE(ff.project_id, 0) = COALESCE(g.project_id, 0)
     AND COALESCE(ff.org_id, 0) = COALESCE(g.org_id, 0);

  INSERT INTO fact_figure (metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event, latest_fact_id, reports, sources, value_count)
  SELECT r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id, r.event,
         (array_agg(r.fact_id ORDER BY r.issue_date DESC NULLS LAST, r.fact_id DESC))[1], count(*)::int, count(DISTINCT COALESCE(r.article_id, -r.fact_id))::int, count(DISTINCT r.base_value)::int
    FROM (SELECT DISTINCT * FROM unnest(g_metric, g_year, g_park, g_region, g_project, g_org) AS u(metric_id, year, park_id, region_id, project_id, org_id)) g
    JOIN fact_figure_reports() r ON r.metric_id = g.metric_id AND r.year = g.year
     AND COALESCE(r.park_id, 0) = COALESCE(g.park_id, 0) AND COALESCE(r.region_id, 0) = COALESCE(g.region_id, 0)
     AND COALESCE(r.project_id, 0) = COALESCE(g.project_id, 0) AND COALESCE(r.org_id, 0) = COALESCE(g.org_id, 0)
   GROUP BY r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id, r.event
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
END $$;

