import { LIMITS } from '../limits';
import type { TRawForm } from '../raw';
import { stripPageFurniture } from './page-furniture';
import { pageLines } from './pdf-lines';
import { getDocument, pdfWorker } from './pdfjs';
import { RefusedFile } from './refused';
import { joinLines } from './soft-wraps';

/**
 * Text layer of a PDF through pdf.js — the engine pdf-parse wraps, used directly because the
 * reden needs each line's position to tell soft wraps from paragraphs (pdf-parse's getText()
 * returns the text only). Same cost: one getTextContent() per page. The page count is checked
 * before any page is read, so a 500-page file costs one look at its page tree. AcroForm field
 * values are invisible to text extraction, so a PDF that declares a form is also read with pdf-lib.
 */
export type TPdfContent = { text: string; acroform: TRawForm | null };

function refusal(error: unknown): RefusedFile {
  if (error instanceof RefusedFile) return error;
  if (error instanceof Error && error.name === 'PasswordException') {
    return new RefusedFile('Bijlage is een met een wachtwoord beveiligde PDF; die kan niet worden gelezen.');
  }
  return new RefusedFile('Bijlage is een beschadigde of onvolledige PDF; die kan niet worden gelezen.');
}

export async function extractPdf(bytes: Uint8Array): Promise<TPdfContent> {
  // pdf.js takes ownership of the buffer it is given and refuses a Node Buffer, so it gets a
  // plain copy (Buffer#slice would be a view); pdf-lib may still need the bytes after.
  // isEvalSupported: false closes the font-compilation eval path (CVE-2024-4367 class).
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0, useSystemFonts: false, worker: pdfWorker() });
  try {
    const document = await task.promise;
    if (document.numPages > LIMITS.maxPages) {
      throw new RefusedFile(`Bijlage is een PDF van ${document.numPages} pagina's; een meldformulier heeft er hooguit ${LIMITS.maxPages}.`);
    }
    const pages = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pages.push(await pageLines(page));
      page.cleanup();
    }
    const { info } = await document.getMetadata();
    const hasForm = (info as { IsAcroFormPresent?: boolean }).IsAcroFormPresent === true;
    // pdf-lib is loaded only for the (rare) PDF that declares a form.
    const acroform = hasForm ? await (await import('./acroform')).readAcroform(bytes) : null;
    return { text: joinLines(stripPageFurniture(pages)), acroform };
  } catch (error) {
    throw refusal(error);
  } finally {
    await task.destroy();
  }
}
