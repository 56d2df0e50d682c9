// Browser implementation of Database: duckdb-wasm's eh bundle in a Web Worker, with the wasm
// and worker files served by the app itself (Vite `?url` imports), never from a CDN.
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { CONNECTION_SETUP, SQL_LOCKDOWN, type Database, type Param } from './types';
import { StatementCache } from './prepared';
import { guardDatabase, type DatabaseCrashError } from './crash';

/** `instantiate()` with a wrong wasm URL never settles (issue 2): give up after this long. */
const INSTANTIATE_TIMEOUT_MS = 60_000;

export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DatabaseStartError(`${what} did not finish in ${ms / 1000} s`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/**
 * DuckDB carried inside a single-file page (src/share): how to start its worker, and the URL
 * that worker answers for the wasm itself.
 */
export interface EmbeddedEngine {
  startWorker(): Worker;
  readonly wasmUrl: string;
}

let embedded: EmbeddedEngine | null = null;

/** A single-file page carries DuckDB itself: databases opened after this start from there. */
export function useEmbeddedEngine(engine: EmbeddedEngine | null): void {
  embedded = engine;
}

/** duckdb-wasm transfers the buffers it is given to its worker: hand it a copy, keep ours. */
const transferable = (bytes: Uint8Array): Uint8Array => bytes.slice();

export async function openBrowserDatabase(
  onProgress?: (fraction: number) => void,
  /** Called once if the worker dies after it started (issue 8: the workspace then recovers). */
  onCrash?: (error: DatabaseCrashError) => void,
): Promise<Database> {
  const worker = embedded ? embedded.startWorker() : new Worker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await withTimeout(
    db.instantiate(embedded ? embedded.wasmUrl : new URL(wasmUrl, location.href).href, null, (p) => {
      if (onProgress && p.bytesTotal > 0) onProgress(p.bytesLoaded / p.bytesTotal);
    }),
    INSTANTIATE_TIMEOUT_MS,
    'DuckDB start',
  );
  const conn: AsyncDuckDBConnection = await db.connect();
  for (const s of CONNECTION_SETUP) await conn.query(s);
  for (const s of SQL_LOCKDOWN) await conn.query(s);

  // A parameterised query runs a statement kept from its last call: one worker round trip, not three.
  const statements = new StatementCache((sql) => conn.prepare(sql));

  return guardDatabase({
    async query(sql: string, params: readonly Param[] = []): Promise<Table> {
      if (params.length === 0) return conn.query(sql);
      return statements.query(sql, params);
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async insertArrowIPC(table: string, ipc: Uint8Array, append = false) {
      await conn.insertArrowFromIPCStream(transferable(ipc), { name: table, create: !append });
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await db.registerFileBuffer(name, transferable(bytes));
    },
    async readFile(name: string) {
      return db.copyFileToBuffer(name);
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    },
    async close() {
      await statements.clear();
      await conn.close();
      await db.terminate();
    },
  }, worker, onCrash);
}
