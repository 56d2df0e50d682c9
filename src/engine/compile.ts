// The whole scoring as SQL: macros, the input seam, settings, plan, items, scores and totals,
// in the order they must be created. Pure: the same options give the same statements.
import type { Lang } from '../i18n/types';
import { ident } from '../db/sql';
import { compileFormulas, type CompiledFormula } from './formula';
import { MACROS } from './macros';
import { text } from './sql';
import type { Statement } from './statement';
import { template } from './template';
import { inputViews, type InputQueries } from './views/inputs';
import { itemViews } from './views/items';
import { noteViews } from './views/notes';
import { planViews } from './views/plan';
import { scoreViews } from './views/scores';
import { settingsViews } from './views/settings';
import { ENGINE_SCORES, listedVetoesView, SCORES_TABLE, totalViews } from './views/totals';
import { FORMULA_TABLE, preparedView } from './views/values';

export interface ScoringOptions {
  readonly lang: Lang;
  /** The distinct formula targets (`=…`) in the data; each is parsed and compiled once. */
  readonly formulas?: readonly string[];
  /** The effective rows of each input table (views/inputs.ts); by default the loaded tables. */
  readonly inputs?: InputQueries;
  /** A schema to create every object in (a scenario's copy of the views), instead of `main`. */
  readonly schema?: string;
  /**
   * Create the results (RESULT_NAMES) as tables computed once, rather than views every reader
   * recomputes. By default in `main` (the base data: read often, changed rarely) and not in
   * another schema (a scenario's views read its overrides live as a slider moves).
   */
  readonly materialise?: boolean;
}

/**
 * What readers query often: tables when materialised, computed once per data change. `scores`
 * stays a view over `engine_scored` that writes each row's sentence when the row is read, and
 * `scoring_notes` stays a view: read once by the command line and rarely by a cell, it would
 * cost every apply its plan (0.1–0.6 s in the browser) for nothing.
 */
export const RESULT_NAMES = ['engine_scored', 'round_totals', 'totals'] as const;

/** The view's statement as a table filled from the same query (a CTAS binds in `main`). */
function asTable(s: Statement): Statement {
  if (!(RESULT_NAMES as readonly string[]).includes(s.name)) return s;
  return { ...s, sql: s.sql.replace(/^CREATE OR REPLACE VIEW /, 'CREATE OR REPLACE TABLE ') };
}

export interface CompiledScoring {
  readonly statements: readonly Statement[];
  readonly formulas: readonly CompiledFormula[];
}

export function compileScoring(opts: ScoringOptions): CompiledScoring {
  const formulas = compileFormulas(opts.formulas ?? []);
  const notCompiled = text(template(opts.lang, 'engine.formula.not_compiled'));
  const materialise = opts.materialise ?? !opts.schema;
  // Materialised, the totals read the `engine_scored` table: the scoring chain runs once, not per result.
  const statements = [
    ...MACROS,
    ...inputViews(opts.inputs),
    FORMULA_TABLE,
    ...settingsViews(),
    ...planViews(),
    ...itemViews(),
    preparedView(formulas, notCompiled, opts.lang),
    ...scoreViews(opts.lang),
    listedVetoesView(opts.lang),
    ...totalViews(opts.lang, materialise ? SCORES_TABLE : ENGINE_SCORES),
    ...noteViews(opts.lang),
  ].map((s) => (materialise ? asTable(s) : s));
  return { statements: opts.schema ? statements.flatMap((s) => inSchema(s, opts.schema!)) : statements, formulas };
}

/**
 * The statements creating the object in `schema`. View bodies stay unqualified: DuckDB binds a
 * view's names in the view's own schema first, so the copy reads its own inputs and steps. A
 * table's `AS SELECT` binds in the connection's schema instead, so its body becomes a view
 * (`<name>_body`) in `schema` and the table is filled from that.
 */
export function inSchema(s: Statement, schema: string): Statement[] {
  const at = `${ident(schema)}.`;
  const table = /^CREATE OR REPLACE TABLE (\w+) AS\n/.exec(s.sql);
  if (table) {
    const body = `${table[1]}_body`;
    return [
      { name: body, sql: `CREATE OR REPLACE VIEW ${at}${body} AS\n${s.sql.slice(table[0].length)}` },
      { ...s, sql: `CREATE OR REPLACE TABLE ${at}${table[1]} AS SELECT * FROM ${at}${body}` },
    ];
  }
  return [{ ...s, sql: s.sql.replace(/^CREATE OR REPLACE (VIEW|TABLE|MACRO) /, `CREATE OR REPLACE $1 ${at}`) }];
}
