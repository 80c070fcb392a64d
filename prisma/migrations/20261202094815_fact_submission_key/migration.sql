-- Forms that cannot double-submit (issue 13): every admin form that creates a fact sends a key
-- made once per form; a second submission with the same key finds the first fact instead of
-- creating another. NULL for facts the importer creates (unique allows many NULLs).
ALTER TABLE "fact" ADD COLUMN "submission_key" TEXT;
CREATE UNIQUE INDEX "fact_submission_key_key" ON "fact"("submission_key");
