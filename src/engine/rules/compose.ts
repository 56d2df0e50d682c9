// A rule's module joined to the checks every rule shares: the flag, the score and the sentence.
import type { Lang } from '../../i18n/types';
import { WARNING_FLAGS, type FlagCode } from '../flags';
import { caseWhen, dec, text, type Sql } from '../sql';
import type { Arm, ItemRow, Rule } from './types';

/** Columns the shared checks read besides the rule's own. */
export interface CheckRow {
  readonly actual_text: Sql;
  readonly direction: Sql;
  readonly target_kind: Sql;
  readonly formula_error: Sql;
  readonly variants: Sql;
}

/** The item's flag, first that holds: direction, formula, target, 缺报, the rule's own, duplicate. */
export function flagSql(rule: Rule, r: ItemRow & CheckRow): Sql {
  const arms: Arm[] = [];
  if (rule.usesDirection) arms.push([`${r.direction} IS NULL`, 'bad_direction']);
  if (rule.hasTarget) {
    arms.push([`${r.target_kind} = 'formula' AND ${r.formula_error} IS NOT NULL`, 'bad_formula']);
    arms.push([`NOT coalesce(${rule.hasTarget(r)}, false)`, 'no_target']);
  }
  if (rule.flagsMissing) arms.push([`${r.actual_text} IS NULL`, 'missing']);
  arms.push(...rule.problems(r));
  arms.push([`${r.variants} > 1`, 'duplicate']);
  // coalesce: a condition over NULL inputs is false, never NULL (NOT NULL would skip the flag).
  return caseWhen(arms.map(([when, flag]) => [`coalesce(${when}, false)`, text(flag)] as const));
}

const blocking = (flag: Sql): Sql =>
  `(${flag} IS NOT NULL AND ${flag} NOT IN (${WARNING_FLAGS.map((f: FlagCode) => text(f)).join(', ')}))`;

/** The item's score, DECIMAL(18,4): 0 under a blocking flag, else the rule's. */
export const scoreSql = (rule: Rule, r: ItemRow, flag: Sql): Sql =>
  dec(`CASE WHEN ${blocking(flag)} THEN 0 ELSE ${rule.score(r)} END`);

/** The rule's sentence for a row it scored (flag sentences are views/explain.ts's). */
export const explainSql = (rule: Rule, r: ItemRow, lang: Lang, score: Sql): Sql => rule.explain(r, lang, score);

export { blocking };
