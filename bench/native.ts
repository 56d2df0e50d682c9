// The native baseline: the same CSV files into native DuckDB (@duckdb/node-api) with its own
// parallel read_csv, normalised in SQL the way ingest normalises these files (headers mapped by
// the contract's aliases, `%`/`‰` dropped from rates, blanks as NULL, 年终 as the default
// round), then the engine's own generated SQL (applyScoring) and the totals read back.
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { openNativeDatabase } from '../src/db/native';
import { createTableSql } from '../src/db/load';
import { toRows } from '../src/db/rows';
import { ident, literal } from '../src/db/sql';
import type { Database } from '../src/db/types';
import { applyScoring } from '../src/engine';
import { TABLES, TABLE_NAMES, type ColumnSpec, type TableName } from '../src/schema/tables';
import { ENGINE_TOTALS_SQL, type EngineTotal } from '../tests/oracle/compare';

const fold = (h: string) => h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The table whose columns the header names, and which file column each contract column is. */
function mapHeader(header: readonly string[]): { table: TableName; columns: Map<string, string> } | null {
  let best: { table: TableName; columns: Map<string, string> } | null = null;
  for (const table of TABLE_NAMES) {
    const columns = new Map<string, string>();
    for (const col of TABLES[table].columns) {
      const names = [col.name, ...col.aliases].map(fold);
      const found = header.find((h) => names.includes(fold(h)));
      if (found !== undefined && ![...columns.values()].includes(found)) columns.set(col.name, found);
    }
    const complete = TABLES[table].columns.every((c) => !c.required || columns.has(c.name));
    if (complete && (!best || columns.size > best.columns.size)) best = { table, columns };
  }
  return best;
}

function cellSql(col: ColumnSpec, source: string, table: TableName): string {
  const v = `nullif(trim(${ident(source)}), '')`;
  const numeric = `CASE WHEN regexp_full_match(${v}, '-?[0-9]+(\\.[0-9]+)?[%‰]') THEN rtrim(${v}, '%‰') ELSE ${v} END`;
  if (col.kind === 'year') return `CAST(regexp_extract(${v}, '[0-9]{4}') AS INTEGER)`;
  if (col.kind === 'number') return `CAST(${numeric} AS DECIMAL(18,4))`;
  if (col.kind === 'value') return numeric;
  if (table === 'results' && col.name === 'round') return `coalesce(${v}, '年终')`;
  return v;
}

async function loadFile(db: Database, file: string, header: readonly string[]): Promise<TableName | null> {
  const mapped = mapHeader(header);
  if (!mapped) return null;
  const { table, columns } = mapped;
  const cells = TABLES[table].columns.map((c) => {
    const source = columns.get(c.name);
    if (source !== undefined) return `${cellSql(c, source, table)} AS ${ident(c.name)}`;
    return table === 'results' && c.name === 'round' ? `'年终' AS "round"` : `NULL AS ${ident(c.name)}`;
  });
  cells.push(`${literal(path.basename(file))} AS "source"`, `CAST(row_number() OVER () + 1 AS INTEGER) AS "source_row"`);
  if (table === 'units') cells.push(`CAST(row_number() OVER () AS INTEGER) AS "ord"`);
  const read = `read_csv(${literal(file)}, header = true, all_varchar = true, delim = ',', quote = '"')`;
  await db.exec(`INSERT INTO ${ident(table)} SELECT ${cells.join(', ')} FROM ${read}`);
  return table;
}

function headerOf(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
  } finally {
    closeSync(fd);
  }
}

/** Creates the canonical tables and fills them from the files with read_csv. */
export async function loadCsvFiles(db: Database, dir: string, files: readonly string[]): Promise<void> {
  for (const t of TABLE_NAMES) await db.exec(createTableSql(t));
  for (const name of files) {
    const file = path.join(dir, name);
    await loadFile(db, file, headerOf(file));
  }
}

export interface NativeRun {
  readonly totals: EngineTotal[];
  readonly openMs: number;
  readonly loadMs: number;
  readonly scoreMs: number;
  readonly rows: Record<string, number>;
}

/** CSV files → native DuckDB tables → the engine's views → totals; the database is closed after. */
export async function nativeRun(dir: string, files: readonly string[]): Promise<NativeRun> {
  const t0 = performance.now();
  const db = await openNativeDatabase();
  try {
    const t1 = performance.now();
    await loadCsvFiles(db, dir, files);
    const t2 = performance.now();
    await applyScoring(db, { lang: 'zh-CN' });
    const totals = toRows(await db.query(ENGINE_TOTALS_SQL));
    const t3 = performance.now();
    const counts = toRows(await db.query(TABLE_NAMES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${ident(t)}`).join(' UNION ALL ')));
    return {
      totals,
      openMs: t1 - t0,
      loadMs: t2 - t1,
      scoreMs: t3 - t2,
      rows: Object.fromEntries(counts.map((r) => [String(r['t']), Number(r['n'])])),
    };
  } finally {
    await db.close();
  }
}
