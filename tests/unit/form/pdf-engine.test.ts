/**
 * PDFium's memory ceiling, in the calling thread (lib/form/extract/pdfium.ts): a file that
 * inflates past it is refused as too large and leaves the engine spent (the parse worker then
 * retires its thread); the next file gets a fresh engine and reads normally.
 */
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../lib/form/extract/pdf';
import { engineSpent } from '../../../lib/form/extract/pdfium';
import { RefusedFile } from '../../../lib/form/extract/refused';
import { renderPdf, sampleFormulier } from '../../fixtures/generator';
import { inflationBombPdf } from '../../fixtures/generator/hostile';

describe('the PDF engine', () => {
  it('reads a form without growing past what it keeps', async () => {
    const { text } = await extractPdf(await renderPdf(sampleFormulier()));
    expect(text).toContain('Reden aanmelding');
    expect(engineSpent()).toBe(false);
  });

  it('refuses a file that needs more than its memory cap, is spent, and starts afresh for the next', async () => {
    const refusal = await extractPdf(await inflationBombPdf()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RefusedFile);
    expect((refusal as RefusedFile).message).toBe(
      'Bijlage is een PDF die te veel geheugen vraagt om te lezen; die wordt niet verwerkt.',
    );
    expect(engineSpent()).toBe(true);
    const formulier = sampleFormulier();
    const { text } = await extractPdf(await renderPdf(formulier));
    expect(text).toContain(formulier.kenmerk);
  });
});
