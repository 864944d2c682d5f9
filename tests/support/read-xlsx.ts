/**
 * Reads back what lib/stats/xlsx.ts writes, for the export tests: the zip's parts as an XLSX
 * reader finds them (content types, workbook relationships, sheets), each sheet as rows of cells
 * by their references. Fails on a missing part or a cell it cannot read.
 */
import { strFromU8, unzipSync } from 'fflate';

export type TReadSheet = {
  name: string;
  rows: (string | number)[][];
  cell: (ref: string) => string | number | undefined;
};

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function part(files: Record<string, Uint8Array>, name: string): string {
  const bytes = files[name];
  if (!bytes) throw new Error(`XLSX without ${name}`);
  return strFromU8(bytes);
}

export function readXlsx(bytes: Uint8Array): TReadSheet[] {
  const files = unzipSync(bytes);
  const types = part(files, '[Content_Types].xml');
  if (!part(files, '_rels/.rels').includes('Target="xl/workbook.xml"'))
    throw new Error('no officeDocument relationship');
  const rels = new Map(
    [
      ...part(files, 'xl/_rels/workbook.xml.rels').matchAll(
        /<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"\/>/g,
      ),
    ].map((m) => [m[1]!, m[2]!]),
  );
  return [
    ...part(files, 'xl/workbook.xml').matchAll(/<sheet name="([^"]*)" sheetId="\d+" r:id="([^"]+)"\/>/g),
  ].map((m) => {
    const target = `xl/${rels.get(m[2]!)}`;
    if (!types.includes(`PartName="/${target}"`)) throw new Error(`${target} has no content type`);
    const cells = new Map<string, string | number>();
    const rows: (string | number)[][] = [];
    for (const row of part(files, target).matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
      const values: (string | number)[] = [];
      for (const c of row[2]!.matchAll(/<c r="([A-Z]+)(\d+)"(?: s="\d+")?( t="inlineStr")?>(.*?)<\/c>/g)) {
        const inline = /^<is><t xml:space="preserve">(.*)<\/t><\/is>$/.exec(c[4]!);
        const number = /^<v>(.*)<\/v>$/.exec(c[4]!);
        const value = c[3] && inline ? unescape(inline[1]!) : number ? Number(number[1]) : undefined;
        if (value === undefined) throw new Error(`unreadable cell ${c[0]}`);
        cells.set(`${c[1]}${c[2]}`, value);
        values.push(value);
      }
      rows[Number(row[1]) - 1] = values;
    }
    return { name: unescape(m[1]!), rows: Array.from(rows, (r) => r ?? []), cell: (ref) => cells.get(ref) };
  });
}
