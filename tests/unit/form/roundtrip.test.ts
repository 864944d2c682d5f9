import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAcroformPdf, renderDocx, renderPdf, type TLayoutInput } from '../../fixtures/generator';
import { closeParser, parseMeldformulier } from '../../../lib/form';
import type { TMeldformulier } from '../../../lib/form/schema';
import { formulierArb, layoutArb } from './arbitraries';

/**
 * Property: whatever an officer fills in, in whatever layout the form was printed, parsing the
 * rendered form gives back the record it was rendered from.
 *
 * One thing a PDF text layer cannot always carry: when a reden paragraph's last line is full
 * and the producer leaves no paragraph spacing (the generator leaves none), the break to the
 * next paragraph looks exactly like a soft wrap, and the parser's textual tie-breaker (a 7 W's
 * lead-in after a full stop) can be wrong both ways on random text. For the text layer the reden
 * must therefore have the same words in the same order; paragraph breaks are checked exactly
 * for .docx and AcroForm here, and for the PDF text layer by the fixture corpus.
 */
const NOW = new Date('2026-01-01T12:00:00Z');
const withLayout = layoutArb.chain((layout) =>
  formulierArb(layout.version ?? '2.0').map((formulier) => ({ layout, formulier })),
);

afterAll(() => closeParser());

async function roundTrip(
  render: (f: TMeldformulier, layout: TLayoutInput) => Promise<Uint8Array>,
  filename: string,
  layout: TLayoutInput,
  formulier: TMeldformulier,
) {
  const result = await parseMeldformulier(await render(formulier, layout), { filename, now: NOW });
  expect(result.errors).toEqual([]);
  return result.formulier!;
}

describe('render → parse round trip', () => {
  it('PDF text layer, every layout', async () => {
    await fc.assert(
      fc.asyncProperty(withLayout, async ({ layout, formulier }) => {
        const parsed = await roundTrip(renderPdf, 'melding.pdf', layout, formulier);
        const words = (reden: string | null) => reden?.replace(/\n/g, ' ');
        expect(words(parsed.redenAanmelding)).toBe(words(formulier.redenAanmelding));
        expect({ ...parsed, redenAanmelding: null }).toEqual({ ...formulier, redenAanmelding: null });
      }),
      { numRuns: 200 },
    );
  });

  it('PDF text layer: a line break between short reden lines stays a line break', async () => {
    // Short lines end far from the margin, so no soft wrap can explain the break; once such
    // lines were read as one line.
    const reden = 'Buurman belde\nmevrouw was verward\nWie: buurman\nWat: stemmen in de muur';
    for (const version of ['1.3', '2.0'] as const) {
      const formulier = fc.sample(formulierArb(version), { numRuns: 1, seed: 1 })[0]!;
      for (const style of ['colon', 'table', 'next-line'] as const) {
        for (const pageBreakInReden of [false, true]) {
          const parsed = await roundTrip(
            renderPdf,
            'melding.pdf',
            { version, style, pageBreakInReden },
            { ...formulier, redenAanmelding: reden },
          );
          expect(parsed.redenAanmelding, `${version} ${style} page break ${pageBreakInReden}`).toBe(reden);
        }
      }
    }
  });

  it('.docx, every layout', async () => {
    await fc.assert(
      fc.asyncProperty(withLayout, async ({ layout, formulier }) => {
        expect(await roundTrip(renderDocx, 'melding.docx', layout, formulier)).toEqual(formulier);
      }),
      { numRuns: 100 },
    );
  });

  it('AcroForm PDF, every layout', async () => {
    await fc.assert(
      fc.asyncProperty(withLayout, async ({ layout, formulier }) => {
        expect(await roundTrip(renderAcroformPdf, 'melding.pdf', layout, formulier)).toEqual(formulier);
      }),
      { numRuns: 60 },
    );
  });
});
