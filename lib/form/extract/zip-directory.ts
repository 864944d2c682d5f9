import { RefusedFile } from './refused';

/**
 * Reads a ZIP's central directory (names, methods, sizes and where each entry's data starts)
 * without inflating anything, so that a .docx is recognised by its `word/document.xml`. The sizes
 * are what the archive declares, which an attacker chooses: bounded-zip.ts counts what inflating
 * really produces.
 */
export type TZipEntry = {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;

export const DAMAGED_ZIP = 'Bijlage is een beschadigd of onvolledig ZIP- of Word-bestand.';

export function readZipDirectory(bytes: Uint8Array): TZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 bytes + up to 64 KiB of comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new RefusedFile(DAMAGED_ZIP);
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: TZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new RefusedFile(DAMAGED_ZIP);
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      // 0xFFFFFFFF means the real size is in a ZIP64 field: far beyond any form anyway.
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
