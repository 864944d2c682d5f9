import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParser, parseMeldformulier, type TParseResult } from '../../../lib/form';
import { fieldAccuracy } from '../../fixtures/generator/producers/field-accuracy';
import {
  OCR_KINDS,
  PRODUCER_KINDS,
  type TProducerKind,
} from '../../fixtures/generator/producers/producer-cases';
import { meldformulierValidator } from './schema-validator';

/**
 * The producer corpus (tests/fixtures/producers): the same forms as a browser, a PostScript
 * print driver, a typesetter, foreign fillable PDFs (live and flattened) and a scanner make them.
 * Per kind, the share of fields read right must reach the target (98 % with a text
 * layer, 90 % by OCR) and every kenmerk must be right. OCR costs seconds a page, so of the two
 * OCR kinds the first OCR_SAMPLE forms are read here; `npm run bench:parse-producers` reads all.
 */
const DIR = path.resolve(import.meta.dirname, '../../fixtures/producers');
const OCR_SAMPLE = 3;
const validate = meldformulierValidator();

type TExpected = { formulier: Record<string, unknown> & { kenmerk: string } };

function casesOf(kind: TProducerKind): string[] {
  const all = readdirSync(DIR)
    .filter((name) => name.replace(/-\d+$/, '') === kind)
    .sort((a, b) => Number(a.split('-').at(-1)) - Number(b.split('-').at(-1)));
  return OCR_KINDS.has(kind) ? all.slice(0, OCR_SAMPLE) : all;
}

afterAll(() => closeParser());

describe('forms from other producers', () => {
  it.each(PRODUCER_KINDS)(
    '%s',
    async (kind) => {
      const names = casesOf(kind);
      expect(names.length).toBeGreaterThanOrEqual(OCR_KINDS.has(kind) ? OCR_SAMPLE : 10);
      let right = 0;
      let total = 0;
      const wrong: string[] = [];
      for (const name of names) {
        const bytes = readFileSync(path.join(DIR, name, 'input.pdf'));
        const expected = JSON.parse(readFileSync(path.join(DIR, name, 'expected.json'), 'utf8')) as TExpected;
        const result: TParseResult = await parseMeldformulier(bytes, { filename: 'input.pdf' });
        expect(result.formulier?.kenmerk, name).toBe(expected.formulier.kenmerk);
        expect(validate(result.formulier), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        if (OCR_KINDS.has(kind)) {
          // Read by OCR: marked so, and staff are told on the file.
          expect(result.ocr?.gelezenMetOcr, name).toBe(true);
          expect(result.warnings.some((w) => w.field === 'bestand')).toBe(true);
        } else {
          expect(result.ocr, name).toBeUndefined();
        }
        const accuracy = fieldAccuracy(expected.formulier, result.formulier);
        right += accuracy.right;
        total += accuracy.total;
        wrong.push(...accuracy.wrong.map((field) => `${name}:${field}`));
      }
      const target = OCR_KINDS.has(kind) ? 0.9 : 0.98;
      expect(right / total, `wrong: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(target);
    },
    600_000,
  );
});
