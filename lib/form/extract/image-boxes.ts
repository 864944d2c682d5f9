import type { TGrayImage } from './page-bitmap';
import type { TOcrWord } from './ocr-engine';

/**
 * Tick boxes in a scanned page. OCR reads a box as a letter at random ("D", "KX", "Ci") or not
 * at all, so boxes are looked for in the pixels: just left of an option's first word, the
 * rightmost blob of ink is a box when it is about as wide as high and the word's size; it is
 * ticked when its inside holds ink (a cross, a check, a fill), empty when the inside is white.
 */
export type TImageBox = { x0: number; y0: number; x1: number; y1: number; ticked: boolean };

const DARK = 140;

function inked(image: TGrayImage, x: number, y0: number, y1: number): number {
  let count = 0;
  for (let y = y0; y <= y1; y++) if (image.pixels[y * image.width + x]! < DARK) count++;
  return count;
}

function darkShare(image: TGrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.round(y0); y <= Math.round(y1); y++) {
    for (let x = Math.round(x0); x <= Math.round(x1); x++) {
      all++;
      if (image.pixels[y * image.width + x]! < DARK) dark++;
    }
  }
  return all === 0 ? 0 : dark / all;
}

/** The box just left of `word`, if there is one. */
export function boxLeftOf(image: TGrayImage, word: TOcrWord): TImageBox | null {
  const h = word.y1 - word.y0;
  const y0 = Math.max(0, Math.round(word.y0 - 0.3 * h));
  const y1 = Math.min(image.height - 1, Math.round(word.y1 + 0.3 * h));
  const from = Math.max(0, Math.round(word.x0 - 3 * h));
  // Columns with ink (two pixels or more: a speck of noise is one), right to left.
  let right = -1;
  let left = -1;
  for (let x = Math.round(word.x0) - 2; x >= from; x--) {
    const ink = inked(image, x, y0, y1) >= 2;
    if (ink && right === -1) right = x;
    if (!ink && right !== -1) {
      left = x + 1;
      break;
    }
  }
  if (right === -1) return null;
  if (left === -1) left = from;
  let top = -1;
  let bottom = -1;
  for (let y = y0; y <= y1; y++) {
    let ink = 0;
    for (let x = left; x <= right; x++) if (image.pixels[y * image.width + x]! < DARK) ink++;
    if (ink >= 2) {
      if (top === -1) top = y;
      bottom = y;
    }
  }
  const width = right - left + 1;
  const height = bottom - top + 1;
  if (top === -1 || width < 0.5 * h || height < 0.5 * h || width > 1.6 * h || height > 1.6 * h) return null;
  if (Math.abs(width - height) > 0.3 * Math.max(width, height)) return null;
  // An outline: ink along its left and right sides (an O or a C has a gap there).
  const sides = [
    darkShare(image, left, top, left + 0.15 * width, bottom),
    darkShare(image, right - 0.15 * width, top, right, bottom),
  ];
  if (sides.some((share) => share < 0.25)) return null;
  const inside = darkShare(
    image,
    left + 0.3 * width,
    top + 0.3 * height,
    right - 0.3 * width,
    bottom - 0.3 * height,
  );
  return { x0: left, y0: top, x1: right, y1: bottom, ticked: inside > 0.15 };
}
