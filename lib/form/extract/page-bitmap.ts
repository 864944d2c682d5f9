import { LIMITS } from '../limits';
import { PdfEngineAbort, type TEngine } from './pdfium';
import { RefusedFile } from './refused';

/**
 * A page rendered to grey pixels by PDFium, for OCR: `scale` pixels per point, y down from the
 * page's top. The bitmap is BGRx in the engine's memory; only its green channel is kept.
 */
export type TGrayImage = { pixels: Uint8Array; width: number; height: number; scale: number };

// FPDFBitmap_BGRx: four bytes a pixel.
const FORMAT_BGRX = 3;
const RENDER_GRAYSCALE = 0x08;

const CM_PER_POINT = 2.54 / 72;

/**
 * The resolution a page of `width` × `height` points is read at by OCR: LIMITS.ocrDpi, or less for
 * a page that would exceed LIMITS.ocrMaxMegapixels there, so Tesseract's memory stays bounded
 * whatever the page size; refused when even LIMITS.ocrMinDpi would exceed it.
 */
export function ocrResolution(width: number, height: number): number {
  const maxPixels = LIMITS.ocrMaxMegapixels * 1_000_000;
  const dpi = Math.min(LIMITS.ocrDpi, 72 * Math.sqrt(maxPixels / (width * height)));
  if (dpi >= LIMITS.ocrMinDpi) return dpi;
  const cm = (points: number) => Math.round(points * CM_PER_POINT);
  throw new RefusedFile(
    `Bijlage heeft een gescande pagina van ${cm(width)} × ${cm(height)} cm; zo'n grote pagina kan niet met tekstherkenning (OCR) worden gelezen.`,
  );
}

/** The page at ocrResolution, as grey pixels. */
export function renderGray({ api, raw }: TEngine, page: number): TGrayImage {
  const pageWidth = api.FPDF_GetPageWidthF(page);
  const pageHeight = api.FPDF_GetPageHeightF(page);
  const scale = ocrResolution(pageWidth, pageHeight) / 72;
  const width = Math.round(pageWidth * scale);
  const height = Math.round(pageHeight * scale);
  const bitmap = api.FPDFBitmap_CreateEx(width, height, FORMAT_BGRX, 0, 0);
  // The engine could not give the bitmap its memory (its cap): the file asks too much.
  if (bitmap === 0) throw new PdfEngineAbort(true);
  try {
    api.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
    api.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_GRAYSCALE);
    const stride = api.FPDFBitmap_GetStride(bitmap);
    const buffer = new Uint8Array(raw.memory.buffer, api.FPDFBitmap_GetBuffer(bitmap), stride * height);
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = y * stride;
      for (let x = 0; x < width; x++) pixels[y * width + x] = buffer[row + x * 4 + 1]!;
    }
    return { pixels, width, height, scale };
  } finally {
    api.FPDFBitmap_Destroy(bitmap);
  }
}
