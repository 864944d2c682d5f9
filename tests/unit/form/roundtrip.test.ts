import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../fixtures/generator/pdf';
import { closeParser, parseMeldformulier } from '../../../lib/form';
import { formulierArb, layoutArb } from './arbitraries';

/**
 * Property: whatever an officer fills in, in whatever layout the form was printed, parsing the
 * rendered form gives back the record it was rendered from.
 *
 * One thing a PDF cannot always carry: when a reden paragraph's last line is full and the
 * producer leaves no paragraph spacing (the generator leaves none), the break to the next
 * paragraph looks exactly like a soft wrap. So for PDFs the reden must have the same words in
 * the same order, and every paragraph break the parser reports must be a real one.
 */
const NOW = new Date('2026-01-01T12:00:00Z');

afterAll(() => closeParser());

function expectSameRedenUpToUndecidableBreaks(parsed: string | null, expected: string | null): void {
  expect(parsed?.replace(/\n/g, ' ')).toBe(expected?.replace(/\n/g, ' '));
  const invented = [...(parsed ?? '')].some((char, i) => char === '\n' && expected?.[i] !== '\n');
  expect(invented, `paragraph break invented in ${JSON.stringify(parsed)}`).toBe(false);
}

describe('render → parse round trip', () => {
  it('PDF text layer, every layout', async () => {
    await fc.assert(
      fc.asyncProperty(
        layoutArb.chain((layout) => formulierArb(layout.version ?? '2.0').map((formulier) => ({ layout, formulier }))),
        async ({ layout, formulier }) => {
          const result = await parseMeldformulier(await renderPdf(formulier, layout), { filename: 'melding.pdf', now: NOW });
          expect(result.errors).toEqual([]);
          expectSameRedenUpToUndecidableBreaks(result.formulier?.redenAanmelding ?? null, formulier.redenAanmelding);
          expect({ ...result.formulier, redenAanmelding: null }).toEqual({ ...formulier, redenAanmelding: null });
        },
      ),
      { numRuns: 200 },
    );
  });
});
