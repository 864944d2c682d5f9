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

/**
 * In a PDF a long paragraph wraps over several lines and nothing in the text layer marks the
 * wrap. A line is taken to continue on the next one when the next line's first word would not
 * have fitted on it — measured against the longest line of the text, which fills the width.
 */
const FIT_MARGIN = 0.9;

function joinSoftWraps(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  return lines.reduce((text, line, i) => {
    if (i === 0) return line;
    const previous = lines[i - 1]!;
    const firstWord = line.split(' ')[0]!;
    const wrapped = previous.length + 1 + firstWord.length > width * FIT_MARGIN;
    return text + (wrapped ? ' ' : '\n') + line;
  }, '');
}

export function readReden(body: string, softWrapped: boolean): string | null {
  let text = body.replace(/^[ \t]*:/, '');
  for (const instruction of INSTRUCTIONS) text = text.replace(instruction, '');
  const lines = text
    .split('\n')
    .map(foldSpaces)
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  return softWrapped ? joinSoftWraps(lines) : lines.join('\n');
}
