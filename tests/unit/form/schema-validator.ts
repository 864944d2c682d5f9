import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The contract: the project's spec/meldformulier.schema.json, kept with the tests so a clean
 * clone (CI) validates against it. Where the shared spec folder sits beside the repository (the
 * team's checkout), the copy must be identical to it: a changed spec fails here, not silently.
 */
const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../fixtures/spec/meldformulier.schema.json');
const SHARED_PATH = path.resolve(import.meta.dirname, '../../../../shared/spec/meldformulier.schema.json');

export function meldformulierValidator() {
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  if (existsSync(SHARED_PATH) && readFileSync(SHARED_PATH, 'utf8') !== schema) {
    throw new Error(
      `tests/fixtures/spec/meldformulier.schema.json wijkt af van ${SHARED_PATH}: kopieer de gedeelde versie.`,
    );
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(schema));
}
