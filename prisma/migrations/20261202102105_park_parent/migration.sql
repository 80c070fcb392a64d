-- Sub-parks (issue 11): a park inside another park (湖南高端汽车零部件产业园 in 湘潭经开区) is a
-- subject of its own, linked to the park it belongs to. NULL for the province's listed parks.
ALTER TABLE "park" ADD COLUMN "parent_id" INTEGER;
CREATE INDEX "park_parent_id_idx" ON "park"("parent_id");
ALTER TABLE "park" ADD CONSTRAINT "park_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "park"("id") ON DELETE SET NULL ON UPDATE CASCADE;
