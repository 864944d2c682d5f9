import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases, type THostileCase } from '../../fixtures/generator';
import { closeParser, parseMeldformulier } from '../../../lib/form';

/**
 * Attachments built to hurt: each gives a clear Dutch error on `bestand` (or, for the PDF with
 * JavaScript, the form it also is) and returns, within a generous hard timeout — the parse
 * worker's own limit is 15 s — without taking the test process down.
 */
let cases: THostileCase[] = [];
beforeAll(async () => {
  cases = await hostileCases();
}, 120_000);
afterAll(() => closeParser());

describe('hostile attachments', () => {
  it('are all there', () => expect(cases.length).toBeGreaterThanOrEqual(13));

  it('each yields its error, or its form, and returns', { timeout: 120_000 }, async () => {
    for (const hostile of cases) {
      const started = performance.now();
      const result = await parseMeldformulier(hostile.bytes, {
        filename: hostile.filename,
        contentType: hostile.contentType,
      });
      const seconds = (performance.now() - started) / 1000;
      const summary = `${hostile.name} (${seconds.toFixed(2)} s): ${JSON.stringify(result.errors)}`;
      if (hostile.expectErrorField) {
        expect(result.ok, summary).toBe(false);
        expect(result.formulier, summary).toBeNull();
        expect(
          result.errors.map((e) => e.field),
          summary,
        ).toEqual([hostile.expectErrorField]);
        expect(result.errors[0]!.message, summary).toMatch(/^Bijlage/);
      } else {
        expect(result.errors, summary).toEqual([]);
        expect(result.formulier, summary).toEqual(hostile.formulier);
      }
    }
  });

  it('names what arrived instead of a PDF', async () => {
    const zip = cases.find((c) => c.name === 'zip-as-pdf')!;
    const png = cases.find((c) => c.name === 'png-as-pdf')!;
    expect((await parseMeldformulier(zip.bytes, { filename: 'melding.pdf' })).errors[0]!.message).toBe(
      "Bijlage 'melding.pdf' is een ZIP-bestand, geen PDF of Word-document.",
    );
    expect((await parseMeldformulier(png.bytes, { filename: 'melding.pdf' })).errors[0]!.message).toContain(
      'PNG-afbeelding',
    );
  });

  it('says a PDF needs a password', async () => {
    const encrypted = cases.find((c) => c.name === 'encrypted-pdf')!;
    expect((await parseMeldformulier(encrypted.bytes, { filename: 'melding.pdf' })).errors[0]!.message).toBe(
      'Bijlage is een met een wachtwoord beveiligde PDF; die kan niet worden gelezen.',
    );
  });

  it("refuses a PDF that inflates past the engine's memory, then reads the next form", async () => {
    const bomb = cases.find((c) => c.name === 'inflation-bomb-pdf')!;
    const form = cases.find((c) => c.name === 'javascript-pdf')!;
    expect((await parseMeldformulier(bomb.bytes, { filename: bomb.filename })).errors[0]!.message).toBe(
      'Bijlage is een PDF die te veel geheugen vraagt om te lezen; die wordt niet verwerkt.',
    );
    expect((await parseMeldformulier(form.bytes, { filename: form.filename })).formulier).toEqual(
      form.formulier,
    );
  });

  it('keeps working after a file that killed the worker', async () => {
    const bomb = cases.find((c) => c.name === 'zip-bomb-docx')!;
    const form = cases.find((c) => c.name === 'javascript-pdf')!;
    await parseMeldformulier(bomb.bytes, { filename: bomb.filename });
    expect((await parseMeldformulier(form.bytes, { filename: form.filename })).ok).toBe(true);
  });
});
