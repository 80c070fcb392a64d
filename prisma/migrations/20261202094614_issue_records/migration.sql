-- Issues as records (#13): an edit version, a de-duplication key over a looser normalisation of the
-- text, and a withdrawal reason (withdrawn = deleted_at set; its facts are soft-deleted with the
-- same timestamp so a restore brings back exactly those).
ALTER TABLE "issue" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "issue" ADD COLUMN "content_key" CHAR(64);
ALTER TABLE "issue" ADD COLUMN "withdrawal_reason" TEXT;
CREATE UNIQUE INDEX "issue_content_key_key" ON "issue"("content_key");

-- History: a row per change of an approved figure, holding the values it had before the change.
CREATE TABLE "fact_version" (
    "id" SERIAL NOT NULL,
    "fact_id" INTEGER NOT NULL,
    -- the fact's version number while it had these values
    "version" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "park_id" INTEGER,
    "region_id" INTEGER,
    "project_id" INTEGER,
    "org_id" INTEGER,
    "org_name" TEXT,
    "year" INTEGER,
    "period" TEXT,
    "kind" "fact_kind" NOT NULL,
    "value" DECIMAL(30,6) NOT NULL,
    "unit" TEXT NOT NULL,
    "comparator" "comparator" NOT NULL,
    "status" "review_status" NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_by_id" INTEGER,
    CONSTRAINT "fact_version_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "fact_version_fact_id_changed_at_idx" ON "fact_version"("fact_id", "changed_at");
CREATE INDEX "fact_version_changed_by_id_idx" ON "fact_version"("changed_by_id");
CREATE INDEX "fact_version_metric_id_idx" ON "fact_version"("metric_id");
ALTER TABLE "fact_version" ADD CONSTRAINT "fact_version_fact_id_fkey" FOREIGN KEY ("fact_id") REFERENCES "fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "fact_version" ADD CONSTRAINT "fact_version_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "fact_version" ADD CONSTRAINT "fact_version_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every path that changes an approved figure (review, editor, metric merge, figure settling, SQL by
-- hand) leaves its version: a trigger, not each action remembering to. Who: the transaction's
-- xt.user_id setting (lib/actions/result.ts sets it), else null. Soft deletion (withdrawing an
-- issue) is not a change of the figure's value and leaves no version.
CREATE FUNCTION fact_version_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fact_version (fact_id, version, metric_id, park_id, region_id, project_id, org_id, org_name, year, period,
                            kind, value, unit, comparator, status, changed_by_id)
  VALUES (OLD.id, OLD.version, OLD.metric_id, OLD.park_id, OLD.region_id, OLD.project_id, OLD.org_id, OLD.org_name,
          OLD.year, OLD.period, OLD.kind, OLD.value, OLD.unit, OLD.comparator, OLD.status,
          (SELECT u.id FROM app_user u WHERE u.id = NULLIF(current_setting('xt.user_id', true), '')::int));
  RETURN NULL;
END $$;
CREATE TRIGGER fact_version_after_update AFTER UPDATE ON "fact"
  FOR EACH ROW WHEN (OLD.status = 'approved' AND (
    OLD.value, OLD.unit, OLD.comparator, OLD.kind, OLD.year, OLD.period, OLD.metric_id,
    OLD.park_id, OLD.region_id, OLD.project_id, OLD.org_id, OLD.org_name, OLD.status
  ) IS DISTINCT FROM (
    NEW.value, NEW.unit, NEW.comparator, NEW.kind, NEW.year, NEW.period, NEW.metric_id,
    NEW.park_id, NEW.region_id, NEW.project_id, NEW.org_id, NEW.org_name, NEW.status
  ))
  EXECUTE FUNCTION fact_version_on_update();

-- A month at once: one row per file to import, processed by the server one at a time.
CREATE TYPE "import_job_status" AS ENUM ('queued', 'running', 'done', 'failed');
CREATE TABLE "import_job" (
    "id" SERIAL NOT NULL,
    "batch_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "publication" TEXT NOT NULL,
    -- the date given or read from the file name; null: from the text's dateline
    "date" DATE,
    "page" TEXT,
    -- the file's bytes until it is processed (cleared afterwards)
    "content" BYTEA,
    "size" INTEGER NOT NULL,
    "status" "import_job_status" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "result" JSONB,
    "error" TEXT,
    "issue_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "import_job_status_id_idx" ON "import_job"("status", "id");
CREATE INDEX "import_job_batch_id_idx" ON "import_job"("batch_id");
CREATE INDEX "import_job_created_by_id_idx" ON "import_job"("created_by_id");
CREATE INDEX "import_job_issue_id_idx" ON "import_job"("issue_id");
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;
