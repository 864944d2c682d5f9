-- CreateEnum
CREATE TYPE "ContactKanaal" AS ENUM ('TELEFOON', 'EMAIL', 'ANDERS');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutgoingKind" ADD VALUE 'DOORGESTUURD_BERICHT';
ALTER TYPE "OutgoingKind" ADD VALUE 'HERINNERING_AANVULLING';
ALTER TYPE "OutgoingKind" ADD VALUE 'ADRESWIJZIGING';

-- AlterTable
ALTER TABLE "Melding" ADD COLUMN     "aanvullingGevraagdAt" TIMESTAMP(3),
ADD COLUMN     "minderjarig" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutgoingMail" ADD COLUMN     "attachmentIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateTable
CREATE TABLE "ContactMoment" (
    "id" UUID NOT NULL,
    "meldingId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "withWhom" TEXT NOT NULL,
    "kanaal" "ContactKanaal" NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactMoment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdreslijstWijziging" (
    "id" UUID NOT NULL,
    "wat" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),
    "handledById" UUID,
    "outgoingMailId" UUID,

    CONSTRAINT "AdreslijstWijziging_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactMoment_meldingId_at_idx" ON "ContactMoment"("meldingId", "at");

-- CreateIndex
CREATE INDEX "AdreslijstWijziging_handledAt_idx" ON "AdreslijstWijziging"("handledAt");

-- AddForeignKey
ALTER TABLE "ContactMoment" ADD CONSTRAINT "ContactMoment_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactMoment" ADD CONSTRAINT "ContactMoment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Forwarding mails queued before staff chose what goes along keep carrying the melding's latest form.
UPDATE "OutgoingMail" o
SET "attachmentIds" = ARRAY(
  SELECT a.id FROM "Attachment" a
  WHERE a."meldingId" = o."meldingId" AND a."isForm" AND a.content IS NOT NULL
  ORDER BY a."createdAt" DESC LIMIT 1
)
WHERE o.kind = 'DOORSTUREN' AND o.state IN ('QUEUED', 'SENDING', 'FAILED');

-- Minors at the voorval (or, without one, at the moment of the melding), for meldingen already in.
UPDATE "Melding"
SET "minderjarig" = "geboortedatum" > (COALESCE("voorvalVan", "meldingTijdstip", "receivedAt") - INTERVAL '18 years')::date
WHERE "geboortedatum" IS NOT NULL;

-- The reminder clock of meldingen already waiting for an aanvulling: their last request.
UPDATE "Melding" m
SET "aanvullingGevraagdAt" = r.at
FROM (SELECT "meldingId", MAX("createdAt") AS at FROM "OutgoingMail" WHERE kind = 'AANVULLING' GROUP BY "meldingId") r
WHERE r."meldingId" = m.id;
