import { buildFormulier } from './build';
import { checkFormulier } from './checks';
import { detectType } from './extract/detect';
import { extractPdf, type TOcrRead } from './extract/pdf';
import { ocrFindings } from './ocr-confidence';
import { canonicalVoorvoegsel } from './normalise/voorvoegsel';
import { RefusedFile } from './extract/refused';
import { sizeRefusal } from './limits';
import type { TRawForm } from './raw';
import { readFormText } from './read/form';
import { refused } from './refused-result';
import { phrase } from './read/pattern';
import { ZMeldformulier, type TParseResult } from './schema';

/**
 * The whole parse of one attachment, in the calling thread: detect → extract → read → build →
 * check. `parseMeldformulier` runs this inside a worker; tests and the benchmark may call it
 * directly to see the cost without the thread hop.
 */
export type TParseOptions = {
  filename?: string;
  trustedDomains?: string[];
  now?: Date;
  /** The kenmerk from the mail's subject: the record's kenmerk when the form lacks one (the error stays). */
  fallbackKenmerk?: string;
  /** Told before OCR starts, with the number of pages (the worker extends its time limit). */
  onOcr?: (pages: number) => void;
};

/** Phrases only the meldformulier has; fewer than three found means it is some other document. */
const FORM_MARKERS = [
  'Ons kenmerk',
  'Behandeld door',
  'Persoonsgegevens betrokkene',
  'Datum/tijd voorval',
  'Reden aanmelding',
  'bestaande hulpverlening',
  'Contactgegevens huisarts',
  'Nader telefonisch contact',
].map((words) => new RegExp(phrase(words), 'iu'));

type TRead = { raw: TRawForm; ocr: TOcrRead | null };

async function readRaw(bytes: Uint8Array, options: TParseOptions): Promise<TRead> {
  const { filename } = options;
  const tooLarge = sizeRefusal(bytes.length);
  if (tooLarge) throw new RefusedFile(tooLarge);
  const type = detectType(bytes);
  if (type.kind === 'other') {
    throw new RefusedFile(
      `Bijlage${filename ? ` '${filename}'` : ''} is ${type.description}, geen PDF of Word-document.`,
    );
  }
  // mammoth is loaded on the first .docx only: the warm worker starts faster for PDFs.
  const { text, acroform, ocr } =
    type.kind === 'pdf'
      ? await extractPdf(bytes, options.onOcr)
      : { text: await (await import('./extract/docx')).extractDocx(bytes), acroform: null, ocr: null };
  const normalised = text.normalize('NFC');
  const markers = FORM_MARKERS.filter((marker) => marker.test(normalised)).length;
  if (markers < 3 && Object.keys(acroform ?? {}).length < 3) {
    throw new RefusedFile(
      'Bijlage is geen meldformulier niet-acute zorg (de vaste onderdelen van het formulier ontbreken).',
    );
  }
  // Field values win over the text layer, which for a filled PDF form still shows the template.
  const raw = { ...readFormText(normalised), ...acroform };
  const voorvoegsel = raw['betrokkene.voorvoegsel'];
  // OCR loses the space inside a voorvoegsel ("vanden"); the written form is put back.
  if (ocr && voorvoegsel) raw['betrokkene.voorvoegsel'] = canonicalVoorvoegsel(voorvoegsel.trim());
  return { raw, ocr };
}

export async function parseBytes(bytes: Uint8Array, options: TParseOptions = {}): Promise<TParseResult> {
  let read: TRead;
  try {
    read = await readRaw(bytes, options);
  } catch (error) {
    if (error instanceof RefusedFile) return refused(error.message);
    throw error;
  }
  const { raw, ocr } = read;
  const built = buildFormulier(raw);
  const ocrRead = ocr ? ocrFindings(raw, ocr) : null;
  const checks = checkFormulier(built, {
    trustedDomains: options.trustedDomains ?? ['politie.nl'],
    now: options.now ?? new Date(),
  });
  const errors = checks.errors;
  const warnings = [...built.warnings, ...checks.warnings, ...(ocrRead?.warnings ?? [])];
  const kenmerk = built.formulier.kenmerk ?? options.fallbackKenmerk ?? null;
  // Without a kenmerk the record cannot be a meldformulier/1 (kenmerk is required there).
  const formulier = kenmerk === null ? null : ZMeldformulier.parse({ ...built.formulier, kenmerk });
  const result: TParseResult = { ok: errors.length === 0, formulier, warnings, errors };
  return ocrRead ? { ...result, ocr: ocrRead.info } : result;
}
