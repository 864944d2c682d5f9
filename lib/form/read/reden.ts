import { foldSpaces } from '../normalise/text';
import { phrase } from './pattern';

/**
 * "Omschrijving reden aanmelding": the officer's free text, minus the form's own instruction
 * lines, which the officer types below (or, carelessly, between). Colons in the text ("Wie: de
 * buurman") are content, not labels: this section has no labels.
 */
const INSTRUCTIONS = [
  'Let op: Wat zijn uw zorgen?',
  "7 W's: Wie, wat, waar, wanneer, op welke wijze, met welk gevolg, welke aanleiding, denk ook aan de veiligheid van de medewerker die in contact treedt met de betrokkene.",
  'Let s.v.p. op uw schrijftaal; deze informatie kan door andere instanties met burgers gedeeld worden.',
  '[Omschrijving reden aanmelding]',
].map((sentence) => new RegExp(`^[ \\t]*${phrase(sentence)}[ \\t]*(?:\\n|$)`, 'gimu'));

/** Paragraphs joined by \n; a PDF's soft-wrapped lines are already marked and fold to spaces. */
export function readReden(body: string): string | null {
  let text = body.replace(/^[ \t]*:/, '');
  for (const instruction of INSTRUCTIONS) text = text.replace(instruction, '');
  const lines = text
    .split('\n')
    .map(foldSpaces)
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  return lines.join('\n');
}
