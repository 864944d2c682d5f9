import type { TFinding, TMeldformulier } from './schema';
import type { TRawForm } from './raw';
import { fieldName } from './field-names';
import { stripGlyphs } from './read/glyphs';
import { parseDate, parseDateTime } from './normalise/date';
import { parseEmail } from './normalise/email';
import { parsePhone, parsePhoneList } from './normalise/phone';
import { parsePostcode } from './normalise/postcode';
import { parseOrganisatie } from './normalise/organisatie';
import { cleanText } from './normalise/text';

/**
 * Turns raw field texts into the `meldformulier/1` record. A field the officer filled in but that
 * cannot be read as what it should be (a date of 31-02-2022, a phone number with letters) becomes
 * null with a warning that quotes it — never a guess, never silently dropped.
 */
export type TBuilt = {
  formulier: Omit<TMeldformulier, 'kenmerk'> & { kenmerk: string | null };
  warnings: TFinding[];
};

const GESLACHT: Record<string, 'man' | 'vrouw' | 'onbekend'> = {
  man: 'man',
  m: 'man',
  mannelijk: 'man',
  vrouw: 'vrouw',
  v: 'vrouw',
  vrouwelijk: 'vrouw',
  onbekend: 'onbekend',
  x: 'onbekend',
  anders: 'onbekend',
};

const JA_NEE = new Set(['ja', 'nee']);
const BESTAAND = new Set(['ja', 'nee', 'niet_bekend']);

export function buildFormulier(raw: TRawForm): TBuilt {
  const warnings: TFinding[] = [];
  const text = (path: string) => cleanText(raw[path] === undefined ? null : stripGlyphs(raw[path]));
  const parsed = <T>(path: string, parse: (value: string) => T | null, what: string): T | null => {
    const value = text(path);
    if (value === null) return null;
    const result = parse(value);
    if (result === null) {
      warnings.push({ field: path, message: `${fieldName(path)} '${value}' is ${what}; niet overgenomen.` });
    }
    return result;
  };
  const phone = (path: string) => parsed(path, parsePhone, 'geen geldig telefoonnummer');
  const choice = <T extends string>(path: string, allowed: Set<string>) =>
    allowed.has(raw[path] ?? '') ? (raw[path] as T) : null;

  const bsn = parsed(
    'betrokkene.bsn',
    (v) => (/^\d{9}$/.test(v.replace(/[\s.]/g, '')) ? v.replace(/[\s.]/g, '') : null),
    'geen BSN van 9 cijfers',
  );
  const telefoonnummers = text('betrokkene.telefoonnummers');
  const phones = parsePhoneList(raw['betrokkene.telefoonnummers'] ?? null);
  if (telefoonnummers !== null && phones.length === 0) {
    warnings.push({
      field: 'betrokkene.telefoonnummers',
      message: `Telefoonnummer betrokkene '${telefoonnummers}' is geen geldig telefoonnummer; niet overgenomen.`,
    });
  }

  const instanties = [];
  for (
    let i = 0;
    raw[`hulpverlening.instanties.${i}.naam`] !== undefined ||
    raw[`hulpverlening.instanties.${i}.contactpersoon`] !== undefined ||
    raw[`hulpverlening.instanties.${i}.telefoon`] !== undefined;
    i++
  ) {
    const base = `hulpverlening.instanties.${i}`;
    const instantie = {
      naam: text(`${base}.naam`),
      contactpersoon: text(`${base}.contactpersoon`),
      telefoon: phone(`${base}.telefoon`),
    };
    if (instantie.naam || instantie.contactpersoon || instantie.telefoon) instanties.push(instantie);
  }

  const huisarts = {
    naam: text('huisarts.naam'),
    adres: text('huisarts.adres'),
    telefoon: phone('huisarts.telefoon'),
  };
  const huisartsBekend =
    raw['huisarts.nietBekend'] === 'ja'
      ? false
      : huisarts.naam || huisarts.adres || huisarts.telefoon
        ? true
        : null;
  const geinformeerd = choice<'ja' | 'nee'>('betrokkeneGeinformeerd', JA_NEE);

  const formulier: TBuilt['formulier'] = {
    schema: 'meldformulier/1',
    kenmerk: text('kenmerk'),
    organisatieonderdeel: parseOrganisatie(raw.organisatieonderdeel ?? null),
    behandelaar: {
      naam: text('behandelaar.naam'),
      telefoon: phone('behandelaar.telefoon'),
      email: parsed('behandelaar.email', parseEmail, 'geen geldig e-mailadres'),
    },
    betrokkene: {
      bsn,
      voornamen: text('betrokkene.voornamen'),
      voorvoegsel: text('betrokkene.voorvoegsel'),
      achternaam: text('betrokkene.achternaam'),
      geboortedatum: parsed('betrokkene.geboortedatum', parseDate, 'geen geldige datum'),
      geboorteplaats: text('betrokkene.geboorteplaats'),
      geboorteland: text('betrokkene.geboorteland'),
      geslacht: parsed(
        'betrokkene.geslacht',
        (v) => GESLACHT[v.toLowerCase()] ?? null,
        'geen geslacht (man, vrouw, onbekend)',
      ),
      adres: text('betrokkene.adres'),
      postcode: parsed('betrokkene.postcode', parsePostcode, 'geen geldige postcode'),
      plaats: text('betrokkene.plaats'),
      land: text('betrokkene.land'),
      telefoonnummers: phones,
    },
    voorval: {
      van: parsed('voorval.van', parseDateTime, 'geen datum met tijd'),
      // "Op D om T uur" gives van = tot: one warning for an unreadable date is enough.
      tot:
        raw['voorval.tot'] === raw['voorval.van']
          ? parseDateTime(text('voorval.tot') ?? '')
          : parsed('voorval.tot', parseDateTime, 'geen datum met tijd'),
      postcode: parsed('voorval.postcode', parsePostcode, 'geen geldige postcode'),
      plaats: text('voorval.plaats'),
    },
    meldingTijdstip: parsed('meldingTijdstip', parseDateTime, 'geen datum met tijd'),
    redenAanmelding: raw.redenAanmelding?.trim() || null,
    veiligThuisGemeld: choice('veiligThuisGemeld', JA_NEE),
    hulpverlening: { bestaand: choice('hulpverlening.bestaand', BESTAAND), instanties },
    huisarts: { bekend: huisartsBekend, ...huisarts },
    betrokkeneGeinformeerd: geinformeerd,
    nietGeinformeerdReden: geinformeerd === 'ja' ? null : text('nietGeinformeerdReden'),
    telefonischContactGewenst: choice('telefonischContactGewenst', JA_NEE),
  };
  return { formulier, warnings };
}
