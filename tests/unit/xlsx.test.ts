import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../lib/stats/xlsx';
import { readXlsx } from '../support/read-xlsx';

describe('the XLSX writer', () => {
  it('writes text escaped, numbers as numbers, empty rows and columns past Z, sheet by sheet', () => {
    const wide = Array.from({ length: 28 }, (_v, i) => i);
    const bytes = writeXlsx([
      {
        name: 'tekst & getallen',
        rows: [['Titel <met> "tekens" & meer\u0007'], [], ['Gemeente', 'Aantal'], ['Rotterdam', 12.5], wide],
        titleRow: 1,
        headerRow: 3,
        widths: [44, 18],
      },
      { name: 'tweede', rows: [['< 5', null, 'x']], widths: [10] },
    ]);
    const [first, second] = readXlsx(bytes);
    expect(first!.name).toBe('tekst & getallen');
    expect(first!.rows.slice(0, 4)).toEqual([
      ['Titel <met> "tekens" & meer'],
      [],
      ['Gemeente', 'Aantal'],
      ['Rotterdam', 12.5],
    ]);
    expect(first!.cell('Z5')).toBe(25);
    expect(first!.cell('AB5')).toBe(27);
    // A null cell is left out; the cells after it keep their column.
    expect(second).toMatchObject({ name: 'tweede', rows: [['< 5', 'x']] });
    expect(second!.cell('C1')).toBe('x');
    // The same tables give the same bytes (fixed time stamps in the zip).
    const again = () => writeXlsx([{ name: 'tweede', rows: [['< 5', null, 'x']], widths: [10] }]);
    expect(again().equals(again())).toBe(true);
  });
});
