import type { TRawForm } from '../raw';
import { optionLabel, readChoice } from './choice';
import { GLYPH_SOURCE, hasTickedGlyph } from './glyphs';
import { readInstanties } from './instanties';
import { findLabels, label, readLabels, type TLabel } from './labels';
import { phrase } from './pattern';
import { readReden } from './reden';
import { splitSections } from './sections';
import { joinSplitLabels } from './split-labels';
import { separateGluedLabels } from './glued-labels';
import { readPlaatsVoorval, readVoorval } from './voorval';

/**
 * Reads the form's text (one line per printed line or table row, in reading order) into raw
 * field values. Each section has its own labels; the record paths are the raw form's keys.
 */
const KOP: TLabel<string>[] = [
  label('organisatieonderdeel', phrase('Organisatieonderdeel')),
  label('behandelaar.naam', phrase('Behandeld door')),
  label('behandelaar.telefoon', phrase('Telefoonnummer'), phrase('Telefoon')),
  label('behandelaar.email', phrase('E-mailadres'), phrase('E-mail'), phrase('Email')),
  label('kenmerk', phrase('Ons kenmerk'), phrase('Registratienummer'), phrase('Kenmerk')),
];

const BETROKKENE: TLabel<string>[] = [
  label('betrokkene.bsn', phrase('BSN')),
  label('betrokkene.voornamen', phrase('Voornamen'), phrase('Voornaam')),
  label('betrokkene.voorvoegsel', phrase('Voorvoegsel'), phrase('Tussenvoegsel')),
  label('betrokkene.achternaam', phrase('Achternaam')),
  label('betrokkene.geboortedatum', phrase('Geboortedatum')),
  label('betrokkene.geboorteplaats', phrase('Geboorteplaats')),
  label('betrokkene.geboorteland', phrase('Geboorteland')),
  label('betrokkene.geslacht', phrase('Geslacht')),
  label('betrokkene.adres', phrase('Adres')),
  label('betrokkene.postcode', phrase('Postcode')),
  label('betrokkene.plaats', phrase('Plaats'), phrase('Woonplaats')),
  label('betrokkene.land', phrase('Land')),
  label(
    'betrokkene.telefoonnummers',
    phrase('Telefoonnummer(s)'),
    phrase('Telefoonnummers'),
    phrase('Telefoonnummer'),
  ),
];

const MELDING: TLabel<'voorval' | 'plaatsVoorval' | 'melding'>[] = [
  label('voorval', phrase('Datum/tijd voorval')),
  label('plaatsVoorval', phrase('Plaats voorval')),
  label('melding', phrase('Datum/tijd melding')),
];

const HUISARTS: TLabel<string>[] = [
  label('huisarts.naam', phrase('Naam huisarts')),
  label('huisarts.adres', phrase('Adres huisarts')),
  label('huisarts.telefoon', phrase('Telefoonnummer'), phrase('Telefoon')),
  label('nietBekend', phrase('Niet bekend')),
];

const JA_NEE = [
  { value: 'ja' as const, label: optionLabel('Ja') },
  { value: 'nee' as const, label: optionLabel('Nee') },
];

const BESTAAND = [{ value: 'niet_bekend' as const, label: optionLabel('Niet bekend') }, ...JA_NEE];

/** The text after "Nee," in "☒ Nee, hij was niet aanspreekbaar", to the end of the section. */
const NEE_OPTION = new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?Nee(?![\\p{L}\\d])[ \\t]*,?`, 'imu');

function set(raw: TRawForm, key: string, value: string | null | undefined): void {
  if (value != null) raw[key] = value;
}

function readHuisarts(raw: TRawForm, body: string): void {
  const values = readLabels(body, HUISARTS);
  for (const [key, value] of values) if (key !== 'nietBekend') set(raw, key, value);
  const nietBekend = findLabels(body, HUISARTS).get('nietBekend');
  if (nietBekend) {
    const lineStart = body.lastIndexOf('\n', nietBekend.start) + 1;
    const lineEnd = body.indexOf('\n', nietBekend.start);
    if (hasTickedGlyph(body.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)))
      raw['huisarts.nietBekend'] = 'ja';
  }
}

function readGeinformeerd(raw: TRawForm, body: string): void {
  const chosen = readChoice(body, JA_NEE);
  set(raw, 'betrokkeneGeinformeerd', chosen);
  const nee = NEE_OPTION.exec(body);
  if (nee && chosen !== 'ja') raw.nietGeinformeerdReden = body.slice(nee.index + nee[0].length);
}

export function readFormText(text: string): TRawForm {
  const sections = splitSections(joinSplitLabels(separateGluedLabels(text)));
  const raw: TRawForm = {};
  for (const [key, value] of readLabels(sections.kop ?? '', KOP)) set(raw, key, value);
  for (const [key, value] of readLabels(sections.betrokkene ?? '', BETROKKENE)) set(raw, key, value);

  const melding = readLabels(sections.melding ?? '', MELDING);
  const voorval = readVoorval(melding.get('voorval') ?? '');
  set(raw, 'voorval.van', voorval.van);
  set(raw, 'voorval.tot', voorval.tot);
  const plaats = readPlaatsVoorval(melding.get('plaatsVoorval') ?? '');
  set(raw, 'voorval.postcode', plaats.postcode);
  set(raw, 'voorval.plaats', plaats.plaats);
  set(raw, 'meldingTijdstip', melding.get('melding'));

  set(raw, 'redenAanmelding', readReden(sections.reden ?? ''));
  if (sections.veiligThuis !== undefined)
    set(raw, 'veiligThuisGemeld', readChoice(sections.veiligThuis, JA_NEE));

  const hulpverlening = readInstanties(sections.hulpverlening ?? '');
  set(raw, 'hulpverlening.bestaand', readChoice(hulpverlening.before, BESTAAND));
  hulpverlening.blocks.forEach((block, i) => {
    for (const [slot, value] of Object.entries(block))
      set(raw, `hulpverlening.instanties.${i}.${slot}`, value);
  });

  readHuisarts(raw, sections.huisarts ?? '');
  readGeinformeerd(raw, sections.geinformeerd ?? '');
  set(raw, 'telefonischContactGewenst', readChoice(sections.telefonisch ?? '', JA_NEE));
  return raw;
}
