-- Monthly rollups: a period's whole months are read from these, only its partial months at either
-- end from the daily ones (lib/server/stats/queries.ts). Doorlooptijden are counted per step of
-- their shown resolution (0.1 minute, whole hours, whole days) so months can be summed exactly.

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
SELECT date_trunc('month', received_date)::date AS received_date, gemeente, eenheid, basisteam, status, uitkomst, loket_advies,
  sum(n)::int AS n, sum(telefonisch)::int AS telefonisch, sum(veilig_thuis)::int AS veilig_thuis, sum(hulpverlening)::int AS hulpverlening,
  sum(geinformeerd)::int AS geinformeerd, sum(aanvulling)::int AS aanvulling, sum(herhaling)::int AS herhaling
FROM stats_dag
GROUP BY 1, gemeente, eenheid, basisteam, status, uitkomst, loket_advies
ORDER BY 1;

CREATE UNIQUE INDEX stats_maand_key ON stats_maand (received_date, gemeente, eenheid, basisteam, status, uitkomst, loket_advies) NULLS NOT DISTINCT;

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
