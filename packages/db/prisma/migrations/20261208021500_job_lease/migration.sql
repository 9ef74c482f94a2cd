-- CreateTable
CREATE TABLE "JobLease" (
    "jobId" TEXT NOT NULL,
    "renewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "JobLease_renewedAt_idx" ON "JobLease"("renewedAt");
