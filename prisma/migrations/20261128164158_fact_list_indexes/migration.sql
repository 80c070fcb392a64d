-- Indexes shaped for the fact lists (explorer, API, park and region pages): filter by metric,
-- park or region and review status, newest first (ORDER BY year DESC, id DESC), a page at a time.
-- With (…, status, year, id) PostgreSQL walks the index backwards and stops after one page; the
-- old (…, year) indexes made it sort every matching row (80-155 ms at a million facts, see
-- docs/benchmarks.md). The new indexes start with the same columns, so they also serve every
-- query the old ones did (and the foreign keys). deleted_at comes last so that counts
-- ("… AND deleted_at IS NULL") are index-only scans: 118 ms → 18 ms for the busiest metric.
DROP INDEX IF EXISTS "fact_metric_id_year_idx";
DROP INDEX IF EXISTS "fact_park_id_year_idx";
DROP INDEX IF EXISTS "fact_region_id_year_idx";
DROP INDEX IF EXISTS "fact_status_year_idx";
CREATE INDEX "fact_metric_id_status_year_id_deleted_at_idx" ON "fact"("metric_id", "status", "year", "id", "deleted_at");
CREATE INDEX "fact_park_id_status_year_id_deleted_at_idx" ON "fact"("park_id", "status", "year", "id", "deleted_at");
CREATE INDEX "fact_region_id_status_year_id_deleted_at_idx" ON "fact"("region_id", "status", "year", "id", "deleted_at");
CREATE INDEX "fact_status_year_id_deleted_at_idx" ON "fact"("status", "year", "id", "deleted_at");
