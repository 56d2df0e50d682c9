// The first view: one year's ranking from the engine's `totals` table, in rank order, ties in
// the units' official order (a unit listed in two units files counts once); and the board kept from the last run, drawn before the engine is up.
import type { Row } from '../db/rows';
import type { Param } from '../db/types';
import type { Lang } from '../i18n/types';

export const YEARS_SQL = 'SELECT DISTINCT year FROM totals ORDER BY year DESC';

export const LEADERBOARD_SQL = `SELECT t.rank, t.unit, t.kind, t.base, t.bonus, t.total, t.grade, t.vetoed, t.veto_reason
FROM totals AS t LEFT JOIN (SELECT unit, min(ord) AS ord FROM units GROUP BY unit) AS u ON u.unit = t.unit
WHERE t.year = ?
ORDER BY t.rank, u.ord NULLS LAST, t.unit`;

export interface BoardRow {
  readonly rank: number;
  readonly unit: string;
  readonly kind: string | null;
  readonly base: number;
  readonly bonus: number;
  readonly total: number;
  readonly grade: string;
  readonly vetoed: boolean;
  readonly veto_reason: string | null;
}

/** Grade colours by standing: the best grade first; a veto is always red. */
const PALETTE = ['#1b7f4b', '#2f6fb3', '#b7860b', '#a8502a', '#7a2d8c'];
export const VETO_COLOUR = '#b4232c';

export function gradeColours(rows: readonly BoardRow[]): Map<string, string> {
  const best = new Map<string, number>();
  for (const r of rows) if (!r.vetoed) best.set(r.grade, Math.max(best.get(r.grade) ?? -Infinity, r.total));
  const order = [...best.entries()].sort((a, b) => b[1] - a[1]).map(([g]) => g);
  return new Map(order.map((g, i) => [g, PALETTE[Math.min(i, PALETTE.length - 1)]!]));
}

/**
 * What the board showed last, so the next page load can draw it at once (issue 7: first paint ≤ 1
 * s) while DuckDB starts. Always the engine's own result: written after the live board is drawn,
 * or for the demo computed by the engine (scripts/gen-demo-board.ts). Shown marked as cached
 * until the live result replaces it.
 */
export interface BoardSnapshot {
  readonly lang: Lang;
  readonly years: readonly number[];
  readonly year: number;
  readonly rows: readonly BoardRow[];
}

/** The board as the live view reads it: the years, and the rows of `year` (else the latest). */
export async function readBoard(
  sql: (text: string, params?: readonly Param[]) => Promise<Row[]>,
  lang: Lang,
  year?: number,
): Promise<BoardSnapshot | null> {
  const years = (await sql(YEARS_SQL)).map((r) => Number(r['year']));
  const shown = year !== undefined && years.includes(year) ? year : years[0];
  if (shown === undefined) return null;
  return { lang, years, year: shown, rows: (await sql(LEADERBOARD_SQL, [shown])) as unknown as BoardRow[] };
}

const SNAPSHOT_KEY = 'kaohe.board';

/** Keeps the board just drawn for the next start (a full or unavailable storage only loses the cache). */
export function saveBoardSnapshot(snapshot: BoardSnapshot | null, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (snapshot) storage?.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot));
    else storage?.removeItem(SNAPSHOT_KEY);
  } catch {
    /* the cache is only a head start */
  }
}

function isSnapshot(x: unknown): x is BoardSnapshot {
  const s = x as BoardSnapshot | null;
  return !!s && typeof s === 'object' && typeof s.year === 'number' && Array.isArray(s.years) && Array.isArray(s.rows) && typeof s.lang === 'string';
}

/** The board kept by the last page, in `lang`; null when there is none (or another language's). */
export function loadBoardSnapshot(lang: Lang, storage: Storage | undefined = globalThis.localStorage): BoardSnapshot | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SNAPSHOT_KEY) ?? 'null');
    return isSnapshot(parsed) && parsed.lang === lang ? parsed : null;
  } catch {
    return null;
  }
}

/** The default demo's board, computed by the engine when it was generated, per language. */
export interface DemoBoards {
  readonly demo: string;
  readonly boards: Readonly<Record<Lang, BoardSnapshot | null>>;
}

/**
 * The board to draw before the engine is up, or null: the one the last page kept; else, on a
 * first visit (no autosaved workspace: the default demo will open), the demo's board computed by
 * the engine (`demo`); never for a shared page, which opens the workspace it holds.
 */
export async function cachedBoard(
  lang: Lang,
  demo: DemoBoards,
  env: { readonly storage?: Storage | undefined; readonly indexedDB?: IDBFactory | undefined; readonly shared: boolean },
): Promise<BoardSnapshot | null> {
  if (env.shared) return null;
  const kept = loadBoardSnapshot(lang, env.storage);
  if (kept) return kept;
  if (!env.indexedDB?.databases) return null;
  try {
    const databases = await env.indexedDB.databases();
    return databases.some((d) => d.name === AUTOSAVE_DATABASE) ? null : demo.boards[lang];
  } catch {
    return null;
  }
}

/** The autosave's IndexedDB database (workspace/idb.ts): present once a workspace was saved. */
const AUTOSAVE_DATABASE = 'kaohe';

/** The last board this page drew or found cached: a board mounted again (after an engine restart) starts from it. */
let latest: Promise<BoardSnapshot | null> | null = null;

/** cachedBoard, looked up once per page; later, the last board drawn live. */
export function boardBeforeEngine(lang: Lang, demo: DemoBoards, env: Parameters<typeof cachedBoard>[2]): Promise<BoardSnapshot | null> {
  latest ??= cachedBoard(lang, demo, env);
  return latest.then((b) => (b?.lang === lang ? b : null));
}

/** Keeps the board just drawn live: for this page's next mount and the next page's first paint. */
export function rememberBoard(snapshot: BoardSnapshot | null): void {
  latest = Promise.resolve(snapshot);
  saveBoardSnapshot(snapshot);
}
