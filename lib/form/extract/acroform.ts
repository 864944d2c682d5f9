import {
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFRef,
  PDFString,
  PDFHexString,
  PDFTextField,
  ParseSpeeds,
  type PDFField,
} from 'pdf-lib';
import type { TRawForm } from '../raw';
import { choiceValue, fieldMeaning, type TFieldMeaning } from './field-synonyms';

/**
 * AcroForm field values (the form filled in a PDF viewer), read with pdf-lib, whoever designed
 * the form. A field is recognised by its name, else by its tooltip (`TU`), both looked up among
 * the words designers use (field-synonyms.ts): the Word template's `Achternaam`, `last_name`,
 * LiveCycle's `topmostSubform[0].Page1[0].Achternaam[0]`, a `Text7` whose tooltip says
 * "Achternaam". Check boxes count as ticked by their value or their widget's appearance state;
 * radio groups and drop-downs by their export value. A field neither name nor tooltip explains
 * (`f1_07`) is returned with its widget's place, so the positional reader pairs it with the label
 * printed beside it, as it would pair printed text.
 */
export type TPlacedValue = { page: number; x: number; y: number; width: number; height: number } & (
  { text: string } | { ticked: boolean }
);

export type TAcroform = { raw: TRawForm | null; placed: TPlacedValue[] };

type TValue = { text: string } | { ticked: boolean; exportValue: string | null };

function tooltip(field: PDFField): string | null {
  const value = field.acroField.dict.lookup(PDFName.of('TU'));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** Ticked by its value, or by a widget whose appearance state is not Off (a value left unset). */
function boxState(field: PDFCheckBox): TValue {
  const states = field.acroField
    .getWidgets()
    .map((widget) => widget.getAppearanceState()?.decodeText())
    .filter((state): state is string => state !== undefined);
  const onState = states.find((state) => state !== 'Off') ?? null;
  let checked = false;
  try {
    checked = field.isChecked();
  } catch {
    // A box without an on-value in its appearance dictionary: its state is all there is.
  }
  return { ticked: checked || onState !== null, exportValue: onState };
}

function valueOf(field: PDFField): TValue | null {
  if (field instanceof PDFCheckBox) return boxState(field);
  if (field instanceof PDFTextField) return { text: field.getText() ?? '' };
  if (field instanceof PDFRadioGroup) {
    const selected = field.getSelected();
    return { ticked: selected !== undefined, exportValue: selected ?? null };
  }
  if (field instanceof PDFDropdown || field instanceof PDFOptionList)
    return { text: field.getSelected()[0] ?? '' };
  return null;
}

/** Page index of every widget, by the widget dictionary's reference. */
function widgetPages(document: PDFDocument): Map<PDFRef, number> {
  const pages = new Map<PDFRef, number>();
  document.getPages().forEach((page, index) => {
    for (const ref of page.node.Annots()?.asArray() ?? []) if (ref instanceof PDFRef) pages.set(ref, index);
  });
  return pages;
}

function placedValues(document: PDFDocument, field: PDFField, value: TValue): TPlacedValue[] {
  const pages = widgetPages(document);
  const placed: TPlacedValue[] = [];
  for (const widget of field.acroField.getWidgets()) {
    const ref = document.context.getObjectRef(widget.dict);
    const page = ref ? pages.get(ref) : undefined;
    if (page === undefined) continue;
    const rect = widget.getRectangle();
    const own =
      'text' in value
        ? { text: value.text }
        : { ticked: widget.getAppearanceState()?.decodeText() !== 'Off' && value.ticked };
    placed.push({ page, ...rect, ...own });
  }
  return placed;
}

function apply(raw: TRawForm, meaning: TFieldMeaning, value: TValue, parts: Map<string, string>): void {
  if (meaning.kind === 'ignore') return;
  if (meaning.kind === 'option') {
    if ('ticked' in value && value.ticked) raw[meaning.path] = meaning.value;
    return;
  }
  const text = 'text' in value ? value.text : (value.exportValue ?? '');
  if (text.trim() === '') return;
  if (meaning.kind === 'choice') {
    const chosen = choiceValue(text);
    if (chosen) raw[meaning.path] = chosen;
  } else if (
    /^(?:organisatie|voorval)\./.test(meaning.path) &&
    meaning.path !== 'voorval.postcode' &&
    meaning.path !== 'voorval.plaats'
  ) {
    parts.set(meaning.path, text);
  } else {
    raw[meaning.path] = text;
  }
}

/** The two-part fields: eenheid + basisteam, and the voorval's dates and times. */
function combineParts(raw: TRawForm, parts: Map<string, string>): void {
  const eenheid = parts.get('organisatie.eenheid');
  if (eenheid) raw.organisatieonderdeel = `${eenheid}\nbasisteam ${parts.get('organisatie.basisteam') ?? ''}`;
  const at = (prefix: string) =>
    parts.has(`${prefix}.datum`) || parts.has(`${prefix}.tijd`)
      ? `${parts.get(`${prefix}.datum`) ?? ''} ${parts.get(`${prefix}.tijd`) ?? ''}`
      : undefined;
  const chosen = raw.voorval ?? (at('voorval.van') ? 'tussen' : at('voorval.op') ? 'op' : undefined);
  delete raw.voorval;
  const voorval =
    chosen === 'tussen'
      ? { van: at('voorval.van'), tot: at('voorval.tot') }
      : chosen === 'op'
        ? { van: at('voorval.op'), tot: at('voorval.op') }
        : {};
  if (voorval.van) raw['voorval.van'] = voorval.van;
  if (voorval.tot) raw['voorval.tot'] = voorval.tot;
}

export async function readAcroform(bytes: Uint8Array): Promise<TAcroform> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
      // The default yields to the event loop every 100 objects; the parse thread has nothing else to do.
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch {
    // The text layer was readable; a form dictionary pdf-lib cannot follow just adds nothing.
    return { raw: null, placed: [] };
  }
  const raw: TRawForm = {};
  const parts = new Map<string, string>();
  const placed: TPlacedValue[] = [];
  for (const field of document.getForm().getFields()) {
    const value = valueOf(field);
    if (!value) continue;
    const meaning = fieldMeaning(field.getName()) ?? fieldMeaning(tooltip(field) ?? '');
    if (meaning) apply(raw, meaning, value, parts);
    else placed.push(...placedValues(document, field, value));
  }
  combineParts(raw, parts);
  return { raw: Object.keys(raw).length > 0 ? raw : null, placed };
}
