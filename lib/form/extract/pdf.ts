import { LIMITS } from '../limits';
import type { TRawForm } from '../raw';
import { stripPageFurniture } from './page-furniture';
import { pageLines, type TPdfLine } from './pdf-lines';
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
export type TPdfContent = { text: string; acroform: TRawForm | null };

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

type TPages = { pages: TPdfLine[][]; hasForm: boolean };

/** Every page's lines; `placed` are live field values to read in their places. */
async function readPages(bytes: Uint8Array, placed: TPlacedValue[]): Promise<TPages> {
  try {
    return await withPdfDocument(bytes, (engine, document) => {
      const { api } = engine;
      const count = api.FPDF_GetPageCount(document);
      if (count > LIMITS.maxPages) {
        throw new RefusedFile(
          `Bijlage is een PDF van ${count} pagina's; een meldformulier heeft er hooguit ${LIMITS.maxPages}.`,
        );
      }
      const pages: TPdfLine[][] = [];
      for (let index = 0; index < count; index++) {
        const page = api.FPDF_LoadPage(document, index);
        if (page === 0) throw new Error(`page ${index} does not load`);
        pages.push(pageLines(engine, page, placedChars(placed, index)));
        api.FPDF_ClosePage(page);
      }
      return { pages, hasForm: api.FPDF_GetFormType(document) !== FORMTYPE_NONE };
    });
  } catch (error) {
    throw refusal(error);
  }
}

export async function extractPdf(bytes: Uint8Array): Promise<TPdfContent> {
  let read = await readPages(bytes, []);
  let acroform: TRawForm | null = null;
  if (read.hasForm) {
    // pdf-lib is loaded only for the (rare) PDF that declares a form.
    const form = await (await import('./acroform')).readAcroform(bytes);
    acroform = form.raw;
    // Fields nothing names are read where they sit: a second pass places them among the labels.
    if (form.placed.length > 0) read = await readPages(bytes, form.placed);
  }
  return { text: joinLines(stripPageFurniture(read.pages)), acroform };
}
