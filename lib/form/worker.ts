import { parentPort } from 'node:worker_threads';
import { parseBytes, type TParseOptions } from './parse-bytes';

/** The parse worker: one request at a time from the pool, answered by id. */
export type TParseRequest = { id: number; bytes: Uint8Array; options: TParseOptions };
export type TParseReply = { id: number; result: import('./schema').TParseResult } | { id: number; failure: string };

parentPort?.on('message', (request: TParseRequest) => {
  parseBytes(request.bytes, request.options).then(
    (result) => parentPort?.postMessage({ id: request.id, result } satisfies TParseReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) } satisfies TParseReply),
  );
});
