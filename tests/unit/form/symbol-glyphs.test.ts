import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFName,
  setFontAndSize,
  showText,
  StandardFonts,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../lib/form/extract/pdf';

/**
 * Tick boxes typed in a symbol font without a Unicode map (Word's Wingdings check boxes, saved
 * by a producer that writes no ToUnicode): the codes are Latin letters ("x", "¨"); the font's
 * name says what they draw.
 */
async function wingdingsPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const descriptor = doc.context.obj({
    Type: 'FontDescriptor',
    FontName: 'Wingdings-Regular',
    Flags: 4,
    FontBBox: [0, -200, 1000, 900],
    ItalicAngle: 0,
    Ascent: 900,
    Descent: -200,
    CapHeight: 700,
    StemV: 80,
  });
  const wingdings = doc.context.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: 'Wingdings-Regular',
    FirstChar: 32,
    LastChar: 255,
    Widths: Array.from({ length: 224 }, () => 800),
    FontDescriptor: doc.context.register(descriptor),
  });
  page.node.setFontDictionary(PDFName.of('W1'), doc.context.register(wingdings));
  page.drawText('Is er sprake van bestaande hulpverlening?', { x: 84, y: 700, size: 10, font: helvetica });
  const options: [number, string][] = [
    [0x78, 'Ja'],
    [0xa8, 'Nee'],
  ];
  options.forEach(([code, label], i) => {
    const y = 686 - i * 14;
    page.pushOperators(
      beginText(),
      setFontAndSize('W1', 10),
      moveText(84, y),
      showText(PDFHexString.of(code.toString(16))),
      endText(),
    );
    page.drawText(label, { x: 100, y, size: 10, font: helvetica });
  });
  return doc.save();
}

describe('symbol-font tick boxes', () => {
  it('reads Wingdings x as a ticked box and ¨ as an empty one', async () => {
    const { text } = await extractPdf(await wingdingsPdf());
    expect(text).toContain('☒ Ja');
    expect(text).toContain('☐ Nee');
  });
});
