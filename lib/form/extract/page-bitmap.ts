import type { TEngine } from './pdfium';

/**
 * A page rendered to grey pixels by PDFium, for OCR: `scale` pixels per point, y down from the
 * page's top. The bitmap is BGRx in the engine's memory; only its green channel is kept.
 */
export type TGrayImage = { pixels: Uint8Array; width: number; height: number; scale: number };

// FPDFBitmap_BGRx: four bytes a pixel.
const FORMAT_BGRX = 3;
const RENDER_GRAYSCALE = 0x08;

export function renderGray({ api, raw }: TEngine, page: number, dpi: number): TGrayImage {
  const scale = dpi / 72;
  const width = Math.round(api.FPDF_GetPageWidthF(page) * scale);
  const height = Math.round(api.FPDF_GetPageHeightF(page) * scale);
  const bitmap = api.FPDFBitmap_CreateEx(width, height, FORMAT_BGRX, 0, 0);
  if (bitmap === 0) throw new Error('no memory for the page bitmap');
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
