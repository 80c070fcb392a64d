-- The headline figures of each dashboard (overview, wall), chosen by an admin, in order. No rows
-- for a dashboard: it shows the default (the Five Good indicators with figures in the year).
CREATE TABLE "dashboard_headline" (
    "id" SERIAL NOT NULL,
    "dashboard" TEXT NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,

    CONSTRAINT "dashboard_headline_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "dashboard_headline_dashboard_metric_id_key" ON "dashboard_headline"("dashboard", "metric_id");
CREATE INDEX "dashboard_headline_dashboard_position_idx" ON "dashboard_headline"("dashboard", "position");
CREATE INDEX "dashboard_headline_metric_id_idx" ON "dashboard_headline"("metric_id");
CREATE INDEX "dashboard_headline_created_by_id_idx" ON "dashboard_headline"("created_by_id");

ALTER TABLE "dashboard_headline" ADD CONSTRAINT "dashboard_headline_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "dashboard_headline" ADD CONSTRAINT "dashboard_headline_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
