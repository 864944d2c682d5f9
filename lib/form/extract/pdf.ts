import { LIMITS } from '../limits';
import type { TRawForm } from '../raw';
import { stripPageFurniture } from './page-furniture';
import { measure, pageLines, type TPdfLine } from './pdf-lines';
import type { TOcrWord } from './ocr-engine';
import { renderGray, type TGrayImage } from './page-bitmap';
import { placeLines } from './place-runs';
import { fixOcrLine } from './ocr-fixes';
import { PdfEngineAbort, PdfOpenError, withPdfDocument } from './pdfium';
import { RefusedFile } from './refused';
import type { TPlacedValue } from './acroform';
import { placedChars } from './placed-chars';
import { joinLines } from './soft-wraps';

/**
 * Text layer of a PDF through PDFium, with each line's position: the reden needs it to tell soft
 * wraps from paragraphs. The page count is checked before any page is read, so a 500-page file
 * costs one look at its page tree. AcroForm field values are invisible to text extraction, so a
 * PDF that declares a form is also read with pdf-lib. PDFium runs no document JavaScript.
 */
export type TPdfContent = { text: string; acroform: TRawForm | null; ocr: TOcrRead | null };

/** FPDF_GetFormType: no form; anything else is an AcroForm or an XFA form. */
const FORMTYPE_NONE = 0;

function refusal(error: unknown): RefusedFile {
  if (error instanceof RefusedFile) return error;
  if (error instanceof PdfOpenError && error.needsPassword) {
    return new RefusedFile('Bijlage is een met een wachtwoord beveiligde PDF; die kan niet worden gelezen.');
  }
  if (error instanceof PdfEngineAbort && error.outOfMemory) {
    return new RefusedFile(
      'Bijlage is een PDF die te veel geheugen vraagt om te lezen; die wordt niet verwerkt.',
    );
  }
  return new RefusedFile('Bijlage is een beschadigde of onvolledige PDF; die kan niet worden gelezen.');
}

type TPages = { pages: (TPdfLine[] | null)[]; scans: Map<number, TGrayImage>; hasForm: boolean };

/**
 * Every page's lines (null for a page without usable text, rendered for OCR instead). Without
 * `placed` (the form's fields are not read yet), a PDF that declares a form stops after its page
 * count: its pages are read once, after pdf-lib, with the fields nothing names placed among them.
 */
async function readPages(bytes: Uint8Array, placed: TPlacedValue[] | null): Promise<TPages> {
  try {
    return await withPdfDocument(bytes, (engine, document) => {
      const { api } = engine;
      const count = api.FPDF_GetPageCount(document);
      if (count > LIMITS.maxPages) {
        throw new RefusedFile(
          `Bijlage is een PDF van ${count} pagina's; een meldformulier heeft er hooguit ${LIMITS.maxPages}.`,
        );
      }
      const hasForm = api.FPDF_GetFormType(document) !== FORMTYPE_NONE;
      const pages: (TPdfLine[] | null)[] = [];
      const scans = new Map<number, TGrayImage>();
      if (hasForm && placed === null) return { pages, scans, hasForm };
      for (let index = 0; index < count; index++) {
        const page = api.FPDF_LoadPage(document, index);
        if (page === 0) throw new Error(`page ${index} does not load`);
        const lines = pageLines(engine, page, placedChars(placed ?? [], index));
        if (lines === null && scans.size < LIMITS.maxOcrPages) scans.set(index, renderGray(engine, page));
        pages.push(lines);
        api.FPDF_ClosePage(page);
      }
      return { pages, scans, hasForm };
    });
  } catch (error) {
    throw refusal(error);
  }
}

/** What OCR read: its words with their confidence, and what it cost. */
export type TOcrRead = { pages: number; words: TOcrWord[]; msPerPage: number };

async function ocrPages(
  read: TPages,
  onOcr: ((pages: number) => void) | undefined,
): Promise<TOcrRead | null> {
  if (read.scans.size === 0) return null;
  onOcr?.(read.scans.size);
  // Loaded only for a scan: text forms never pay for Tesseract.
  const { ocrPage } = await import('./ocr-page');
  const started = performance.now();
  const words: TOcrWord[] = [];
  for (const [index, image] of read.scans) {
    const page = await ocrPage(image);
    words.push(...page.words);
    read.pages[index] = measure(placeLines([], page.runs), image.width / image.scale).map((line) => ({
      ...line,
      text: fixOcrLine(line.text),
    }));
  }
  return { pages: read.scans.size, words, msPerPage: (performance.now() - started) / read.scans.size };
}

export async function extractPdf(bytes: Uint8Array, onOcr?: (pages: number) => void): Promise<TPdfContent> {
  let read = await readPages(bytes, null);
  let acroform: TRawForm | null = null;
  if (read.hasForm) {
    // pdf-lib is loaded only for the (rare) PDF that declares a form.
    const form = await (await import('./acroform')).readAcroform(bytes);
    acroform = form.raw;
    // Fields nothing names are read where they sit, placed among the labels.
    read = await readPages(bytes, form.placed);
  }
  const ocr = await ocrPages(read, onOcr);
  const pages = read.pages.filter((lines): lines is TPdfLine[] => lines !== null);
  return { text: joinLines(stripPageFurniture(pages)), acroform, ocr };
}
