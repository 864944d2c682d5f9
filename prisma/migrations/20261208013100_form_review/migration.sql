-- CreateEnum
CREATE TYPE "FormReviewState" AS ENUM ('PENDING', 'READ');

-- CreateTable
CREATE TABLE "FormReview" (
    "id" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "inboundMessageId" UUID,
    "filename" TEXT NOT NULL,
    "content" BYTEA,
    "state" "FormReviewState" NOT NULL DEFAULT 'PENDING',
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "FormReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FormReview_state_createdAt_idx" ON "FormReview"("state", "createdAt");

-- CreateIndex
CREATE INDEX "FormReview_createdById_createdAt_idx" ON "FormReview"("createdById", "createdAt");
