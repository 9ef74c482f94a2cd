-- CreateTable
CREATE TABLE "PresenceHeartbeat" (
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "organisationId" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PresenceHeartbeat_pkey" PRIMARY KEY ("planId","userId","place")
);

-- CreateIndex
CREATE INDEX "PresenceHeartbeat_planId_seenAt_idx" ON "PresenceHeartbeat"("planId", "seenAt");

