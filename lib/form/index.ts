import { sizeRefusal } from './limits';
import { parseInWorker } from './pool';
import { refused } from './refused-result';
import type { TParseResult } from './schema';

/**
 * Public entry of the meldformulier parser: bytes of one attachment → a `meldformulier/1`
 * record with per-field warnings and errors. The type comes from the bytes, not from the
 * filename or content type (those are the sender's claims). Parsing runs in a worker thread
 * with time and memory limits, so a hostile file yields an error, never a crash or a hang.
 */
export type TParseMeldformulierOptions = {
  /** Named in the error when the file is not what its name claims. */
  filename: string;
  /** The sender's claim; deliberately not used to decide the type. */
  contentType?: string;
  /** Domains an officer's e-mail address may be at without a warning. */
  trustedDomains?: string[];
  /** "Now" for the plausibility checks (birth date in the future, ...). */
  now?: Date;
  /** The kenmerk from the mail's subject, used when the form has none (still reported as an error). */
  fallbackKenmerk?: string;
};

export async function parseMeldformulier(
  bytes: Uint8Array,
  options: TParseMeldformulierOptions,
): Promise<TParseResult> {
  // Refused here already, so a 50 MB file is never even copied to the worker.
  const tooLarge = sizeRefusal(bytes.length);
  if (tooLarge) return refused(tooLarge);
  return parseInWorker(bytes, {
    filename: options.filename,
    trustedDomains: options.trustedDomains,
    now: options.now,
    fallbackKenmerk: options.fallbackKenmerk,
  });
}

export { closeParser, warmParser } from './pool';
export type { TFinding, TMeldformulier, TParseResult } from './schema';
