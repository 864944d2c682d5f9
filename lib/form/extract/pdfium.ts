import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';

/**
 * PDFium — the PDF engine of Chromium, built as WebAssembly — for the parse worker. Its text page
 * gives each character with its position in content order, at about a third of pdf.js's cost for
 * the same forms (pdf.js translates every embedded font subset before it yields any text).
 *
 * All of PDFium's memory is the instance's linear memory, outside the V8 heap and its limits. So
 * it gets a ceiling of its own: growing past ENGINE_MEMORY_CAP fails, PDFium aborts, and that one
 * file is refused (a decompression bomb costs at most the cap; a real form needs ~20 MB). Linear
 * memory never shrinks, so an engine that aborted or grew past ENGINE_MEMORY_KEEP for one large
 * file is spent: the parse worker ends its thread after answering (see worker.ts), which gives the
 * memory back at once; a caller in the same thread gets a fresh instance of the compiled module.
 */
const ENGINE_MEMORY_CAP = 128 * 1024 * 1024;
const ENGINE_MEMORY_KEEP = 64 * 1024 * 1024;

/** Codes of FPDF_GetLastError that the sender can act on. */
const ERROR_PASSWORD = 4;

/**
 * The calls made per character and per page object (and what they need), straight from the
 * instance: the wrappers cost more than the calls. Booleans come back as 0 or 1.
 */
type TCharCalls = {
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetFontInfo(
    textPage: number,
    index: number,
    buffer: number,
    length: number,
    flags: number,
  ): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(object: number): number;
  FPDFPageObj_GetMatrix(object: number, matrix: number): number;
  FPDFPageObj_GetBounds(object: number, left: number, bottom: number, right: number, top: number): number;
  FPDFPageObj_GetFillColor(object: number, r: number, g: number, b: number, a: number): number;
  FPDFPath_GetDrawMode(object: number, fillMode: number, stroke: number): number;
  FPDFFormObj_CountObjects(object: number): number;
  FPDFFormObj_GetObject(object: number, index: number): number;
  malloc(size: number): number;
  free(pointer: number): void;
  memory: WebAssembly.Memory;
};

export type TEngine = { api: WrappedPdfiumModule; raw: TCharCalls };

/** Why a document could not be opened: a password, or anything else PDFium rejects. */
export class PdfOpenError extends Error {
  constructor(readonly needsPassword: boolean) {
    super(needsPassword ? 'password' : 'unreadable');
  }
}

/** PDFium aborted while reading: `outOfMemory` when it was refused memory past the cap. */
export class PdfEngineAbort extends Error {
  constructor(readonly outOfMemory: boolean) {
    super(outOfMemory ? 'PDFium reached its memory cap' : 'PDFium aborted');
  }
}

let compiled: Promise<WebAssembly.Module> | null = null;
let current: Promise<TEngine> | null = null;
let spent = false;
/** Set when an instance was refused memory; read (and cleared) when its abort is reported. */
let capReached = false;

/** Whether an engine of this thread aborted or holds more memory than it can give back. */
export function engineSpent(): boolean {
  return spent;
}

async function instantiate(): Promise<TEngine> {
  compiled ??= WebAssembly.compile(
    readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm')),
  );
  const wasm = await compiled;
  // Emscripten waits for `receive` and has no way to hear of a failure; the race does.
  let failed: (error: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const api = await Promise.race([
    init({
      instantiateWasm: (
        imports: WebAssembly.Imports,
        receive: (instance: WebAssembly.Instance, wasmModule: WebAssembly.Module) => void,
      ) => {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm), failed);
        return {};
      },
      // PDFium's own diagnostics would print document details; a refused file is reported by the caller.
      print: () => {},
      printErr: () => {},
    }),
    failure,
  ]);
  const raw = api.pdfium.wasmExports as unknown as TCharCalls;
  const grow = raw.memory.grow.bind(raw.memory);
  raw.memory.grow = (delta: number) => {
    if (raw.memory.buffer.byteLength + delta * 65_536 > ENGINE_MEMORY_CAP) {
      capReached = true;
      throw new RangeError('PDFium memory cap');
    }
    return grow(delta);
  };
  api.PDFiumExt_Init();
  return { api, raw };
}

/** Starts the engine ahead of the first file (the warm worker does this while idle). */
export function warmEngine(): Promise<TEngine> {
  current ??= instantiate().catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

/**
 * Opens `bytes` as a PDF, runs `read` on the document handle, and closes it again, also when
 * `read` throws. An instance that aborted (memory cap, a structure PDFium gave up on) is dropped
 * without touching it again, and the abort is thrown as a PdfEngineAbort.
 */
export async function withPdfDocument<T>(
  bytes: Uint8Array,
  read: (engine: TEngine, document: number) => T,
): Promise<T> {
  const engine = await warmEngine();
  const { api, raw } = engine;
  let aborted = false;
  let document = 0;
  capReached = false;
  const data = raw.malloc(bytes.length);
  try {
    if (data === 0) throw new PdfEngineAbort(true);
    new Uint8Array(raw.memory.buffer, data, bytes.length).set(bytes);
    document = api.FPDF_LoadMemDocument(data, bytes.length, '');
    if (document === 0) throw new PdfOpenError(api.FPDF_GetLastError() === ERROR_PASSWORD);
    return read(engine, document);
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    aborted = true;
    throw new PdfEngineAbort(capReached);
  } finally {
    if (!aborted && data !== 0) {
      if (document !== 0) api.FPDF_CloseDocument(document);
      raw.free(data);
    }
    if (aborted || raw.memory.buffer.byteLength > ENGINE_MEMORY_KEEP) {
      spent = true;
      current = null;
    }
  }
}
