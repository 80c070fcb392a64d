-- Initial schema: publications, issues, articles, places, metrics, facts, recognitions,
-- users, sessions, sign-in attempts and the audit log. Mirrors prisma/schema.prisma.

CREATE TYPE "region_level" AS ENUM ('province', 'city', 'county');
CREATE TYPE "park_level" AS ENUM ('national', 'provincial', 'municipal');
CREATE TYPE "value_type" AS ENUM ('count', 'amount', 'rate', 'growth', 'share');
CREATE TYPE "aggregation" AS ENUM ('sum', 'latest', 'none');
CREATE TYPE "direction" AS ENUM ('higher_better', 'lower_better', 'neutral');
CREATE TYPE "fact_kind" AS ENUM ('actual', 'target', 'forecast', 'plan');
CREATE TYPE "comparator" AS ENUM ('eq', 'gt', 'gte', 'lt', 'lte', 'approx');
CREATE TYPE "review_status" AS ENUM ('draft', 'approved', 'rejected');
CREATE TYPE "fact_source" AS ENUM ('extracted', 'manual');
CREATE TYPE "role" AS ENUM ('viewer', 'analyst', 'admin');
CREATE TYPE "recognition_level" AS ENUM ('national', 'province', 'city', 'county');

CREATE TABLE "publication" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "publication_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "publication_name_key" ON "publication"("name");

CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'viewer',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

CREATE TABLE "issue" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "page" TEXT,
    "source_file_name" TEXT,
    "checksum" CHAR(64) NOT NULL,
    "char_count" INTEGER NOT NULL,
    "imported_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    CONSTRAINT "issue_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "issue_checksum_key" ON "issue"("checksum");
CREATE INDEX "issue_publication_id_date_idx" ON "issue"("publication_id", "date");
CREATE INDEX "issue_date_idx" ON "issue"("date");
CREATE INDEX "issue_imported_by_id_idx" ON "issue"("imported_by_id");

CREATE TABLE "article" (
    "id" SERIAL NOT NULL,
    "issue_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "headline" TEXT NOT NULL,
    "subheadline" TEXT,
    "byline" TEXT,
    "dateline" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'news',
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "article_issue_id_ordinal_key" ON "article"("issue_id", "ordinal");

CREATE TABLE "region" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "level" "region_level" NOT NULL,
    "parent_id" INTEGER,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "region_code_key" ON "region"("code");
CREATE INDEX "region_parent_id_idx" ON "region"("parent_id");
CREATE INDEX "region_level_idx" ON "region"("level");

CREATE TABLE "park" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "official_name" TEXT,
    "name_en" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "type" TEXT,
    "level" "park_level" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "park_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "park_name_key" ON "park"("name");
CREATE INDEX "park_region_id_idx" ON "park"("region_id");
CREATE INDEX "park_level_idx" ON "park"("level");

CREATE TABLE "metric" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "value_type" "value_type" NOT NULL,
    "aggregation" "aggregation" NOT NULL,
    "direction" "direction" NOT NULL DEFAULT 'higher_better',
    "category" TEXT,
    "description" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "merged_into_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "metric_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "metric_key_key" ON "metric"("key");
CREATE INDEX "metric_merged_into_id_idx" ON "metric"("merged_into_id");
CREATE INDEX "metric_category_idx" ON "metric"("category");

CREATE TABLE "fact" (
    "id" SERIAL NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "metric_label" TEXT,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "org_name" TEXT,
    "year" INTEGER,
    "period" TEXT,
    "kind" "fact_kind" NOT NULL,
    "value" DECIMAL(30,6) NOT NULL,
    "unit" TEXT NOT NULL,
    "comparator" "comparator" NOT NULL DEFAULT 'eq',
    "status" "review_status" NOT NULL DEFAULT 'draft',
    "rejection_reason" TEXT,
    "source" "fact_source" NOT NULL,
    "article_id" INTEGER,
    "span_start" INTEGER,
    "span_end" INTEGER,
    "raw_text" TEXT,
    "evidence" TEXT,
    "extractor_version" TEXT,
    "confidence" DECIMAL(4,3),
    "source_note" TEXT,
    "created_by_id" INTEGER,
    "reviewed_by_id" INTEGER,
    "reviewed_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    CONSTRAINT "fact_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "fact_metric_id_year_idx" ON "fact"("metric_id", "year");
CREATE INDEX "fact_park_id_year_idx" ON "fact"("park_id", "year");
CREATE INDEX "fact_region_id_year_idx" ON "fact"("region_id", "year");
CREATE INDEX "fact_article_id_idx" ON "fact"("article_id");
CREATE INDEX "fact_status_year_idx" ON "fact"("status", "year");
CREATE INDEX "fact_kind_idx" ON "fact"("kind");
CREATE INDEX "fact_created_by_id_idx" ON "fact"("created_by_id");
CREATE INDEX "fact_reviewed_by_id_idx" ON "fact"("reviewed_by_id");

CREATE TABLE "recognition" (
    "id" SERIAL NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "level" "recognition_level" NOT NULL,
    "article_id" INTEGER,
    "evidence" TEXT,
    "status" "review_status" NOT NULL DEFAULT 'approved',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    CONSTRAINT "recognition_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "recognition_park_id_idx" ON "recognition"("park_id");
CREATE INDEX "recognition_region_id_idx" ON "recognition"("region_id");
CREATE INDEX "recognition_article_id_idx" ON "recognition"("article_id");
CREATE INDEX "recognition_year_idx" ON "recognition"("year");

CREATE TABLE "session" (
    "id" CHAR(64) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "session_user_id_idx" ON "session"("user_id");
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

CREATE TABLE "login_attempt" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_attempt_username_created_at_idx" ON "login_attempt"("username", "created_at");
CREATE INDEX "login_attempt_ip_created_at_idx" ON "login_attempt"("ip", "created_at");

CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");
CREATE INDEX "audit_log_user_id_idx" ON "audit_log"("user_id");
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

ALTER TABLE "issue" ADD CONSTRAINT "issue_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issue" ADD CONSTRAINT "issue_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "article" ADD CONSTRAINT "article_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "region" ADD CONSTRAINT "region_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "park" ADD CONSTRAINT "park_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "metric" ADD CONSTRAINT "metric_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "metric"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fact" ADD CONSTRAINT "fact_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
