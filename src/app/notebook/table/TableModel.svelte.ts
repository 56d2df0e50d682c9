// A sql cell's result as a table that fetches only what it shows: rows come from DuckDB a page at
// a time, sorted there, and only the rows in view are rendered (100,000 rows scroll smoothly).
import type { Row } from '../../../db/rows';
import type { Sort } from '../../../notebook/build-sql';
import type { Column, Page } from '../../../notebook/run';

export const ROW_HEIGHT = 28;
export const VISIBLE_ROWS = 16;
/** Up to this many rows the table is drawn whole (it prints, it needs no scrolling window). */
export const FULL_LIMIT = 200;
/** Rows per fetch: the same as the head a run reads (HEAD_ROWS), so that head is page 0. */
const PAGE = 200;
const OVERSCAN = 10;

export class TableModel {
  #sort = $state.raw<Sort | null>(null);
  #pages = $state.raw<ReadonlyMap<number, readonly Row[]>>(new Map());
  #scrollTop = $state(0);
  #rowCount = $state(0);
  #columns = $state.raw<readonly Column[]>([]);
  #asked = new Set<number>();
  #generation = 0;

  constructor(private readonly fetch: (sort: Sort | null, offset: number, limit: number) => Promise<Page>) {}

  get sort() { return this.#sort; }
  get rowCount() { return this.#rowCount; }
  /** The result's columns, as the first fetched page tells them. */
  get columns() { return this.#columns; }
  get full() { return this.#rowCount <= FULL_LIMIT; }

  /** A new result: forget what was fetched; `head` is its first page when the run read it. */
  reset(rowCount: number, head: Page | null = null): void {
    this.#rowCount = rowCount;
    this.#generation++;
    this.#asked.clear();
    const seeded = head !== null && this.#sort === null && head.rows.length >= Math.min(PAGE, rowCount);
    this.#pages = seeded ? new Map([[0, head.rows]]) : new Map();
    if (seeded) {
      this.#asked.add(0);
      if (head.columns.length > 0) this.#columns = head.columns;
    }
    this.#ensure();
  }

  toggleSort(column: string): void {
    const s = this.#sort;
    this.#sort = s?.column !== column ? { column, descending: false } : s.descending ? null : { column, descending: true };
    this.reset(this.#rowCount);
  }

  scrollTo(top: number): void {
    this.#scrollTop = top;
    this.#ensure();
  }

  /** The rows to draw: all of them for a short result, else the window in view. */
  get window(): { readonly first: number; readonly rows: readonly (Row | null)[] } {
    const first = this.full ? 0 : Math.max(0, Math.floor(this.#scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = this.full ? this.#rowCount : Math.min(this.#rowCount, first + VISIBLE_ROWS + 2 * OVERSCAN);
    const rows: (Row | null)[] = [];
    for (let i = first; i < last; i++) rows.push(this.#pages.get(Math.floor(i / PAGE))?.[i % PAGE] ?? null);
    return { first, rows };
  }

  #ensure(): void {
    const { first, rows } = this.window;
    const lastPage = Math.floor(Math.max(first, first + rows.length - 1) / PAGE);
    for (let p = Math.floor(first / PAGE); p <= lastPage && p * PAGE < this.#rowCount; p++) {
      if (this.#asked.has(p)) continue;
      this.#asked.add(p);
      const generation = this.#generation;
      this.fetch(this.#sort, p * PAGE, PAGE).then(
        (page) => {
          if (generation !== this.#generation) return;
          this.#pages = new Map(this.#pages).set(p, page.rows);
          if (page.columns.length > 0) this.#columns = page.columns;
        },
        () => this.#asked.delete(p),
      );
    }
  }
}
