-- Pre-computed yearly aggregates of approved facts, so overview and aggregate queries over a
-- province's worth of facts read a few thousand rows instead of scanning hundreds of thousands.
-- It is a derived cache: a statement-level trigger on "fact" recomputes the (metric, year) groups
-- a statement touched, in the same transaction, so approvals, edits, merges and deletes made by
-- any code path are reflected at commit. No foreign keys: rows are rebuilt from "fact".

CREATE TABLE "fact_aggregate" (
    "id" SERIAL NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "fact_kind" NOT NULL,
    "period" TEXT NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "city_id" INTEGER,
    "fact_count" INTEGER NOT NULL,
    "value_sum" DECIMAL(30,6) NOT NULL,
    "value_min" DECIMAL(30,6) NOT NULL,
    "value_max" DECIMAL(30,6) NOT NULL,
    "refreshed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "fact_aggregate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "fact_aggregate_metric_id_year_idx" ON "fact_aggregate"("metric_id", "year");
CREATE INDEX "fact_aggregate_park_id_year_idx" ON "fact_aggregate"("park_id", "year");
CREATE INDEX "fact_aggregate_region_id_year_idx" ON "fact_aggregate"("region_id", "year");
CREATE INDEX "fact_aggregate_city_id_year_idx" ON "fact_aggregate"("city_id", "year");

-- Recomputes the groups of the given (metric, year) pairs. Callers hold the per-metric locks.
CREATE FUNCTION fact_aggregate_refresh(metric_ids INTEGER[], years INTEGER[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fact_aggregate a
   USING unnest(metric_ids, years) AS k(metric_id, year)
   WHERE a.metric_id = k.metric_id AND a.year = k.year;
  INSERT INTO fact_aggregate (metric_id, year, kind, period, park_id, region_id, city_id,
                              fact_count, value_sum, value_min, value_max)
  SELECT f.metric_id, f.year, f.kind, COALESCE(f.period, ''), f.park_id, f.region_id,
         CASE WHEN sr.level = 'city' THEN sr.id WHEN sr.level = 'county' THEN sr.parent_id END,
         count(*)::int, sum(f.value), min(f.value), max(f.value)
    FROM fact f
    JOIN (SELECT DISTINCT metric_id, year FROM unnest(metric_ids, years) AS u(metric_id, year)) k
      ON k.metric_id = f.metric_id AND k.year = f.year
    LEFT JOIN park p ON p.id = f.park_id
    LEFT JOIN region sr ON sr.id = COALESCE(p.region_id, f.region_id)
   WHERE f.status = 'approved' AND f.deleted_at IS NULL
   GROUP BY f.metric_id, f.year, f.kind, COALESCE(f.period, ''), f.park_id, f.region_id, sr.level, sr.id, sr.parent_id;
END $$;

-- Statement-level trigger: one recomputation per statement, whatever the number of rows.
-- Advisory locks per metric (taken in order, so no deadlock) serialise concurrent refreshes of
-- the same groups; otherwise two transactions could each insert their own copy.
CREATE FUNCTION fact_aggregate_on_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ms INTEGER[];
  ys INTEGER[];
  m INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(metric_id), array_agg(year) INTO ms, ys
      FROM (SELECT DISTINCT metric_id, year FROM new_rows WHERE year IS NOT NULL) d;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(metric_id), array_agg(year) INTO ms, ys
      FROM (SELECT metric_id, year FROM new_rows WHERE year IS NOT NULL
            UNION SELECT metric_id, year FROM old_rows WHERE year IS NOT NULL) d;
  ELSE
    SELECT array_agg(metric_id), array_agg(year) INTO ms, ys
      FROM (SELECT DISTINCT metric_id, year FROM old_rows WHERE year IS NOT NULL) d;
  END IF;
  IF ms IS NULL THEN
    RETURN NULL;
  END IF;
  FOR m IN SELECT DISTINCT x FROM unnest(ms) AS x ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(748201, m);
  END LOOP;
  PERFORM fact_aggregate_refresh(ms, ys);
  RETURN NULL;
END $$;

CREATE TRIGGER fact_aggregate_after_insert AFTER INSERT ON "fact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_aggregate_on_change();
CREATE TRIGGER fact_aggregate_after_update AFTER UPDATE ON "fact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_aggregate_on_change();
CREATE TRIGGER fact_aggregate_after_delete AFTER DELETE ON "fact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_aggregate_on_change();

-- Build the cache for facts that exist already.
SELECT fact_aggregate_refresh(
  COALESCE((SELECT array_agg(metric_id) FROM (SELECT DISTINCT metric_id, year FROM fact WHERE year IS NOT NULL) d), '{}'),
  COALESCE((SELECT array_agg(year) FROM (SELECT DISTINCT metric_id, year FROM fact WHERE year IS NOT NULL) d), '{}')
);
