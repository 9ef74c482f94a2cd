-- CreateEnum
CREATE TYPE "SettingCategory" AS ENUM ('MAINSTREAM', 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT', 'SPECIAL', 'INDEPENDENT_SPECIAL', 'ALTERNATIVE_PROVISION');

-- CreateEnum
CREATE TYPE "SettingSource" AS ENUM ('GIAS', 'MANUAL');

-- CreateTable
CREATE TABLE "Setting" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "urn" TEXT,
    "name" TEXT NOT NULL,
    "establishmentType" TEXT,
    "phase" TEXT,
    "laCode" TEXT,
    "postcode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'Open',
    "category" "SettingCategory" NOT NULL,
    "needAreas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ageLow" INTEGER,
    "ageHigh" INTEGER,
    "places" INTEGER,
    "source" "SettingSource" NOT NULL,
    "openedOn" DATE,
    "closedOn" DATE,
    "closedAt" TIMESTAMP(3),
    "pluginFields" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSetting" (
    "planId" TEXT NOT NULL,
    "settingId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanSetting_pkey" PRIMARY KEY ("planId","settingId")
);

-- CreateIndex
CREATE INDEX "Setting_partnershipId_category_idx" ON "Setting"("partnershipId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "Setting_partnershipId_urn_key" ON "Setting"("partnershipId", "urn");

-- CreateIndex
CREATE INDEX "PlanSetting_settingId_idx" ON "PlanSetting"("settingId");

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSetting" ADD CONSTRAINT "PlanSetting_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSetting" ADD CONSTRAINT "PlanSetting_settingId_fkey" FOREIGN KEY ("settingId") REFERENCES "Setting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

