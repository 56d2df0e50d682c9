// Loaded rows, column by column, and the rows that were read but rejected.
import type { Message } from '../i18n/types';
import { TABLES, type TableName } from '../schema/tables';
import type { Rejection } from './types';

export class Collector {
  readonly columns: string[];
  readonly data: Record<string, (string | null)[]> = {};
  readonly sourceRows: number[];
  readonly rejected: Rejection[] = [];
  read = 0;
  #loaded = 0;
  readonly #cols: (string | null)[][];

  /** `capacity`: an upper bound on the rows to come; the columns are allocated once (a million rows grow slowly). */
  constructor(table: TableName, capacity = 0) {
    this.columns = TABLES[table].columns.map((c) => c.name);
    this.#cols = this.columns.map((c) => (this.data[c] = new Array<string | null>(capacity)));
    this.sourceRows = new Array<number>(capacity);
  }

  /** One record, values in contract column order. */
  add(values: readonly (string | null)[], line: number): void {
    const at = this.#loaded++;
    const cols = this.#cols;
    for (let i = 0; i < cols.length; i++) (cols[i] as (string | null)[])[at] = values[i] ?? null;
    this.sourceRows[at] = line;
  }

  reject(row: number, column: string | null, reason: Message, value?: string): void {
    this.rejected.push(value === undefined ? { row, column, reason } : { row, column, reason, value });
  }

  /** Trims the columns to the rows loaded; call once, when loading is done. */
  seal(): void {
    for (const c of this.#cols) c.length = this.#loaded;
    this.sourceRows.length = this.#loaded;
  }

  get loaded(): number {
    return this.#loaded;
  }

  column(name: string): readonly (string | null)[] {
    return this.data[name] ?? [];
  }
}
