-- AlterTable (sessions signed in before this migration get a public id of their own, then the
-- column is required like the schema says)
ALTER TABLE "Session" ADD COLUMN     "publicId" TEXT;
UPDATE "Session" SET "publicId" = gen_random_uuid()::text WHERE "publicId" IS NULL;
ALTER TABLE "Session" ALTER COLUMN "publicId" SET NOT NULL;

-- CreateTable
CREATE TABLE "sign_in_attempt_counter" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "sign_in_attempt_counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_publicId_key" ON "Session"("publicId");
