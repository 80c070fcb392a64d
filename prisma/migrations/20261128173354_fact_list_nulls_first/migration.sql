-- The fact lists sort newest year first with facts of unknown year last (and the reverse for
-- ascending): ORDER BY year DESC NULLS LAST / year ASC NULLS FIRST. A b-tree on "year NULLS FIRST"
-- yields exactly those orders scanning backward / forward, so a page is read straight off the
-- index. (Prisma's schema cannot state NULLS FIRST; the columns are unchanged, so schema.prisma
-- and the drift test stay as they are.)
DROP INDEX IF EXISTS "fact_metric_id_status_year_id_deleted_at_idx";
DROP INDEX IF EXISTS "fact_park_id_status_year_id_deleted_at_idx";
DROP INDEX IF EXISTS "fact_region_id_status_year_id_deleted_at_idx";
DROP INDEX IF EXISTS "fact_status_year_id_deleted_at_idx";
CREATE INDEX "fact_metric_id_status_year_id_deleted_at_idx" ON "fact"("metric_id", "status", "year" NULLS FIRST, "id", "deleted_at");
CREATE INDEX "fact_park_id_status_year_id_deleted_at_idx" ON "fact"("park_id", "status", "year" NULLS FIRST, "id", "deleted_at");
CREATE INDEX "fact_region_id_status_year_id_deleted_at_idx" ON "fact"("region_id", "status", "year" NULLS FIRST, "id", "deleted_at");
CREATE INDEX "fact_status_year_id_deleted_at_idx" ON "fact"("status", "year" NULLS FIRST, "id", "deleted_at");
