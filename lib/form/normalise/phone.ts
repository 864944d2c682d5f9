/**
 * Telephone numbers: the schema keeps digits and a leading +, nothing else. Only the first
 * phone-shaped run is taken, so a trailing remark ("06-12345678 (mobiel)") is not glued on.
 */
const PHONE_RUN = /\+?\(?\d[\d\s\-.()/]*\d/;
const VALID = /^\+?\d{6,15}$/;

export function parsePhone(text: string | null): string | null {
  if (text == null) return null;
  const run = PHONE_RUN.exec(text);
  if (!run) return null;
  const digits = run[0].replace(/[\s\-.()/]/g, '');
  return VALID.test(digits) ? digits : null;
}

/** "06-12345678 / 010 - 123 45 67", one per line, or separated by , ; "of" "en". */
const LIST_SEPARATOR = /\s*(?:[,;\n]|\s\/\s|\s(?:of|en)\s)\s*/i;

export function parsePhoneList(text: string | null): string[] {
  if (text == null) return [];
  return text
    .split(LIST_SEPARATOR)
    .map(parsePhone)
    .filter((phone): phone is string => phone !== null);
}
