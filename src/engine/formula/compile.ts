// A parsed formula compiled to SQL over the item row's `prev` and `population` columns. Every
// value is DECIMAL(38,6) through engine_f6 (macros.ts); numbers are literals generated from the
// parsed number, never the formula's text; a NULL input makes the whole value NULL.
import { numberLiteral, type Sql } from '../sql';
import type { Expr } from './ast';

export interface FormulaInputs {
  readonly prev: Sql;
  readonly population: Sql;
}

export function formulaSql(e: Expr, inputs: FormulaInputs): Sql {
  const sql = (x: Expr): Sql => formulaSql(x, inputs);
  switch (e.kind) {
    case 'number':
      return `engine_f6(${numberLiteral(e.value)})`;
    case 'var':
      return `engine_f6(${inputs[e.name]})`;
    case 'neg':
      return `engine_f6(-${sql(e.arg)})`;
    case 'binary':
      return e.op === '/' ? `engine_div6(${sql(e.left)}, ${sql(e.right)})` : `engine_f6(${sql(e.left)} ${e.op} ${sql(e.right)})`;
    case 'call': {
      const [first, ...rest] = e.args.map(sql);
      return rest.reduce((acc, arg) => `engine_${e.fn}2(${acc}, ${arg})`, first!);
    }
    case 'if':
      return `engine_if(${sql(e.cond.left)} ${e.cond.op} ${sql(e.cond.right)}, ${sql(e.then)}, ${sql(e.else)})`;
  }
}

/** The target a formula gives: its value rounded to 4 decimals (half away from zero). */
export const formulaTargetSql = (e: Expr, inputs: FormulaInputs): Sql => `CAST(${formulaSql(e, inputs)} AS DECIMAL(18,4))`;
