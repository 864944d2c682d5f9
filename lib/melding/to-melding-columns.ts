import type { TMeldformulier } from '../form/schema';

/** Local Dutch wall-clock time (the form's) as a Date; the zone rules come from the tz database. */
/** Made once: toLocaleString with a timeZone builds a new formatter on every call, costly per melding. */
const AMSTERDAM = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** Amsterdam's offset from UTC at a moment, in milliseconds. */
function amsterdamOffsetMs(at: Date): number {
  const part = Object.fromEntries(AMSTERDAM.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return (
    Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - at.getTime()
  );
}

/** "2026-12-07T14:30" read as Dutch wall-clock time (the form's, and a datetime-local field's). */
export function amsterdamTime(local: string | null): Date | null {
  if (!local) return null;
  const asUtc = new Date(`${local}:00Z`);
  return new Date(asUtc.getTime() - amsterdamOffsetMs(asUtc));
}

/** "Eenheid Rotterdam, basisteam Maasboulevard" → its two parts (the parser joins them so). */
function splitOrganisatie(org: string | null): { eenheid: string | null; basisteam: string | null } {
  if (!org) return { eenheid: null, basisteam: null };
  const [eenheid = null, ...rest] = org.split(', ');
  return { eenheid, basisteam: rest.length ? rest.join(', ') : null };
}

/** 1234 from "1234 AB"; null when there is no Dutch postcode. */
function pc4Of(postcode: string | null): number | null {
  const match = postcode?.match(/^([1-9]\d{3})/);
  return match ? Number(match[1]) : null;
}

/**
 * Under 18 on the day of the voorval (or, without one, of the melding): day arithmetic on the
 * form's own local dates, so no time zone can move a birthday.
 */
export function isMinderjarig(geboortedatum: string | null, peilmoment: string | null): boolean {
  if (!geboortedatum || !peilmoment) return false;
  const [year, month, day] = geboortedatum.split('-').map(Number) as [number, number, number];
  const eighteenth = `${String(year + 18).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return peilmoment.slice(0, 10) < eighteenth;
}

/**
 * The columns of a Melding that lists, search and statistics filter on, derived from the parsed
 * form (which is also kept whole). One mapping, used by ingestion, corrections and the seed.
 */
export function toMeldingColumns(f: TMeldformulier) {
  const b = f.betrokkene;
  // Where the betrokkene lives; without an address, where the voorval was (bericht 1, afspraak 6).
  const hasAddress = b.postcode !== null || b.plaats !== null;
  return {
    ...splitOrganisatie(f.organisatieonderdeel),
    gemeente: hasAddress ? b.plaats : f.voorval.plaats,
    pc4: pc4Of(hasAddress ? b.postcode : f.voorval.postcode),
    reden: f.redenAanmelding,
    kenmerk: f.kenmerk,
    bsn: b.bsn,
    voornamen: b.voornamen,
    voorvoegsel: b.voorvoegsel,
    achternaam: b.achternaam,
    geboortedatum: b.geboortedatum ? new Date(`${b.geboortedatum}T00:00:00Z`) : null,
    postcode: b.postcode,
    plaats: b.plaats,
    voorvalPostcode: f.voorval.postcode,
    voorvalPlaats: f.voorval.plaats,
    voorvalVan: amsterdamTime(f.voorval.van),
    meldingTijdstip: amsterdamTime(f.meldingTijdstip),
    organisatieonderdeel: f.organisatieonderdeel,
    behandelaarEmail: f.behandelaar.email,
    telefonischContactGewenst: f.telefonischContactGewenst === 'ja',
    veiligThuisGemeld: f.veiligThuisGemeld === 'ja',
    bestaandeHulpverlening: f.hulpverlening.bestaand === 'ja',
    betrokkeneGeinformeerd: f.betrokkeneGeinformeerd === null ? null : f.betrokkeneGeinformeerd === 'ja',
    minderjarig: isMinderjarig(b.geboortedatum, f.voorval.van ?? f.meldingTijdstip),
  };
}
