// SQL macros the views call. They keep the generated SQL readable ("查看SQL") and hold the only
// places where exactness is earned: DuckDB's `/` on DECIMAL gives DOUBLE, and DECIMAL(18,x) ×
// DECIMAL(18,y) stays 18 digits wide, so products are widened and quotients done on HUGEINT.
import type { Statement } from './statement';

const macro = (name: string, params: string, body: string): Statement => ({
  name,
  sql: `CREATE OR REPLACE MACRO ${name}(${params}) AS\n  ${body}`,
});

/** Largest magnitude a formula value may reach (12 integer digits); beyond it the value is NULL. */
export const FORMULA_BOUND = '1000000000000';

export const MACROS: readonly Statement[] = [
  macro('engine_norm', 's', `regexp_replace(s, '\\s+', '', 'g')`),
  macro(
    'engine_fmt',
    'x',
    `rtrim(rtrim(CAST(CAST(x AS DECIMAL(38,4)) AS VARCHAR), '0'), '.')`,
  ),
  macro('engine_clamp', 'x, lo, hi', `CASE WHEN x < lo THEN lo WHEN x > hi THEN hi ELSE x END`),
  // Integer division rounded half away from zero; NULL when dividing by zero (as DuckDB's //).
  macro('engine_round_div', 'n, d', `sign(n) * sign(d) * ((2 * abs(n) + abs(d)) // (2 * abs(d)))`),
  macro('engine_int4', 'x', `CAST(CAST(x AS DECIMAL(38,4)) * 10000 AS HUGEINT)`),
  macro(
    'engine_muldiv4',
    'x, y, d',
    `CAST(engine_round_div(engine_int4(x) * engine_int4(y), engine_int4(d)) AS DECIMAL(38,0)) * 0.0001`,
  ),
  // Formula arithmetic (formula/compile.ts): every value DECIMAL(38,6), bounded, NULL-propagating.
  macro(
    'engine_f6',
    'x',
    `CASE WHEN abs(x) < ${FORMULA_BOUND} THEN CAST(x AS DECIMAL(38,6)) END`,
  ),
  macro(
    'engine_div6',
    'n, d',
    `engine_f6(CAST(engine_round_div(CAST(n * 1000000 AS HUGEINT) * 1000000, CAST(d * 1000000 AS HUGEINT)) AS DECIMAL(38,0)) * 0.000001)`,
  ),
  macro('engine_min2', 'a, b', `CASE WHEN a <= b THEN a WHEN a > b THEN b END`),
  macro('engine_max2', 'a, b', `CASE WHEN a >= b THEN a WHEN a < b THEN b END`),
  // No branch is taken on a NULL condition: the value is NULL (issue 3).
  macro('engine_if', 'c, a, b', `CASE WHEN c THEN a WHEN NOT c THEN b END`),
];
