import type { TChar } from './pdf-chars';

/**
 * Whether a page's text layer says anything: a scan has no characters at all, and a PDF printed
 * through PostScript may have fonts whose codes map to nothing readable (symbols, private-use
 * code points). Such a page is read by OCR instead. A form page has hundreds of letters.
 */
const MIN_CHARS = 25;
const MIN_LETTER_SHARE = 0.5;

export function hasUsableText(chars: TChar[]): boolean {
  let printed = 0;
  let letters = 0;
  for (const char of chars) {
    if (char.text.trim() === '') continue;
    printed++;
    // Letters of the scripts a Dutch form uses, not dingbats or private-use "letters".
    if (/^[\p{L}\p{N}]/u.test(char.text) && char.text.charCodeAt(0) < 0x2000) letters++;
  }
  return printed >= MIN_CHARS && letters >= MIN_LETTER_SHARE * printed;
}
