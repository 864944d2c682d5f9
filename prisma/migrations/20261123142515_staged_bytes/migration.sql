-- CreateTable
CREATE TABLE "StagedBytes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StagedBytes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StagedBytes_createdAt_idx" ON "StagedBytes"("createdAt");
