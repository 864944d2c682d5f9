import { atLineStart, phrase } from './pattern';

/**
 * The hulpverlening section repeats the block Instantie / Contactpersoon / Telefoonnummer once
 * per care provider ("Onderstaand blok eventueel herhalen"). Every label occurrence is read; an
 * "Instantie", or a label whose slot in the current block is already filled, opens a new block.
 */
type TSlot = 'naam' | 'contactpersoon' | 'telefoon';

const SLOTS: { slot: TSlot; pattern: RegExp }[] = [
  { slot: 'naam', pattern: atLineStart(phrase('Naam instantie'), phrase('Instantie')) },
  { slot: 'contactpersoon', pattern: atLineStart(phrase('Naam contactpersoon'), phrase('Contactpersoon')) },
  { slot: 'telefoon', pattern: atLineStart(phrase('Telefoonnummer'), phrase('Telefoon')) },
];

type TOccurrence = { slot: TSlot; start: number; valueStart: number };

function occurrences(body: string): TOccurrence[] {
  const found: TOccurrence[] = [];
  for (const { slot, pattern } of SLOTS) {
    for (const match of body.matchAll(pattern)) {
      const colon = /^[ \t]*:/.exec(body.slice(match.index + match[0].length));
      found.push({
        slot,
        start: match.index,
        valueStart: match.index + match[0].length + (colon?.[0].length ?? 0),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export type TInstantieBlocks = { before: string; blocks: Partial<Record<TSlot, string>>[] };

/** The text before the first block (the tick boxes) and the raw values of every block. */
export function readInstanties(body: string): TInstantieBlocks {
  const found = occurrences(body);
  const blocks: Partial<Record<TSlot, string>>[] = [];
  found.forEach((occurrence, i) => {
    const current = blocks.at(-1);
    const value = body.slice(occurrence.valueStart, found[i + 1]?.start ?? body.length);
    if (!current || occurrence.slot === 'naam' || current[occurrence.slot] !== undefined) {
      blocks.push({ [occurrence.slot]: value });
    } else {
      current[occurrence.slot] = value;
    }
  });
  return { before: body.slice(0, found[0]?.start ?? body.length), blocks };
}
