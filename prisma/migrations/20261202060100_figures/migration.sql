-- What a figure is (issue 10). Two approved reports are the same figure when they have the same
-- subject (park, region, project or organisation), metric, year, period class, kind and unit
-- family, and — for an event metric — are the same event. The rule lives here once, in
-- fact_figure_reports(), read by the triggers that keep fact_figure and by every reader; the
-- TypeScript side (lib/vocab) is checked against these functions by tests/integration/vocab-sql.test.ts.
--
-- Metric nature: a *level* metric has one true value per subject and period (reports merge; reports
-- with different values are a conflict, counted in fact_figure.value_count); an *event* metric has
-- one figure per event (reports with the same value are one event unless an admin split them;
-- fact.event_key set by an admin merges or splits reports by hand).

CREATE TYPE "metric_nature" AS ENUM ('level', 'event');
CREATE TYPE "project_stage" AS ENUM ('signed', 'started', 'under_construction', 'completed', 'in_operation');

ALTER TABLE "metric" ADD COLUMN "nature" "metric_nature" NOT NULL DEFAULT 'level';

-- The shipped catalogue: physical quantities are not money; events are events.
UPDATE "metric" SET "value_type" = 'quantity'
 WHERE "key" IN ('land_converted_commercial_to_industrial', 'land_area', 'land_revitalised', 'floor_area',
                 'grain_output', 'crop_area', 'afforestation', 'electricity', 'approval_time');
UPDATE "metric" SET "nature" = 'event'
 WHERE "key" IN ('project_total_investment', 'investment_signed', 'projects_signed', 'projects_started',
                 'projects_completed', 'enterprises_settled', 'key_enterprises_trained', 'land_area', 'floor_area',
                 'people_trained', 'experts', 'persons_honoured_bravery', 'honourees_speaking', 'people_honoured',
                 'people_rescued_by_individual', 'units_reporting', 'people_disciplined', 'funds_misappropriated',
                 'funds_recovered', 'problems_found', 'problems_rectified', 'leads_handled', 'problem_categories',
                 'cases_handled', 'funds_invested', 'subsidies', 'loans', 'events_held', 'inspections');

-- Projects and organisations: subjects of their own, linked across articles by name.
CREATE TABLE "project" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "stage" "project_stage",
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "project_name_key" ON "project"("name");
CREATE INDEX "project_park_id_idx" ON "project"("park_id");
CREATE INDEX "project_region_id_idx" ON "project"("region_id");
ALTER TABLE "project" ADD CONSTRAINT "project_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "project" ADD CONSTRAINT "project_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A stage a project reached, as an article reports it (签约/开工/在建/竣工/投产 and the issue date).
CREATE TABLE "project_milestone" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "stage" "project_stage" NOT NULL,
    "date" DATE,
    "article_id" INTEGER,
    "evidence" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_milestone_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "project_milestone_project_id_idx" ON "project_milestone"("project_id");
CREATE INDEX "project_milestone_article_id_idx" ON "project_milestone"("article_id");
ALTER TABLE "project_milestone" ADD CONSTRAINT "project_milestone_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_milestone" ADD CONSTRAINT "project_milestone_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "organization_name_key" ON "organization"("name");
CREATE INDEX "organization_park_id_idx" ON "organization"("park_id");
CREATE INDEX "organization_region_id_idx" ON "organization"("region_id");
ALTER TABLE "organization" ADD CONSTRAINT "organization_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "organization" ADD CONSTRAINT "organization_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "fact" ADD COLUMN "project_id" INTEGER, ADD COLUMN "org_id" INTEGER, ADD COLUMN "event_key" TEXT;
CREATE INDEX "fact_project_id_metric_id_year_idx" ON "fact"("project_id", "metric_id", "year");
CREATE INDEX "fact_org_id_metric_id_year_idx" ON "fact"("org_id", "metric_id", "year");
ALTER TABLE "fact" ADD CONSTRAINT "fact_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Today's organisations (fact.org_name) become records.
INSERT INTO "organization" ("name", "updated_at")
SELECT DISTINCT btrim("org_name"), CURRENT_TIMESTAMP FROM "fact" WHERE "org_name" IS NOT NULL AND btrim("org_name") <> ''
ON CONFLICT ("name") DO NOTHING;
UPDATE "fact" f SET "org_id" = o."id" FROM "organization" o
 WHERE f."org_name" IS NOT NULL AND o."name" = btrim(f."org_name") AND f."park_id" IS NULL AND f."region_id" IS NULL;

