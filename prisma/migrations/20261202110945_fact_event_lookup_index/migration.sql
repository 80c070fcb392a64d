-- The same-event lookup of fact_event_assign() (migration 20261202102209_same_event) runs for every
-- approved report of an event metric: it looks for an approved report of the same metric, year and
-- value (in the unit family's base). With only fact(metric_id, status, year, …) it read every
-- approved report of the metric and year — tens of thousands at 10M facts, on every approval and
-- for every row of a backfill. This index answers it from the value: one probe per approval.
-- (The schema-drift check sees the index as fact(metric_id, year): expressions and predicates are
-- not part of the compared shape; schema.prisma names it.)
CREATE INDEX IF NOT EXISTS "fact_event_lookup_idx" ON "fact" ("metric_id", "year", unit_base_value("value", "unit"))
  WHERE "status" = 'approved' AND "deleted_at" IS NULL;
