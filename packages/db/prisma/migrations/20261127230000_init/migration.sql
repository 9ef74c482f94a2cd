-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CoproductionKind" AS ENUM ('BRIEFING', 'WORKSHOP', 'ROUND_TABLE', 'FORUM', 'SURVEY', 'BOARD_MEETING', 'CABINET_MEETING', 'OTHER');

-- CreateEnum
CREATE TYPE "SignOffDecision" AS ENUM ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'ACKNOWLEDGED');

-- CreateEnum
CREATE TYPE "Polarity" AS ENUM ('HIGHER_BETTER', 'LOWER_BETTER', 'CONTEXT');

-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('CALENDAR_YEAR', 'ACADEMIC_YEAR', 'FINANCIAL_YEAR', 'JANUARY_SNAPSHOT', 'MONTHLY', 'ROLLING_12_MONTHS');

-- CreateEnum
CREATE TYPE "GeographyLevel" AS ENUM ('LOCAL_AUTHORITY', 'ICB', 'SUB_ICB', 'REGION', 'ENGLAND');

-- CreateEnum
CREATE TYPE "DisclosureSymbol" AS ENUM ('z', 'x', 'c', 'low', 'u');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('PARTNERSHIP_LEAD', 'SECTION_EDITOR', 'CONTRIBUTOR', 'SIGNATORY', 'VIEWER');

