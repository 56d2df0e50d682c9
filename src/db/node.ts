// Node implementation of Database: the same duckdb-wasm engine the browser runs, in-process
// and synchronous (the "blocking" bindings), for vitest and the command-line scorer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { StatementCache } from './prepared';
import { CONNECTION_SETUP, SQL_LOCKDOWN, type Database, type Param } from './types';

const require = createRequire(import.meta.url);

export async function openNodeDatabase(): Promise<Database> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: {
      mainModule: path.join(dist, 'duckdb-mvp.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: path.join(dist, 'duckdb-eh.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  for (const s of CONNECTION_SETUP) conn.query(s);
  for (const s of SQL_LOCKDOWN) conn.query(s);

  // The browser's kept statements (prepared.ts), so tests run the same path.
  const statements = new StatementCache((sql) => conn.prepare(sql));

  return {
    async query(sql: string, params: readonly Param[] = []): Promise<Table> {
      if (params.length === 0) return conn.query(sql);
      return statements.query(sql, params);
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async insertArrowIPC(table: string, ipc: Uint8Array, append = false) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: !append });
    },
    async registerFile(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    async readFile(name: string) {
      return db.copyFileToBuffer(name);
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    async close() {
      await statements.clear();
      conn.close();
      db.reset();
    },
  };
}
