-- fact_figure: the latest report of every figure of a park or region, and how many reports it has.
-- A figure is (metric, unit, kind, year, period, park, region), where no period, FY and cumulative
-- are one whole-year period (''). /api/aggregates counts each whole-year figure once, at its latest
-- report (issue date, then id), among approved, live facts of live issues; the fact list shows
-- every row's report count and latest report. Computing those at read time is a DISTINCT ON over
-- every matching fact (160k rows, ~0.6-0.9 s, for the busiest metric of a province's data); this
-- table makes it a read of a few thousand rows.
--
-- Kept by statement triggers on "fact" in the writer's transaction. Each statement collects the
-- figures its rows belonged to before and after, locks their rows here in key order (creating
-- them if new), and recomputes them in a new statement, whose snapshot sees what a concurrent
-- writer of the same figure committed while this one waited. Cost: O(reports of the figures
-- touched). Issue dates are never edited and issues are not deleted by the app; should that
-- change, fact_figure_rebuild() repairs the table (as it does after bulk loads).

CREATE TABLE "fact_figure" (
    "id" SERIAL NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" "fact_kind" NOT NULL,
    "year" INTEGER NOT NULL,
    -- '' for the whole year (no period, FY, cumulative), else the fact's period (H1, Q1, M01-M07…)
    "period" TEXT NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "latest_fact_id" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,
    CONSTRAINT "fact_figure_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "fact_figure_key" ON "fact_figure" ("metric_id", "unit", "kind", "year", "period", "park_id", "region_id") NULLS NOT DISTINCT;
CREATE INDEX "fact_figure_park_id_year_idx" ON "fact_figure" ("park_id", "year");
CREATE INDEX "fact_figure_region_id_year_idx" ON "fact_figure" ("region_id", "year");

-- Recomputes the figures given as parallel arrays (one element per figure; nulls allowed for park
-- and region; the triggers pass each figure once). Figures without an approved report any more
-- are deleted.
CREATE FUNCTION fact_figure_recompute(k_metric INTEGER[], k_unit TEXT[], k_kind fact_kind[], k_year INTEGER[], k_period TEXT[], k_park INTEGER[], k_region INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- 1. A row per figure, locked in key order: placeholders for new figures; the INSERT waits for a
  --    concurrent writer that changed the same figure's row, FOR UPDATE makes later ones wait for us.
  --    (tests/integration/perf-aggregates.test.ts shows a lost report without this step.)
  INSERT INTO fact_figure (metric_id, unit, kind, year, period, park_id, region_id, latest_fact_id, reports)
  SELECT DISTINCT metric_id, unit, kind, year, period, park_id, region_id, 0, 0 FROM unnest(k_metric, k_unit, k_kind, k_year, k_period, k_park, k_region) AS k(metric_id, unit, kind, year, period, park_id, region_id)
   ORDER BY metric_id, unit, kind, year, period, park_id, region_id
  ON CONFLICT (metric_id, unit, kind, year, period, park_id, region_id) DO NOTHING;
  PERFORM 1 FROM fact_figure ff JOIN unnest(k_metric, k_unit, k_kind, k_year, k_period, k_park, k_region) AS k(metric_id, unit, kind, year, period, park_id, region_id)
      ON ff.metric_id = k.metric_id AND ff.unit = k.unit AND ff.kind = k.kind AND ff.year = k.year AND ff.period = k.period
     AND ff.park_id IS NOT DISTINCT FROM k.park_id AND ff.region_id IS NOT DISTINCT FROM k.region_id
   ORDER BY ff.metric_id, ff.unit, ff.kind, ff.year, ff.period, ff.park_id, ff.region_id
     FOR UPDATE OF ff;

  -- 2. Recompute (new statement, new snapshot). Park figures and region figures are looked up
  --    through the (park_id|region_id, metric_id, year) indexes of fact.
  WITH reports AS (
    SELECT f.id, f.metric_id, f.unit, f.kind, f.year, k.period, f.park_id, f.region_id, i.date
      FROM unnest(k_metric, k_unit, k_kind, k_year, k_period, k_park, k_region) AS k(metric_id, unit, kind, year, period, park_id, region_id)
      JOIN fact f ON f.park_id = k.park_id AND f.metric_id = k.metric_id AND f.year = k.year
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
     WHERE k.park_id IS NOT NULL AND f.region_id IS NOT DISTINCT FROM k.region_id AND f.unit = k.unit AND f.kind = k.kind
       AND (CASE WHEN f.period IS NULL OR f.period IN ('FY', 'cumulative') THEN '' ELSE f.period END) = k.period AND f.status = 'approved' AND f.deleted_at IS NULL
       AND (i.id IS NULL OR i.deleted_at IS NULL)
    UNION ALL
    SELECT f.id, f.metric_id, f.unit, f.kind, f.year, k.period, f.park_id, f.region_id, i.date
      FROM unnest(k_metric, k_unit, k_kind, k_year, k_period, k_park, k_region) AS k(metric_id, unit, kind, year, period, park_id, region_id)
      JOIN fact f ON f.region_id = k.region_id AND f.metric_id = k.metric_id AND f.year = k.year
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
     WHERE k.park_id IS NULL AND f.park_id IS NULL AND f.unit = k.unit AND f.kind = k.kind
       AND (CASE WHEN f.period IS NULL OR f.period IN ('FY', 'cumulative') THEN '' ELSE f.period END) = k.period AND f.status = 'approved' AND f.deleted_at IS NULL
       AND (i.id IS NULL OR i.deleted_at IS NULL)
  ),
  latest AS (
    SELECT DISTINCT ON (metric_id, unit, kind, year, period, park_id, region_id)
           id, metric_id, unit, kind, year, period, park_id, region_id,
           count(*) OVER (PARTITION BY metric_id, unit, kind, year, period, park_id, region_id) AS n
      FROM reports
     ORDER BY metric_id, unit, kind, year, period, park_id, region_id, date DESC NULLS LAST, id DESC
  )
  UPDATE fact_figure ff
     SET latest_fact_id = COALESCE(l.id, 0), reports = COALESCE(l.n, 0)::int
    FROM unnest(k_metric, k_unit, k_kind, k_year, k_period, k_park, k_region) AS k(metric_id, unit, kind, year, period, park_id, region_id)
    LEFT JOIN latest l
      ON l.metric_id = k.metric_id AND l.unit = k.unit AND l.kind = k.kind AND l.year = k.year AND l.period = k.period
     AND l.park_id IS NOT DISTINCT FROM k.park_id AND l.region_id IS NOT DISTINCT FROM k.region_id
   WHERE ff.metric_id = k.metric_id AND ff.unit = k.unit AND ff.kind = k.kind AND ff.year = k.year AND ff.period = k.period
     AND ff.park_id IS NOT DISTINCT FROM k.park_id AND ff.region_id IS NOT DISTINCT FROM k.region_id;

  DELETE FROM fact_figure ff USING unnest(k_metric, k_unit, k_kind, k_year, k_period, k_park, k_region) AS k(metric_id, unit, kind, year, period, park_id, region_id)
   WHERE ff.reports = 0
     AND ff.metric_id = k.metric_id AND ff.unit = k.unit AND ff.kind = k.kind AND ff.year = k.year AND ff.period = k.period
     AND ff.park_id IS NOT DISTINCT FROM k.park_id AND ff.region_id IS NOT DISTINCT FROM k.region_id;
END $$;

-- Figures a set of rows belongs to (rows that can be part of one: a year and a park or region).
CREATE FUNCTION fact_figure_on_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE m INTEGER[]; u TEXT[]; k fact_kind[]; y INTEGER[]; pe TEXT[]; p INTEGER[]; r INTEGER[];
BEGIN
  SELECT array_agg(metric_id), array_agg(unit), array_agg(kind), array_agg(year), array_agg(pc), array_agg(park_id), array_agg(region_id)
    INTO m, u, k, y, pe, p, r
    FROM (SELECT DISTINCT metric_id, unit, kind, year, (CASE WHEN period IS NULL OR period IN ('FY', 'cumulative') THEN '' ELSE period END) AS pc, park_id, region_id FROM new_rows
           WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL AND (park_id IS NOT NULL OR region_id IS NOT NULL)) d;
  IF m IS NOT NULL THEN PERFORM fact_figure_recompute(m, u, k, y, pe, p, r); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION fact_figure_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE m INTEGER[]; u TEXT[]; k fact_kind[]; y INTEGER[]; pe TEXT[]; p INTEGER[]; r INTEGER[];
BEGIN
  SELECT array_agg(metric_id), array_agg(unit), array_agg(kind), array_agg(year), array_agg(pc), array_agg(park_id), array_agg(region_id)
    INTO m, u, k, y, pe, p, r
    FROM (SELECT metric_id, unit, kind, year, (CASE WHEN period IS NULL OR period IN ('FY', 'cumulative') THEN '' ELSE period END) AS pc, park_id, region_id FROM old_rows
           WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL AND (park_id IS NOT NULL OR region_id IS NOT NULL)
          UNION
          SELECT metric_id, unit, kind, year, (CASE WHEN period IS NULL OR period IN ('FY', 'cumulative') THEN '' ELSE period END), park_id, region_id FROM new_rows
           WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL AND (park_id IS NOT NULL OR region_id IS NOT NULL)) d;
  IF m IS NOT NULL THEN PERFORM fact_figure_recompute(m, u, k, y, pe, p, r); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION fact_figure_on_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE m INTEGER[]; u TEXT[]; k fact_kind[]; y INTEGER[]; pe TEXT[]; p INTEGER[]; r INTEGER[];
BEGIN
  SELECT array_agg(metric_id), array_agg(unit), array_agg(kind), array_agg(year), array_agg(pc), array_agg(park_id), array_agg(region_id)
    INTO m, u, k, y, pe, p, r
    FROM (SELECT DISTINCT metric_id, unit, kind, year, (CASE WHEN period IS NULL OR period IN ('FY', 'cumulative') THEN '' ELSE period END) AS pc, park_id, region_id FROM old_rows
           WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL AND (park_id IS NOT NULL OR region_id IS NOT NULL)) d;
  IF m IS NOT NULL THEN PERFORM fact_figure_recompute(m, u, k, y, pe, p, r); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER fact_figure_after_insert AFTER INSERT ON "fact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_figure_on_insert();
CREATE TRIGGER fact_figure_after_update AFTER UPDATE ON "fact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_figure_on_update();
CREATE TRIGGER fact_figure_after_delete AFTER DELETE ON "fact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_figure_on_delete();

-- Full rebuild (bulk loads with the triggers disabled, repair).
CREATE FUNCTION fact_figure_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fact_figure;
  INSERT INTO fact_figure (metric_id, unit, kind, year, period, park_id, region_id, latest_fact_id, reports)
  SELECT DISTINCT ON (f.metric_id, f.unit, f.kind, f.year, pc, f.park_id, f.region_id)
         f.metric_id, f.unit, f.kind, f.year, pc, f.park_id, f.region_id, f.id,
         (count(*) OVER (PARTITION BY f.metric_id, f.unit, f.kind, f.year, pc, f.park_id, f.region_id))::int
    FROM fact f
    CROSS JOIN LATERAL (SELECT (CASE WHEN f.period IS NULL OR f.period IN ('FY', 'cumulative') THEN '' ELSE f.period END) AS pc) c
    LEFT JOIN article a ON a.id = f.article_id
    LEFT JOIN issue i ON i.id = a.issue_id
   WHERE f.status = 'approved' AND f.deleted_at IS NULL AND f.year IS NOT NULL
     AND (f.park_id IS NOT NULL OR f.region_id IS NOT NULL)
     AND (i.id IS NULL OR i.deleted_at IS NULL)
   ORDER BY f.metric_id, f.unit, f.kind, f.year, pc, f.park_id, f.region_id, i.date DESC NULLS LAST, f.id DESC;
END $$;

SELECT fact_figure_rebuild();
