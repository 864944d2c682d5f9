/**
 * Field accuracy of the form parser per kind of producer (tests/fixtures/producers: browser print,
 * PostScript round trip, typesetter, foreign AcroForm live and flattened, scan), and what OCR
 * costs. Every form is parsed once through the parse pool, as the worker does it.
 *
 * Last line of output: {"producers": {<kind>: {"forms", "fieldAccuracy", "kenmerkRight",
 * "medianMs"}}, "textFieldAccuracy", "ocrFieldAccuracy", "ocrPages", "ocrMsPerPageMedian",
 * "ocrMsPerPageMax"} — accuracy as a share of fields (0–1), times in milliseconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeParser, parseMeldformulier } from '../lib/form';
import { fieldAccuracy } from '../tests/fixtures/generator/producers/field-accuracy.js';
import { OCR_KINDS, PRODUCER_KINDS } from '../tests/fixtures/generator/producers/producer-cases.js';

const DIR = path.resolve(import.meta.dirname, '../tests/fixtures/producers');
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

type TKindScore = { forms: number; right: number; total: number; kenmerkRight: number; ms: number[] };

async function main(): Promise<void> {
  const names = readdirSync(DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const scores = new Map<string, TKindScore>();
  const ocrMsPerPage: number[] = [];
  let ocrPages = 0;
  for (const name of names) {
    const kind = name.replace(/-\d+$/, '');
    const expected = JSON.parse(readFileSync(path.join(DIR, name, 'expected.json'), 'utf8')) as {
      formulier: { kenmerk: string };
    };
    const started = performance.now();
    const result = await parseMeldformulier(readFileSync(path.join(DIR, name, 'input.pdf')), {
      filename: 'input.pdf',
    });
    const ms = performance.now() - started;
    const accuracy = fieldAccuracy(expected.formulier, result.formulier);
    const score = scores.get(kind) ?? { forms: 0, right: 0, total: 0, kenmerkRight: 0, ms: [] };
    score.forms++;
    score.right += accuracy.right;
    score.total += accuracy.total;
    score.kenmerkRight += result.formulier?.kenmerk === expected.formulier.kenmerk ? 1 : 0;
    score.ms.push(ms);
    scores.set(kind, score);
    if (result.ocr) {
      ocrMsPerPage.push(result.ocr.msPerPage);
      ocrPages += result.ocr.pages;
    }
    console.log(
      `${name}: ${accuracy.right}/${accuracy.total} ${accuracy.wrong.join(' ')} (${Math.round(ms)} ms)`,
    );
  }
  await closeParser();
  const sum = (kinds: string[], key: 'right' | 'total') =>
    kinds.reduce((total, kind) => total + (scores.get(kind)?.[key] ?? 0), 0);
  const textKinds = PRODUCER_KINDS.filter((kind) => !OCR_KINDS.has(kind));
  const ocrKinds = PRODUCER_KINDS.filter((kind) => OCR_KINDS.has(kind));
  console.log(
    JSON.stringify({
      producers: Object.fromEntries(
        [...scores].map(([kind, s]) => [
          kind,
          {
            forms: s.forms,
            fieldAccuracy: round(s.right / s.total),
            kenmerkRight: s.kenmerkRight,
            medianMs: Math.round(median(s.ms)),
          },
        ]),
      ),
      textFieldAccuracy: round(sum(textKinds, 'right') / sum(textKinds, 'total')),
      ocrFieldAccuracy: round(sum(ocrKinds, 'right') / sum(ocrKinds, 'total')),
      ocrPages,
      ocrMsPerPageMedian: Math.round(median(ocrMsPerPage)),
      ocrMsPerPageMax: Math.round(Math.max(0, ...ocrMsPerPage)),
    }),
  );
}

await main();
