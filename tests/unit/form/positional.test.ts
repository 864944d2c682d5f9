import { describe, expect, it } from 'vitest';
import { rotateGray, skewDegrees } from '../../../lib/form/extract/deskew';
import { choiceValue, fieldMeaning } from '../../../lib/form/extract/field-synonyms';
import { lineText } from '../../../lib/form/extract/line-text';
import { fixOcrLine } from '../../../lib/form/extract/ocr-fixes';
import { charText, type TChar } from '../../../lib/form/extract/pdf-chars';
import { placeLines } from '../../../lib/form/extract/place-runs';
import { canonicalVoorvoegsel } from '../../../lib/form/normalise/voorvoegsel';
import { readReden } from '../../../lib/form/read/reden';

/** Characters of `text` from x on baseline y, each `advance` wide, then `gap` before the next run. */
function run(text: string, x: number, y: number, size = 10, advance = 5): TChar[] {
  return [...text].map((char, i) => ({
    text: char,
    x: x + i * advance,
    right: x + (i + 1) * advance,
    y,
    size,
  }));
}

describe('words from glyph gaps', () => {
  it('joins a word split by a kerning gap and keeps a word space', () => {
    const chars = [...run('Achter', 0, 100), ...run('naam', 31, 100), ...run('Jan', 55, 100)];
    // 1 pt inside "Achternaam" (a tenth of the size), 4 pt before "Jan".
    expect(lineText(chars)).toBe('Achternaam Jan');
  });

  it('prints a soft hyphen only at the end of the line', () => {
    // Inside a line a soft hyphen takes no room.
    const hyphen = { text: '\u00ad', x: 15, right: 15, y: 0, size: 10 };
    expect(lineText([...run('vei', 0, 0), hyphen, ...run('lig', 15, 0)])).toBe('veilig');
    expect(lineText([...run('vei', 0, 0), hyphen])).toBe('vei\u00ad');
  });

  it('expands ligature glyphs to their letters', () => {
    expect([0xfb01, 0xfb02, 0xfb03].map(charText).join('')).toBe('fiflffi');
  });
});

describe('lines by position', () => {
  it('follows content order while it reads down the page', () => {
    const lines = placeLines([
      ...run('Datum/tijd', 0, 700),
      ...run('voorval', 0, 688),
      ...run('Op 4-11', 80, 700),
    ]);
    expect(lines.map((line) => lineText(line.chars))).toEqual(['Datum/tijd', 'voorval', 'Op 4-11']);
  });

  it('places values drawn after all the labels (a flattened form) beside their labels', () => {
    const labels = [...run('Voornamen', 0, 700), ...run('Achternaam', 0, 688), ...run('Pagina 1', 0, 40)];
    const values = [...run('Jan', 150, 700.5), ...run('Jansen', 150, 688.5)];
    const lines = placeLines([...labels, ...values]).map((line) => lineText(line.chars));
    expect(lines).toEqual(['Voornamen Jan', 'Achternaam Jansen', 'Pagina 1']);
  });

  it('puts far-apart pieces of one run into the gaps of a line, not inside a word', () => {
    const line = [...run('Op', 0, 500), ...run('om', 100, 500), ...run('uur.', 200, 500)];
    const values = [...run('04-11', 20, 500), ...run('14:35', 130, 500)];
    const placed = placeLines([...run('Kop', 0, 700), ...line, ...run('Voet', 0, 40)], [values]);
    expect(placed.map((l) => lineText(l.chars))).toContain('Op 04-11 om 14:35 uur.');
  });
});

