/**
 * Lines from mammoth's HTML, laid out the way the PDF text layer lays out the same form: a table
 * row whose cells each hold one paragraph becomes one line ("Voornamen : Jan"); a row with a
 * multi-paragraph cell prints cell after cell, paragraph per line. Paragraphs and list items
 * are lines; <br> breaks a line. mammoth's HTML is regular (no attributes on structure tags
 * besides links and images), so a tag scanner suffices.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#')
      return String.fromCodePoint(
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
      );
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

type TCell = string[];

export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  const rows: TCell[][] = [];
  let paragraph = '';
  const cells: TCell[] = [];

  const endParagraph = () => {
    const text = decode(paragraph).replace(/\s+/g, ' ').trim();
    paragraph = '';
    if (text === '') return;
    (cells.at(-1) ?? lines).push(text);
  };
  const endRow = () => {
    const row = rows.pop();
    if (!row) return;
    if (row.every((c) => c.length <= 1)) {
      const line = row.flat().join(' ');
      if (line !== '') pushRowLine([line]);
    } else {
      pushRowLine(row.flat());
    }
  };
  // A nested table's row belongs inside the enclosing cell.
  const pushRowLine = (rowLines: string[]) => (cells.at(-1) ?? lines).push(...rowLines);

  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith('<')) {
      paragraph += token;
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase();
    const closing = token.startsWith('</');
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'li':
        endParagraph();
        break;
      case 'br':
        endParagraph();
        break;
      case 'tr':
        endParagraph();
        if (closing) endRow();
        else rows.push([]);
        break;
      case 'td':
      case 'th':
        endParagraph();
        if (closing) cells.pop();
        else {
          const cell: TCell = [];
          cells.push(cell);
          rows.at(-1)?.push(cell);
        }
        break;
      default:
        break;
    }
  }
  endParagraph();
  return lines;
}
