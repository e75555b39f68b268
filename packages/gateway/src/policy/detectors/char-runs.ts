/** ASCII character set as a lookup table (characters from 128 up are never in it). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

export const inTable = (table: Uint8Array, c: number) => c < 128 && table[c] === 1;

/**
 * Calls `visit(start, end)` for every maximal run of at least `minLength` characters from `table`, in order. It
 * reads only about one character in `minLength` of ordinary prose: every such run covers one of the positions
 * minLength - 1, 2 * minLength - 1, …, so only the runs through those positions are measured.
 */
export function forEachLongRun(
  text: string,
  table: Uint8Array,
  minLength: number,
  visit: (start: number, end: number) => void,
): void {
  const n = text.length;
  for (let probe = minLength - 1; probe < n; probe += minLength) {
    if (!inTable(table, text.charCodeAt(probe))) continue;
    let start = probe;
    while (start > 0 && inTable(table, text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < n && inTable(table, text.charCodeAt(end))) end++;
    if (end - start >= minLength) visit(start, end);
    // The next run starts after `end`: go on from the first probe position past it.
    while (probe + minLength <= end) probe += minLength;
  }
}
