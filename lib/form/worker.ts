import { parentPort } from 'node:worker_threads';
import { engineSpent, warmEngine } from './extract/pdfium';
import { parseBytes, type TParseOptions } from './parse-bytes';

/**
 * The parse worker: one request at a time from the pool, answered by id. `retire` asks the pool to
 * end this thread: its PDF engine is spent (see pdfium.ts) and only a new thread frees its memory.
 */
export type TParseRequest = { id: number; bytes: Uint8Array; options: TParseOptions };
export type TParseReply = ({ result: import('./schema').TParseResult } | { failure: string }) & {
  id: number;
  retire: boolean;
};
/** Sent before OCR starts: the pool gives the file more time for that many pages. */
export type TOcrNotice = { id: number; ocrPages: number };

// PDFium is ready before the first file arrives (the pool starts this thread ahead of need). A
// failure here is tried again, and reported, by the first file.
warmEngine().catch(() => undefined);

parentPort?.on('message', (request: TParseRequest) => {
  const onOcr = (pages: number) =>
    parentPort?.postMessage({ id: request.id, ocrPages: pages } satisfies TOcrNotice);
  parseBytes(request.bytes, { ...request.options, onOcr }).then(
    (result) =>
      parentPort?.postMessage({ id: request.id, result, retire: engineSpent() } satisfies TParseReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        failure: error instanceof Error ? error.message : String(error),
        retire: engineSpent(),
      } satisfies TParseReply),
  );
});
