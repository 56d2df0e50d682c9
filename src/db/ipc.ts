import { Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { TABLES, type TableName } from '../schema/tables';

/** Rows of one imported file, columnar, as ingest hands them over (canonical text, or null). */
export interface SourceColumns {
  readonly table: TableName;
  readonly file: string;
  readonly data: Readonly<Record<string, readonly (string | null)[]>>;
  readonly sourceRows: readonly number[];
}

/**
 * Encodes one file's rows as an Arrow IPC stream: every contract column as text, then the
 * provenance columns. This is how rows reach DuckDB (issue 2: Arrow batches, never row-by-row
 * INSERTs) and how they are kept in the saved workspace.
 */
export function sourceToIPC(source: SourceColumns): Uint8Array {
  const n = source.sourceRows.length;
  const columns: Record<string, Vector<DataType>> = {};
  for (const c of TABLES[source.table].columns) {
    const values = source.data[c.name] ?? new Array<string | null>(n).fill(null);
    if (values.length !== n) throw new Error(`column ${c.name} has ${values.length} values for ${n} rows`);
    columns[c.name] = vectorFromArray(values as (string | null)[], new Utf8());
  }
  columns['source'] = vectorFromArray(new Array<string>(n).fill(source.file), new Utf8());
  columns['source_row'] = vectorFromArray(Array.from(source.sourceRows), new Int32());
  return tableToIPC(new Table(columns), 'stream');
}
