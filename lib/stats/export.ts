/**
 * Exports of the statistics tables: CSV (lib/csv.ts: semicolons, decimal comma, for Dutch Excel)
 * and XLSX (exceljs, numbers as numbers). Both start with the title, the period and the filter,
 * so an exported table never loses the period it covers; suppressed cells stay "< 5" / "x".
 */
import ExcelJS from 'exceljs';
import { toCsv, type TCsvCell } from '../csv';
import type { TCel } from './suppress';
import type { TTabel } from './tables';

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
  const wb = new ExcelJS.Workbook();
  wb.creator = 'meldpost';
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.key));
    for (const row of preamble(t)) ws.addRow(row);
    ws.getRow(1).font = { bold: true, size: 13 };
    const header = ws.addRow(t.kolommen);
    header.font = { bold: true };
    for (const r of t.rijen) ws.addRow(r.map((c) => c ?? '–'));
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 44 : 18));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
