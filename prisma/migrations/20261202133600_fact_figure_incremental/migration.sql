-- An approval touches one figure; it recomputed its whole (metric, year, subject) group. In the
-- synthetic 10M-fact set the busiest park × metric × year groups hold tens of thousands of reports,
-- so an approval there took ~300 ms (docs/benchmarks.md, run 6). Now each statement on "fact"
-- applies only what its rows changed, to the figures they left or joined:
--   reports       + reports that joined − reports that left;
--   sources       + sources (articles) that appear or disappear from the figure, decided by counting
--                   the figure's reports of that article after the statement (fact(article_id) index);
--   value_count   the same for values (fact_event_lookup_idx: metric, year, value in the unit's base);
--   latest        the newer of the current latest report and the newest report that joined; only when
--                 the latest report itself leaves the figure is it looked for again, among the
--                 figure's reports (fact_figure_key_idx below reaches exactly that figure).
-- So an approval costs O(rows changed) index probes, whatever the size of its group or figure.
-- Correctness rests on fact_figure being exact before the statement: the group advisory locks of
-- fact_figure_recompute are kept (concurrent writers of a group apply their changes one after the
-- other, each in a new snapshot that sees what the previous one committed), and fact_figure_rebuild()
-- still repairs (bulk loads, a metric's nature). An issue's withdrawal, restoration and new date
-- are applied by triggers on "issue" (below).
-- tests/integration/perf-aggregates.test.ts compares the table with a fresh computation.
--
-- The report rule (which reports are part of which figure) stays that of fact_figure_reports();
-- fact_figure_report_of() is the same rule for one row of the transition tables (the rows that left
-- are no longer in "fact").

-- One figure's reports, found through the figure key instead of the whole group. Replaces
-- fact_figure_group_idx (its prefix answers the group look-ups that index served).
-- (The schema-drift check sees it as fact(metric_id, year, kind); schema.prisma names it.)
CREATE INDEX IF NOT EXISTS "fact_figure_key_idx" ON "fact" ("metric_id", "year", COALESCE("park_id", 0), COALESCE("region_id", 0),
  COALESCE("project_id", 0), COALESCE("org_id", 0), "kind", unit_family("unit"), period_class("period"))
  WHERE "status" = 'approved' AND "deleted_at" IS NULL;
DROP INDEX IF EXISTS "fact_figure_group_idx";

-- The figure a row of "fact" is a report of (no row: it is not part of one). Mirrors fact_figure_reports().
CREATE OR REPLACE FUNCTION fact_figure_report_of(f fact) RETURNS TABLE (
  fig TEXT, fact_id INTEGER, metric_id INTEGER, unit_family TEXT, kind fact_kind, year INTEGER, period TEXT,
  park_id INTEGER, region_id INTEGER, project_id INTEGER, org_id INTEGER, event TEXT, base_value TEXT, article_id INTEGER, issue_date DATE
) LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|', f.metric_id, unit_family(f.unit), f.kind, f.year, period_class(f.period), 'p' || f.park_id, 'r' || f.region_id,
                   'j' || f.project_id, 'o' || f.org_id, figure_event(m.nature, f.event_key, f.value, f.unit)),
         f.id, f.metric_id, unit_family(f.unit), f.kind, f.year, period_class(f.period),
         f.park_id, f.region_id, f.project_id, f.org_id,
         figure_event(m.nature, f.event_key, f.value, f.unit), unit_base_value(f.value, f.unit), f.article_id, i.date
    FROM metric m
    LEFT JOIN article a ON a.id = f.article_id
    LEFT JOIN issue i ON i.id = a.issue_id
   WHERE m.id = f.metric_id
     AND f.status = 'approved' AND f.deleted_at IS NULL AND f.year IS NOT NULL
     AND num_nonnulls(f.park_id, f.region_id, f.project_id, f.org_id) > 0
     AND (i.id IS NULL OR i.deleted_at IS NULL)
$$;

-- Applies a statement's changes: the reports that left figures and those that joined (JSON arrays of
-- fact_figure_report_of rows). Called after the change, when "fact" shows the figures as they are
-- now; or, with before_change, before it (the reports to remove still count in "fact").
CREATE OR REPLACE FUNCTION fact_figure_apply(removed JSONB, added JSONB, before_change BOOLEAN DEFAULT false) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE
  h BIGINT;
  gone INTEGER[];
  stale INTEGER[];
  cand_id INTEGER[];
  cand_fact INTEGER[];
  cand_date DATE[];
  -- Before the change, the reports being removed are still in "fact": never the latest again.
  excluded INTEGER[] := CASE WHEN before_change THEN ARRAY(SELECT (e->>'fact_id')::int FROM jsonb_array_elements(removed) e) ELSE '{}' END;
