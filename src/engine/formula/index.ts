// Target formulas: parsed in TypeScript, compiled to SQL, one entry per distinct formula text.
import type { Sql } from '../sql';
import { formulaTargetSql } from './compile';
import { parseFormula, type FormulaError } from './parse';

export { formulaTargetSql as compileFormulaTarget } from './compile';
export { parseFormula, type FormulaError } from './parse';

export interface CompiledFormula {
  /** 1-based id, the key of the `engine_formulas` helper table. */
  readonly id: number;
  readonly formula: string;
  /** The target's SQL over the row's `prev` and `population`; null when the formula does not parse. */
  readonly sql: Sql | null;
  readonly error: FormulaError | null;
  readonly usesPrev: boolean;
  readonly usesPopulation: boolean;
}

/** Each distinct formula once, in the order given. */
export function compileFormulas(formulas: readonly string[]): CompiledFormula[] {
  return [...new Set(formulas)].map((formula, i) => {
    const parsed = parseFormula(formula);
    if (!parsed.ok) return { id: i + 1, formula, sql: null, error: parsed.error, usesPrev: false, usesPopulation: false };
    return {
      id: i + 1,
      formula,
      sql: formulaTargetSql(parsed.expr, { prev: 'prev', population: 'population' }),
      error: null,
      usesPrev: parsed.uses.prev,
      usesPopulation: parsed.uses.population,
    };
  });
}
