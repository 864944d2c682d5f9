/**
 * The anonymous statistical record (MeldingFeit) of a melding, computed when the retention job
 * removes the melding's personal data. Pure: the caller supplies the acceptatiesignaal's send time
 * and the werkdagen setting. The statistics view (stats_melding) derives the same fields for live
 * meldingen in SQL, so a melding counts the same before and after retention.
 */
import type { GemeenteBron, MeldingKanaal, MeldingStatus, Uitkomst } from '../db/generated/enums';
import { dutchDate, werkdagenTussen } from '../werkdagen';

export type TFeitBron = {
  receivedAt: Date;
  firstAssessedAt: Date | null;
  closedAt: Date | null;
  kanaal: MeldingKanaal;
  gemeente: string | null;
  gemeenteBron: GemeenteBron;
  pc4: number | null;
  soorten: string[];
  eenheid: string | null;
  basisteam: string | null;
  status: MeldingStatus;
  uitkomst: Uitkomst | null;
  loketAdvies: string | null;
  telefonischContactGewenst: boolean;
  veiligThuisGemeld: boolean;
  bestaandeHulpverlening: boolean;
  betrokkeneGeinformeerd: boolean | null;
  aanvullingGevraagd: boolean;
  herhaling: boolean;
};

export type TMeldingFeitData = Omit<TFeitBron, 'receivedAt' | 'firstAssessedAt' | 'closedAt'> & {
  /** The Dutch calendar day received, as midnight UTC (a PostgreSQL `date`). */
  receivedDate: Date;
  signalSeconds: number | null;
  firstAssessmentSeconds: number | null;
  closedSeconds: number | null;
  assessedWithinWerkdagen: boolean | null;
};

/** Whole seconds from `from` to `to` (floored, as the SQL view does); null without an end. */
function seconds(from: Date, to: Date | null): number | null {
  return to ? Math.floor((to.getTime() - from.getTime()) / 1000) : null;
}

export function toMeldingFeit(
  m: TFeitBron,
  opts: { signalSentAt: Date | null; werkdagenBeoordeling: number },
): TMeldingFeitData {
  return {
    receivedDate: new Date(`${dutchDate(m.receivedAt)}T00:00:00Z`),
    kanaal: m.kanaal,
    gemeente: m.gemeente,
    gemeenteBron: m.gemeenteBron,
    pc4: m.pc4,
    soorten: m.soorten,
    eenheid: m.eenheid,
    basisteam: m.basisteam,
    status: m.status,
    uitkomst: m.uitkomst,
    loketAdvies: m.loketAdvies,
    signalSeconds: seconds(m.receivedAt, opts.signalSentAt),
    firstAssessmentSeconds: seconds(m.receivedAt, m.firstAssessedAt),
    closedSeconds: seconds(m.receivedAt, m.closedAt),
    assessedWithinWerkdagen: m.firstAssessedAt
      ? werkdagenTussen(m.receivedAt, m.firstAssessedAt) <= opts.werkdagenBeoordeling
      : null,
    telefonischContactGewenst: m.telefonischContactGewenst,
    veiligThuisGemeld: m.veiligThuisGemeld,
    bestaandeHulpverlening: m.bestaandeHulpverlening,
    betrokkeneGeinformeerd: m.betrokkeneGeinformeerd,
    aanvullingGevraagd: m.aanvullingGevraagd,
    herhaling: m.herhaling,
  };
}
