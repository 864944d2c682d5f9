-- Doorlooptijden of all gemeenten and units together per month: what the page shows unfiltered,
-- in a few hundred rows a month instead of thousands.
CREATE MATERIALIZED VIEW stats_maand_doorloop_alle AS
SELECT received_date, soort, stap, sum(n)::int AS n
FROM stats_maand_doorloop
GROUP BY received_date, soort, stap
ORDER BY received_date;

CREATE UNIQUE INDEX stats_maand_doorloop_alle_key ON stats_maand_doorloop_alle (received_date, soort, stap);
