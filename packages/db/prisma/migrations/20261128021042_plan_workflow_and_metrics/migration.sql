-- CreateEnum
CREATE TYPE "ObservationImportStatus" AS ENUM ('UPLOADED', 'CHECKING', 'CHECKED', 'APPLYING', 'APPLIED', 'FAILED');

-- DropIndex
DROP INDEX "MetricObservation_metricId_geographyLevel_geographyCode_per_key";

-- AlterTable
ALTER TABLE "CoproductionActivity" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CoproductionResponse" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MetricTarget" ADD COLUMN     "commentaryAt" TIMESTAMP(3),
ADD COLUMN     "commentaryById" TEXT,
ADD COLUMN     "ownerOrganisationId" TEXT;

-- AlterTable (no observation was ever stored before this migration, so NOT NULL holds)
ALTER TABLE "MetricObservation" ADD COLUMN     "importId" TEXT,
ADD COLUMN     "partnershipId" TEXT NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "icbCode" TEXT,
ADD COLUMN     "roundingBase" INTEGER;

-- AlterTable
ALTER TABLE "PlanVersion" ADD COLUMN     "createdByOrganisationId" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "signedOffAt" TIMESTAMP(3),
ADD COLUMN     "supersededAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "easyReadSummary" TEXT;

-- CreateTable
CREATE TABLE "ObservationImport" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "planId" TEXT,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "ObservationImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "mapping" JSONB,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "addedRows" INTEGER NOT NULL DEFAULT 0,
    "changedRows" INTEGER NOT NULL DEFAULT 0,
    "unchangedRows" INTEGER NOT NULL DEFAULT 0,
    "refusedRows" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "report" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "ObservationImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanStandardAreaExclusion" (
    "planId" TEXT NOT NULL,
    "standardAreaId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanStandardAreaExclusion_pkey" PRIMARY KEY ("planId","standardAreaId")
);

-- CreateIndex
CREATE INDEX "ObservationImport_partnershipId_createdAt_idx" ON "ObservationImport"("partnershipId", "createdAt");

-- CreateIndex
CREATE INDEX "MetricObservation_metricId_idx" ON "MetricObservation"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricObservation_partnershipId_metricId_geographyLevel_geo_key" ON "MetricObservation"("partnershipId", "metricId", "geographyLevel", "geographyCode", "period", "breakdown");

-- AddForeignKey
ALTER TABLE "MetricTarget" ADD CONSTRAINT "MetricTarget_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationImport" ADD CONSTRAINT "ObservationImport_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationImport" ADD CONSTRAINT "ObservationImport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanStandardAreaExclusion" ADD CONSTRAINT "PlanStandardAreaExclusion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanStandardAreaExclusion" ADD CONSTRAINT "PlanStandardAreaExclusion_standardAreaId_fkey" FOREIGN KEY ("standardAreaId") REFERENCES "StandardArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: a plan version's snapshot is immutable. Its state and dates move on as decisions
-- are recorded, but its number, plan and snapshot never change, and a version is never deleted
-- except with its plan.
CREATE FUNCTION "plan_version_snapshot_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."snapshot" IS DISTINCT FROM OLD."snapshot"
     OR NEW."number" IS DISTINCT FROM OLD."number"
     OR NEW."planId" IS DISTINCT FROM OLD."planId" THEN
    RAISE EXCEPTION 'A plan version''s snapshot is immutable'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PlanVersion_snapshot_immutable"
  BEFORE UPDATE ON "PlanVersion"
  FOR EACH ROW EXECUTE FUNCTION "plan_version_snapshot_immutable"();
