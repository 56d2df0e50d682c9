// The sentence on every score row: the rule's arithmetic, or why the item scored nothing.
import type { Lang } from '../../i18n/types';
import { byRule, derivedRefs, type CheckRow } from '../rules/compose';
import type { ItemRow, Rule } from '../rules/types';
import { caseWhen, concat, fmt, text, type Sql } from '../sql';
import { messageSql, template } from '../template';

/** Display columns the flag sentences read besides the rule's. */
export interface ExplainRow extends CheckRow {
  readonly round: Sql;
  readonly rule_text: Sql;
  readonly direction_text: Sql;
  readonly formula_position: Sql;
  readonly result_source: Sql;
  readonly result_row: Sql;
}

const word = (lang: Lang, key: string): Sql => text(template(lang, key));

/** What a formula without a value lacks: last year's result, the population, or (÷ 0) a value. */
function lacking(r: ItemRow, lang: Lang): Sql {
  const parts = [
    `CASE WHEN ${r.uses_prev} AND ${r.prev} IS NULL THEN ${word(lang, 'engine.input.prev')} END`,
    `CASE WHEN ${r.uses_population} AND ${r.population} IS NULL THEN ${word(lang, 'engine.input.population')} END`,
  ];
  return `coalesce(nullif(concat_ws('、', ${parts.join(', ')}), ''), ${word(lang, 'engine.input.value')})`;
}

export function flagExplanationSql(lang: Lang, r: ItemRow & ExplainRow, flag: Sql, ruleName: Sql): Sql {
  const points = fmt(r.points);
  return caseWhen([
    [`${flag} = 'unknown_rule'`, messageSql(lang, 'engine.why.unknown_rule', { rule: r.rule_text, points })],
    [`${flag} = 'bad_direction'`, messageSql(lang, 'engine.why.bad_direction', { direction: r.direction_text, points })],
    [
      `${flag} = 'bad_formula'`,
      messageSql(lang, 'engine.why.bad_formula', {
        formula: r.formula,
        position: `CAST(${r.formula_position} AS VARCHAR)`,
        reason: r.formula_error,
        points,
      }),
    ],
    [
      `${flag} = 'no_target' AND ${r.target_kind} = 'formula'`,
      messageSql(lang, 'engine.why.no_target_formula', { formula: r.formula, inputs: lacking(r, lang), points }),
    ],
    [`${flag} = 'no_target'`, messageSql(lang, 'engine.why.no_target', { points })],
    [`${flag} = 'missing'`, messageSql(lang, 'engine.why.missing', { round: r.round, points })],
    [
      `${flag} = 'not_number'`,
      messageSql(lang, 'engine.why.not_number', { target: r.target_text, actual: r.actual_text, rule: ruleName, points }),
    ],
    [`${flag} = 'unlisted_level'`, messageSql(lang, 'engine.why.unlisted_level', { actual: r.actual_text, levels: r.levels, points })],
  ]);
}

/** The sentence of every row: why it scored nothing, or its rule's arithmetic. */
export function explanationSql(lang: Lang, rules: readonly Rule[], r: ItemRow & ExplainRow, flag: Sql, score: Sql): Sql {
  const duplicate = `CASE WHEN ${flag} = 'duplicate' THEN ${messageSql(lang, 'engine.why.duplicate', {
    source: r.result_source,
    row: `CAST(${r.result_row} AS VARCHAR)`,
  })} END`;
  const name = byRule(rules, r, (rule) => word(lang, `engine.rule.${rule.code}`), 'NULL');
  const ruled = byRule(rules, r, (rule) => rule.explain(r, derivedRefs(rule), lang, score), 'NULL');
  return `coalesce(${flagExplanationSql(lang, r, flag, name)}, ${concat([ruled, duplicate])})`;
}
