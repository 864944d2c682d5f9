/**
 * A label too wide for its table cell runs into the value with no gap at all
 * ("OrganisatieonderdeelEenheid Rotterdam" from a browser's print): a space goes back in where a
 * label, as printed (capitalised), is directly followed by a capital or a digit. Case matters
 * here, which the label patterns (case-insensitive) cannot express.
 */
const LABELS = [
  'Organisatieonderdeel',
  'Behandeld door',
  'Ons kenmerk',
  'Voornamen',
  'Voorvoegsel',
  'Achternaam',
  'Geboortedatum',
  'Geboorteplaats',
  'Geboorteland',
  'Geslacht',
  'Telefoonnummer',
  'Contactpersoon',
  'Instantie',
];

const GLUED = new RegExp(`^([ \\t]*)(${LABELS.join('|')})(?=\\p{Lu}|\\d)`, 'gmu');

export function separateGluedLabels(text: string): string {
  return text.replace(GLUED, '$1$2 ');
}
