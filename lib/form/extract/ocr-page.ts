import { rotateGray, skewDegrees } from './deskew';
import { boxLeftOf, type TImageBox } from './image-boxes';
import { recognise, type TOcrLine, type TOcrWord } from './ocr-engine';
import type { TGrayImage } from './page-bitmap';
import type { TChar } from './pdf-chars';

/**
 * One text-less page read by OCR, as the characters the positional reader takes from a text
 * layer: the page is straightened first (a crooked scan would slope its rows across the
 * labels), tick boxes are found in the image, and every word Tesseract reads becomes characters
 * spread over its box, on its line's baseline. Coordinates are points, y up, as PDFium's.
 */
export type TOcrPage = { runs: TChar[][]; words: TOcrWord[]; boxes: number };

const NOISE_CONFIDENCE = 20;

const overlaps = (word: TOcrWord, box: TImageBox) => {
  const x = Math.min(word.x1, box.x1) - Math.max(word.x0, box.x0);
  const y = Math.min(word.y1, box.y1) - Math.max(word.y0, box.y0);
  return x > 0 && y > 0 && x * y > 0.3 * (word.x1 - word.x0) * (word.y1 - word.y0);
};

/** What OCR makes of a box: a token of one or two letters or none ("KX", "D", "[]", "&"), not a word. */
const JUNK = /^(?:[^\p{L}\p{N}]+|\p{L}{1,2}[^\p{L}\p{N}]*)$/iu;
const SHORT_WORDS = new Set([
  'de',
  'in',
  'op',
  'ja',
  'en',
  'om',
  'is',
  'er',
  'te',
  'al',
  'of',
  'na',
  'nu',
  'zo',
  'ze',
  'ik',
]);
const isJunk = (word: TOcrWord) =>
  JUNK.test(word.text.trim()) && !SHORT_WORDS.has(word.text.trim().toLowerCase());
/** Words a box stands before in the form: the options and v1.3's huisarts rows. */
const OPTION = /^(?:ja|nee|op|tussen|niet|naam|adres|telefoonnummer)\b/i;

function findBoxes(image: TGrayImage, lines: TOcrLine[]): TImageBox[] {
  const boxes: TImageBox[] = [];
  for (const line of lines) {
    const real = line.words.filter((word) => !isJunk(word));
    real.forEach((word, i) => {
      if (i > 0 && !OPTION.test(word.text)) return;
      const box = boxLeftOf(image, word);
      // Part of the word before it ("wanneer, op") is no box.
      if (box && !real.some((other) => other !== word && other.x1 > box.x0 && other.x0 < box.x1))
        boxes.push(box);
    });
  }
  return boxes;
}

export async function ocrPage(scan: TGrayImage): Promise<TOcrPage> {
  const image = rotateGray(scan, skewDegrees(scan));
  const { scale, height } = image;
  const lines = await recognise(image);
  const boxes = findBoxes(image, lines);
  const toY = (pixelY: number) => (height - pixelY) / scale;
  const runs: TChar[][] = [];
  const words: TOcrWord[] = [];
  for (const line of lines) {
    const kept = line.words.filter(
      (word) =>
        word.text.trim() !== '' &&
        // A speck Tesseract itself doubts ("E" at 0 %) is noise, not a value.
        !(word.confidence < NOISE_CONFIDENCE && [...word.text.trim()].length <= 2) &&
        !boxes.some((box) => overlaps(word, box)),
    );
    if (kept.length === 0) continue;
    const size = Math.max(...kept.map((word) => word.y1 - word.y0)) / scale / 1.15;
    const y = toY(line.y1) + 0.2 * size;
    const run: TChar[] = [];
    for (const word of kept) {
      words.push(word);
      const left = word.x0 / scale;
      const step = (word.x1 - word.x0) / scale / [...word.text].length;
      if (run.length > 0) run.push({ text: ' ', x: left - 0.3 * size, y, right: left, size });
      [...word.text].forEach((char, i) => {
        run.push({ text: char, x: left + i * step, y, right: left + (i + 1) * step, size });
      });
    }
    runs.push(run);
  }
  for (const box of boxes) {
    const size = (box.y1 - box.y0) / scale;
    const x = box.x0 / scale;
    runs.push([{ text: box.ticked ? '☒' : '☐', x, right: x + size / 2, y: toY(box.y1) + 0.15 * size, size }]);
  }
  return { runs, words, boxes: boxes.length };
}
