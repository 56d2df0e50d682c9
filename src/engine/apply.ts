// Runs the compiled scoring on a database: the views over the loaded tables, three tiny settings
// tables and engine_formulas (filled with bound parameters). Never copies the data tables.
import { createTableSql } from '../db/load';
import { toRows } from '../db/rows';
import type { Database, Param } from '../db/types';
import type { Lang } from '../i18n/types';
import { TABLE_NAMES } from '../schema/tables';
import { ident } from '../db/sql';
import { compileScoring, inSchema, type CompiledScoring } from './compile';
import type { CompiledFormula } from './formula';
import type { Statement } from './statement';
import { renderMessage } from './template';
import { inputViews, type InputQueries } from './views/inputs';
import { FORMULA_INSERT } from './views/values';

export interface ApplyOptions {
  readonly lang: Lang;
  readonly inputs?: InputQueries;
  /** Create the views in this schema (created if missing) rather than in `main`. */
  readonly schema?: string;
  /** Results as tables computed once (compile.ts); by default in `main` only. */
  readonly materialise?: boolean;
  /** Fill `engine_scored` a few years at a time, each slice holding at most this many result rows. */
  readonly sliceRows?: number;
}

/**
 * Result rows per slice of `engine_scored`. Filling the table in one statement holds every item's row
 * and its joins at once: at province scale (2.8 M results) that ran DuckDB out of memory in the
 * browser (3.1 GiB), where a few years at a time fits; below this size one statement is faster.
 */
export const SLICE_ROWS = 400_000;

const SCORES_TABLE = /^CREATE OR REPLACE TABLE engine_scored AS\n/;

/** Consecutive years grouped so that each group has at most `limit` result rows (one year at least). */
export async function yearSlices(db: Database, limit: number, results = 'engine_results'): Promise<[number, number][]> {
  const years = toRows(
    await db.query(`SELECT year, count(*) AS n FROM ${results} WHERE year IS NOT NULL GROUP BY year ORDER BY year`),
  ).map((r) => ({ year: Number(r['year']), n: Number(r['n']) }));
  const slices: [number, number][] = [];
  let rows = 0;
  for (const { year, n } of years) {
    if (!Number.isInteger(year)) throw new Error(`not a year: ${year}`);
    const last = slices.at(-1);
    if (last && rows + n <= limit) {
      last[1] = year;
      rows += n;
    } else {
      slices.push([year, year]);
      rows = n;
    }
  }
  return slices;
}

/**
 * `CREATE OR REPLACE TABLE <table> AS <body>`, filled a few years at a time when the results
 * (the view `results`, whose years the body's rows have) are larger than `limit` rows. `params`
 * are the body's bound parameters.
 */
export async function createByYears(db: Database, table: string, body: string, limit = SLICE_ROWS, schema = 'main', params: readonly Param[] = []): Promise<void> {
  const at = `${ident(schema)}.`;
  const run = async (sql: string) => void (params.length > 0 ? await db.query(sql, params) : await db.exec(sql));
  const slices = await yearSlices(db, limit, `${at}engine_results`);
  if (slices.length <= 1) return run(`CREATE OR REPLACE TABLE ${table} AS\n${body}`);
  // The slice's years in engine_slice narrow the plan and the inputs (views/plan.ts); the outer
  // filter narrows a body that reads a table of items.
  try {
    for (const [i, [from, to]] of slices.entries()) {
      await db.exec(`UPDATE ${at}engine_slice SET lo = ${from}, hi = ${to}`);
      const rows = `SELECT * FROM (\n${body}\n) WHERE year BETWEEN ${from} AND ${to}`;
      await run(i === 0 ? `CREATE OR REPLACE TABLE ${table} AS\n${rows}` : `INSERT INTO ${table}\n${rows}`);
    }
  } finally {
    await db.exec(`UPDATE ${at}engine_slice SET lo = NULL, hi = NULL`);
  }
}

/** Runs one statement; `engine_scored` in main is filled slice by slice when the data is large. */
async function run(db: Database, s: Statement, limit: number): Promise<void> {
  const table = SCORES_TABLE.exec(s.sql);
  if (!table) return db.exec(s.sql);
  return createByYears(db, 'engine_scored', s.sql.slice(table[0].length), limit);
}

/** The row of engine_formulas for a compiled formula, its error rendered in `lang`. */
export function formulaParams(f: CompiledFormula, lang: Lang): Param[] {
  return [
    f.id,
    f.formula,
    f.error ? renderMessage(lang, f.error.message) : null,
    f.error ? f.error.position : null,
    f.usesPrev,
    f.usesPopulation,
  ];
}

async function ensureTables(db: Database): Promise<void> {
  const existing = new Set(
    toRows(await db.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r['table_name']),
  );
  for (const t of TABLE_NAMES) if (!existing.has(t)) await db.exec(createTableSql(t));
}

/** The distinct formula targets, read through the input seam. */
async function formulaTexts(db: Database, inputs: InputQueries | undefined, schema: string): Promise<string[]> {
  for (const s of inputViews(inputs).flatMap((v) => inSchema(v, schema))) await db.exec(s.sql);
  const rows = toRows(
    await db.query(
      `SELECT DISTINCT trim(target) AS formula FROM ${ident(schema)}.engine_targets WHERE trim(target) LIKE '=%' ORDER BY formula`,
    ),
  );
  return rows.map((r) => String(r['formula']));
}

const kind = (s: Statement) => /^CREATE OR REPLACE (VIEW|TABLE|MACRO)/.exec(s.sql)?.[1];

/**
 * What was last created on each database: the views are live over the tables (reloading a table
 * keeps them valid), so the same SQL need not run again. Not checked against the catalogue:
 * duckdb_views() binds every view, which costs more than building them.
 */
const applied = new WeakMap<Database, Map<string, string>>();

/**
 * Creates (or re-creates) the scoring views; `scores` and `totals` are then ready to query. When
 * the statements are those already applied on this database, only the tables (settings,
 * formulas, the materialised results) are rebuilt: the views read the reloaded tables by
 * themselves. engine_formulas is filled as soon as it exists, before any table reads it.
 */
export async function applyScoring(db: Database, opts: ApplyOptions): Promise<CompiledScoring> {
  await ensureTables(db);
  const schema = opts.schema ?? 'main';
  if (schema !== 'main') await db.exec(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
  const formulas = await formulaTexts(db, opts.inputs, schema);
  const compiled = compileScoring({
    lang: opts.lang,
    formulas,
    inputs: opts.inputs,
    ...(opts.schema ? { schema } : {}),
    ...(opts.materialise !== undefined ? { materialise: opts.materialise } : {}),
  });
  const key = compiled.statements.map((s) => s.sql).join(';\n');
  const done = applied.get(db) ?? new Map<string, string>();
  applied.set(db, done);
  const again = done.get(schema) === key;
  done.delete(schema);
  const insert = FORMULA_INSERT.replace('engine_formulas', `${ident(schema)}.engine_formulas`);
  for (const s of compiled.statements) {
    if (again && kind(s) !== 'TABLE') continue;
    await run(db, s, opts.sliceRows ?? SLICE_ROWS);
    if (s.name === 'engine_formulas') for (const f of compiled.formulas) await db.query(insert, formulaParams(f, opts.lang));
  }
  done.set(schema, key);
  return compiled;
}
