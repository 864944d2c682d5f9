import { restoreNatives } from './natives';
import { getDocument, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdf.js for the parse worker, loaded once. Its "worker" part runs in this same thread (the fake
 * worker pdf.js uses in Node); handing it the module through `globalThis.pdfjsWorker` loads it
 * here, up front, instead of on the first document, so the natives can be restored after both
 * parts have installed their polyfills. One PDFWorker serves every document: pdf.js would
 * otherwise set up and tear down a message channel per file.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
restoreNatives();

let shared: PDFWorker | null = null;

/** The thread's one pdf.js worker port, made on first use (and again if it was destroyed). */
export function pdfWorker(): PDFWorker {
  if (!shared || shared.destroyed) shared = new PDFWorker({ verbosity: 0 });
  return shared;
}

export { getDocument };
