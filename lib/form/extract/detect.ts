import { readZipDirectory } from './zip-directory';

/**
 * What a file is, by its first bytes — never by its name or declared content type, which the
 * sender controls. Anything but a PDF or a .docx is named in the error, so the officer knows
 * what arrived instead.
 */
export type TDetected = { kind: 'pdf' } | { kind: 'docx' } | { kind: 'other'; description: string };

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, length: number) =>
  new TextDecoder('latin1').decode(bytes.subarray(0, length));

export function detectType(bytes: Uint8Array): TDetected {
  if (bytes.length === 0) return { kind: 'other', description: 'een leeg bestand' };
  // The PDF header may be preceded by junk (the spec tolerates it within the first 1024 bytes).
  if (ascii(bytes, 1024).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const names = readZipDirectory(bytes).map((entry) => entry.name);
    if (names.includes('word/document.xml')) return { kind: 'docx' };
    if (names.some((name) => name.startsWith('xl/')))
      return { kind: 'other', description: 'een Excel-bestand' };
    if (names.some((name) => name.startsWith('ppt/')))
      return { kind: 'other', description: 'een PowerPoint-bestand' };
    return { kind: 'other', description: 'een ZIP-bestand' };
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    return { kind: 'other', description: 'een oud Office-bestand (.doc/.xls)' };
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return { kind: 'other', description: 'een PNG-afbeelding' };
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { kind: 'other', description: 'een JPEG-afbeelding' };
  if (ascii(bytes, 4) === 'GIF8') return { kind: 'other', description: 'een GIF-afbeelding' };
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a))
    return { kind: 'other', description: 'een TIFF-afbeelding' };
  if (ascii(bytes, 5) === '{\\rtf') return { kind: 'other', description: 'een RTF-document' };
  if (/^\s*<(?:!doctype html|html)/i.test(ascii(bytes, 64)))
    return { kind: 'other', description: 'een HTML-bestand' };
  if (startsWith(bytes, 0x1f, 0x8b)) return { kind: 'other', description: 'een gzip-bestand' };
  const head = bytes.subarray(0, 512);
  if (head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20))
    return { kind: 'other', description: 'een tekstbestand' };
  return { kind: 'other', description: 'een onbekend bestandstype' };
}
