/** Dutch postcodes: "3011 AB", "3011ab", "3011  AB" → 3011AB (the schema's form). */
const POSTCODE = /(?<![\dA-Za-z])([1-9]\d{3})\s*([A-Za-z]{2})(?![A-Za-z\d])/;

export function findPostcode(text: string): { value: string; index: number; end: number } | null {
  const match = POSTCODE.exec(text);
  if (!match) return null;
  return {
    value: `${match[1]}${match[2]!.toUpperCase()}`,
    index: match.index,
    end: match.index + match[0].length,
  };
}

export function parsePostcode(text: string | null): string | null {
  return text == null ? null : (findPostcode(text)?.value ?? null);
}
