// Small pure builders for the SQL the engine generates. Text that comes from users never passes
// through here as SQL: user values stay in table columns and are compared or concatenated there.
import { literal } from '../db/sql';

/** A fragment of SQL text built by the engine. */
export type Sql = string;

/** A SQL string literal for text that is ours (catalogue templates, rule names, flag codes). */
export const text = (ours: string): Sql => literal(ours);

/** DECIMAL(18,4): the type of every input number, item score and points (schema/tables.ts). */
export const DEC = 'DECIMAL(18,4)';

export const dec = (x: Sql): Sql => `CAST(${x} AS ${DEC})`;

/** Decimal text we generated or validated: digits, at most one point, optional sign. */
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A numeric literal DuckDB reads as DECIMAL (≤ 18 digits), from text that is known to be a number. */
export function numberLiteral(value: string): Sql {
  if (!NUMERIC.test(value)) throw new Error(`not a decimal literal: ${value}`);
  if (value.replace(/[-.]/g, '').length > 18) throw new Error(`too many digits for DECIMAL: ${value}`);
  return value.startsWith('-') ? `(${value})` : value;
}

/** `concat` skips NULLs; a part that is NULL leaves nothing behind. */
export const concat = (parts: readonly Sql[]): Sql => (parts.length === 1 ? parts[0]! : `concat(${parts.join(', ')})`);

/** A CASE expression from WHEN pairs; `otherwise` omitted means NULL. */
export function caseWhen(arms: readonly (readonly [Sql, Sql])[], otherwise?: Sql): Sql {
  const lines = arms.map(([when, then]) => `WHEN ${when} THEN ${then}`);
  if (otherwise !== undefined) lines.push(`ELSE ${otherwise}`);
  return `CASE ${lines.join(' ')} END`;
}

/** Whitespace removed: how names and words are compared (importer has already applied NFKC). */
export const norm = (x: Sql): Sql => `engine_norm(${x})`;

/** Display text of a decimal: at most 4 decimals, trailing zeros dropped (`16`, `98.2`). */
export const fmt = (x: Sql): Sql => `engine_fmt(${x})`;

/** round(x × y ÷ d, 4) exactly (half away from zero), NULL when d = 0; x, y, d have ≤ 4 decimals. */
export const mulDiv4 = (x: Sql, y: Sql, d: Sql): Sql => `engine_muldiv4(${x}, ${y}, ${d})`;

/** x clamped to [lo, hi]. NULL stays NULL (LEAST/GREATEST alone would skip it). */
export const clamp = (x: Sql, lo: Sql, hi: Sql): Sql => `engine_clamp(${x}, ${lo}, ${hi})`;
