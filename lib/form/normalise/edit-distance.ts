/**
 * Levenshtein distance (insertions, deletions, substitutions), for text read by OCR: a label or
 * an instruction line with a letter or two misread ("Huipveriening", "met weik gevoig") is still
 * that label or line. Two rows of the table suffice.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
