// The prepared per-item row rules read (rules/types.ts ItemRow): typed target and actual, the
// formula's value, the level's weight, and the measure (% or ‰) for the sentence.
import type { Lang } from '../../i18n/types';
import type { CompiledFormula } from '../formula';
import { RULES } from '../rules';
import { preparedColumns } from '../rules/compose';
import { ROW } from '../rules/types';
import { caseWhen, type Sql } from '../sql';
import type { Statement } from '../statement';

const RANGE = `'^(-?[0-9]+(\\.[0-9]+)?)\\s*[-~～—–]+\\s*(-?[0-9]+(\\.[0-9]+)?)$'`;

/** The helper table of compiled formulas, filled by applyScoring with bound parameters. */
export const FORMULA_TABLE: Statement = {
  name: 'engine_formulas',
  sql: `CREATE OR REPLACE TABLE engine_formulas (
  id INTEGER, formula VARCHAR, error VARCHAR, position INTEGER, uses_prev BOOLEAN, uses_population BOOLEAN)`,
};

export const FORMULA_INSERT = 'INSERT INTO engine_formulas VALUES (?, ?, ?, ?, ?, ?)';

/** Each formula's value, chosen by its id: the SQL is ours, compiled from the parsed tree. */
export function formulaValueSql(formulas: readonly CompiledFormula[]): Sql {
  const arms = formulas.filter((f) => f.sql !== null).map((f) => [`f.id = ${f.id}`, f.sql!] as const);
  return arms.length === 0 ? 'CAST(NULL AS DECIMAL(18,4))' : caseWhen(arms);
}

/** The kind of a target's text: 'formula', 'number', 'range' or 'text'; NULL without a target. */
export const targetKindSql = (x: Sql): Sql => `CASE WHEN ${x} LIKE '=%' THEN 'formula'
         WHEN TRY_CAST(${x} AS DECIMAL(18,4)) IS NOT NULL THEN 'number'
         WHEN regexp_matches(${x}, ${RANGE}) THEN 'range'
         WHEN ${x} IS NOT NULL THEN 'text' END`;

/**
 * engine_prepared: the item rows typed (target kind and value, actual, level weight, measure),
 * then the display text and every rule's intermediate quantities, each computed once.
 */
export function preparedView(formulas: readonly CompiledFormula[], notCompiled: Sql, lang: Lang): Statement {
  const range = (group: number) => `TRY_CAST(regexp_extract(i.target_text, ${RANGE}, ${group}) AS DECIMAL(18,4))`;
  const prepared = preparedColumns(RULES, ROW, lang).map(([name, sql]) => `  ${sql} AS ${name}`);
  return {
    name: 'engine_prepared',
    sql: `CREATE OR REPLACE VIEW engine_prepared AS
SELECT *,
${prepared.join(',\n')}
FROM (
SELECT i.*,
  CASE i.target_kind
    WHEN 'number' THEN TRY_CAST(i.target_text AS DECIMAL(18,4))
    WHEN 'formula' THEN ${formulaValueSql(formulas)}
  END AS t,
  CASE WHEN i.target_kind = 'range' THEN LEAST(${range(1)}, ${range(3)}) END AS t_low,
  CASE WHEN i.target_kind = 'range' THEN GREATEST(${range(1)}, ${range(3)}) END AS t_high,
  CASE WHEN i.target_kind = 'formula' THEN i.target_text END AS formula,
  CASE WHEN i.target_kind = 'formula' THEN coalesce(f.error, CASE WHEN f.id IS NULL THEN ${notCompiled} END) END AS formula_error,
  CASE WHEN i.target_kind = 'formula' THEN coalesce(f.position, 1) END AS formula_position,
  coalesce(f.uses_prev, false) AS uses_prev,
  coalesce(f.uses_population, false) AS uses_population,
  CASE WHEN i.rule_code = 'bonus' THEN CAST(i.claimed AS DECIMAL(18,4)) ELSE TRY_CAST(i.actual_text AS DECIMAL(18,4)) END AS a,
  lv.weight AS level_weight
FROM (
  SELECT *,
    ${targetKindSql('target_text')} AS target_kind,
    CASE WHEN rule_code = 'level' THEN engine_norm(actual_text) END AS level_key
  FROM engine_items
) i
LEFT JOIN engine_formulas f ON f.formula = CASE WHEN i.target_kind = 'formula' THEN i.target_text END
LEFT JOIN engine_levels lv ON lv.level = i.level_key
  AND lv.rubric_source IS NOT DISTINCT FROM i.rubric_source AND lv.rubric_row IS NOT DISTINCT FROM i.rubric_row
)`,
  };
}
