import mammoth from 'mammoth';
import { LIMITS } from '../limits';
import { openBoundedZip } from './bounded-zip';
import { htmlToLines } from './html-lines';
import { RefusedFile } from './refused';

/**
 * A .docx through mammoth's HTML (not its raw text) so table rows stay together the way they
 * print. Word keeps paragraphs as they were typed, so no line in the result is a soft wrap.
 * mammoth reads the archive through openBoundedZip (its undocumented but supported `file`
 * input), never through JSZip, so no entry inflates past what it declares or the budget. Images
 * are never read: the form is text, and a photo pasted in would only cost memory.
 */
type TMammothFileInput = { file: ReturnType<typeof openBoundedZip> };

const skipImage = mammoth.images.imgElement(async () => ({ src: '' }));

export async function extractDocx(bytes: Uint8Array): Promise<string> {
  const archive = openBoundedZip(bytes, LIMITS.maxUnzippedBytes);
  try {
    const input = { file: archive } satisfies TMammothFileInput;
    const { value } = await mammoth.convertToHtml(input as unknown as { buffer: Buffer }, {
      convertImage: skipImage,
    });
    return htmlToLines(value).join('\n');
  } catch (error) {
    if (error instanceof RefusedFile) throw error;
    throw new RefusedFile('Bijlage is een beschadigd of onleesbaar Word-document.');
  }
}
