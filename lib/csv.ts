/**
 * CSV for exports opened in spreadsheets: semicolon-separated (Dutch Excel), every field quoted,
 * and cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with a quote.
 */
export type TCsvCell = string | number | boolean | Date | null | undefined;

function cell(v: TCsvCell): string {
  let s = v == null ? '' : v instanceof Date ? v.toISOString() : String(v);
  // A plain (negative) number such as -16,7 is data, not a formula: it stays as it is.
  if (/^[=+\-@\t\r]/.test(s) && !/^-\d+(?:[.,]\d+)?%?$/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: TCsvCell[][]): string {
  // A BOM makes Excel read UTF-8 (ë, é in names) correctly.
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
