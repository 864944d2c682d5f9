import { PDFCheckBox, PDFDocument, PDFDropdown, PDFRadioGroup, PDFTextField } from 'pdf-lib';
import type { TRawForm } from '../raw';

/**
 * AcroForm field values (the form filled in a PDF viewer), read with pdf-lib. The field names
 * are the Word template's content-control names (no spaces): `Voornamen`, `OnsKenmerk`,
 * `Instantie2`, and one check box per option (`VeiligThuisJa`, `HulpverleningNietBekend`).
 * Values are as typed, so they go through the same normalisation as the text layer.
 */
const TEXT_FIELDS: Record<string, string> = {
  BehandeldDoor: 'behandelaar.naam',
  Telefoon: 'behandelaar.telefoon',
  EMail: 'behandelaar.email',
  OnsKenmerk: 'kenmerk',
  BSN: 'betrokkene.bsn',
  Voornamen: 'betrokkene.voornamen',
  Voorvoegsel: 'betrokkene.voorvoegsel',
  Achternaam: 'betrokkene.achternaam',
  Geboortedatum: 'betrokkene.geboortedatum',
  Geboorteplaats: 'betrokkene.geboorteplaats',
  Geboorteland: 'betrokkene.geboorteland',
  Geslacht: 'betrokkene.geslacht',
  Adres: 'betrokkene.adres',
  Postcode: 'betrokkene.postcode',
  Plaats: 'betrokkene.plaats',
  Land: 'betrokkene.land',
  Telefoonnummer: 'betrokkene.telefoonnummers',
  PostcodeVoorval: 'voorval.postcode',
  PlaatsVoorval: 'voorval.plaats',
  DatumTijdMelding: 'meldingTijdstip',
  RedenAanmelding: 'redenAanmelding',
  NaamHuisarts: 'huisarts.naam',
  AdresHuisarts: 'huisarts.adres',
  TelefoonnummerHuisarts: 'huisarts.telefoon',
  NietGeinformeerdReden: 'nietGeinformeerdReden',
};

/** Check box name → [record path, the option it stands for]. */
const OPTION_BOXES: Record<string, [string, string]> = {
  VeiligThuisJa: ['veiligThuisGemeld', 'ja'],
  VeiligThuisNee: ['veiligThuisGemeld', 'nee'],
  HulpverleningNietBekend: ['hulpverlening.bestaand', 'niet_bekend'],
  HulpverleningNee: ['hulpverlening.bestaand', 'nee'],
  HulpverleningJa: ['hulpverlening.bestaand', 'ja'],
  HuisartsNietBekend: ['huisarts.nietBekend', 'ja'],
  GeinformeerdJa: ['betrokkeneGeinformeerd', 'ja'],
  GeinformeerdNee: ['betrokkeneGeinformeerd', 'nee'],
  TelefonischContactJa: ['telefonischContactGewenst', 'ja'],
  TelefonischContactNee: ['telefonischContactGewenst', 'nee'],
};

const INSTANTIE = /^(Instantie|Contactpersoon|TelefoonnummerInstantie)(\d+)$/;
const INSTANTIE_SLOT: Record<string, string> = {
  Instantie: 'naam',
  Contactpersoon: 'contactpersoon',
  TelefoonnummerInstantie: 'telefoon',
};

function fieldValues(document: PDFDocument): { texts: Map<string, string>; ticked: Set<string> } {
  const texts = new Map<string, string>();
  const ticked = new Set<string>();
  for (const field of document.getForm().getFields()) {
    const name = field.getName();
    if (field instanceof PDFCheckBox) {
      if (field.isChecked()) ticked.add(name);
    } else if (field instanceof PDFTextField) {
      const text = field.getText();
      if (text?.trim()) texts.set(name, text);
    } else if (field instanceof PDFDropdown || field instanceof PDFRadioGroup) {
      const selected = field instanceof PDFDropdown ? field.getSelected()[0] : field.getSelected();
      if (selected?.trim()) texts.set(name, selected);
    }
  }
  return { texts, ticked };
}

export async function readAcroform(bytes: Uint8Array): Promise<TRawForm | null> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    // The text layer was readable; a form dictionary pdf-lib cannot follow just adds nothing.
    return null;
  }
  const { texts, ticked } = fieldValues(document);
  const raw: TRawForm = {};
  for (const [name, text] of texts) {
    const path = TEXT_FIELDS[name];
    const instantie = INSTANTIE.exec(name);
    if (path) raw[path] = text;
    else if (instantie)
      raw[`hulpverlening.instanties.${Number(instantie[2]) - 1}.${INSTANTIE_SLOT[instantie[1]!]}`] = text;
  }
  for (const name of ticked) {
    const box = OPTION_BOXES[name];
    if (box) raw[box[0]] = box[1];
  }
  // The organisatieonderdeel prints as two drop-downs: the eenheid, then "basisteam <name>".
  const eenheid = texts.get('Eenheid');
  if (eenheid) raw.organisatieonderdeel = `${eenheid}\nbasisteam ${texts.get('Basisteam') ?? ''}`;
  const at = (date: string, time: string) =>
    texts.has(date) || texts.has(time) ? `${texts.get(date) ?? ''} ${texts.get(time) ?? ''}` : undefined;
  const voorval = ticked.has('VoorvalTussen')
    ? {
        van: at('VoorvalTussenDatumBegin', 'VoorvalTussenTijdBegin'),
        tot: at('VoorvalTussenDatumEind', 'VoorvalTussenTijdEind'),
      }
    : ticked.has('VoorvalOp')
      ? { van: at('VoorvalOpDatum', 'VoorvalOpTijd'), tot: at('VoorvalOpDatum', 'VoorvalOpTijd') }
      : {};
  if (voorval.van) raw['voorval.van'] = voorval.van;
  if (voorval.tot) raw['voorval.tot'] = voorval.tot;
  return Object.keys(raw).length > 0 ? raw : null;
}
