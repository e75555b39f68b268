/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text cell that a spreadsheet would run as a formula with a single quote, so it shows as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Matches cells neutralised above; they are also quoted, as OWASP recommends. */
export const NEUTRALISED = /^'[=+\-@\t\r]/;
