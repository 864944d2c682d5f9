import { Readable } from 'node:stream';
import { simpleParser, type ParsedMail, type SimpleParserOptions } from 'mailparser';

/** Pieces of the raw message mailparser is fed, the size of a socket read. */
const CHUNK = 64 * 1024;

/**
 * mailparser over a whole message held in memory. Given the Buffer itself, mailparser splits it
 * into lines in one go: a 27 MB message (a 20 MB attachment) then costs ~150 MB at its peak. Fed
 * in socket-sized pieces, as it would read the message from a stream, it costs ~60 MB (the
 * decoded attachment and its pieces). Same result, same limits.
 */
export function parseMime(raw: Buffer, options?: SimpleParserOptions): Promise<ParsedMail> {
  const pieces = function* () {
    for (let at = 0; at < raw.length; at += CHUNK) yield raw.subarray(at, at + CHUNK);
  };
  return simpleParser(Readable.from(pieces(), { objectMode: false }), options);
}
