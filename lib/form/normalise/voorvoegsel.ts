/**
 * The voorvoegsels of Dutch surnames, as written. OCR often loses the space inside one
 * ("vanden", "in't"); read back without spaces and apostrophe variants, it is recognised again.
 */
const VOORVOEGSELS = [
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'el',
  'van de',
  'van der',
  'van den',
  'van het',
  "van 't",
  'van ter',
  'in de',
  'in den',
  'in het',
  "in 't",
  'op de',
  'op den',
  'op het',
  "op 't",
  'uit de',
  'uit den',
  'uit het',
  'aan de',
  'aan den',
  'aan het',
  'bij de',
  'onder de',
  'over de',
  'von',
  'von der',
  'le',
  'la',
  'du',
  'da',
  'di',
  'dos',
];

const squash = (text: string) => text.toLowerCase().replace(/[\s'’`´]/g, '');
const BY_SQUASHED = new Map(VOORVOEGSELS.map((written) => [squash(written), written]));

/** The voorvoegsel as written when `text` is one with its spaces lost; else `text` itself. */
export function canonicalVoorvoegsel(text: string): string {
  return BY_SQUASHED.get(squash(text)) ?? text;
}