-- ---------- the vocabulary's SQL side (lib/vocab; tests/integration/vocab-sql.test.ts) ----------

-- No period, FY and cumulative are the whole year ('').
CREATE FUNCTION period_class(p TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p IS NULL OR p IN ('FY', 'cumulative') THEN '' ELSE p END
$$;

-- The family of a unit (lib/vocab/units.ts; an unregistered other:<word> is its own family) and a
-- value in its unit's conversion base as 'base:value' (15 亩 and 1 公顷 give 'm2:10000'), rounded to
-- 6 places as lib/vocab/figure.ts baseValue() does. Generated from the registry; the test
-- tests/integration/vocab-sql.test.ts fails when the two disagree.
CREATE FUNCTION unit_family(u TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE u
    WHEN 'CNY' THEN 'money'
    WHEN 'USD' THEN 'money'
    WHEN 'percent' THEN 'ratio'
    WHEN 'pp' THEN 'ratio_change'
    WHEN 'mu' THEN 'area'
    WHEN 'm2' THEN 'area'
    WHEN 'hectare' THEN 'area'
    WHEN 'km2' THEN 'area'
    WHEN 'ton' THEN 'mass'
    WHEN 'kwh' THEN 'energy'
    WHEN 'person' THEN 'headcount'
    WHEN 'person_time' THEN 'person_visits'
    WHEN 'org' THEN 'organisations'
    WHEN 'project' THEN 'projects'
    WHEN 'item' THEN 'count'
    WHEN 'case' THEN 'cases'
    WHEN 'times' THEN 'occurrences'
    WHEN 'day' THEN 'duration'
    WHEN 'month' THEN 'calendar_duration'
    WHEN 'year_count' THEN 'calendar_duration'
    WHEN 'other:港元' THEN 'money'
    WHEN 'other:港币' THEN 'money'
    WHEN 'other:欧元' THEN 'money'
    WHEN 'other:日元' THEN 'money'
    WHEN 'other:英镑' THEN 'money'
    WHEN 'other:台币' THEN 'money'
    WHEN 'other:‰' THEN 'ratio'
    WHEN 'other:倍' THEN 'multiple'
    WHEN 'other:公里' THEN 'length'
    WHEN 'other:千米' THEN 'length'
    WHEN 'other:km' THEN 'length'
    WHEN 'other:米' THEN 'length'
    WHEN 'other:m' THEN 'length'
    WHEN 'other:厘米' THEN 'length'
    WHEN 'other:公分' THEN 'length'
    WHEN 'other:cm' THEN 'length'
    WHEN 'other:毫米' THEN 'length'
    WHEN 'other:mm' THEN 'length'
    WHEN 'other:英里' THEN 'length'
    WHEN 'other:海里' THEN 'length'
    WHEN 'other:英尺' THEN 'length'
    WHEN 'other:光年' THEN 'length'
    WHEN 'other:立方米' THEN 'volume'
    WHEN 'other:m³' THEN 'volume'
    WHEN 'other:方' THEN 'volume'
    WHEN 'other:升' THEN 'volume'
    WHEN 'other:公升' THEN 'volume'
    WHEN 'other:L' THEN 'volume'
    WHEN 'other:毫升' THEN 'volume'
    WHEN 'other:mL' THEN 'volume'
    WHEN 'other:公斤' THEN 'mass'
    WHEN 'other:千克' THEN 'mass'
    WHEN 'other:kg' THEN 'mass'
    WHEN 'other:斤' THEN 'mass'
    WHEN 'other:克' THEN 'mass'
    WHEN 'other:g' THEN 'mass'
    WHEN 'other:毫克' THEN 'mass'
    WHEN 'other:mg' THEN 'mass'
    WHEN 'other:微克' THEN 'mass'
    WHEN 'other:MWh' THEN 'energy'
    WHEN 'other:千瓦' THEN 'power'
    WHEN 'other:kW' THEN 'power'
    WHEN 'other:兆瓦' THEN 'power'
    WHEN 'other:MW' THEN 'power'
    WHEN 'other:GW' THEN 'power'
    WHEN 'other:小时' THEN 'duration'
    WHEN 'other:分钟' THEN 'duration'
    WHEN 'other:秒' THEN 'duration'
    WHEN 'other:周' THEN 'duration'
    WHEN 'other:岁' THEN 'age'
    WHEN 'other:℃' THEN 'temperature'
    WHEN 'other:微克/立方米' THEN 'concentration'
    WHEN 'other:字节' THEN 'data_size'
    WHEN 'other:千字节' THEN 'data_size'
    WHEN 'other:车次' THEN 'occurrences'
    WHEN 'other:架次' THEN 'occurrences'
    WHEN 'other:户次' THEN 'occurrences'
    WHEN 'other:场' THEN 'occurrences'
    WHEN 'other:轮' THEN 'occurrences'
    WHEN 'other:期' THEN 'occurrences'
    WHEN 'other:台' THEN 'count'
    WHEN 'other:辆' THEN 'count'
    WHEN 'other:座' THEN 'count'
    WHEN 'other:所' THEN 'count'
    WHEN 'other:套' THEN 'count'
    WHEN 'other:栋' THEN 'count'
    WHEN 'other:幢' THEN 'count'
    WHEN 'other:户' THEN 'count'
    WHEN 'other:批' THEN 'count'
    WHEN 'other:支' THEN 'count'
    WHEN 'other:张' THEN 'count'
    WHEN 'other:本' THEN 'count'
    WHEN 'other:册' THEN 'count'
    WHEN 'other:卷' THEN 'count'
    WHEN 'other:盒' THEN 'count'
    WHEN 'other:袋' THEN 'count'
    WHEN 'other:瓶' THEN 'count'
    WHEN 'other:箱' THEN 'count'
    WHEN 'other:枚' THEN 'count'
    WHEN 'other:幅' THEN 'count'
    WHEN 'other:盏' THEN 'count'
    WHEN 'other:部' THEN 'count'
    WHEN 'other:面' THEN 'count'
    WHEN 'other:篇' THEN 'count'
    WHEN 'other:份' THEN 'count'
    WHEN 'other:处' THEN 'count'
    WHEN 'other:块' THEN 'count'
    WHEN 'other:棵' THEN 'count'
    WHEN 'other:株' THEN 'count'
    WHEN 'other:头' THEN 'count'
    WHEN 'other:只' THEN 'count'
    WHEN 'other:架' THEN 'count'
    WHEN 'other:艘' THEN 'count'
    WHEN 'other:列' THEN 'count'
    WHEN 'other:层' THEN 'count'
    WHEN 'other:例' THEN 'count'
    WHEN 'other:村' THEN 'count'
    WHEN 'other:门' THEN 'count'
    WHEN 'other:款' THEN 'count'
    WHEN 'other:种' THEN 'count'
    WHEN 'other:笔' THEN 'count'
    WHEN 'other:间' THEN 'count'
    WHEN 'other:桩' THEN 'count'
    WHEN 'other:班' THEN 'count'
    ELSE u
  END
$$;

CREATE FUNCTION unit_base_value(value NUMERIC, u TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE u
    WHEN 'CNY' THEN 'CNY' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'USD' THEN 'USD' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'percent' THEN 'percent' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'pp' THEN 'pp' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'mu' THEN 'm2' || ':' || trim_scale(round(value * 2000::numeric / 3::numeric, 6))::text
    WHEN 'm2' THEN 'm2' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'hectare' THEN 'm2' || ':' || trim_scale(round(value * 10000::numeric / 1::numeric, 6))::text
    WHEN 'km2' THEN 'm2' || ':' || trim_scale(round(value * 1000000::numeric / 1::numeric, 6))::text
    WHEN 'ton' THEN 'kg' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'kwh' THEN 'kwh' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'person' THEN 'person' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'person_time' THEN 'person_time' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'org' THEN 'org' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'project' THEN 'project' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'item' THEN 'item' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'case' THEN 'case' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'times' THEN 'times' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'day' THEN 'day' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'month' THEN 'month' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'year_count' THEN 'month' || ':' || trim_scale(round(value * 12::numeric / 1::numeric, 6))::text
    WHEN 'other:‰' THEN 'percent' || ':' || trim_scale(round(value * 1::numeric / 10::numeric, 6))::text
    WHEN 'other:公里' THEN 'm' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'other:千米' THEN 'm' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'other:km' THEN 'm' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'other:米' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:m' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:厘米' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 100::numeric, 6))::text
    WHEN 'other:公分' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 100::numeric, 6))::text
    WHEN 'other:cm' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 100::numeric, 6))::text
    WHEN 'other:毫米' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:mm' THEN 'm' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:英里' THEN 'm' || ':' || trim_scale(round(value * 1609.344::numeric / 1::numeric, 6))::text
    WHEN 'other:海里' THEN 'm' || ':' || trim_scale(round(value * 1852::numeric / 1::numeric, 6))::text
    WHEN 'other:英尺' THEN 'm' || ':' || trim_scale(round(value * 0.3048::numeric / 1::numeric, 6))::text
    WHEN 'other:立方米' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:m³' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:方' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:升' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:公升' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:L' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:毫升' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1000000::numeric, 6))::text
    WHEN 'other:mL' THEN 'm3' || ':' || trim_scale(round(value * 1::numeric / 1000000::numeric, 6))::text
    WHEN 'other:公斤' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:千克' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:kg' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:斤' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 2::numeric, 6))::text
    WHEN 'other:克' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:g' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1000::numeric, 6))::text
    WHEN 'other:毫克' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1000000::numeric, 6))::text
    WHEN 'other:mg' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1000000::numeric, 6))::text
    WHEN 'other:微克' THEN 'kg' || ':' || trim_scale(round(value * 1::numeric / 1000000000::numeric, 6))::text
    WHEN 'other:MWh' THEN 'kwh' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'other:千瓦' THEN 'kW' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:kW' THEN 'kW' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:兆瓦' THEN 'kW' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'other:MW' THEN 'kW' || ':' || trim_scale(round(value * 1000::numeric / 1::numeric, 6))::text
    WHEN 'other:GW' THEN 'kW' || ':' || trim_scale(round(value * 1000000::numeric / 1::numeric, 6))::text
    WHEN 'other:小时' THEN 'day' || ':' || trim_scale(round(value * 1::numeric / 24::numeric, 6))::text
    WHEN 'other:分钟' THEN 'day' || ':' || trim_scale(round(value * 1::numeric / 1440::numeric, 6))::text
    WHEN 'other:秒' THEN 'day' || ':' || trim_scale(round(value * 1::numeric / 86400::numeric, 6))::text
    WHEN 'other:周' THEN 'day' || ':' || trim_scale(round(value * 7::numeric / 1::numeric, 6))::text
    WHEN 'other:字节' THEN 'byte' || ':' || trim_scale(round(value * 1::numeric / 1::numeric, 6))::text
    WHEN 'other:千字节' THEN 'byte' || ':' || trim_scale(round(value * 1024::numeric / 1::numeric, 6))::text
    ELSE u || ':' || trim_scale(value)::text
  END
