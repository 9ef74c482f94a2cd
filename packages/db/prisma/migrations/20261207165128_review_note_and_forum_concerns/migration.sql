-- AlterTable
ALTER TABLE "SignOff" ADD COLUMN     "concerns" TEXT;

-- AlterTable
ALTER TABLE "PlanVersion" ADD COLUMN     "note" TEXT;

