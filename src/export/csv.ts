// CSV exports (issue 6): UTF-8 with a BOM so that Excel and WPS open Chinese text correctly, CRLF
// line ends, RFC 4180 quoting, NULL as an empty cell, text a spreadsheet would run as a formula
// guarded by a leading apostrophe (src/ingest/formula-guard.ts; kaohe's import removes it).
import type { Row } from '../db/rows';
import { guardFormula } from '../ingest/formula-guard';

export const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell as written: numbers as they are, text guarded and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = guardFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file's text, starting with the BOM. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Query rows (db/rows) as CSV, columns in `columns` order (default: the first row's keys). */
export function rowsToCsv(rows: readonly Row[], columns: readonly string[] = Object.keys(rows[0] ?? {})): string {
  return toCsv(columns, rows.map((r) => columns.map((c) => r[c] as CsvValue)));
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
