import { GLYPH_SOURCE } from './glyphs';
import { atLineStart, phrase, searchFrom } from './pattern';

/**
 * Splits the form text into its sections. The same label occurs in several sections (three
 * "Telefoonnummer"s), so fields are read per section. Each section is found by a phrase that
 * occurs once in the form (a question, or the first label), searched in form order after the
 * previous section; a heading line directly above it (the "Huisarts" above "Contactgegevens
 * huisarts") belongs to it, so it does not trail the previous section's last value.
 */
export type TSectionName =
  | 'kop'
  | 'betrokkene'
  | 'melding'
  | 'reden'
  | 'veiligThuis'
  | 'hulpverlening'
  | 'huisarts'
  | 'geinformeerd'
  | 'telefonisch';

/**
 * `start` is consumed (a question or heading that is not part of any value); `label` is the
 * section's first label, which stays in the body to be read. The earlier of the two counts.
 */
type TSectionSpec = { name: TSectionName; start?: RegExp; label?: RegExp; heading?: RegExp };

const heading = (words: string) =>
  new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?${phrase(words)}[ \\t]*:?[ \\t]*$`, 'iu');

export const VEILIG_THUIS_QUESTION = phrase(
  'Is er voor de aangetroffen situatie ook melding bij Veilig Thuis gedaan?',
);

const SECTIONS: TSectionSpec[] = [
  {
    name: 'betrokkene',
    start: atLineStart(phrase('Persoonsgegevens betrokkene')),
    label: atLineStart(phrase('BSN')),
  },
  { name: 'melding', label: atLineStart(phrase('Datum/tijd voorval')), heading: heading('Melding') },
  { name: 'reden', start: atLineStart(phrase('Reden aanmelding'), phrase('Omschrijving reden aanmelding')) },
  { name: 'veiligThuis', start: atLineStart(VEILIG_THUIS_QUESTION), heading: heading('Veilig Thuis') },
  {
    name: 'hulpverlening',
    start: atLineStart(phrase('Is er sprake van bestaande hulpverlening?')),
    heading: heading('Hulpverlening'),
  },
  {
    name: 'huisarts',
    start: atLineStart(phrase('Contactgegevens huisarts')),
    label: atLineStart(phrase('Naam huisarts')),
    heading: heading('Huisarts'),
  },
  {
    name: 'geinformeerd',
    start: atLineStart(
      phrase('De betrokkene is geïnformeerd over het informeren van de hulpverleningsinstantie.'),
      phrase('Is betrokkene geïnformeerd over de melding aan het meldpunt?'),
      phrase('De betrokkene is geïnformeerd'),
      phrase('Is betrokkene geïnformeerd'),
    ),
  },
  {
    name: 'telefonisch',
    start: atLineStart(phrase('Nader telefonisch contact over melding gewenst') + '[?.]?'),
  },
];

/** Section name → its text, without the phrase that marks its start. Missing sections are absent. */
export type TSections = Partial<Record<TSectionName, string>>;

/**
 * Where the line before `index` starts, if that line is the section's heading. The break before
 * the heading may be a soft wrap (U+2028): a heading after a full-width line looks like one.
 */
function headingStart(text: string, index: number, headingPattern: RegExp | undefined): number | null {
  if (!headingPattern || index === 0) return null;
  const before = text.slice(0, index - 1);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\u2028')) + 1;
  return headingPattern.test(before.slice(lineStart)) ? lineStart : null;
}

export function splitSections(text: string): TSections {
  const found: { name: TSectionName; start: number; bodyStart: number }[] = [
    { name: 'kop', start: 0, bodyStart: 0 },
  ];
  let cursor = 0;
  for (const spec of SECTIONS) {
    const consumed = spec.start && searchFrom(spec.start, text, cursor);
    const kept = spec.label && searchFrom(spec.label, text, cursor);
    const match = consumed && (!kept || consumed.index <= kept.index) ? consumed : kept;
    if (!match) continue;
    const index = match.index;
    const bodyStart = match === consumed ? index + match[0].length : index;
    found.push({ name: spec.name, start: headingStart(text, index, spec.heading) ?? index, bodyStart });
    cursor = bodyStart;
  }
  const sections: TSections = {};
  found.forEach((section, i) => {
    const end = found[i + 1]?.start ?? text.length;
    sections[section.name] = text.slice(section.bodyStart, end);
  });
  return sections;
}
