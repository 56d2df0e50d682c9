import type { Table } from 'apache-arrow';

/** A value a query parameter can take: bound by DuckDB, never spliced into SQL text. */
export type Param = string | number | boolean | null;

/**
 * The one door to DuckDB. Everything above `db/` asks for Arrow tables through this interface;
 * the browser implementation runs duckdb-wasm in a worker, the Node one runs the same wasm
 * engine in-process for tests and the command line.
 */
export interface Database {
  /** Runs SQL and returns its result as an Arrow table; `params` bind to `?` placeholders. */
  query(sql: string, params?: readonly Param[]): Promise<Table>;
  /** Runs one or more statements for their effect. */
  exec(sql: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream, or appends to it when `append` is true. */
  insertArrowIPC(table: string, ipc: Uint8Array, append?: boolean): Promise<void>;
  /** Makes `bytes` readable by SQL as the file `name` (read_csv, read_parquet …). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Reads back a file written by SQL (COPY … TO name). */
  readFile(name: string): Promise<Uint8Array>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app's SQL reaches no file and no URL (issue 6: a shared file must not read your disk or send
 * your data anywhere). Imports insert Arrow, which needs no file access, so importing afterwards
 * still works. Registered files become unreadable too, which is why nothing here uses them.
 * Not for the native engine (bench/native.ts reads CSV files with it).
 */
export const SQL_LOCKDOWN = ['SET enable_external_access = false'] as const;

/** Settings every connection gets: the app is offline, so DuckDB must never try to download. */
export const CONNECTION_SETUP = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
] as const;
