-- A readable public address for each plan: "2026-29" from its period, "-2", "-3"... after the
-- first when a partnership has more than one plan over the same years (oldest keeps the plain one).
ALTER TABLE "Plan" ADD COLUMN     "slug" TEXT;

UPDATE "Plan" AS p
SET "slug" = numbered.base || CASE WHEN numbered.n = 1 THEN '' ELSE '-' || numbered.n END
FROM (
  SELECT "id", base,
         row_number() OVER (PARTITION BY "partnershipId", base ORDER BY "createdAt", "id") AS n
  FROM (
    SELECT "id", "partnershipId", "createdAt",
           CASE
             WHEN extract(year FROM "periodStart") = extract(year FROM "periodEnd")
               THEN to_char("periodStart", 'YYYY')
             ELSE to_char("periodStart", 'YYYY') || '-' || to_char("periodEnd", 'YY')
           END AS base
    FROM "Plan"
  ) AS bases
) AS numbered
WHERE p."id" = numbered."id";

ALTER TABLE "Plan" ALTER COLUMN "slug" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Plan_partnershipId_slug_key" ON "Plan"("partnershipId", "slug");
