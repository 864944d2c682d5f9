-- CreateEnum
CREATE TYPE "GemeenteBron" AS ENUM ('POSTCODE', 'PLAATS');

-- AlterTable
ALTER TABLE "Beoordeling" ADD COLUMN     "soorten" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Melding" ADD COLUMN     "gemeenteBron" "GemeenteBron" NOT NULL DEFAULT 'PLAATS',
ADD COLUMN     "soorten" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "MeldingFeit" ADD COLUMN     "gemeenteBron" "GemeenteBron" NOT NULL DEFAULT 'PLAATS',
ADD COLUMN     "kanaal" "MeldingKanaal" NOT NULL DEFAULT 'POLITIE_MAIL',
ADD COLUMN     "soorten" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "WerkgebiedPostcode" ADD COLUMN     "gemeente" TEXT;

-- The statistics views gain the channel (kanaal) and where the gemeente came from (gemeenteBron),
-- and a breakdown per soort melding (stats_dag_soort, stats_maand_soort): rebuilt here as
-- prisma/stats-views.sql now defines them.
DROP MATERIALIZED VIEW IF EXISTS stats_maand_doorloop_alle CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_maand_doorloop CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_maand_werkdagen CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_maand_pc4 CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_maand CASCADE;
DROP VIEW IF EXISTS stats_doorloop_dag CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_keuze CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_dag_werkdagen CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_dag_pc4 CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_dag CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_foutmelding CASCADE;
DROP MATERIALIZED VIEW IF EXISTS stats_melding CASCADE;

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
  SELECT m.id, m.kanaal, m.gemeente, m."gemeenteBron", m.pc4, m.soorten, m.eenheid, m.basisteam, m.status,
    m.uitkomst, m."loketAdvies", m."receivedAt", m."firstAssessedAt", m."closedAt", m."telefonischContactGewenst",
    m."veiligThuisGemeld", m."bestaandeHulpverlening", m."betrokkeneGeinformeerd",
    m."aanvullingGevraagd", m.herhaling,
    (m."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS received_date,
    (m."firstAssessedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS assessed_date,
    s.sent_at
  FROM "Melding" m LEFT JOIN signaal s ON s.melding_id = m.id
  WHERE m."anonymisedAt" IS NULL
), alle AS (
  SELECT l.id, l.received_date, l.kanaal, l.gemeente, l."gemeenteBron" AS gemeente_bron, l.pc4,
    coalesce(l.soorten, ARRAY[]::text[]) AS soorten, l.eenheid, l.basisteam, l.status, l.uitkomst,
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
  SELECT f.id, f."receivedDate", f.kanaal, f.gemeente, f."gemeenteBron", f.pc4,
    coalesce(f.soorten, ARRAY[]::text[]), f.eenheid, f.basisteam, f.status, f.uitkomst,
    f."loketAdvies", f."signalSeconds", f."firstAssessmentSeconds", f."closedSeconds",
    NULL::int, f."assessedWithinWerkdagen",
    f."telefonischContactGewenst", f."veiligThuisGemeld", f."bestaandeHulpverlening",
    f."betrokkeneGeinformeerd", f."aanvullingGevraagd", f.herhaling
  FROM "MeldingFeit" f
)
SELECT * FROM alle ORDER BY received_date;

CREATE UNIQUE INDEX stats_melding_id ON stats_melding (id);
CREATE INDEX stats_melding_received_date ON stats_melding (received_date);

-- Foutmeldingen sent per Dutch day (they belong to no melding, so no gemeente or unit).
CREATE MATERIALIZED VIEW stats_foutmelding AS
SELECT ("sentAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS datum, count(*)::int AS aantal
FROM "OutgoingMail"
WHERE kind = 'FOUTMELDING' AND "sentAt" IS NOT NULL
GROUP BY 1;

CREATE UNIQUE INDEX stats_foutmelding_datum ON stats_foutmelding (datum);

-- Counts per day and everything the filters and breakdowns need (without PC4). gemeente_uit_plaats
-- counts the meldingen whose gemeente is the form's plaats, not derived from a PC4 range.
CREATE MATERIALIZED VIEW stats_dag AS
SELECT received_date, gemeente, eenheid, basisteam, kanaal, status, uitkomst, loket_advies,
  count(*)::int AS n,
  count(*) FILTER (WHERE telefonisch)::int AS telefonisch,
  count(*) FILTER (WHERE veilig_thuis)::int AS veilig_thuis,
  count(*) FILTER (WHERE hulpverlening)::int AS hulpverlening,
  count(*) FILTER (WHERE geinformeerd)::int AS geinformeerd,
  count(*) FILTER (WHERE aanvulling)::int AS aanvulling,
  count(*) FILTER (WHERE herhaling)::int AS herhaling,
  count(*) FILTER (WHERE gemeente_bron = 'PLAATS' AND gemeente IS NOT NULL)::int AS gemeente_uit_plaats
FROM stats_melding
GROUP BY received_date, gemeente, eenheid, basisteam, kanaal, status, uitkomst, loket_advies
ORDER BY received_date;

CREATE UNIQUE INDEX stats_dag_key ON stats_dag (received_date, gemeente, eenheid, basisteam, kanaal, status, uitkomst, loket_advies) NULLS NOT DISTINCT;

-- Counts per day and PC4.
CREATE MATERIALIZED VIEW stats_dag_pc4 AS
SELECT received_date, gemeente, eenheid, basisteam, pc4, count(*)::int AS n
FROM stats_melding
GROUP BY received_date, gemeente, eenheid, basisteam, pc4
ORDER BY received_date;

CREATE UNIQUE INDEX stats_dag_pc4_key ON stats_dag_pc4 (received_date, gemeente, eenheid, basisteam, pc4) NULLS NOT DISTINCT;

-- Assessed meldingen per day: werkdagen to the first assessment (live) or the stored verdict (MeldingFeit).
CREATE MATERIALIZED VIEW stats_dag_werkdagen AS
SELECT received_date, gemeente, eenheid, basisteam, assessed_werkdagen AS werkdagen, assessed_within AS binnen, count(*)::int AS n
FROM stats_melding
WHERE assessed_werkdagen IS NOT NULL OR assessed_within IS NOT NULL
GROUP BY received_date, gemeente, eenheid, basisteam, assessed_werkdagen, assessed_within
ORDER BY received_date;

CREATE UNIQUE INDEX stats_dag_werkdagen_key ON stats_dag_werkdagen (received_date, gemeente, eenheid, basisteam, werkdagen, binnen) NULLS NOT DISTINCT;

-- Counts per day and soort melding: a melding counts once under each soort chosen at its
-- beoordeling, and once under NULL ("geen soort gekozen") when none was.
CREATE MATERIALIZED VIEW stats_dag_soort AS
SELECT received_date, gemeente, eenheid, basisteam, s.soort, count(*)::int AS n
FROM stats_melding m,
  LATERAL unnest(CASE WHEN cardinality(m.soorten) = 0 THEN ARRAY[NULL]::text[] ELSE m.soorten END) AS s(soort)
GROUP BY received_date, gemeente, eenheid, basisteam, s.soort
ORDER BY received_date;

CREATE UNIQUE INDEX stats_dag_soort_key ON stats_dag_soort (received_date, gemeente, eenheid, basisteam, soort) NULLS NOT DISTINCT;

-- The values the filters offer.
CREATE MATERIALIZED VIEW stats_keuze AS
SELECT DISTINCT 'gemeente'::text AS soort, gemeente AS waarde FROM stats_dag WHERE gemeente IS NOT NULL
UNION SELECT 'eenheid', eenheid FROM stats_dag WHERE eenheid IS NOT NULL
UNION SELECT 'basisteam', basisteam FROM stats_dag WHERE basisteam IS NOT NULL;

CREATE UNIQUE INDEX stats_keuze_soort_waarde ON stats_keuze (soort, waarde);

-- Monthly rollups: a period's whole months are read from these, only its partial months at either
-- end from the daily ones (lib/stats/queries.ts). Doorlooptijden are counted per step of their
-- shown resolution (0.1 minute, whole hours, whole days) so months can be summed exactly.

-- Each melding's three durations as steps (a plain view over stats_melding; read only for the
-- partial months at either end of a period).
CREATE VIEW stats_doorloop_dag AS
SELECT m.received_date, m.gemeente, m.eenheid, m.basisteam, v.soort, v.stap, 1 AS n
FROM stats_melding m,
  LATERAL (VALUES ('signaal', floor(m.signal_seconds / 6.0)::int),
                  ('beoordeling', floor(m.first_assessment_seconds / 3600.0)::int),
                  ('afgerond', floor(m.closed_seconds / 86400.0)::int)) AS v(soort, stap)
WHERE v.stap IS NOT NULL;

-- In the monthly rollups, received_date is the first day of the month.
CREATE MATERIALIZED VIEW stats_maand AS
SELECT date_trunc('month', received_date)::date AS received_date, gemeente, eenheid, basisteam, kanaal, status, uitkomst, loket_advies,
  sum(n)::int AS n, sum(telefonisch)::int AS telefonisch, sum(veilig_thuis)::int AS veilig_thuis, sum(hulpverlening)::int AS hulpverlening,
  sum(geinformeerd)::int AS geinformeerd, sum(aanvulling)::int AS aanvulling, sum(herhaling)::int AS herhaling,
  sum(gemeente_uit_plaats)::int AS gemeente_uit_plaats
FROM stats_dag
GROUP BY 1, gemeente, eenheid, basisteam, kanaal, status, uitkomst, loket_advies
ORDER BY 1;

CREATE UNIQUE INDEX stats_maand_key ON stats_maand (received_date, gemeente, eenheid, basisteam, kanaal, status, uitkomst, loket_advies) NULLS NOT DISTINCT;

CREATE MATERIALIZED VIEW stats_maand_soort AS
SELECT date_trunc('month', received_date)::date AS received_date, gemeente, eenheid, basisteam, soort, sum(n)::int AS n
FROM stats_dag_soort
GROUP BY 1, gemeente, eenheid, basisteam, soort
ORDER BY 1;

CREATE UNIQUE INDEX stats_maand_soort_key ON stats_maand_soort (received_date, gemeente, eenheid, basisteam, soort) NULLS NOT DISTINCT;

CREATE MATERIALIZED VIEW stats_maand_pc4 AS
SELECT date_trunc('month', received_date)::date AS received_date, gemeente, eenheid, basisteam, pc4, sum(n)::int AS n
FROM stats_dag_pc4
GROUP BY 1, gemeente, eenheid, basisteam, pc4
ORDER BY 1;

CREATE UNIQUE INDEX stats_maand_pc4_key ON stats_maand_pc4 (received_date, gemeente, eenheid, basisteam, pc4) NULLS NOT DISTINCT;

CREATE MATERIALIZED VIEW stats_maand_werkdagen AS
SELECT date_trunc('month', received_date)::date AS received_date, gemeente, eenheid, basisteam, werkdagen, binnen, sum(n)::int AS n
FROM stats_dag_werkdagen
GROUP BY 1, gemeente, eenheid, basisteam, werkdagen, binnen
ORDER BY 1;

CREATE UNIQUE INDEX stats_maand_werkdagen_key ON stats_maand_werkdagen (received_date, gemeente, eenheid, basisteam, werkdagen, binnen) NULLS NOT DISTINCT;

CREATE MATERIALIZED VIEW stats_maand_doorloop AS
SELECT date_trunc('month', received_date)::date AS received_date, gemeente, eenheid, basisteam, soort, stap, sum(n)::int AS n
FROM stats_doorloop_dag
GROUP BY 1, gemeente, eenheid, basisteam, soort, stap
ORDER BY 1;

CREATE UNIQUE INDEX stats_maand_doorloop_key ON stats_maand_doorloop (received_date, gemeente, eenheid, basisteam, soort, stap) NULLS NOT DISTINCT;

-- Doorlooptijden of all gemeenten and units together per month: what the page shows unfiltered,
-- in a few hundred rows a month instead of thousands.
CREATE MATERIALIZED VIEW stats_maand_doorloop_alle AS
SELECT received_date, soort, stap, sum(n)::int AS n
FROM stats_maand_doorloop
GROUP BY received_date, soort, stap
ORDER BY received_date;

CREATE UNIQUE INDEX stats_maand_doorloop_alle_key ON stats_maand_doorloop_alle (received_date, soort, stap);
