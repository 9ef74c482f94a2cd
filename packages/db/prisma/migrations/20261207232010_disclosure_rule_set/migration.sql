-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "disclosureRuleSetAt" TIMESTAMP(3);


-- A partnership that already chose a small-number threshold has chosen a rule; one without must
-- now choose (no threshold never silently means "no suppression").
UPDATE "Partnership" SET "disclosureRuleSetAt" = CURRENT_TIMESTAMP WHERE "smallNumberThreshold" IS NOT NULL;
