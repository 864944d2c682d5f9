import { PDFParse } from 'pdf-parse';
import { LIMITS } from '../limits';
import type { TRawForm } from '../raw';
import { readAcroform } from './acroform';
import { pagesToLines } from './page-furniture';
import { RefusedFile } from './refused';

/**
 * Text layer of a PDF through pdf-parse (pdf.js). The page count is checked before any page is
 * read, so a 500-page file costs one look at its page tree. AcroForm field values are invisible
 * to text extraction, so a PDF that declares a form is also read with pdf-lib.
 */
export type TPdfContent = { text: string; acroform: TRawForm | null };

function refusal(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new RefusedFile('Bijlage is een met een wachtwoord beveiligde PDF; die kan niet worden gelezen.');
  }
  if (error instanceof RefusedFile) return error;
  return new RefusedFile('Bijlage is een beschadigde of onvolledige PDF; die kan niet worden gelezen.');
}

export async function extractPdf(bytes: Uint8Array): Promise<TPdfContent> {
  // pdf.js may take ownership of the buffer it is given; pdf-lib still needs the bytes after.
  const parser = new PDFParse({ data: bytes.slice(), isEvalSupported: false, stopAtErrors: false });
  try {
    const info = await parser.getInfo();
    if (info.total > LIMITS.maxPages) {
      throw new RefusedFile(`Bijlage is een PDF van ${info.total} pagina's; een meldformulier heeft er hooguit ${LIMITS.maxPages}.`);
    }
    const result = await parser.getText();
    const text = pagesToLines(result.pages.map((page) => page.text)).join('\n');
    const hasForm = (info.info as { IsAcroFormPresent?: boolean } | undefined)?.IsAcroFormPresent === true;
    return { text, acroform: hasForm ? await readAcroform(bytes) : null };
  } catch (error) {
    throw refusal(error);
  } finally {
    await parser.destroy();
  }
}
