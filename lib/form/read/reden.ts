import { editDistance } from '../normalise/edit-distance';
import { foldSpaces } from '../normalise/text';

/**
 * "Omschrijving reden aanmelding": the officer's free text, minus the form's own instruction
 * lines, which the officer types below (or, carelessly, between). Colons in the text ("Wie: de
 * buurman") are content, not labels: this section has no labels.
 *
 * An instruction is recognised however it was set: wrapped over several lines, hyphenated
 * ("vei-" / "ligheid"), with typographic or straight apostrophes. Lines are compared with only
 * their letters and digits, so a run of up to four lines that spells an instruction is one.
 */
const INSTRUCTIONS = [
  'Let op: Wat zijn uw zorgen?',
  "7 W's: Wie, wat, waar, wanneer, op welke wijze, met welk gevolg, welke aanleiding, denk ook aan de veiligheid van de medewerker die in contact treedt met de betrokkene.",
  'Let s.v.p. op uw schrijftaal; deze informatie kan door andere instanties met burgers gedeeld worden.',
  '[Omschrijving reden aanmelding]',
].map(squash);

const MAX_LINES = 4;
/** Misread letters an instruction may have (OCR) and still be recognised: one in twenty. */
const TOLERANCE = 0.05;

/** Equal, or (same first letters, so most lines cost nothing) within the tolerance. */
const near = (a: string, b: string) =>
  a === b || (a.slice(0, 3) === b.slice(0, 3) && editDistance(a, b) <= Math.floor(TOLERANCE * b.length));
const isInstruction = (joined: string) => INSTRUCTIONS.some((instruction) => near(joined, instruction));
const startsInstruction = (joined: string) =>
  INSTRUCTIONS.some((instruction) => near(joined, instruction.slice(0, joined.length)));

function squash(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The text with every run of printed lines that spells an instruction taken out. Soft wraps
 * count as line ends here: a short instruction line above a long first line of the officer's
 * text looks like a soft wrap to the geometry. What followed the run keeps its own line end.
 */
function withoutInstructions(text: string): string {
  const parts = text.split(/(\n|\u2028)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const ends = parts.filter((_, i) => i % 2 === 1);
  const squashed = lines.map(squash);
  let kept = '';
  for (let i = 0; i < lines.length; i++) {
    let span = 0;
    let joined = '';
    for (let n = 1; n <= MAX_LINES && i + n <= lines.length; n++) {
      joined += squashed[i + n - 1]!;
      if (isInstruction(joined)) {
        span = n;
        break;
      }
      if (joined !== '' && !startsInstruction(joined)) break;
    }
    if (span > 0) {
      i += span - 1;
      if (kept !== '') kept = kept.replace(/[\n\u2028]$/, '') + '\n';
    } else kept += lines[i]! + (ends[i] ?? '');
  }
  return kept;
}

/** Paragraphs joined by \n; a PDF's soft-wrapped lines are already marked and fold to spaces. */
export function readReden(body: string): string | null {
  const lines = withoutInstructions(body.replace(/^[ \t]*:/, ''))
    .split('\n')
    .map(foldSpaces)
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  return lines.join('\n');
}
