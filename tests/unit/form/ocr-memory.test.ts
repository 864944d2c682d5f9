/**
 * What OCR may cost in memory is bounded by the pixels of the page it reads
 * (LIMITS.ocrMaxMegapixels, lib/form/extract/page-bitmap.ts): a scanned page larger than paper is
 * read at a lower resolution, one too large even for that is refused with a Dutch reason before
 * anything is rendered, and the parse worker reads the next form as usual.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParser, parseMeldformulier } from '../../../lib/form';
import { ocrResolution } from '../../../lib/form/extract/page-bitmap';
import { LIMITS } from '../../../lib/form/limits';

const SCAN = path.resolve(import.meta.dirname, '../../fixtures/producers/scan-1');
const A4 = { width: 595.28, height: 841.89 };

/** The scan with every page drawn `factor` times as large (the pixels of its images stay as they are). */
async function enlarged(bytes: Uint8Array, factor: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes);
  const document = await PDFDocument.create();
  for (const page of await document.embedPdf(source, source.getPageIndices())) {
    const { width, height } = page.scale(factor);
    document.addPage([width, height]).drawPage(page, { x: 0, y: 0, width, height });
  }
  return document.save();
}

const pixels = (page: { width: number; height: number }, dpi: number) =>
  Math.round((page.width * dpi) / 72) * Math.round((page.height * dpi) / 72);

afterAll(() => closeParser());

describe('OCR memory', () => {
  it('reads paper at the OCR resolution and a larger page at what fits in the pixel bound', () => {
    expect(ocrResolution(A4.width, A4.height)).toBe(LIMITS.ocrDpi);
    const large = { width: 3 * A4.width, height: 3 * A4.height };
    const dpi = ocrResolution(large.width, large.height);
    expect(dpi).toBeLessThan(LIMITS.ocrDpi);
    expect(pixels(large, dpi)).toBeLessThanOrEqual(LIMITS.ocrMaxMegapixels * 1_000_000 + 2 * 3 * A4.height);
    expect(pixels(large, LIMITS.ocrDpi)).toBeGreaterThan(LIMITS.ocrMaxMegapixels * 1_000_000);
  });

  it('refuses a scanned page too large to read, then reads an enlarged scan by OCR', async () => {
    const scan = readFileSync(path.join(SCAN, 'input.pdf'));
    const expected = JSON.parse(readFileSync(path.join(SCAN, 'expected.json'), 'utf8')) as {
      formulier: { kenmerk: string };
    };

    const huge = await parseMeldformulier(await enlarged(scan, 6), { filename: 'scan.pdf' });
    expect(huge.ok).toBe(false);
    expect(huge.formulier).toBeNull();
    expect(huge.errors).toEqual([
      {
        field: 'bestand',
        message:
          "Bijlage heeft een gescande pagina van 127 × 179 cm; zo'n grote pagina kan niet met tekstherkenning (OCR) worden gelezen.",
      },
    ]);

    // Three times A4: 35 megapixels at the OCR resolution, read at what fits in the bound.
    const large = await parseMeldformulier(await enlarged(scan, 3), { filename: 'scan.pdf' });
    expect(large.ocr?.gelezenMetOcr).toBe(true);
    expect(large.formulier?.kenmerk).toBe(expected.formulier.kenmerk);
  }, 300_000);
});
