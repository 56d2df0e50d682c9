import { TABLES, TABLE_NAMES, DEFAULT_ROUND, type ColumnSpec, type TableName } from '../schema/tables';
import { ident, literal } from './sql';
import type { Database } from './types';

/** One stored file's rows for a table, as an Arrow IPC stream made by `sourceToIPC`. */
export interface StoredSource {
  readonly table: TableName;
  readonly ipc: Uint8Array;
  readonly rows: number;
}

const STAGE_PREFIX = '_stage_';

function columnDefinitions(table: TableName): string[] {
  const defs = TABLES[table].columns.map((c) => `${ident(c.name)} ${c.sqlType}`);
  defs.push('"source" VARCHAR', '"source_row" INTEGER');
  if (table === 'units') defs.push('"ord" INTEGER');
  return defs;
}

/** The empty canonical table, so SQL over a workspace without (say) vetoes still runs. */
export function createTableSql(table: TableName): string {
  return `CREATE OR REPLACE TABLE ${ident(table)} (${columnDefinitions(table).join(', ')})`;
}

function castColumn(c: ColumnSpec, table: TableName): string {
  const name = ident(c.name);
  if (table === 'results' && c.name === 'round') return `COALESCE(${name}, ${literal(DEFAULT_ROUND)}) AS ${name}`;
  return c.sqlType === 'VARCHAR' ? name : `CAST(${name} AS ${c.sqlType}) AS ${name}`;
}

/** Typed table from the text-only staging table; units keep their file order as `ord`. */
function fromStageSql(table: TableName, stage: string): string {
  const cols = TABLES[table].columns.map((c) => castColumn(c, table));
  cols.push('"source"', '"source_row"');
  if (table === 'units') cols.push('CAST(row_number() OVER () AS INTEGER) AS "ord"');
  return `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${cols.join(', ')} FROM ${ident(stage)}`;
}

/**
 * Rebuilds the canonical tables from the stored sources, in the sources' order. Tables without
 * sources are created empty. Only the tables named in `only` are rebuilt when it is given.
 */
export async function loadTables(
  db: Database,
  sources: readonly StoredSource[],
  only: readonly TableName[] = TABLE_NAMES,
): Promise<void> {
  for (const table of only) {
    const mine = sources.filter((s) => s.table === table && s.rows > 0);
    if (mine.length === 0) {
      await db.exec(createTableSql(table));
      continue;
    }
    const stage = STAGE_PREFIX + table;
    await db.exec(`DROP TABLE IF EXISTS ${ident(stage)}`);
    for (let i = 0; i < mine.length; i++) await db.insertArrowIPC(stage, mine[i]!.ipc, i > 0);
    await db.exec(fromStageSql(table, stage));
    await db.exec(`DROP TABLE ${ident(stage)}`);
  }
}
