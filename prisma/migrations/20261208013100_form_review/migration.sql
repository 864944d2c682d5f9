-- CreateEnum
CREATE TYPE "FormReviewState" AS ENUM ('PENDING', 'READ');

-- CreateTable
CREATE TABLE "FormReview" (
    "id" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "inboundMessageId" UUID,
    "filename" TEXT NOT NULL,
    "contentHash" TEXT,
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

-- CreateIndex
CREATE INDEX "FormReview_contentHash_idx" ON "FormReview"("contentHash");

-- AddForeignKey
ALTER TABLE "FormReview" ADD CONSTRAINT "FormReview_contentHash_fkey" FOREIGN KEY ("contentHash") REFERENCES "ByteValue"("sha256") ON DELETE NO ACTION ON UPDATE CASCADE;

-- An uploaded form's bytes are counted like any other reference to the byte store: released when
-- the review is registered (its row deleted) or removed after a day.
CREATE TRIGGER "FormReview_content_refs"
AFTER INSERT OR DELETE OR UPDATE OF "contentHash" ON "FormReview"
FOR EACH ROW EXECUTE FUNCTION meldpost_byte_refs('contentHash');
