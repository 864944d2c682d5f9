import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The contract: ../shared/spec/meldformulier.schema.json beside the repository (CI checks
 * shared/ out next to the clone). Missing is a setup error, never a reason to skip.
 */
const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../../../shared/spec/meldformulier.schema.json');

export function meldformulierValidator() {
  if (!existsSync(SCHEMA_PATH)) {
    throw new Error(`JSON schema ontbreekt: ${SCHEMA_PATH} (verwacht shared/ naast de repository).`);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
}
