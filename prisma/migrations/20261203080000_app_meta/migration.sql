-- The database's own bookkeeping, one value per key. "prepared": the fingerprint of the migrations
-- and reference data a full preparation last applied (lib/db/prepare.ts), so that a CLI run on a
-- database that is already current skips the migration scan and the reference-data pass with one
-- query. Mirrors model AppMeta in prisma/schema.prisma.
CREATE TABLE "app_meta" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_meta_pkey" PRIMARY KEY ("key")
);
