-- AlterTable
ALTER TABLE "Melding" ADD COLUMN     "beoordeling" "BeoordelingUitkomst",
ADD COLUMN     "prioriteit" "Prioriteit";

-- CreateIndex
CREATE INDEX "Melding_status_prioriteit_receivedAt_idx" ON "Melding"("status", "prioriteit", "receivedAt");

-- Backfill: each melding takes its latest beoordeling.
UPDATE "Melding" m
SET "beoordeling" = b."uitkomst", "prioriteit" = b."prioriteit"
FROM (
  SELECT DISTINCT ON ("meldingId") "meldingId", "uitkomst", "prioriteit"
  FROM "Beoordeling"
  ORDER BY "meldingId", "createdAt" DESC
) b
WHERE b."meldingId" = m."id";
