import { foldSpaces, isPlaceholder } from './text';

/**
 * "Organisatieonderdeel" prints as two drop-downs on two lines: the eenheid ("Eenheid
 * Rotterdam", or the prompt "-Kies een eenheid-") and "basisteam <name>". The record holds them
 * as one text, "Eenheid Rotterdam, basisteam Maasboulevard"; null while the eenheid is unchosen.
 */
export function parseOrganisatie(raw: string | null): string | null {
  if (raw == null) return null;
  const lines = raw
    .split('\n')
    .map(foldSpaces)
    .filter((line) => line !== '');
  const [eenheid, ...rest] = lines;
  if (eenheid === undefined || isPlaceholder(eenheid)) return null;
  // A bare "basisteam" is the second drop-down left empty.
  const parts = [eenheid, ...rest].filter((part) => !/^basisteam$/i.test(part) && !isPlaceholder(part));
  return parts.join(', ');
}
