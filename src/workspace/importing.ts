import { importFile, type ImportContext, type ImportFile, type ImportResult } from '../ingest';
import { sourceToIPC } from '../db/ipc';
import type { ImportReport, Source } from './document';

/** The outcome of importing one file: its report, and its rows when it loaded. */
export interface ImportOutcome {
  readonly report: ImportReport;
  readonly source: Source | null;
  /** Questions to ask the user before the file can load (table, year, wide kind). */
  readonly needs: readonly ('table' | 'year' | 'wideKind')[];
}

function reportOf(r: ImportResult): ImportReport {
  return {
    file: r.file,
    ok: r.ok,
    ...(r.error ? { error: r.error } : {}),
    ...(r.table ? { table: r.table } : {}),
    encoding: r.encoding,
    delimiter: r.delimiter,
    shape: r.shape,
    notes: r.notes,
    read: r.read,
    loaded: r.loaded,
    rejected: r.rejected,
  };
}

/**
 * ingest (decode → parse → normalise → validate) then Arrow IPC: the one path every file takes,
 * in the import worker, in the command line and in tests.
 */
export function importToSource(file: ImportFile, ctx: ImportContext = {}): ImportOutcome {
  const result = importFile(file, ctx);
  const report = reportOf(result);
  if (!result.ok || !result.table) return { report, source: null, needs: result.needs ?? [] };
  const ipc = sourceToIPC({
    table: result.table,
    file: result.file,
    data: result.data,
    sourceRows: result.sourceRows,
  });
  const source: Source = {
    id: crypto.randomUUID(),
    file: result.file,
    table: result.table,
    rows: result.loaded,
    importedAt: new Date().toISOString(),
    report,
    ipc,
  };
  return { report, source, needs: [] };
}
