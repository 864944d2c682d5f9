import { Readable } from 'node:stream';
import { simpleParser, type ParsedMail, type SimpleParserOptions } from 'mailparser';

/** Pieces of the raw message mailparser is fed, the size of a socket read. */
const CHUNK = 64 * 1024;

/**
 * mailparser over a whole message held in memory. Given the Buffer itself, mailparser splits it
 * into lines in one go, and a large message costs several times its size at its peak. Fed in
 * socket-sized pieces, as it would read the message from a stream, it costs little more than the
 * decoded attachment (figures in the README under Benchmarks). Same result, same limits.
 */
export function parseMime(raw: Buffer, options?: SimpleParserOptions): Promise<ParsedMail> {
  const pieces = function* () {
    for (let at = 0; at < raw.length; at += CHUNK) yield raw.subarray(at, at + CHUNK);
  };
  return simpleParser(Readable.from(pieces(), { objectMode: false }), options);
}
