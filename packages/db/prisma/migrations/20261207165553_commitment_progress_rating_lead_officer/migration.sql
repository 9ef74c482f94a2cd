-- A commitment's RAG status mixed progress (not started, complete) with a rating (red, amber,
-- green). They become two answers: progress, and a rating that may be left unset ("not rated").
-- Existing values move across: NOT_STARTED → not started, not rated; RED/AMBER/GREEN → in
-- progress with that rating; COMPLETE → complete, not rated. Published versions are frozen JSON
-- snapshots and are not touched.

-- CreateEnum
CREATE TYPE "CommitmentProgress" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE');

-- CreateEnum
CREATE TYPE "DeliveryRating" AS ENUM ('RED', 'AMBER', 'GREEN');

-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "leadOfficer" TEXT,
ADD COLUMN     "progress" "CommitmentProgress" NOT NULL DEFAULT 'NOT_STARTED',
ADD COLUMN     "rating" "DeliveryRating";

-- Move the data
UPDATE "Commitment" SET
  "progress" = CASE "ragStatus"
    WHEN 'NOT_STARTED' THEN 'NOT_STARTED'::"CommitmentProgress"
    WHEN 'COMPLETE' THEN 'COMPLETE'::"CommitmentProgress"
    ELSE 'IN_PROGRESS'::"CommitmentProgress"
  END,
  "rating" = CASE
    WHEN "ragStatus" IN ('RED', 'AMBER', 'GREEN') THEN "ragStatus"::text::"DeliveryRating"
  END;

-- AlterTable
ALTER TABLE "Commitment" DROP COLUMN "ragStatus";

-- DropEnum
DROP TYPE "RagStatus";
