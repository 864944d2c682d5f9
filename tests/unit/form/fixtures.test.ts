import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParser, parseMeldformulier } from '../../../lib/form';
import { meldformulierValidator } from './schema-validator';

/**
 * Every fixture in tests/fixtures/forms: the parser's record equals expected.json's field by
 * field, it reports warnings and errors on exactly the expected fields, and the record
 * validates against the JSON schema.
 */
const FORMS = path.resolve(import.meta.dirname, '../../fixtures/forms');
const cases = readdirSync(FORMS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const validate = meldformulierValidator();

type TExpected = { ok: boolean; formulier: unknown; warnings: string[]; errors: string[] };

afterAll(() => closeParser());

describe('fixture corpus', () => {
  it('is there', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s', async (name) => {
    const dir = path.join(FORMS, name);
    const input = readdirSync(dir).find((file) => file.startsWith('input.'))!;
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as TExpected;
    const result = await parseMeldformulier(readFileSync(path.join(dir, input)), { filename: input });

    expect(result.formulier).toEqual(expected.formulier);
    expect(result.warnings.map((w) => w.field).sort()).toEqual([...expected.warnings].sort());
    expect(result.errors.map((e) => e.field).sort()).toEqual([...expected.errors].sort());
    expect(result.ok).toBe(expected.ok);
    if (result.formulier !== null)
      expect(validate(result.formulier), JSON.stringify(validate.errors)).toBe(true);
  });
});
