import { createRequire } from 'node:module';
import path from 'node:path';
import type { TGrayImage } from './page-bitmap';

/**
 * Tesseract (tesseract.js, WebAssembly) with the Dutch model from npm (@tesseract.js-data/nld),
 * loaded from disk: nothing is fetched. One recogniser per parse thread, started on the first
 * page that needs it and kept, reading one page at a time: its memory is that of one page, whose
 * pixels LIMITS.ocrMaxMegapixels bounds (see page-bitmap.ts). A page that takes longer than
 * PAGE_TIMEOUT_MS ends it (the next page starts a new one), so a hostile image costs a bounded
 * time. The thread's own limits (see pool.ts) bound the rest.
 */
export type TOcrWord = { text: string; confidence: number; x0: number; y0: number; x1: number; y1: number };
export type TOcrLine = { words: TOcrWord[]; y1: number };

const PAGE_TIMEOUT_MS = 30_000;

type TRecogniser = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;
let recogniser: Promise<TRecogniser> | null = null;

function start(): Promise<TRecogniser> {
  recogniser ??= (async () => {
    const { createWorker, OEM } = await import('tesseract.js');
    const require = createRequire(import.meta.url);
    const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/nld/package.json')), '4.0.0');
    return createWorker('nld', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  })().catch((error: unknown) => {
    recogniser = null;
    throw error;
  });
  return recogniser;
}

/** The image as a binary PGM, which Tesseract's image reader takes as is. */
function pgm(image: TGrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1');
  return Buffer.concat([header, image.pixels]);
}

/** The page before this one: pages are read one at a time, so Tesseract holds one page's memory. */
let previous: Promise<unknown> = Promise.resolve();

export function recognise(image: TGrayImage): Promise<TOcrLine[]> {
  const page = previous.then(() => recogniseNow(image));
  previous = page.catch(() => undefined);
  return page;
}

async function recogniseNow(image: TGrayImage): Promise<TOcrLine[]> {
  const worker = await start();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('OCR time limit')), PAGE_TIMEOUT_MS);
  });
  try {
    const { data } = await Promise.race([
      worker.recognize(pgm(image), {}, { blocks: true, text: false }),
      timeout,
    ]);
    const lines: TOcrLine[] = [];
    for (const block of data.blocks ?? [])
      for (const paragraph of block.paragraphs)
        for (const line of paragraph.lines)
          lines.push({
            y1: line.bbox.y1,
            words: line.words.map((word) => ({ text: word.text, confidence: word.confidence, ...word.bbox })),
          });
    return lines;
  } catch (error) {
    recogniser = null;
    void worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Ends the recogniser (tests, shutdown). */
export async function stopOcr(): Promise<void> {
  const running = recogniser;
  recogniser = null;
  await (await running?.catch(() => null))?.terminate();
}
