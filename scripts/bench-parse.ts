/**
 * Benchmark of the form parser on the fixture corpus (every PDF in tests/fixtures/forms), in
 * one process, against pdf-parse's bare getText() on the same PDFs.
 *
 * Fairness: parseMeldformulier runs in its warm worker thread, so each timing includes a
 * postMessage round trip. The bare extraction therefore also runs in a warm worker thread of
 * its own (a few lines of plain JS below) and is timed the same way, from this thread, per
 * file, including its round trip. Rounds of both alternate, so both see the same machine load.
 *
 * The parser reads PDFs with PDFium, not pdf.js; the line before the JSON also gives PDFium's own
 * plain-text extraction (FPDFText_GetText) on the same PDFs, timed the same way, as a third series.
 *
 * On a machine shared with other work, wall-clock figures say as much about the load as about the
 * parser; "formsPerCpuSecond" divides the forms by the CPU time the process spent in the parse
 * rounds (the other two workers are idle then). The load changes it less, though still some: a
 * busy machine's CPU-second does less (shared caches and cores).
 *
 * Last line of output: {"forms", "medianMs", "p95Ms", "formsPerSecond", "formsPerCpuSecond",
 * "bareExtractMedianMs", "ratioVsBareExtract"} (ratio of the medians).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { closeParser, parseMeldformulier } from '../lib/form';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const FORMS = path.resolve(import.meta.dirname, '../tests/fixtures/forms');

const pdfs = readdirSync(FORMS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(FORMS, entry.name, 'input.pdf'))
  .filter((file) => existsSync(file))
  .map((file) => new Uint8Array(readFileSync(file)));

const BARE_WORKER = `
  const { parentPort } = require('node:worker_threads');
  const modulePromise = import('pdf-parse');
  parentPort.on('message', async (bytes) => {
    const { PDFParse } = await modulePromise;
    const parser = new PDFParse({ data: bytes, isEvalSupported: false });
    const result = await parser.getText();
    await parser.destroy();
    parentPort.postMessage(result.text.length);
  });
`;

/** PDFium's own plain text of every page (FPDFText_GetText), for the human-readable line only. */
const BARE_PDFIUM_WORKER = `
  const { parentPort } = require('node:worker_threads');
  const { readFileSync } = require('node:fs');
  const enginePromise = import('@embedpdf/pdfium').then(async ({ init }) => {
    const engine = await init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')) });
    engine.PDFiumExt_Init();
    return engine;
  });
  parentPort.on('message', async (bytes) => {
    const engine = await enginePromise;
    const { malloc, free } = engine.pdfium.wasmExports;
    const data = malloc(bytes.length);
    engine.pdfium.HEAPU8.set(bytes, data);
    const document = engine.FPDF_LoadMemDocument(data, bytes.length, '');
    let length = 0;
    for (let index = 0; index < engine.FPDF_GetPageCount(document); index++) {
      const page = engine.FPDF_LoadPage(document, index);
      const textPage = engine.FPDFText_LoadPage(page);
      const count = engine.FPDFText_CountChars(textPage);
      const buffer = malloc((count + 1) * 2);
      engine.FPDFText_GetText(textPage, 0, count, buffer);
      length += engine.pdfium.UTF16ToString(buffer).length;
      free(buffer);
      engine.FPDFText_ClosePage(textPage);
      engine.FPDF_ClosePage(page);
    }
    engine.FPDF_CloseDocument(document);
    free(data);
    parentPort.postMessage(length);
  });
`;

function bareExtractor(source: string) {
  const worker = new Worker(source, { eval: true });
  const extract = (bytes: Uint8Array) =>
    new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage(bytes);
    });
  return { extract, close: () => worker.terminate() };
}

async function timeEach(
  files: Uint8Array[],
  run: (bytes: Uint8Array) => Promise<unknown>,
  samples: number[],
): Promise<number> {
  const started = performance.now();
  for (const bytes of files) {
    const t = performance.now();
    await run(bytes);
    samples.push(performance.now() - t);
  }
  return performance.now() - started;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const bare = bareExtractor(BARE_WORKER);
  const barePdfium = bareExtractor(BARE_PDFIUM_WORKER);
  const parse = (bytes: Uint8Array) => parseMeldformulier(bytes, { filename: 'input.pdf' });
  // Warm-up: start the three workers, load their engines, let the JIT settle.
  for (let i = 0; i < 3; i++) {
    await timeEach(pdfs, parse, []);
    await timeEach(pdfs, bare.extract, []);
    await timeEach(pdfs, barePdfium.extract, []);
  }
  const parseSamples: number[] = [];
  const bareSamples: number[] = [];
  const barePdfiumSamples: number[] = [];
  let parseTotal = 0;
  let parseCpuMicros = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const cpu = process.cpuUsage();
    parseTotal += await timeEach(pdfs, parse, parseSamples);
    const spent = process.cpuUsage(cpu);
    parseCpuMicros += spent.user + spent.system;
    await timeEach(pdfs, bare.extract, bareSamples);
    await timeEach(pdfs, barePdfium.extract, barePdfiumSamples);
  }
  await Promise.all([closeParser(), bare.close(), barePdfium.close()]);

  const parsed = [...parseSamples].sort((a, b) => a - b);
  const bareSorted = [...bareSamples].sort((a, b) => a - b);
  const medianMs = quantile(parsed, 0.5);
  const bareExtractMedianMs = quantile(bareSorted, 0.5);
  const barePdfiumMedian = quantile(
    [...barePdfiumSamples].sort((a, b) => a - b),
    0.5,
  );
  console.log(`${pdfs.length} PDFs × ${ROUNDS} rounds; bare p95 ${round(quantile(bareSorted, 0.95))} ms`);
  console.log(
    `PDFium's own plain text: median ${round(barePdfiumMedian)} ms; the parser costs ${round(medianMs / barePdfiumMedian)}× that`,
  );
  console.log(
    JSON.stringify({
      forms: parsed.length,
      medianMs: round(medianMs),
      p95Ms: round(quantile(parsed, 0.95)),
      formsPerSecond: round(parsed.length / (parseTotal / 1000)),
      formsPerCpuSecond: round(parsed.length / (parseCpuMicros / 1_000_000)),
      bareExtractMedianMs: round(bareExtractMedianMs),
      ratioVsBareExtract: round(medianMs / bareExtractMedianMs),
    }),
  );
}

await main();