describe('field names from any form designer', () => {
  it.each([
    ['Achternaam', 'betrokkene.achternaam'],
    ['last_name', 'betrokkene.achternaam'],
    ['topmostSubform[0].Page1[0].Betrokkene_Achternaam[0]', 'betrokkene.achternaam'],
    ['date_of_birth', 'betrokkene.geboortedatum'],
    ['agency_2_phone', 'hulpverlening.instanties.1.telefoon'],
    ['Telefoonnummer instantie1', 'hulpverlening.instanties.0.telefoon'],
    ['E-mail', 'behandelaar.email'],
    ['reported_to_veilig_thuis', 'veiligThuisGemeld'],
  ])('%s → %s', (name, path) => {
    expect(fieldMeaning(name)).toMatchObject({ path });
  });

  it('leaves a name that says nothing to the positional reader', () => {
    expect(fieldMeaning('f1_07')).toBeNull();
    expect(fieldMeaning('Text12')).toBeNull();
  });

  it('reads export values in both languages', () => {
    expect(['Yes', 'Nee', 'Niet bekend', 'Tussen', 'Off'].map(choiceValue)).toEqual([
      'ja',
      'nee',
      'niet_bekend',
      'tussen',
      null,
    ]);
  });
});

describe('instruction lines however they are set', () => {
  it('drops a hyphenated, wrapped instruction and keeps the officer text', () => {
    const body = [
      "7 W's: Wie, wat, waar, wanneer, op welke wijze, met welk gevolg, welke aanleiding, denk ook aan de vei-",
      'ligheid van de medewerker die in contact treedt met de betrokkene.',
      'Let s.v.p. op uw schrijftaal; deze informatie kan door andere instanties met burgers gedeeld worden.\u2028Buurman belt elke nacht.',
    ].join('\n');
    expect(readReden(body)).toBe('Buurman belt elke nacht.');
  });
});

describe('OCR repairs', () => {
  it('recognises an instruction line with a letter or two misread', () => {
    const body =
      "7 W's: Wie, wat, waar, wanneer, op welke wijze, met weik gevoig, welke aanleiding, denk ook aan de\u2028veiligheid van de medewerker die in contact treedt met de betrokkene.\nBuren bellen.";
    expect(readReden(body)).toBe('Buren bellen.');
  });

  it('mends an e-mail address, initials and times as OCR misreads them', () => {
    expect(fixOcrLine('E-mail mirjam. fictiefkamp®@rotterdam. politie, nl')).toBe(
      'E-mail mirjam.fictiefkamp@rotterdam.politie.nl',
    );
    expect(fixOcrLine('Naam Huisarts : Dr, H. van Bedenkum')).toBe('Naam Huisarts : Dr. H. van Bedenkum');
    expect(fixOcrLine('Op 04-11-2025 om 14,35 uur')).toBe('Op 04-11-2025 om 14.35 uur');
    expect(fixOcrLine('Nederland optionee/')).toBe('Nederland optioneel');
    expect(fixOcrLine('Geslacht ‚ Man')).toBe('Geslacht : Man');
    expect(fixOcrLine('Datumftíjd 31-10-2025 02,15')).toBe('Datum/tijd 31-10-2025 02.15');
    expect(fixOcrLine('Huipveriening')).toBe('Hulpverlening');
    expect(fixOcrLine('Rotterdam Zuid')).toBe('Rotterdam Zuid');
    expect(fixOcrLine('Contactpersoon : T., Denkbeeld')).toBe('Contactpersoon : T. Denkbeeld');
  });

  it('puts the space back in a voorvoegsel and leaves other text alone', () => {
    expect(canonicalVoorvoegsel('vanden')).toBe('van den');
    expect(canonicalVoorvoegsel("in't")).toBe("in 't");
    expect(canonicalVoorvoegsel('Vandenberg')).toBe('Vandenberg');
  });

  it('finds and undoes the skew of a page', () => {
    const width = 1200;
    const height = 900;
    const pixels = new Uint8Array(width * height).fill(255);
    // Rows of "text": dark bands 6 px high every 30 px, sloping 1.5° down to the right.
    const slope = Math.tan((1.5 * Math.PI) / 180);
    for (let row = 100; row < 800; row += 30)
      for (let x = 50; x < 1150; x++)
        for (let t = 0; t < 6; t++) pixels[Math.round(row + t + x * slope) * width + x] = 0;
    const image = { pixels, width, height, scale: 1 };
    const skew = skewDegrees(image);
    expect(Math.abs(skew - 1.5)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(skewDegrees(rotateGray(image, skew)))).toBeLessThanOrEqual(0.2);
  });
});
