import { AppError } from '@/lib/errors';
import type { TPostcodeRange, TWerkgebied } from '@/lib/werkgebied/werkgebied';

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** "3000-3099 Rotterdam", "3000-3099" or "3190" per line → PC4 ranges (with gemeente); the verb checks the bounds. */
function ranges(text: string): TPostcodeRange[] {
  return lines(text).map((line, i) => {
    const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?(?:\s*:?\s+(\S.*))?$/.exec(line);
    if (!m)
      throw new AppError(
        'validation',
        `Postcodegebieden, regel ${i + 1}: "${line}" is geen PC4 of bereik (bijvoorbeeld 3000-3099 Rotterdam)`,
      );
    return { van: Number(m[1]), tot: Number(m[2] ?? m[1]), gemeente: m[3]?.trim() ?? null };
  });
}

/** The werkgebied form: one gemeente per line, one PC4 range per line. */
export function werkgebiedFrom(gemeenten: string, postcodes: string): TWerkgebied {
  return { gemeenten: lines(gemeenten), postcodes: ranges(postcodes) };
}

export function rangesText(w: TWerkgebied): string {
  return w.postcodes
    .map((r) => `${r.van === r.tot ? r.van : `${r.van}-${r.tot}`}${r.gemeente ? ` ${r.gemeente}` : ''}`)
    .join('\n');
}
