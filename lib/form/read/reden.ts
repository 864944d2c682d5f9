import { foldSpaces } from '../normalise/text';
import { phrase } from './pattern';
import { textWidth } from './text-width';

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
 * wrap. Word processors wrap greedily: a line ends early only when the next word does not fit.
 * So a line continues on the next one when that line's first word would not have fitted after
 * it — measured (in estimated print width) against the longest line, which fills the column.
 */
const SPACE = textWidth(' ');

function joinSoftWraps(lines: string[]): string {
  const widths = lines.map(textWidth);
  const column = Math.max(...widths);
  return lines.reduce((text, line, i) => {
    if (i === 0) return line;
    const firstWord = line.split(' ')[0]!;
    const wrapped = widths[i - 1]! + SPACE + textWidth(firstWord) > column;
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
