-- CreateTable
CREATE TABLE "StatsKalender" (
    "datum" DATE NOT NULL,
    "werkdagNr" INTEGER NOT NULL,

    CONSTRAINT "StatsKalender_pkey" PRIMARY KEY ("datum")
);

-- CreateTable
CREATE TABLE "StatsVernieuwing" (
    "id" INTEGER NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "StatsVernieuwing_pkey" PRIMARY KEY ("id")
);

-- Statistics read materialised views, refreshed CONCURRENTLY (readers are never blocked) by
-- lib/server/stats/refresh-statistieken.ts. Prisma does not manage views; this is their only
-- definition.

-- One row per melding: live meldingen (personal data not yet removed) and the anonymous records
-- the retention job leaves (MeldingFeit). The live part derives exactly what toMeldingFeit
-- (lib/stats/melding-feit.ts) stores, so a melding counts the same before and after retention.
-- Live rows keep the number of werkdagen to the first assessment (compared with the current
-- setting at query time); MeldingFeit rows keep the verdict made at removal.
CREATE MATERIALIZED VIEW stats_melding AS
WITH signaal AS (
  SELECT "meldingId" AS melding_id, min("sentAt") AS sent_at
  FROM "OutgoingMail"
  WHERE kind = 'ACCEPTATIESIGNAAL' AND "sentAt" IS NOT NULL AND "meldingId" IS NOT NULL
  GROUP BY "meldingId"
), live AS (
  SELECT m.*,
    (m."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS received_date,
    (m."firstAssessedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS assessed_date,
    s.sent_at
  FROM "Melding" m LEFT JOIN signaal s ON s.melding_id = m.id
  WHERE m."anonymisedAt" IS NULL
)
SELECT l.id, l.received_date, l.gemeente, l.pc4, l.eenheid, l.basisteam, l.status, l.uitkomst,
  l."loketAdvies" AS loket_advies,
  floor(extract(epoch FROM l.sent_at - l."receivedAt"))::int AS signal_seconds,
  floor(extract(epoch FROM l."firstAssessedAt" - l."receivedAt"))::int AS first_assessment_seconds,
  floor(extract(epoch FROM l."closedAt" - l."receivedAt"))::int AS closed_seconds,
  ka."werkdagNr" - kr."werkdagNr" AS assessed_werkdagen,
  NULL::boolean AS assessed_within,
  l."telefonischContactGewenst" AS telefonisch, l."veiligThuisGemeld" AS veilig_thuis,
  l."bestaandeHulpverlening" AS hulpverlening, l."betrokkeneGeinformeerd" AS geinformeerd,
  l."aanvullingGevraagd" AS aanvulling, l.herhaling
FROM live l
LEFT JOIN "StatsKalender" kr ON kr.datum = l.received_date
LEFT JOIN "StatsKalender" ka ON ka.datum = l.assessed_date
UNION ALL
SELECT f.id, f."receivedDate", f.gemeente, f.pc4, f.eenheid, f.basisteam, f.status, f.uitkomst,
  f."loketAdvies", f."signalSeconds", f."firstAssessmentSeconds", f."closedSeconds",
  NULL::int, f."assessedWithinWerkdagen",
  f."telefonischContactGewenst", f."veiligThuisGemeld", f."bestaandeHulpverlening",
  f."betrokkeneGeinformeerd", f."aanvullingGevraagd", f.herhaling
FROM "MeldingFeit" f;

CREATE UNIQUE INDEX stats_melding_id ON stats_melding (id);
CREATE INDEX stats_melding_received_date ON stats_melding (received_date);
CREATE INDEX stats_melding_gemeente ON stats_melding (gemeente, received_date);
CREATE INDEX stats_melding_eenheid ON stats_melding (eenheid, basisteam, received_date);

-- Foutmeldingen sent per Dutch day (they belong to no melding, so no gemeente or unit).
CREATE MATERIALIZED VIEW stats_foutmelding AS
SELECT ("sentAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS datum, count(*)::int AS aantal
FROM "OutgoingMail"
WHERE kind = 'FOUTMELDING' AND "sentAt" IS NOT NULL
GROUP BY 1;

CREATE UNIQUE INDEX stats_foutmelding_datum ON stats_foutmelding (datum);

-- The values the filters offer.
CREATE MATERIALIZED VIEW stats_keuze AS
SELECT DISTINCT 'gemeente'::text AS soort, gemeente AS waarde FROM stats_melding WHERE gemeente IS NOT NULL
UNION SELECT 'eenheid', eenheid FROM stats_melding WHERE eenheid IS NOT NULL
UNION SELECT 'basisteam', basisteam FROM stats_melding WHERE basisteam IS NOT NULL;

CREATE UNIQUE INDEX stats_keuze_soort_waarde ON stats_keuze (soort, waarde);
