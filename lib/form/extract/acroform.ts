import { PDFCheckBox, PDFDocument, PDFDropdown, PDFOptionList, PDFRadioGroup, PDFTextField } from 'pdf-lib';
import type { TRawForm } from '../raw';

/**
 * AcroForm field values (a PDF form filled in a viewer), read with pdf-lib. Fields are matched
 * to record paths by name: the path itself (`betrokkene.voornamen`), or, where the form's label
 * is unambiguous, the label or placeholder (`Voornamen`, `[Voornamen]`). Tick boxes are either a
 * radio group named after the question's path with the option as value, or one check box per
 * option named `<path>.<option>`.
 */
const squash = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

const OPTIONS: Record<string, string> = { ja: 'ja', nee: 'nee', nietbekend: 'niet_bekend', onbekend: 'niet_bekend' };

const CHOICE_PATHS = ['veiligThuisGemeld', 'hulpverlening.bestaand', 'betrokkeneGeinformeerd', 'telefonischContactGewenst'];

const LABEL_ALIASES: Record<string, string> = {
  organisatieonderdeel: 'organisatieonderdeel',
  behandelddoor: 'behandelaar.naam',
  voorletters: 'behandelaar.naam',
  email: 'behandelaar.email',
  onskenmerk: 'kenmerk',
  registratienummer: 'kenmerk',
  bsn: 'betrokkene.bsn',
  voornamen: 'betrokkene.voornamen',
  voorvoegsel: 'betrokkene.voorvoegsel',
  achternaam: 'betrokkene.achternaam',
  geboortedatum: 'betrokkene.geboortedatum',
  geboorteplaats: 'betrokkene.geboorteplaats',
  geboorteland: 'betrokkene.geboorteland',
  geslacht: 'betrokkene.geslacht',
  datumtijdmelding: 'meldingTijdstip',
  redenaanmelding: 'redenAanmelding',
  omschrijvingredenaanmelding: 'redenAanmelding',
  naamhuisarts: 'huisarts.naam',
  adreshuisarts: 'huisarts.adres',
  omschrijvingwaaromniet: 'nietGeinformeerdReden',
};

/** Every path a field may carry, squashed, so `Betrokkene_Voornamen` finds its path too. */
const KNOWN_PATHS = new Map<string, string>();
function knownPath(name: string): string | undefined {
  if (KNOWN_PATHS.size === 0) {
    for (const path of Object.values(LABEL_ALIASES)) KNOWN_PATHS.set(squash(path), path);
    for (const path of ['behandelaar.telefoon', 'betrokkene.adres', 'betrokkene.postcode', 'betrokkene.plaats', 'betrokkene.land', 'betrokkene.telefoonnummers', 'voorval.van', 'voorval.tot', 'voorval.postcode', 'voorval.plaats', 'huisarts.telefoon', 'huisarts.nietBekend', ...CHOICE_PATHS]) {
      KNOWN_PATHS.set(squash(path), path);
    }
    for (const [alias, path] of Object.entries(LABEL_ALIASES)) KNOWN_PATHS.set(alias, path);
  }
  const instantie = /^hulpverlening\.instanties\.(\d+)\.(naam|contactpersoon|telefoon)$/i.exec(name);
  if (instantie) return `hulpverlening.instanties.${instantie[1]}.${instantie[2]!.toLowerCase()}`;
  return KNOWN_PATHS.get(squash(name));
}

/** `<choice path>.<option>` for a per-option check box. */
function optionBox(name: string): { path: string; option: string } | null {
  const dot = name.lastIndexOf('.');
  const path = dot > 0 ? knownPath(name.slice(0, dot)) : undefined;
  const option = OPTIONS[squash(name.slice(dot + 1))];
  return path && CHOICE_PATHS.includes(path) && option ? { path, option } : null;
}

export async function readAcroform(bytes: Uint8Array): Promise<TRawForm | null> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    // The text layer was readable; a form dictionary pdf-lib cannot follow just adds nothing.
    return null;
  }
  const raw: TRawForm = {};
  for (const field of document.getForm().getFields()) {
    const name = field.getName();
    if (field instanceof PDFCheckBox) {
      const box = optionBox(name);
      if (box && field.isChecked()) raw[box.path] = box.option;
      else if (knownPath(name) === 'huisarts.nietBekend' && field.isChecked()) raw['huisarts.nietBekend'] = 'ja';
      continue;
    }
    const path = knownPath(name);
    if (!path) continue;
    let value: string | undefined;
    if (field instanceof PDFTextField) value = field.getText();
    else if (field instanceof PDFRadioGroup) value = field.getSelected();
    else if (field instanceof PDFDropdown || field instanceof PDFOptionList) value = field.getSelected()[0];
    if (value === undefined || value.trim() === '') continue;
    raw[path] = CHOICE_PATHS.includes(path) ? (OPTIONS[squash(value)] ?? value) : value;
  }
  return Object.keys(raw).length > 0 ? raw : null;
}
