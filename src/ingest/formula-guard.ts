// Formula injection (issue 6). A CSV cell that begins with = + - @, a tab or a carriage return
// runs as a formula when Excel or WPS opens the file, so kaohe's CSV exports write such text with a
// leading apostrophe (the spreadsheet shows it as text), and kaohe's import takes it off again:
// a kaohe export re-imports to equal values, formula targets (=上年*0.9) included.
// Plain numbers (-5, +3.2) are numbers, not formulas: they are written as they are. Text that
// already begins with apostrophes before such a character gets one more, so the pair is exact.

const RISKY = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^'*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function risky(text: string): boolean {
  return RISKY.test(text) && !PLAIN_NUMBER.test(text);
}

/** The cell text to write: `'` + text when a spreadsheet would take it for a formula. */
export function guardFormula(text: string): string {
  return risky(text) ? `'${text}` : text;
}

/** The text a guarded cell held: the inverse of `guardFormula` (other cells are returned as they are). */
export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && risky(cell.slice(1)) ? cell.slice(1) : cell;
}