$$;


-- The event a report belongs to: '' for level metrics; for event metrics the admin's event key, or
-- else the value in the family's base unit (the same value of the same subject, metric, year,
-- period and kind is the same event reported again).
CREATE FUNCTION figure_event(nature metric_nature, event_key TEXT, value NUMERIC, unit TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN nature = 'level' THEN '' WHEN event_key IS NOT NULL THEN 'k:' || event_key
              ELSE 'v:' || unit_base_value(value, unit) END
$$;

-- ---------- fact_figure, re-keyed ----------

DROP TRIGGER IF EXISTS fact_figure_after_insert ON "fact";
DROP TRIGGER IF EXISTS fact_figure_after_update ON "fact";
DROP TRIGGER IF EXISTS fact_figure_after_delete ON "fact";
DROP FUNCTION IF EXISTS fact_figure_on_insert();
DROP FUNCTION IF EXISTS fact_figure_on_update();
DROP FUNCTION IF EXISTS fact_figure_on_delete();
DROP FUNCTION IF EXISTS fact_figure_recompute(INTEGER[], TEXT[], fact_kind[], INTEGER[], TEXT[], INTEGER[], INTEGER[]);
DROP FUNCTION IF EXISTS fact_figure_rebuild();
DROP TABLE "fact_figure";

CREATE TABLE "fact_figure" (
    "id" SERIAL NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "unit_family" TEXT NOT NULL,
    "kind" "fact_kind" NOT NULL,
    "year" INTEGER NOT NULL,
    -- '' for the whole year (no period, FY, cumulative), else the period (H1, Q1, M01-M07…)
    "period" TEXT NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "project_id" INTEGER,
    "org_id" INTEGER,
    -- '' for a level metric, else the event (see figure_event)
    "event" TEXT NOT NULL,
    "latest_fact_id" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,
    -- distinct articles (a manual entry without one counts on its own)
    "sources" INTEGER NOT NULL,
    -- distinct values (in the unit's conversion base) among the reports: more than one is a conflict
    "value_count" INTEGER NOT NULL,
    CONSTRAINT "fact_figure_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "fact_figure_key" ON "fact_figure" ("metric_id", "unit_family", "kind", "year", "period", "park_id", "region_id", "project_id", "org_id", "event") NULLS NOT DISTINCT;
CREATE INDEX "fact_figure_park_id_year_idx" ON "fact_figure" ("park_id", "year");
CREATE INDEX "fact_figure_region_id_year_idx" ON "fact_figure" ("region_id", "year");
CREATE INDEX "fact_figure_project_id_idx" ON "fact_figure" ("project_id");
CREATE INDEX "fact_figure_org_id_idx" ON "fact_figure" ("org_id");
CREATE INDEX "fact_figure_value_count_idx" ON "fact_figure" ("value_count");

-- Every approved, live report that is part of a figure, with its figure key: THE figure rule.
CREATE FUNCTION fact_figure_reports() RETURNS TABLE (
  fact_id INTEGER, metric_id INTEGER, unit_family TEXT, kind fact_kind, year INTEGER, period TEXT,
  park_id INTEGER, region_id INTEGER, project_id INTEGER, org_id INTEGER, event TEXT, base_value TEXT, article_id INTEGER, issue_date DATE
) LANGUAGE sql STABLE AS $$
  SELECT f.id, f.metric_id, unit_family(f.unit), f.kind, f.year, period_class(f.period),
         f.park_id, f.region_id, f.project_id, f.org_id,
         figure_event(m.nature, f.event_key, f.value, f.unit), unit_base_value(f.value, f.unit), f.article_id, i.date
    FROM fact f
    JOIN metric m ON m.id = f.metric_id
    LEFT JOIN article a ON a.id = f.article_id
    LEFT JOIN issue i ON i.id = a.issue_id
   WHERE f.status = 'approved' AND f.deleted_at IS NULL AND f.year IS NOT NULL
     AND num_nonnulls(f.park_id, f.region_id, f.project_id, f.org_id) > 0
     AND (i.id IS NULL OR i.deleted_at IS NULL)
$$;

-- Recomputes every figure of the given (metric, year, subject) groups, one element per group in
-- the parallel arrays. Concurrent writers of one group are ordered by a transaction-level advisory
-- lock taken in key order; the recomputation is a new statement whose snapshot sees what a writer
-- we waited for committed (tests/integration/perf-aggregates.test.ts).
CREATE FUNCTION fact_figure_recompute(g_metric INTEGER[], g_year INTEGER[], g_park INTEGER[], g_region INTEGER[], g_project INTEGER[], g_org INTEGER[])
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
   WHERE ff.metric_id = g.metric_id AND ff.year = g.year AND ff.park_id IS NOT DISTINCT FROM g.park_id
     AND ff.region_id IS NOT DISTINCT FROM g.region_id AND ff.project_id IS NOT DISTINCT FROM g.project_id
     AND ff.org_id IS NOT DISTINCT FROM g.org_id;

  INSERT INTO fact_figure (metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event, latest_fact_id, reports, sources, value_count)
  SELECT r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id, r.event,
         (array_agg(r.fact_id ORDER BY r.issue_date DESC NULLS LAST, r.fact_id DESC))[1], count(*)::int, count(DISTINCT COALESCE(r.article_id, -r.fact_id))::int, count(DISTINCT r.base_value)::int
    FROM (SELECT DISTINCT * FROM unnest(g_metric, g_year, g_park, g_region, g_project, g_org) AS u(metric_id, year, park_id, region_id, project_id, org_id)) g
    JOIN fact_figure_reports() r ON r.metric_id = g.metric_id AND r.year = g.year
     AND r.park_id IS NOT DISTINCT FROM g.park_id AND r.region_id IS NOT DISTINCT FROM g.region_id
     AND r.project_id IS NOT DISTINCT FROM g.project_id AND r.org_id IS NOT DISTINCT FROM g.org_id
   GROUP BY r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id, r.event
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
END $$;

-- The groups a statement's rows belonged to (before and after), recomputed once per statement.
CREATE FUNCTION fact_figure_on_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE m INTEGER[]; y INTEGER[]; p INTEGER[]; r INTEGER[]; pr INTEGER[]; o INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(metric_id), array_agg(year), array_agg(park_id), array_agg(region_id), array_agg(project_id), array_agg(org_id) INTO m, y, p, r, pr, o
      FROM (SELECT DISTINCT metric_id, year, park_id, region_id, project_id, org_id FROM new_rows
             WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL) d;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(metric_id), array_agg(year), array_agg(park_id), array_agg(region_id), array_agg(project_id), array_agg(org_id) INTO m, y, p, r, pr, o
      FROM (SELECT DISTINCT metric_id, year, park_id, region_id, project_id, org_id FROM old_rows
             WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL) d;
  ELSE
    SELECT array_agg(metric_id), array_agg(year), array_agg(park_id), array_agg(region_id), array_agg(project_id), array_agg(org_id) INTO m, y, p, r, pr, o
      FROM (SELECT metric_id, year, park_id, region_id, project_id, org_id FROM old_rows
             WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL
            UNION
            SELECT metric_id, year, park_id, region_id, project_id, org_id FROM new_rows
             WHERE status = 'approved' AND deleted_at IS NULL AND year IS NOT NULL) d;
  END IF;
  IF m IS NOT NULL THEN PERFORM fact_figure_recompute(m, y, p, r, pr, o); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER fact_figure_after_insert AFTER INSERT ON "fact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_figure_on_change();
CREATE TRIGGER fact_figure_after_update AFTER UPDATE ON "fact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_figure_on_change();
CREATE TRIGGER fact_figure_after_delete AFTER DELETE ON "fact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_figure_on_change();

-- Full rebuild (bulk loads with the triggers disabled, repair), or of some metrics.
CREATE FUNCTION fact_figure_rebuild(metric_ids INTEGER[] DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fact_figure WHERE metric_ids IS NULL OR metric_id = ANY(metric_ids);
  INSERT INTO fact_figure (metric_id, unit_family, kind, year, period, park_id, region_id, project_id, org_id, event, latest_fact_id, reports, sources, value_count)
  SELECT r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id, r.event,
         (array_agg(r.fact_id ORDER BY r.issue_date DESC NULLS LAST, r.fact_id DESC))[1], count(*)::int, count(DISTINCT COALESCE(r.article_id, -r.fact_id))::int, count(DISTINCT r.base_value)::int
    FROM fact_figure_reports() r
   WHERE metric_ids IS NULL OR r.metric_id = ANY(metric_ids)
   GROUP BY r.metric_id, r.unit_family, r.kind, r.year, r.period, r.park_id, r.region_id, r.project_id, r.org_id, r.event;
END $$;

-- A metric whose nature changes regroups its reports.
CREATE FUNCTION metric_nature_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM fact_figure_rebuild(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER metric_nature_after_update AFTER UPDATE OF "nature" ON "metric"
  FOR EACH ROW WHEN (OLD.nature IS DISTINCT FROM NEW.nature) EXECUTE FUNCTION metric_nature_on_update();

SELECT fact_figure_rebuild();