-- CreateEnum
CREATE TYPE "PlanState" AS ENUM ('DRAFT', 'PARTNER_REVIEW', 'SIGNED_OFF', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "SectionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'READY_FOR_REVIEW', 'COMPLETE');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('EARLY_YEARS', 'PRIMARY', 'SECONDARY', 'POST_16', 'POST_19', 'ALL_AGES');

-- CreateEnum
CREATE TYPE "SupportLayer" AS ENUM ('UNIVERSAL', 'TARGETED', 'TARGETED_PLUS', 'SPECIALIST');

-- CreateEnum
CREATE TYPE "RagStatus" AS ENUM ('NOT_STARTED', 'RED', 'AMBER', 'GREEN', 'COMPLETE');

-- CreateEnum
CREATE TYPE "CatalogueStatus" AS ENUM ('PROPOSED', 'TESTED', 'CONFIRMED', 'LOCAL');

-- CreateTable
CREATE TABLE "CoproductionActivity" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "planId" TEXT,
    "kind" "CoproductionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "audiences" TEXT[],
    "chair" TEXT,
    "reached" INTEGER,
    "heard" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoproductionActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoproductionResponse" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "youSaid" TEXT NOT NULL,
    "weDid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoproductionResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoproductionResponseCommitment" (
    "responseId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,

    CONSTRAINT "CoproductionResponseCommitment_pkey" PRIMARY KEY ("responseId","commitmentId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT,
    "commitmentId" TEXT,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignOff" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planVersionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "decision" "SignOffDecision" NOT NULL,
    "conditions" TEXT,
    "signatoryName" TEXT NOT NULL,
    "signatoryRole" TEXT NOT NULL,
    "forum" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorOrganisationId" TEXT,
    "partnershipId" TEXT,
    "planId" TEXT,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT,
    "pluginId" TEXT,
    "theme" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "numerator" TEXT,
    "denominator" TEXT,
    "unit" TEXT NOT NULL,
    "polarity" "Polarity" NOT NULL,
    "periodType" "PeriodType" NOT NULL,
    "source" TEXT,
    "status" "CatalogueStatus" NOT NULL,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricTarget" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "commitmentId" TEXT,
    "baselineValue" DECIMAL(18,4),
    "baselinePeriod" TEXT,
    "targetValue" DECIMAL(18,4) NOT NULL,
    "targetPeriod" TEXT NOT NULL,
    "trajectory" JSONB,
    "commentary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricObservation" (
    "id" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "geographyLevel" "GeographyLevel" NOT NULL,
    "geographyCode" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL(18,4),
    "numerator" DECIMAL(18,4),
    "denominator" DECIMAL(18,4),
    "symbol" "DisclosureSymbol",
    "release" TEXT,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "revised" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "isSystemAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationType" (
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "OrganisationType_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "odsCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "localAuthorityCodes" TEXT[],
    "region" TEXT,
    "smallNumberThreshold" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipOrganisation" (
    "partnershipId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "isSignatory" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PartnershipOrganisation_pkey" PRIMARY KEY ("partnershipId","organisationId")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "roles" "MemberRole"[],
    "jobTitle" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "kindId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "state" "PlanState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "PlanState" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "pluginId" TEXT NOT NULL,
    "ownerOrganisationId" TEXT,
    "status" "SectionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "summary" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerOrganisationId" TEXT,
    "ownerMemberId" TEXT,
    "needAreas" TEXT[],
    "phase" "Phase" NOT NULL DEFAULT 'ALL_AGES',
    "supportLayer" "SupportLayer",
    "ragStatus" "RagStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "startDate" DATE,
    "dueDate" DATE,
    "budgetLine" TEXT,
    "budgetAmount" DECIMAL(14,2),
    "data" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentStandard" (
    "commitmentId" TEXT NOT NULL,
    "standardAreaId" TEXT NOT NULL,

    CONSTRAINT "CommitmentStandard_pkey" PRIMARY KEY ("commitmentId","standardAreaId")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "completedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "commitmentId" TEXT,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardsFramework" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CatalogueStatus" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StandardsFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardArea" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "correspondsTo" TEXT[],

    CONSTRAINT "StandardArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardStatement" (
    "id" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "StandardStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanKind" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CatalogueStatus" NOT NULL,
    "note" TEXT,

    CONSTRAINT "PlanKind_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoproductionActivity_partnershipId_idx" ON "CoproductionActivity"("partnershipId");

-- CreateIndex
CREATE INDEX "CoproductionActivity_planId_idx" ON "CoproductionActivity"("planId");

-- CreateIndex
CREATE INDEX "CoproductionResponseCommitment_commitmentId_idx" ON "CoproductionResponseCommitment"("commitmentId");

-- CreateIndex
CREATE INDEX "Comment_planId_idx" ON "Comment"("planId");

-- CreateIndex
CREATE INDEX "Comment_sectionId_idx" ON "Comment"("sectionId");

-- CreateIndex
CREATE INDEX "Comment_commitmentId_idx" ON "Comment"("commitmentId");

-- CreateIndex
CREATE INDEX "SignOff_planId_idx" ON "SignOff"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "SignOff_planVersionId_organisationId_key" ON "SignOff"("planVersionId", "organisationId");

-- CreateIndex
CREATE INDEX "AuditEvent_planId_occurredAt_idx" ON "AuditEvent"("planId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_occurredAt_idx" ON "AuditEvent"("partnershipId", "occurredAt");

-- CreateIndex
CREATE INDEX "Metric_partnershipId_idx" ON "Metric"("partnershipId");

-- CreateIndex
CREATE INDEX "MetricTarget_planId_idx" ON "MetricTarget"("planId");

-- CreateIndex
CREATE INDEX "MetricTarget_metricId_idx" ON "MetricTarget"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricObservation_metricId_geographyLevel_geographyCode_per_key" ON "MetricObservation"("metricId", "geographyLevel", "geographyCode", "period", "breakdown");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_odsCode_key" ON "Organisation"("odsCode");

-- CreateIndex
CREATE INDEX "Organisation_typeCode_idx" ON "Organisation"("typeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");

-- CreateIndex
CREATE INDEX "PartnershipOrganisation_organisationId_idx" ON "PartnershipOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "Member_userId_idx" ON "Member"("userId");

-- CreateIndex
CREATE INDEX "Member_organisationId_idx" ON "Member"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_partnershipId_userId_key" ON "Member"("partnershipId", "userId");

-- CreateIndex
CREATE INDEX "Plan_partnershipId_idx" ON "Plan"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Section_planId_key_key" ON "Section"("planId", "key");

-- CreateIndex
CREATE INDEX "Commitment_sectionId_idx" ON "Commitment"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_planId_reference_key" ON "Commitment"("planId", "reference");

-- CreateIndex
CREATE INDEX "CommitmentStandard_standardAreaId_idx" ON "CommitmentStandard"("standardAreaId");

-- CreateIndex
CREATE INDEX "Milestone_commitmentId_idx" ON "Milestone"("commitmentId");

-- CreateIndex
CREATE INDEX "Evidence_planId_idx" ON "Evidence"("planId");

-- CreateIndex
CREATE INDEX "Evidence_commitmentId_idx" ON "Evidence"("commitmentId");

-- CreateIndex
CREATE UNIQUE INDEX "StandardArea_frameworkId_code_key" ON "StandardArea"("frameworkId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "StandardStatement_areaId_code_key" ON "StandardStatement"("areaId", "code");

-- AddForeignKey
ALTER TABLE "CoproductionActivity" ADD CONSTRAINT "CoproductionActivity_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionActivity" ADD CONSTRAINT "CoproductionActivity_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionResponse" ADD CONSTRAINT "CoproductionResponse_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "CoproductionActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionResponseCommitment" ADD CONSTRAINT "CoproductionResponseCommitment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "CoproductionResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionResponseCommitment" ADD CONSTRAINT "CoproductionResponseCommitment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricTarget" ADD CONSTRAINT "MetricTarget_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricTarget" ADD CONSTRAINT "MetricTarget_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricTarget" ADD CONSTRAINT "MetricTarget_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_typeCode_fkey" FOREIGN KEY ("typeCode") REFERENCES "OrganisationType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipOrganisation" ADD CONSTRAINT "PartnershipOrganisation_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipOrganisation" ADD CONSTRAINT "PartnershipOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "PlanKind"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "StandardsFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentStandard" ADD CONSTRAINT "CommitmentStandard_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentStandard" ADD CONSTRAINT "CommitmentStandard_standardAreaId_fkey" FOREIGN KEY ("standardAreaId") REFERENCES "StandardArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardArea" ADD CONSTRAINT "StandardArea_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "StandardsFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardStatement" ADD CONSTRAINT "StandardStatement_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "StandardArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

