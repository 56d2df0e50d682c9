// The import report as CSV, one line per rejected row (and per file that failed as a whole), for
// the user to open in Excel or WPS next to the file they are fixing.
import type { Message } from '../i18n/types';
import type { ImportResult } from './types';

const HEADER = ['file', 'row', 'column', 'value', 'reason'];

function field(s: string): string {
  // A cell opening with = + - @ would run as a formula in Excel; a leading ' shows it as text.
  const safe = /^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface ReportOptions {
  /** Start with a UTF-8 BOM so that Excel opens the Chinese text correctly. */
  bom?: boolean;
}

/** What the CSV needs of an import result; a stored report (without its rows) is enough. */
export type ReportedFile = Pick<ImportResult, 'file' | 'ok' | 'error' | 'rejected'>;

export function reportToCsv(
  results: readonly ReportedFile[],
  render: (m: Message) => string,
  options: ReportOptions = {},
): string {
  const lines = [HEADER.join(',')];
  for (const r of results) {
    if (!r.ok && r.error !== undefined) lines.push([r.file, '', '', '', render(r.error)].map(field).join(','));
    for (const j of r.rejected) {
      lines.push([r.file, String(j.row), j.column ?? '', j.value ?? '', render(j.reason)].map(field).join(','));
    }
  }
  return (options.bom === true ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
