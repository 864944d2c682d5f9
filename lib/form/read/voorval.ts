import { parseDateTime } from '../normalise/date';
import { findPostcode } from '../normalise/postcode';
import { readChoice, optionLabel } from './choice';
import { stripGlyphs } from './glyphs';

/**
 * "Datum/tijd voorval": two printed alternatives, "Op D om T uur." and "Tussen D1 om T1 uur en
 * D2 om T2 uur.", each with a tick box. The unticked one normally still holds the template's
 * placeholders. Without a readable tick, the alternative that holds a date-time is taken.
 */
type TAlternative = 'op' | 'tussen';

const OPTIONS = [
  { value: 'op' as const, label: optionLabel('Op') },
  { value: 'tussen' as const, label: optionLabel('Tussen') },
];

function alternatives(text: string): Record<TAlternative, string | null> {
  const op = /(?<![\p{L}\d])Op(?![\p{L}\d])/iu.exec(text);
  const tussen = /(?<![\p{L}\d])Tussen(?![\p{L}\d])/iu.exec(text);
  if (!op && !tussen) return { op: text, tussen: null };
  const cut = (from: RegExpExecArray | null, other: RegExpExecArray | null) =>
    from
      ? text.slice(from.index + from[0].length, other && other.index > from.index ? other.index : undefined)
      : null;
  return { op: cut(op, tussen), tussen: cut(tussen, op) };
}

/** The template's "[datum voorval] om [tijd voorval] uur." with nothing filled in. */
const isEmptyTemplate = (text: string) => text.replace(/\[[^\]]*\]|\b(?:om|uur|en)\b|[\s.,]/giu, '') === '';

/** Raw van/tot texts ("04-11-2022 om 14:35 uur") for the chosen alternative. */
export function readVoorval(value: string): { van?: string; tot?: string } {
  const parts = alternatives(stripGlyphs(value));
  const ticked = readChoice(value, OPTIONS);
  const tussenTimes = parts.tussen?.split(/\s+en\s+/i) ?? [];
  const tussenReadable = tussenTimes.length >= 2 && parseDateTime(tussenTimes[0]!) !== null;
  const chosen: TAlternative =
    ticked ?? (tussenReadable && !(parts.op && parseDateTime(parts.op)) ? 'tussen' : 'op');
  if (chosen === 'tussen') {
    if (!parts.tussen || isEmptyTemplate(parts.tussen)) return {};
    return { van: tussenTimes[0], tot: tussenTimes.slice(1).join(' en ') };
  }
  if (!parts.op || isEmptyTemplate(parts.op)) return {};
  return { van: parts.op, tot: parts.op };
}

/** "Plaats voorval": "[Postcode] [Plaats]" → postcode and plaats, placeholders dropped. */
export function readPlaatsVoorval(value: string): { postcode?: string; plaats?: string } {
  const text = value.replace(/\[[^\]]*\]/g, ' ').trim();
  const postcode = findPostcode(text);
  if (postcode && postcode.index === 0) return { postcode: postcode.value, plaats: text.slice(postcode.end) };
  return { plaats: text };
}