BEGIN
  -- The same group locks as fact_figure_recompute, in key order.
  FOR h IN SELECT DISTINCT hashtextextended(concat_ws('|', 'fact_figure', u.metric_id, u.year, 'p' || u.park_id, 'r' || u.region_id, 'j' || u.project_id, 'o' || u.org_id), 0) AS h
             FROM (SELECT * FROM jsonb_to_recordset(removed) AS x(metric_id INTEGER, year INTEGER, park_id INTEGER, region_id INTEGER, project_id INTEGER, org_id INTEGER)
                   UNION ALL
                   SELECT * FROM jsonb_to_recordset(added) AS x(metric_id INTEGER, year INTEGER, park_id INTEGER, region_id INTEGER, project_id INTEGER, org_id INTEGER)) u
            ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(h);
  END LOOP;

  -- New statement, new snapshot: it sees what a writer of the same group we waited for committed.
  WITH x AS (
    SELECT r.*, -1 AS sign FROM jsonb_to_recordset(removed) AS r(fig TEXT, fact_id INTEGER, metric_id INTEGER, unit_family TEXT, kind fact_kind, year INTEGER, period TEXT,
      park_id INTEGER, region_id INTEGER, project_id INTEGER, org_id INTEGER, event TEXT, base_value TEXT, article_id INTEGER, issue_date DATE)
    UNION ALL
    SELECT r.*, 1 FROM jsonb_to_recordset(added) AS r(fig TEXT, fact_id INTEGER, metric_id INTEGER, unit_family TEXT, kind fact_kind, year INTEGER, period TEXT,
      park_id INTEGER, region_id INTEGER, project_id INTEGER, org_id INTEGER, event TEXT, base_value TEXT, article_id INTEGER, issue_date DATE)
  ),
  -- A report that is the same before and after (another column changed) cancels out.
  net AS (
    SELECT fig, fact_id, metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event, base_value, article_id, issue_date, sum(sign)::int AS sign
      FROM x GROUP BY fig, fact_id, metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event, base_value, article_id, issue_date
    HAVING sum(sign) <> 0
  ),
  figure AS (
    SELECT fig, metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event,
           sum(sign)::int AS reports,
           (array_agg(fact_id ORDER BY issue_date DESC NULLS LAST, fact_id DESC) FILTER (WHERE sign > 0))[1] AS newest,
           (array_agg(issue_date ORDER BY issue_date DESC NULLS LAST, fact_id DESC) FILTER (WHERE sign > 0))[1] AS newest_date,
           array_agg(fact_id) FILTER (WHERE sign < 0) AS left_ids
      FROM net GROUP BY fig, metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event
  ),
  -- A source (article; a report without one is a source of its own) or value counts when the figure
  -- has at least one report of it. "now": the figure's reports of it in "fact", counted up to the
  -- point where it is certain that both before and after are non-zero; that is the count after the
  -- change, or before it (before_change). The candidates are found through
  -- fact(article_id) and fact_event_lookup_idx (status and deleted_at spelled out: the partial
  -- index's predicate), then kept if fact_figure_report_of puts them in the figure.
  source_change AS (
    SELECT k.fig, sum(CASE WHEN before_change THEN (a.now + k.change > 0)::int - (a.now > 0)::int
                           ELSE (a.now > 0)::int - (a.now - k.change > 0)::int END) AS d
      FROM (SELECT fig, article_id, CASE WHEN article_id IS NULL THEN fact_id END AS own, sum(sign) AS change
              FROM net GROUP BY fig, article_id, CASE WHEN article_id IS NULL THEN fact_id END) k
      CROSS JOIN LATERAL (
        SELECT CASE WHEN k.article_id IS NULL THEN (CASE WHEN before_change THEN greatest(-k.change, 0) ELSE greatest(k.change, 0) END)
               ELSE (SELECT count(*) FROM (
                       SELECT 1 FROM fact f CROSS JOIN LATERAL fact_figure_report_of(f) r
                        WHERE f.article_id = k.article_id AND f.status = 'approved' AND f.deleted_at IS NULL AND r.fig = k.fig
                        LIMIT abs(k.change) + 1) c) END AS now
      ) a
     GROUP BY k.fig
  ),
  value_change AS (
    SELECT k.fig, sum(CASE WHEN before_change THEN (a.now + k.change > 0)::int - (a.now > 0)::int
                           ELSE (a.now > 0)::int - (a.now - k.change > 0)::int END) AS d
      FROM (SELECT fig, metric_id, year, base_value, sum(sign) AS change FROM net GROUP BY fig, metric_id, year, base_value) k
      CROSS JOIN LATERAL (
        SELECT count(*) AS now FROM (
          SELECT 1 FROM fact f CROSS JOIN LATERAL fact_figure_report_of(f) r
           WHERE f.metric_id = k.metric_id AND f.year = k.year AND unit_base_value(f.value, f.unit) = k.base_value
             AND f.status = 'approved' AND f.deleted_at IS NULL AND r.fig = k.fig
           LIMIT abs(k.change) + 1) c
      ) a
     GROUP BY k.fig
  ),
  up AS (
    INSERT INTO fact_figure AS ff (metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event, latest_fact_id, reports, sources, value_count)
    SELECT g.metric_id, g.unit_family, g.kind, g.year, g.period, g.park_id, g.region_id, g.project_id, g.org_id, g.event,
           COALESCE(g.newest, 0), g.reports, s.d, v.d
      FROM figure g JOIN source_change s ON s.fig = g.fig JOIN value_change v ON v.fig = g.fig
     ORDER BY g.metric_id, g.unit_family, g.kind, g.year, g.period, g.park_id, g.region_id, g.project_id, g.org_id, g.event
    ON CONFLICT (metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event)
    DO UPDATE SET reports = ff.reports + EXCLUDED.reports, sources = ff.sources + EXCLUDED.sources, value_count = ff.value_count + EXCLUDED.value_count
    RETURNING ff.id, ff.reports, ff.latest_fact_id,
              concat_ws('|', ff.metric_id, ff.unit_family, ff.kind, ff.year, ff.period, 'p' || ff.park_id, 'r' || ff.region_id,
                        'j' || ff.project_id, 'o' || ff.org_id, ff.event) AS fig
  )
  SELECT array_agg(up.id) FILTER (WHERE up.reports <= 0),
         array_agg(up.id) FILTER (WHERE up.reports > 0 AND up.latest_fact_id = ANY(g.left_ids)),
         array_agg(up.id) FILTER (WHERE up.reports > 0 AND NOT COALESCE(up.latest_fact_id = ANY(g.left_ids), false) AND g.newest IS NOT NULL AND up.latest_fact_id <> g.newest),
         array_agg(g.newest) FILTER (WHERE up.reports > 0 AND NOT COALESCE(up.latest_fact_id = ANY(g.left_ids), false) AND g.newest IS NOT NULL AND up.latest_fact_id <> g.newest),
         array_agg(g.newest_date) FILTER (WHERE up.reports > 0 AND NOT COALESCE(up.latest_fact_id = ANY(g.left_ids), false) AND g.newest IS NOT NULL AND up.latest_fact_id <> g.newest)
    INTO gone, stale, cand_id, cand_fact, cand_date
    FROM up JOIN figure g ON g.fig = up.fig;

  IF gone IS NOT NULL THEN
    DELETE FROM fact_figure WHERE id = ANY(gone);
  END IF;

  -- The newest report that joined replaces the latest when it is newer (issue date, then id).
  IF cand_id IS NOT NULL THEN
    UPDATE fact_figure ff SET latest_fact_id = c.fact_id
      FROM unnest(cand_id, cand_fact, cand_date) AS c(id, fact_id, issue_date)
     WHERE ff.id = c.id
       AND (COALESCE(c.issue_date, '-infinity'::date), c.fact_id) >
           (SELECT COALESCE(i.date, '-infinity'::date), l.id FROM fact l LEFT JOIN article a ON a.id = l.article_id LEFT JOIN issue i ON i.id = a.issue_id
             WHERE l.id = ff.latest_fact_id);
  END IF;

  -- The latest report left: look for it again among the figure's reports.
  IF stale IS NOT NULL THEN
    UPDATE fact_figure ff SET latest_fact_id = COALESCE((
      SELECT r.fact_id FROM fact_figure_reports() r
       WHERE r.metric_id = ff.metric_id AND r.year = ff.year
         AND COALESCE(r.park_id, 0) = COALESCE(ff.park_id, 0) AND COALESCE(r.region_id, 0) = COALESCE(ff.region_id, 0)
         AND COALESCE(r.project_id, 0) = COALESCE(ff.project_id, 0) AND COALESCE(r.org_id, 0) = COALESCE(ff.org_id, 0)
         AND r.kind = ff.kind AND r.unit_family = ff.unit_family AND r.period = ff.period AND r.event = ff.event
         AND r.fact_id <> ALL(excluded)
       ORDER BY r.issue_date DESC NULLS LAST, r.fact_id DESC LIMIT 1), 0)
     WHERE ff.id = ANY(stale);
  END IF;
END $$;

CREATE OR REPLACE FUNCTION fact_figure_on_change() RETURNS trigger
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE removed JSONB; added JSONB;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT jsonb_agg(to_jsonb(r)) INTO removed
      FROM old_rows o CROSS JOIN LATERAL fact_figure_report_of(o) r
     WHERE o.status = 'approved' AND o.deleted_at IS NULL AND o.year IS NOT NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT jsonb_agg(to_jsonb(r)) INTO added
      FROM new_rows n CROSS JOIN LATERAL fact_figure_report_of(n) r
     WHERE n.status = 'approved' AND n.deleted_at IS NULL AND n.year IS NOT NULL;
  END IF;
  IF removed IS NOT NULL OR added IS NOT NULL THEN
    PERFORM fact_figure_apply(COALESCE(removed, '[]'::jsonb), COALESCE(added, '[]'::jsonb));
  END IF;
  RETURN NULL;
END $$;

-- An issue withdrawn, restored or re-dated changes its reports' figures without a statement on
-- "fact": withdrawal takes its reports out (a withdrawn issue's reports count nowhere, see
-- fact_figure_report_of), restoration puts them back, a new date may change which report is a
-- figure's latest. The statement triggers cannot see that (and a report that leaves a figure must be
-- one the figure counted), so the issue does it: before the change its live, approved reports are
-- taken out of their figures (as counted until now), after it they are put back (as they count now).
-- lib/actions/issues.ts then soft-deletes or restores the reports: the statement triggers rightly see
-- no change to any figure.
CREATE OR REPLACE FUNCTION issue_figures_on_change() RETURNS trigger
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE reports JSONB;
BEGIN
  SELECT jsonb_agg(to_jsonb(r)) INTO reports
    FROM article a JOIN fact f ON f.article_id = a.id CROSS JOIN LATERAL fact_figure_report_of(f) r
   WHERE a.issue_id = NEW.id AND f.status = 'approved' AND f.deleted_at IS NULL;
  IF reports IS NOT NULL THEN
    IF TG_WHEN = 'BEFORE' THEN
      PERFORM fact_figure_apply(reports, '[]'::jsonb, true);
    ELSE
      PERFORM fact_figure_apply('[]'::jsonb, reports);
    END IF;
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS issue_figures_before_change ON "issue";
DROP TRIGGER IF EXISTS issue_figures_after_change ON "issue";
CREATE TRIGGER issue_figures_before_change BEFORE UPDATE OF "deleted_at", "date" ON "issue"
  FOR EACH ROW WHEN (OLD.deleted_at IS NULL AND (NEW.deleted_at IS NOT NULL OR NEW.date IS DISTINCT FROM OLD.date))
  EXECUTE FUNCTION issue_figures_on_change();
