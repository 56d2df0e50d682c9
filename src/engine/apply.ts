// Runs the compiled scoring on a database: the views over the loaded tables, and the small
// engine_formulas table filled with bound parameters. Never copies the data tables.
import { createTableSql } from '../db/load';
import { toRows } from '../db/rows';
import type { Database, Param } from '../db/types';
import type { Lang } from '../i18n/types';
import { TABLE_NAMES } from '../schema/tables';
import { compileScoring, type CompiledScoring } from './compile';
import type { CompiledFormula } from './formula';
import { renderMessage } from './template';
import { inputViews } from './views/inputs';
import { FORMULA_INSERT } from './views/values';

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
async function formulaTexts(db: Database): Promise<string[]> {
  for (const s of inputViews()) await db.exec(s.sql);
  const rows = toRows(
    await db.query(`SELECT DISTINCT trim(target) AS formula FROM engine_targets WHERE trim(target) LIKE '=%' ORDER BY formula`),
  );
  return rows.map((r) => String(r['formula']));
}

/** Creates (or re-creates) the scoring views; `scores` and `totals` are then ready to query. */
export async function applyScoring(db: Database, opts: { readonly lang: Lang }): Promise<CompiledScoring> {
  await ensureTables(db);
  const compiled = compileScoring({ lang: opts.lang, formulas: await formulaTexts(db) });
  for (const s of compiled.statements) await db.exec(s.sql);
  for (const f of compiled.formulas) await db.query(FORMULA_INSERT, formulaParams(f, opts.lang));
  return compiled;
}
