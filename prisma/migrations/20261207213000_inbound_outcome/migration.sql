-- CreateEnum
CREATE TYPE "InboundOutcome" AS ENUM ('MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS', 'FOUTMELDING_SENT', 'QUARANTINED', 'REJECTED', 'AUTH_DEFERRED', 'REPLY_LINKED', 'REPLY_UNVERIFIED', 'REPLY_CLOSED', 'REPLY_UNLINKED', 'AUTO_REPLY_LINKED', 'AUTO_REPLY', 'BOUNCE', 'OTHER', 'UNREADABLE', 'DUPLICATE', 'RESEND_ACCEPTED', 'RESEND_REFUSED');

-- CreateEnum
CREATE TYPE "QueueResolution" AS ENUM ('REGISTERED', 'LINKED', 'RELEASED', 'REJECTED', 'REPROCESSED', 'HANDLED');

-- CreateEnum
CREATE TYPE "MeldingKanaal" AS ENUM ('POLITIE_MAIL', 'TELEFOON', 'EMAIL_BUITEN_PROTOCOL', 'PARTNER', 'ANDERS');

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "deferrals" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "duplicateOfId" UUID,
ADD COLUMN     "outcome" "InboundOutcome",
ADD COLUMN     "releasedBy" TEXT,
ADD COLUMN     "resolution" "QueueResolution",
ADD COLUMN     "resolutionNote" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedBy" TEXT,
ADD COLUMN     "retryAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Melding" ADD COLUMN     "kanaal" "MeldingKanaal" NOT NULL DEFAULT 'POLITIE_MAIL',
ADD COLUMN     "registeredBy" TEXT;

-- CreateIndex
CREATE INDEX "InboundMessage_outcome_resolvedAt_idx" ON "InboundMessage"("outcome", "resolvedAt");

-- Backfill: what the decision core would have called messages decided before this column existed.
UPDATE "InboundMessage" SET "outcome" = CASE
  WHEN "state" = 'QUARANTINED' THEN 'QUARANTINED'::"InboundOutcome"
  WHEN "state" = 'IGNORED' AND "error" LIKE 'Dubbel ontvangen%' THEN 'DUPLICATE'::"InboundOutcome"
  WHEN "state" = 'IGNORED' AND "error" LIKE 'Handmatig afgehandeld%' THEN NULL
  WHEN "kind" IN ('MELDING', 'DOORGESTUURD') AND "meldingId" IS NOT NULL THEN 'MELDING_ACCEPTED'::"InboundOutcome"
  WHEN "kind" IN ('MELDING', 'DOORGESTUURD') AND "error" IS NOT NULL THEN 'FOUTMELDING_SENT'::"InboundOutcome"
  WHEN "kind" = 'REACTIE' AND "meldingId" IS NOT NULL THEN 'REPLY_LINKED'::"InboundOutcome"
  WHEN "kind" = 'AUTOMATISCH' THEN 'AUTO_REPLY'::"InboundOutcome"
  WHEN "kind" = 'OVERIG' THEN 'OTHER'::"InboundOutcome"
  ELSE NULL
END
WHERE "state" IN ('PROCESSED', 'IGNORED', 'QUARANTINED');
