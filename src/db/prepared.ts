// Prepared statements kept by their SQL text. In the browser a parameterised query used to cost
// three worker round trips (prepare, run, close); a kept statement costs one (run), and DuckDB
// keeps its plan. DuckDB re-binds a kept statement by itself after the catalogue changes (a table
// reloaded, the scoring re-applied); when it cannot, the statement is prepared again, once.
import type { Table } from 'apache-arrow';
import type { Param } from './types';

/** What both duckdb-wasm bindings (async in a worker, blocking under Node) give back from prepare. */
export interface PreparedStatement {
  query(...params: Param[]): Table | Promise<Table>;
  close(): void | Promise<void>;
}

/** Enough for the notebook's cells, the scenario panel and the engine; beyond it the oldest goes. */
export const KEPT_STATEMENTS = 64;

export class StatementCache {
  /** By SQL text, least recently used first. */
  readonly #kept = new Map<string, Promise<PreparedStatement>>();

  constructor(
    private readonly prepare: (sql: string) => PreparedStatement | Promise<PreparedStatement>,
    private readonly capacity = KEPT_STATEMENTS,
  ) {}

  /** How many statements are kept (for tests). */
  get size(): number {
    return this.#kept.size;
  }

  async query(sql: string, params: readonly Param[]): Promise<Table> {
    const kept = this.#kept.get(sql);
    if (kept) {
      this.#kept.delete(sql);
      this.#kept.set(sql, kept);
      try {
        return await (await kept).query(...params);
      } catch {
        // Re-binding failed (the result's columns changed) or the statement was closed meanwhile:
        // prepare it again. A statement fails atomically, so running it again is safe; an error
        // that is the query's own comes back from the fresh statement below.
        this.#forget(sql, kept);
      }
    }
    const fresh = Promise.resolve().then(() => this.prepare(sql));
    this.#kept.set(sql, fresh);
    this.#evict();
    let statement: PreparedStatement;
    try {
      statement = await fresh;
    } catch (e) {
      if (this.#kept.get(sql) === fresh) this.#kept.delete(sql);
      throw e;
    }
    return statement.query(...params);
  }

  /** Closes every kept statement (the connection is closing). */
  async clear(): Promise<void> {
    const all = [...this.#kept.values()];
    this.#kept.clear();
    await Promise.all(all.map((p) => close(p)));
  }

  #forget(sql: string, which: Promise<PreparedStatement>): void {
    if (this.#kept.get(sql) === which) this.#kept.delete(sql);
    void close(which);
  }

  #evict(): void {
    while (this.#kept.size > this.capacity) {
      const [oldest, statement] = this.#kept.entries().next().value!;
      this.#forget(oldest, statement);
    }
  }
}

/** Closing a statement that failed to prepare, or is closed already, is nothing to report. */
async function close(statement: Promise<PreparedStatement>): Promise<void> {
  try {
    await (await statement).close();
  } catch {
    /* nothing to close */
  }
}
