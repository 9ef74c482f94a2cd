-- CreateEnum
CREATE TYPE "ProvisionType" AS ENUM ('MAINSTREAM_TOP_UP', 'RESOURCED_PROVISION', 'SPECIAL', 'INDEPENDENT_SPECIAL', 'ALTERNATIVE_PROVISION', 'POST_16');

-- CreateEnum
CREATE TYPE "FundingBlock" AS ENUM ('HIGH_NEEDS', 'SCHOOLS', 'EARLY_YEARS', 'CENTRAL_SCHOOL_SERVICES', 'OTHER');

-- CreateTable
CREATE TABLE "Band" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "descriptionOfNeed" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Band_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tariff" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "bandId" TEXT NOT NULL,
    "provisionType" "ProvisionType" NOT NULL,
    "annualPrice" DECIMAL(12,2) NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "block" "FundingBlock" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "financialYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Band_partnershipId_idx" ON "Band"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Band_partnershipId_name_key" ON "Band"("partnershipId", "name");

-- CreateIndex
CREATE INDEX "Tariff_partnershipId_effectiveFrom_idx" ON "Tariff"("partnershipId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Tariff_bandId_provisionType_idx" ON "Tariff"("bandId", "provisionType");

-- CreateIndex
CREATE INDEX "BudgetLine_planId_idx" ON "BudgetLine"("planId");

-- CreateIndex
CREATE INDEX "BudgetLine_commitmentId_idx" ON "BudgetLine"("commitmentId");

-- AddForeignKey
ALTER TABLE "Band" ADD CONSTRAINT "Band_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_bandId_fkey" FOREIGN KEY ("bandId") REFERENCES "Band"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Issue 16: a commitment's free-text budget becomes a budget line of its plan, nothing lost. The
-- text is the line's name; the block is read from it where it names one (else OTHER); the year is
-- the financial year (April to March) in which the plan's period starts; no amount becomes 0.00.
INSERT INTO "BudgetLine" ("id", "planId", "commitmentId", "name", "block", "amount", "financialYear")
SELECT
    'bl' || md5(c."id"),
    c."planId",
    c."id",
    COALESCE(NULLIF(btrim(c."budgetLine"), ''), 'Budget'),
    (CASE
        WHEN c."budgetLine" ILIKE '%high needs%' THEN 'HIGH_NEEDS'
        WHEN c."budgetLine" ILIKE '%early years%' THEN 'EARLY_YEARS'
        WHEN c."budgetLine" ILIKE '%central school services%' THEN 'CENTRAL_SCHOOL_SERVICES'
        WHEN c."budgetLine" ILIKE '%schools block%' THEN 'SCHOOLS'
        ELSE 'OTHER'
    END)::"FundingBlock",
    COALESCE(c."budgetAmount", 0),
    CASE WHEN EXTRACT(MONTH FROM p."periodStart") >= 4
        THEN EXTRACT(YEAR FROM p."periodStart")::INTEGER
        ELSE EXTRACT(YEAR FROM p."periodStart")::INTEGER - 1
    END
FROM "Commitment" c
JOIN "Plan" p ON p."id" = c."planId"
WHERE NULLIF(btrim(c."budgetLine"), '') IS NOT NULL OR c."budgetAmount" IS NOT NULL;

UPDATE "Commitment" SET "budgetLine" = NULL, "budgetAmount" = NULL
WHERE "budgetLine" IS NOT NULL OR "budgetAmount" IS NOT NULL;
