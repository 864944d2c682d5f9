/**
 * A chart label broken into lines of at most `width` characters at spaces (and after a dash),
 * at most `maxLines` lines; what does not fit ends in "…" (the full text goes in a tooltip and
 * in the table beside the chart). Pure.
 */
export function wrapLabel(text: string, width = 28, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (cut.length <= maxLines) return cut;
  const kept = cut.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}
