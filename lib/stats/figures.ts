/**
 * The raw figures behind the statistics page, as the queries (lib/stats) return them:
 * exact counts, not yet suppressed. Only lib/stats/tables.ts turns them into what anyone sees.
 */
import type { MeldingKanaal, MeldingStatus, Uitkomst } from '../db/generated/enums';
import type { TStatsFilter } from './period';
import type { TSoortMelding } from '../melding/soort-melding';

export type TSeriesPoint = { key: string; aantal: number; lastYear: number };
export type TDoorlooptijd = { n: number; mediaan: number | null; p90: number | null };

export type TStatsFigures = {
  filter: TStatsFilter;
  werkdagenBeoordeling: number;
  bijgewerkt: Date | null;
  series: TSeriesPoint[];
  totaal: number;
  totaalVorigJaar: number;
  perEenheid: { eenheid: string | null; basisteam: string | null; aantal: number }[];
  perGemeente: { gemeente: string | null; aantal: number }[];
  perPc4: { pc4: number | null; aantal: number }[];
  /** How the meldingen arrived: the protocol mail, or registered by hand from which channel. */
  perKanaal: { kanaal: MeldingKanaal; aantal: number }[];
  /** Per soort melding (a key of the setting soortenMelding; null: none chosen); a melding can count under several. */
  perSoort: { soort: string | null; aantal: number }[];
  /** The beheerder's soorten (also inactive ones) for their labels; absent: the default list. */
  soortenMelding?: TSoortMelding[];
  perStatus: { status: MeldingStatus; aantal: number }[];
  perUitkomst: { uitkomst: Uitkomst | null; aantal: number }[];
  perLoket: { loket: string | null; aantal: number }[];
  /** Seconds from receipt to the acceptatiesignaal, the first assessment and closing. */
  doorlooptijden: { signaal: TDoorlooptijd; beoordeling: TDoorlooptijd; afgerond: TDoorlooptijd };
  /** Counts of meldingen with each flag (assessed in time, telefonisch contact gewenst, …). */
  flags: {
    beoordeeld: number;
    binnenWerkdagen: number;
    telefonisch: number;
    veiligThuis: number;
    hulpverlening: number;
    geinformeerd: number;
    aanvulling: number;
    herhaling: number;
    /** Meldingen whose gemeente is the form's plaats: no werkgebied PC4 range matched their postcode. */
    gemeenteUitPlaats: number;
  };
  /** Foutmeldingen sent in the period; null under a gemeente or unit filter (they have neither). */
  foutmeldingen: number | null;
};
