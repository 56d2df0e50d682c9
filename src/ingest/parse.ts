// CSV text to a grid of cells, each row with the 1-based line it starts on.
import Papa from 'papaparse';
import type { Delimiter } from './sniff';
import { sniffNewline } from './sniff';

export interface Grid {
  rows: string[][];
  /** Line on which each row starts; a quoted cell with line breaks makes its row span several. */
  lines: Int32Array;
  /** Row index of the first unclosed quote PapaParse met, if any. */
  unclosedQuoteRow: number | null;
}

function lineBreaks(cell: string): number {
  if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return 0;
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x0a) n++;
    else if (c === 0x0d && cell.charCodeAt(i + 1) !== 0x0a) n++;
  }
  return n;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** True when every line break in the text separates rows, so row i starts on line i + 1. */
function oneLinePerRow(text: string, newline: string, rows: number): boolean {
  if (text.indexOf('"') < 0) return true;
  const lf = count(text, '\n');
  const cr = count(text, '\r');
  const breaks = newline === '\r\n' ? (lf === cr ? lf : -1) : newline === '\n' ? (cr === 0 ? lf : -1) : lf === 0 ? cr : -1;
  return breaks + 1 === rows;
}

export function parseGrid(text: string, delimiter: Delimiter): Grid {
  const newline = sniffNewline(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false });
  const rows = parsed.data;
  const lines = new Int32Array(rows.length);
  const simple = oneLinePerRow(text, newline, rows.length);
  let line = 1;
  for (let r = 0; r < rows.length; r++) {
    lines[r] = line;
    line++;
    if (simple) continue;
    const row = rows[r] ?? [];
    for (const cell of row) line += lineBreaks(cell);
  }
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  return { rows, lines, unclosedQuoteRow: quoteError?.row ?? null };
}
