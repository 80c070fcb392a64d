-- "How many times was this figure reported, and which report is the latest?" looks up one
-- (subject, metric, year) group per listed fact. The list indexes reach only (subject, status,
-- year): 24,538 rows for the busiest park in a year of the 1M-fact data set, per listed row. These
-- reach the group itself (median 1 fact, at most ~1,200 in the synthetic set).
CREATE INDEX "fact_park_id_metric_id_year_idx" ON "fact"("park_id", "metric_id", "year");
CREATE INDEX "fact_region_id_metric_id_year_idx" ON "fact"("region_id", "metric_id", "year");
