// Loads a small workspace, written as rows, through the app's own path (sourceToIPC + loadTables)
// and scores it.
import { sourceToIPC } from '../../../src/db/ipc';
import { loadTables, type StoredSource } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows, type Row } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';
import { applyScoring } from '../../../src/engine';
import type { Lang } from '../../../src/i18n/types';
import { TABLES, type TableName } from '../../../src/schema/tables';

export type Rows = readonly Readonly<Record<string, string | number | null | undefined>>[];
export type Workspace = Partial<Record<TableName, Rows>>;

export function storedSources(ws: Workspace): StoredSource[] {
  return (Object.entries(ws) as [TableName, Rows][]).map(([table, rows]) => {
    const data: Record<string, (string | null)[]> = {};
    for (const c of TABLES[table].columns) data[c.name] = rows.map((r) => (r[c.name] == null ? null : String(r[c.name])));
    const ipc = sourceToIPC({ table, file: `${table}.csv`, data, sourceRows: rows.map((_, i) => i + 2) });
    return { table, ipc, rows: rows.length };
  });
}

export async function load(db: Database, ws: Workspace): Promise<void> {
  await loadTables(db, storedSources(ws));
}

let shared: Promise<Database> | undefined;

/** One database per test file; each scoring reloads every table, so tests do not leak. */
export function database(): Promise<Database> {
  shared ??= openNodeDatabase();
  return shared;
}

export async function scored(ws: Workspace, lang: Lang = 'zh-CN'): Promise<Database> {
  const db = await database();
  await load(db, ws);
  await applyScoring(db, { lang });
  return db;
}

export async function query(db: Database, sql: string): Promise<Row[]> {
  return toRows(await db.query(sql));
}

/** Rows of `scores` ordered for reading: year, unit, rubric row, round. */
export const scoreRows = (db: Database, columns = '*') =>
  query(db, `SELECT ${columns} FROM scores ORDER BY year, unit_ord, rubric_row, round_ord NULLS LAST`);

export const totalRows = (db: Database, columns = '*') =>
  query(db, `SELECT ${columns} FROM totals ORDER BY year, rank, unit_ord`);
