// Which delimiter and which line break a CSV text uses.
import Papa from 'papaparse';

export type Delimiter = ',' | '\t' | ';';
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];

const SAMPLE = 64 * 1024;
const SAMPLE_ROWS = 40;

export type Newline = '\r\n' | '\n' | '\r';

/** The first line break outside quotes; Papa's own guess is fooled by a line break in a quoted header cell. */
export function sniffNewline(text: string): Newline {
  let quoted = false;
  const n = Math.min(text.length, 4 * SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : '\r';
    else if (!quoted && c === 0x0a) return '\n';
  }
  return '\n';
}

/** How many non-blank sample rows share the most common field count (above 1) under `d`. */
function consistency(sample: string, d: Delimiter, newline: Newline, cut: boolean): number {
  const rows = Papa.parse<string[]>(sample, { delimiter: d, newline, preview: SAMPLE_ROWS }).data;
  if (cut && rows.length > 1) rows.pop();
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (r.every((c) => c.trim() === '')) continue;
    if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  }
  let best = 0;
  for (const v of counts.values()) best = Math.max(best, v);
  return best;
}

/**
 * The delimiter whose field counts are most consistent over the first rows (title lines above a
 * table have one field unless Excel padded them); on a tie, PapaParse's guess; else a comma.
 */
export function sniffDelimiter(text: string): Delimiter {
  const cut = text.length > SAMPLE;
  const sample = cut ? text.slice(0, SAMPLE) : text;
  const newline = sniffNewline(sample);
  const guess = Papa.parse<string[]>(sample, {
    delimitersToGuess: [...DELIMITERS],
    newline,
    preview: SAMPLE_ROWS,
  }).meta.delimiter;
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const score = consistency(sample, d, newline, cut);
    if (score > bestScore || (score === bestScore && score > 0 && d === guess)) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
