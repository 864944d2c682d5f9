import type { TGrayImage } from './page-bitmap';

/**
 * Straightens a page scanned a little crooked. The skew is the angle at which the rows of text
 * line up best: the dark pixels, summed along lines of that slope, give the most contrasting
 * profile (rows of text against the white between them). Angles up to MAX_DEGREES are tried on
 * a reduced image; the page is then turned back by nearest-neighbour sampling.
 */
const MAX_DEGREES = 3;
const STEP_DEGREES = 0.1;
const REDUCE = 4;
const DARK = 128;

export function skewDegrees(image: TGrayImage): number {
  const points: [number, number][] = [];
  for (let y = 0; y < image.height; y += REDUCE) {
    for (let x = 0; x < image.width; x += REDUCE) {
      if (image.pixels[y * image.width + x]! < DARK) points.push([x, y]);
    }
  }
  if (points.length < 100) return 0;
  let best = 0;
  let bestScore = -1;
  const rows = new Float64Array(Math.ceil(image.height / REDUCE) + Math.ceil(image.width / REDUCE) + 2);
  for (let degrees = -MAX_DEGREES; degrees <= MAX_DEGREES + 1e-9; degrees += STEP_DEGREES) {
    const slope = Math.tan((degrees * Math.PI) / 180);
    rows.fill(0);
    const offset = Math.ceil(image.width / REDUCE);
    for (const [x, y] of points) rows[Math.round((y - x * slope) / REDUCE) + offset]! += 1;
    let score = 0;
    for (const count of rows) score += count * count;
    if (score > bestScore) {
      bestScore = score;
      best = degrees;
    }
  }
  return Math.round(best * 10) / 10;
}

/** The image turned by −degrees about its centre (white where nothing maps). */
export function rotateGray(image: TGrayImage, degrees: number): TGrayImage {
  if (degrees === 0) return image;
  const { width, height, pixels } = image;
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where the straightened pixel came from in the skewed scan.
      const sx = Math.round(cos * (x - cx) - sin * (y - cy) + cx);
      const sy = Math.round(sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sx < width && sy >= 0 && sy < height) out[y * width + x] = pixels[sy * width + sx]!;
    }
  }
  return { ...image, pixels: out };
}
