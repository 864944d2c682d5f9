/**
 * Bounds on what the parser accepts and spends. The form is 2–4 pages and well under 1 MB;
 * these leave room for scans and photos pasted in, and refuse everything an attacker would use
 * to make one attachment cost minutes or gigabytes.
 */
export const LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 20,
  /**
   * Bytes a .docx may really inflate to, all parts read together (counted on zlib's output, not
   * on the sizes the archive declares; images are never inflated). A form's XML is ~100 kB.
   */
  maxUnzippedBytes: 16 * 1024 * 1024,
  /** Wall-clock time for one file, after which the worker is killed and replaced. */
  timeoutMs: 15_000,
  /** V8 heap of the parse worker; exceeding it ends the worker, not the process. */
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  /**
   * Growth of the process's resident memory while one file is parsed, past which the parse
   * thread is ended. The V8 limits above do not see ArrayBuffers, zlib or WebAssembly memory;
   * this does. A real form costs ~30 MB; the heap limits plus PDFium's cap stay below it.
   */
  maxParseRssGrowthMb: 384,
  /** How often the pool looks at that growth while a file is parsed. */
  rssCheckMs: 50,
  /**
   * Pages without usable text are read by OCR: at most this many per file, rendered at OCR_DPI,
   * each adding this much to the file's time limit (the worker tells the pool when OCR starts).
   */
  maxOcrPages: 6,
  ocrDpi: 200,
  ocrPageMs: 30_000,
  /**
   * Pixels of one page rendered for OCR: what bounds Tesseract's memory (it keeps several copies
   * of the page). An A4 page at OCR_DPI is 3.9 megapixels, A3 7.7; a larger page (a photo placed
   * at its camera size, an enlarged scan) is rendered at a lower resolution to fit, down to
   * ocrMinDpi; a page that does not fit even then is refused.
   */
  ocrMaxMegapixels: 8,
  ocrMinDpi: 60,
} as const;

export type TLimits = typeof LIMITS;

/** The refusal for an oversized file, or null; checked before the bytes go anywhere. */
export function sizeRefusal(length: number): string | null {
  if (length <= LIMITS.maxBytes) return null;
  return `Bijlage is ${(length / 1024 / 1024).toFixed(1)} MB; een meldformulier is hooguit ${LIMITS.maxBytes / 1024 / 1024} MB.`;
}
