-- Trigram matching for the inbox search (ILIKE on names, kenmerk, reden). Not declared in
-- schema.prisma (no postgresqlExtensions preview feature); the shadow database of
-- db:migration:new loads it too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "InboundMessage_meldingId_idx" ON "InboundMessage"("meldingId");

-- CreateIndex
CREATE INDEX "Melding_achternaam_trgm_idx" ON "Melding" USING GIN ("achternaam" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Melding_voornamen_trgm_idx" ON "Melding" USING GIN ("voornamen" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Melding_kenmerk_trgm_idx" ON "Melding" USING GIN ("kenmerk" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Melding_reden_trgm_idx" ON "Melding" USING GIN ("reden" gin_trgm_ops);