CREATE TRIGGER issue_figures_after_change AFTER UPDATE OF "deleted_at", "date" ON "issue"
  FOR EACH ROW WHEN (NEW.deleted_at IS NULL AND (OLD.deleted_at IS NOT NULL OR NEW.date IS DISTINCT FROM OLD.date))
  EXECUTE FUNCTION issue_figures_on_change();

-- fact_aggregate: emptied groups were looked for among every row of the statement's (metric, year)
-- pairs (thousands for a busy metric at 10M facts); now only the rows the statement updated.
CREATE OR REPLACE FUNCTION fact_aggregate_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE gone INTEGER[];
BEGIN
  WITH up AS (
    INSERT INTO fact_aggregate AS a (metric_id, year, kind, period, park_id, region_id, fact_count, value_sum)
    SELECT metric_id, year, kind, period, park_id, region_id, sum(n)::int, sum(v)
      FROM (SELECT metric_id, year, kind, COALESCE(period, '') AS period, park_id, region_id, 1 AS n, value AS v
              FROM new_rows WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL
            UNION ALL
            SELECT metric_id, year, kind, COALESCE(period, ''), park_id, region_id, -1, -value
              FROM old_rows WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL) d
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(n) <> 0 OR sum(v) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (metric_id, year, kind, period, park_id, region_id)
    DO UPDATE SET fact_count = a.fact_count + EXCLUDED.fact_count, value_sum = a.value_sum + EXCLUDED.value_sum, refreshed_at = now()
    RETURNING a.id, a.fact_count
  )
  SELECT array_agg(id) FILTER (WHERE fact_count <= 0) INTO gone FROM up;
  IF gone IS NOT NULL THEN
    DELETE FROM fact_aggregate WHERE id = ANY(gone);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fact_aggregate_on_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE gone INTEGER[];
BEGIN
  WITH up AS (
    INSERT INTO fact_aggregate AS a (metric_id, year, kind, period, park_id, region_id, fact_count, value_sum)
    SELECT metric_id, year, kind, COALESCE(period, ''), park_id, region_id, -count(*)::int, -sum(value)
      FROM old_rows
     WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (metric_id, year, kind, period, park_id, region_id)
    DO UPDATE SET fact_count = a.fact_count + EXCLUDED.fact_count, value_sum = a.value_sum + EXCLUDED.value_sum, refreshed_at = now()
    RETURNING a.id, a.fact_count
  )
  SELECT array_agg(id) FILTER (WHERE fact_count <= 0) INTO gone FROM up;
  IF gone IS NOT NULL THEN
    DELETE FROM fact_aggregate WHERE id = ANY(gone);
  END IF;
  RETURN NULL;
END $$;
