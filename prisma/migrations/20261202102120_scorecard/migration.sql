-- The 五好 scorecard (issue 12): the five dimensions the province evaluates parks on, and which
-- catalogue metrics are the indicators of each (assigned and ordered by admins, audited).
-- A metric is an indicator of at most one dimension. The default assignment ships twice: here for
-- databases that already hold the catalogue, and in lib/seed/scorecard.ts for a fresh database
-- (migrations run before the seed); tests/unit/scorecard/defaults-migration.test.ts checks both lists agree.

CREATE TABLE "scorecard_dimension" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "show_awards" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "scorecard_dimension_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scorecard_dimension_key_key" ON "scorecard_dimension"("key");

CREATE TABLE "scorecard_metric" (
    "id" SERIAL NOT NULL,
    "dimension_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "scorecard_metric_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scorecard_metric_metric_id_key" ON "scorecard_metric"("metric_id");
CREATE INDEX "scorecard_metric_dimension_id_ordinal_idx" ON "scorecard_metric"("dimension_id", "ordinal");
ALTER TABLE "scorecard_metric" ADD CONSTRAINT "scorecard_metric_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "scorecard_dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scorecard_metric" ADD CONSTRAINT "scorecard_metric_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "scorecard_dimension" ("key", "name_zh", "name_en", "ordinal", "show_awards", "updated_at") VALUES
  ('planning', '规划定位好', 'Good planning and positioning', 1, false, CURRENT_TIMESTAMP),
  ('innovation', '创新平台好', 'Good innovation platforms', 2, false, CURRENT_TIMESTAMP),
  ('projects', '产业项目好', 'Good industrial projects', 3, false, CURRENT_TIMESTAMP),
  ('institutions', '体制机制好', 'Good institutions and mechanisms', 4, false, CURRENT_TIMESTAMP),
  ('image', '发展形象好', 'Good development image', 5, true, CURRENT_TIMESTAMP);

-- Catalogue metrics the scorecard needs that the catalogue lacked (lib/extract/catalog.ts has the
-- same rows). Only into a database that already holds a catalogue: a fresh one gets them from the seed.
INSERT INTO "metric" ("key", "name_zh", "name_en", "unit", "value_type", "aggregation", "direction", "nature", "category", "description", "keywords", "updated_at")
SELECT v.* FROM (VALUES
  ('leading_industry_share', '主导产业占比', 'Share of the leading industries', 'percent', 'share'::"value_type", 'latest'::"aggregation", 'higher_better'::"direction", 'level'::"metric_nature", 'industry', '主导产业占比 (Share of the leading industries)', ARRAY['主导产业+占比', '主导产业+比重', '主导产业+占']::TEXT[], CURRENT_TIMESTAMP),
  ('high_tech_industry_share', '高新技术产业占比', 'Share of high-tech industry', 'percent', 'share'::"value_type", 'latest'::"aggregation", 'higher_better'::"direction", 'level'::"metric_nature", 'innovation', '高新技术产业占比 (Share of high-tech industry)', ARRAY['高新技术产业+占比', '高新技术产业+比重', '高新技术产业增加值+占']::TEXT[], CURRENT_TIMESTAMP),
  ('investment_funds_in_place', '招商引资实际到位资金', 'Investment funds actually in place', 'CNY', 'amount'::"value_type", 'sum'::"aggregation", 'higher_better'::"direction", 'level'::"metric_nature", 'investment', '招商引资实际到位资金 (Investment funds actually in place)', ARRAY['实际到位资金', '实际到位+资金', '到位资金+实际']::TEXT[], CURRENT_TIMESTAMP)
) AS v("key", "name_zh", "name_en", "unit", "value_type", "aggregation", "direction", "nature", "category", "description", "keywords", "updated_at")
WHERE EXISTS (SELECT 1 FROM "metric")
ON CONFLICT ("key") DO NOTHING;

-- The default indicators of each dimension (lib/seed/scorecard.ts SCORECARD_DEFAULTS), for the
-- metrics this database has.
INSERT INTO "scorecard_metric" ("dimension_id", "metric_id", "ordinal", "updated_at")
SELECT d."id", m."id", v."ordinal", CURRENT_TIMESTAMP
  FROM (VALUES
    ('planning', 'leading_industry_share', 1),
    ('planning', 'leading_industry_output_growth', 2),
    ('planning', 'land_converted_commercial_to_industrial', 3),
    ('innovation', 'high_tech_industry_share', 1),
    ('innovation', 'high_tech_enterprises', 2),
    ('innovation', 'little_giant_enterprises', 3),
    ('innovation', 'little_giant_enterprises_cumulative', 4),
    ('innovation', 'new_little_giant_enterprises', 5),
    ('innovation', 'little_giant_share_of_scale_industry', 6),
    ('innovation', 'specialised_sme', 7),
    ('innovation', 'new_specialised_sme', 8),
    ('innovation', 'platforms', 9),
    ('innovation', 'enterprises_in_maker_space', 10),
    ('projects', 'fixed_asset_investment', 1),
    ('projects', 'industrial_investment', 2),
    ('projects', 'new_scale_industrial_enterprises', 3),
    ('projects', 'investment_signed', 4),
    ('projects', 'investment_funds_in_place', 5),
    ('projects', 'key_projects', 6),
    ('institutions', 'key_enterprises_served', 1),
    ('institutions', 'key_projects_served', 2),
    ('institutions', 'key_talents_served', 3),
    ('institutions', 'approval_time', 4),
    ('image', 'tech_industry_trade_revenue', 1),
    ('image', 'industrial_value_added', 2),
    ('image', 'industrial_value_added_growth', 3),
    ('image', 'tax_per_mu', 4),
    ('image', 'tax_revenue', 5),
    ('image', 'foreign_trade', 6),
    ('image', 'five_good_awards_consecutive', 7)
  ) AS v("dimension", "metric", "ordinal")
  JOIN "scorecard_dimension" d ON d."key" = v."dimension"
  JOIN "metric" m ON m."key" = v."metric" AND m."deleted_at" IS NULL AND m."merged_into_id" IS NULL
ON CONFLICT ("metric_id") DO NOTHING;
