import { editDistance } from '../normalise/edit-distance';

/**
 * Repairs for what OCR typically gets wrong in this form's values, applied to OCR'd lines only:
 * an e-mail address read with spaces, commas or ® for the dots and the @ (or a dot lost); a comma for the full
 * stop of an initial ("Dr, H.", "T, Denkbeeld", "T.,"); a label's colon read as a lone comma or low
 * quote ("Geslacht ‚ Man"); a label word a letter or two off ("Huipveriening"); a comma in a time ("14,35 uur"); the template's
 * "optioneel" with its l read as a slash.
 */
const EMAIL = /([\p{L}\d._-]+(?:[.,] ?[\p{L}\d_-]+)*) ?[@®©]{1,2} ?([\p{L}\d-]+(?: ?[.,] ?[\p{L}\d-]+)+)/u;
const INITIAL_COMMA = /(?<![\p{L}\d])(\p{Lu}\p{Ll}?),(?= ?\p{Lu})|(?<![\p{L}\d])(\p{Lu}),(?= \p{L})/gu;
/** "E-mail mirjam fictiefkamp@…": an address has no space; OCR lost the dot. */
const EMAIL_SPACE = /^(\s*E-?mail\s*:?\s*)([\p{L}\d._-]+) ([\p{L}\d._-]+@)/iu;
/** A label's colon read as a low quote, comma or semicolon standing alone: "Geslacht ‚ Man". */
const LONE_COLON = /(?<=\S) [‚,;] (?=\S)/g;
const INITIAL_DOT_COMMA = /(?<![\p{L}\d])(\p{Lu})\.,/gu;
const TIME_COMMA = /(?<!\d)(\d{1,2}),(\d{2})(?= ?uur)|(?<=\d{4} )(\d{1,2}),(\d{2})\b/g;
/** The form's label words; a line's first word a letter or two off one of them is that label. */
const LABELS = [
  'Organisatieonderdeel',
  'Behandeld',
  'Telefoon',
  'Persoonsgegevens',
  'Voornamen',
  'Voorvoegsel',
  'Achternaam',
  'Geboortedatum',
  'Geboorteplaats',
  'Geboorteland',
  'Geslacht',
  'Postcode',
  'Plaats',
  'Telefoonnummer',
  'Melding',
  'Datum/tijd',
  'Reden',
  'Hulpverlening',
  'Instantie',
  'Contactpersoon',
  'Huisarts',
  'Contactgegevens',
  'Onderstaand',
  'Nader',
];

function fixLabel(line: string): string {
  const first = /^(\s*)(\S+)/.exec(line);
  if (!first || first[2]!.length < 5) return line;
  const word = first[2]!;
  const label = LABELS.find((candidate) => {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    return distance > 0 && distance <= (candidate.length >= 9 ? 2 : 1);
  });
  return label ? first[1] + label + line.slice(first[0].length) : line;
}
const OPTIONEEL = /\boptionee[l/1|I!]/g;

export function fixOcrLine(line: string): string {
  return fixLabel(line)
    .replace(EMAIL, (_all, local: string, domain: string) => {
      const clean = (part: string) => part.replace(/,/g, '.').replace(/ /g, '');
      return `${clean(local)}@${clean(domain)}`;
    })
    .replace(EMAIL_SPACE, '$1$2.$3')
    .replace(INITIAL_COMMA, (_all, two: string | undefined, one: string | undefined) => `${two ?? one}.`)
    .replace(INITIAL_DOT_COMMA, '$1.')
    .replace(LONE_COLON, ' : ')
    .replace(
      TIME_COMMA,
      (_all, h1?: string, m1?: string, h2?: string, m2?: string) => `${h1 ?? h2}.${m1 ?? m2}`,
    )
    .replace(OPTIONEEL, 'optioneel');
}
