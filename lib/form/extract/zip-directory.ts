import { RefusedFile } from './refused';

/**
 * Reads a ZIP's central directory (names and uncompressed sizes) without inflating anything,
 * so that a .docx is recognised by its `word/document.xml` and a zip bomb is refused before
 * mammoth unpacks it.
 */
export type TZipEntry = { name: string; uncompressedSize: number };

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;

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
  if (eocd === -1) throw new RefusedFile('Bijlage is een beschadigd of onvolledig ZIP- of Word-bestand.');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: TZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new RefusedFile('Bijlage is een beschadigd of onvolledig ZIP- of Word-bestand.');
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      // 0xFFFFFFFF means the real size is in a ZIP64 field: far beyond any form anyway.
      uncompressedSize: view.getUint32(offset + 24, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
