/**
 * Exports of the statistics tables: CSV (lib/csv.ts: semicolons, decimal comma, for Dutch Excel)
 * and XLSX (lib/stats/xlsx.ts, numbers as numbers). Both start with the title, the period and the filter,
 * so an exported table never loses the period it covers; suppressed cells stay "< 5" / "x".
 */
import { toCsv, type TCsvCell } from '../csv';
import type { TCel } from './suppress';
import type { TTabel } from './tables';
import { writeXlsx } from './xlsx';

const dutchNumber = (c: TCel): TCsvCell => (typeof c === 'number' ? String(c).replace('.', ',') : c);

function preamble(t: TTabel): string[][] {
  return [
    [t.titel],
    [`Periode: ${t.periode}`],
    [`Filter: ${t.filter}`],
    ...(t.toelichting ? [[t.toelichting]] : []),
    ['Legenda: < 5 = 1 tot 4 meldingen; x = onderdrukt (afgeleid van minder dan 5); – = niet van toepassing'],
    [],
  ];
}

export function tableToCsv(t: TTabel): string {
  const [titel, ...rest] = preamble(t);
  return toCsv(titel!, [...rest, t.kolommen, ...t.rijen.map((r) => r.map(dutchNumber))]);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export async function tablesToXlsx(tables: TTabel[]): Promise<Buffer> {
  return writeXlsx(
    tables.map((t) => {
      const head = preamble(t);
      return {
        name: sheetName(t.key),
        rows: [...head, t.kolommen, ...t.rijen.map((r) => r.map((c) => c ?? '–'))],
        titleRow: 1,
        headerRow: head.length + 1,
        widths: t.kolommen.map((_k, i) => (i === 0 ? 44 : 18)),
      };
    }),
  );
}
