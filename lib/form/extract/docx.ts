import mammoth from 'mammoth';
import { LIMITS } from '../limits';
import { htmlToLines } from './html-lines';
import { RefusedFile } from './refused';
import { readZipDirectory } from './zip-directory';

/**
 * A .docx through mammoth's HTML (not its raw text) so table rows stay together the way they
 * print. Word keeps paragraphs as they were typed, so no line in the result is a soft wrap.
 */
export async function extractDocx(bytes: Uint8Array): Promise<string> {
  const unzipped = readZipDirectory(bytes).reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (unzipped > LIMITS.maxUnzippedBytes) {
    throw new RefusedFile('Bijlage is een Word-document dat uitgepakt te groot is; het wordt niet gelezen.');
  }
  try {
    const { value } = await mammoth.convertToHtml({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return htmlToLines(value).join('\n');
  } catch {
    throw new RefusedFile('Bijlage is een beschadigd of onleesbaar Word-document.');
  }
}
