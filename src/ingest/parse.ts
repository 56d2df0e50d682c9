// CSV text to a grid of cells, each row with the 1-based line it starts on.
import Papa from 'papaparse';
import { unguardFormula } from './formula-guard';
import type { Delimiter } from './sniff';
import { sniffNewline, type Newline } from './sniff';

export interface Grid {
  rows: string[][];
  /** Line on which each row starts; a quoted cell with line breaks makes its row span several. */
  lines: Int32Array;
  /**
   * Rows holding a quote that is never closed. PapaParse would run such a cell to the end of the
   * file; the row is cut at the end of the line where the quote opens and reading goes on from
   * the next line, so one stray quote costs one row, not the rest of the file.
   */
  unclosed: Set<number>;
  /** The file mixed CRLF, LF or CR line breaks; they were read as one kind. */
  mixedNewlines: boolean;
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

/**
 * Row breaks of more than one kind outside quoted cells (CRLF rows with some bare LF or CR rows:
 * a file pasted together from several sources) rewritten as LF; null when the file keeps to one
 * kind. Line breaks inside quoted cells are left as they are: Excel writes LF there between CRLF rows.
 */
function unifyRowBreaks(text: string): string | null {
  const cr = count(text, '\r');
  if (cr === 0) return null;
  const lf = count(text, '\n');
  const crlf = count(text, '\r\n');
  if (lf === 0 || (crlf === cr && crlf === lf)) return null;
  let quoted = false;
  const kinds = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        kinds.add(2);
        i++;
      } else kinds.add(1);
    } else if (c === 0x0a) kinds.add(0);
  }
  if (kinds.size < 2) return null;
  const parts: string[] = [];
  let from = 0;
  quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && c === 0x0d) {
      parts.push(text.slice(from, i), '\n');
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Offset just past the line break that ends the line holding `at` (or the text's end). */
function endOfLine(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return i + 1;
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  }
  return text.length;
}

/** Offset where the 1-based line `line` starts, counting every line break. */
function lineStart(text: string, line: number, newline: Newline): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const i = text.indexOf(newline, at);
    if (i < 0) return text.length;
    at = i + newline.length;
  }
  return at;
}

interface Chunk {
  rows: string[][];
  lines: number[];
  /** Index (in rows) of a row cut at an unclosed quote, if any; rows after it are not read yet. */
  cut: number | null;
  /** Where the next chunk starts in the text, and on which line. */
  next: number;
  nextLine: number;
}

function parseChunk(text: string, delimiter: Delimiter, newline: Newline, firstLine: number): Chunk {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false });
  let rows = parsed.data;
  const open = parsed.errors.find((e) => e.code === 'MissingQuotes');
  let cut: number | null = null;
  let next = text.length;
  if (open !== undefined && open.row !== undefined && open.row < rows.length) {
    cut = open.row;
    rows = rows.slice(0, cut);
  }
  const lines: number[] = [];
  const simple = cut === null && oneLinePerRow(text, newline, rows.length);
  let line = firstLine;
  for (const row of rows) {
    lines.push(line);
    line++;
    if (!simple) for (const cell of row) line += lineBreaks(cell);
  }
  if (cut !== null && open !== undefined) {
    const from = lineStart(text, line - firstLine + 1, newline);
    const to = endOfLine(text, Math.max(from, open.index ?? from));
    const broken = Papa.parse<string[]>(text.slice(from, to), { delimiter, newline, skipEmptyLines: false }).data[0] ?? [];
    rows.push(broken.map((c) => c.replace(/[\r\n]+$/, '')));
    lines.push(line);
    line += lineBreaks(text.slice(from, to).replace(/(\r\n|\r|\n)$/, '')) + 1;
    next = to;
  }
  return { rows, lines, cut, next, nextLine: line };
}

export function parseGrid(input: string, delimiter: Delimiter): Grid {
  const unified = unifyRowBreaks(input);
  const mixedNewlines = unified !== null;
  const text = unified ?? input;
  const newline = mixedNewlines ? '\n' : sniffNewline(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  const unclosed = new Set<number>();
  let rest = text;
  let line = 1;
  for (;;) {
    const chunk = parseChunk(rest, delimiter, newline, line);
    for (let i = 0; i < chunk.rows.length; i++) {
      rows.push(chunk.rows[i]!);
      lines.push(chunk.lines[i]!);
    }
    if (chunk.cut === null || chunk.next >= rest.length) {
      if (chunk.cut !== null) unclosed.add(rows.length - 1);
      break;
    }
    unclosed.add(rows.length - 1);
    rest = rest.slice(chunk.next);
    line = chunk.nextLine;
  }
  // A cell that a kaohe CSV export guarded against formula injection reads as the text it held.
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i]!.charCodeAt(0) === 0x27) row[i] = unguardFormula(row[i]!);
  return { rows, lines: Int32Array.from(lines), unclosed, mixedNewlines };
}
