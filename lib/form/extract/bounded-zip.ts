import { inflateRawSync } from 'node:zlib';
import { RefusedFile } from './refused';
import { DAMAGED_ZIP, readZipDirectory, type TZipEntry } from './zip-directory';

/**
 * A .docx archive opened for mammoth (its `file` input) without JSZip: each entry is inflated
 * only when mammoth asks for it, in this thread, with a hard limit on the bytes that really come
 * out. The sizes in an archive are the sender's claim — a 1 MB file that declares 1 kB can
 * inflate to a gigabyte — so zlib stops the moment its output passes the entry's declared size
 * (`maxOutputLength` is checked per output chunk while inflating), and all entries together may
 * not produce more than `budgetBytes`. An entry that comes out larger or smaller than it says is
 * refused as a lying archive.
 */
export type TBoundedZip = {
  exists: (name: string) => boolean;
  read: (name: string, encoding?: string) => Promise<Uint8Array | string>;
};

const LOCAL_HEADER = 0x04034b50;
const LYING = 'Bijlage is een Word-document dat uitgepakt groter is dan het opgeeft; het wordt niet gelezen.';
const TOO_LARGE = 'Bijlage is een Word-document dat uitgepakt te groot is; het wordt niet gelezen.';

function compressedData(bytes: Uint8Array, entry: TZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new RefusedFile(DAMAGED_ZIP);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new RefusedFile(DAMAGED_ZIP);
  return bytes.subarray(start, end);
}

function inflateEntry(bytes: Uint8Array, entry: TZipEntry): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new RefusedFile(LYING);
    return data;
  }
  if (entry.method !== 8) throw new RefusedFile(DAMAGED_ZIP);
  let output: Uint8Array;
  try {
    // One byte past the declared size is enough to know the archive lies.
    output = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new RefusedFile(LYING);
    throw new RefusedFile(DAMAGED_ZIP);
  }
  if (output.length !== entry.uncompressedSize) throw new RefusedFile(LYING);
  return output;
}

export function openBoundedZip(bytes: Uint8Array, budgetBytes: number): TBoundedZip {
  const entries = new Map(readZipDirectory(bytes).map((entry) => [entry.name, entry]));
  let spent = 0;
  return {
    exists: (name) => entries.has(name),
    read: async (name, encoding) => {
      const entry = entries.get(name);
      if (!entry) throw new RefusedFile(DAMAGED_ZIP);
      // Refused before inflating when the claim alone would pass the budget.
      if (spent + entry.uncompressedSize > budgetBytes) throw new RefusedFile(TOO_LARGE);
      const output = inflateEntry(bytes, entry);
      spent += output.length;
      if (encoding === 'base64') return Buffer.from(output).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(output) : output;
    },
  };
}
