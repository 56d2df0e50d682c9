// The rules joined into one expression each for the flag, the score and the sentence: the checks
// every rule shares are written once, the rule's own parts chosen by `rule_code`.
import type { Lang } from '../../i18n/types';
import { WARNING_FLAGS, type FlagCode } from '../flags';
import { caseWhen, dec, text, type Sql } from '../sql';
import { displayColumns } from './display';
import type { Derived, ItemRow, Rule } from './types';

/** Columns the shared checks read besides the rules' own. */
export interface CheckRow {
  readonly rule_code: Sql;
  readonly actual_text: Sql;
  readonly direction: Sql;
  readonly target_kind: Sql;
  readonly formula_error: Sql;
  readonly variants: Sql;
}

const derivedName = (rule: Rule, name: string): string => `${rule.code}_${name}`;

const names: ItemRow = new Proxy({} as ItemRow, { get: (_, name) => String(name) });

/** Where a rule's derived quantities live: the columns `<code>_<name>`. */
export function derivedRefs(rule: Rule): Derived<string> {
  return Object.fromEntries(Object.keys(rule.derive(names)).map((k) => [k, derivedName(rule, k)]));
}

/**
 * The display columns and every rule's derived quantities, computed once per row. A rule's
 * quantities are computed on its own rows only (NULL elsewhere, where nothing reads them): the
 * exact ratio arithmetic runs in HUGEINT, and on every row it took most of the scoring time.
 */
export function preparedColumns(
  rules: readonly Rule[],
  r: ItemRow,
  lang: Lang,
  ruleCode: Sql = 'rule_code',
): readonly (readonly [string, Sql])[] {
  return [
    ...displayColumns(r, lang),
    ...rules.flatMap((rule) =>
      Object.entries(rule.derive(r)).map(([k, sql]) => [derivedName(rule, k), `CASE WHEN ${ruleCode} = ${text(rule.code)} THEN ${sql} END`] as const),
    ),
  ];
}

/** A SQL value chosen by the row's rule; rules without a part fall to `otherwise`. */
export function byRule(rules: readonly Rule[], r: Pick<CheckRow, 'rule_code'>, part: (rule: Rule) => Sql | undefined, otherwise: Sql): Sql {
  const arms = rules.flatMap((rule) => {
    const sql = part(rule);
    return sql === undefined ? [] : [`WHEN ${text(rule.code)} THEN ${sql}`];
  });
  return arms.length === 0 ? otherwise : `CASE ${r.rule_code} ${arms.join(' ')} ELSE ${otherwise} END`;
}

const among = (rules: readonly Rule[], r: Pick<CheckRow, 'rule_code'>, keep: (rule: Rule) => boolean): Sql | undefined => {
  const codes = rules.filter(keep).map((rule) => text(rule.code));
  return codes.length === 0 ? undefined : `${r.rule_code} IN (${codes.join(', ')})`;
};

/**
 * The item's flag, the first that holds: unknown rule, direction, formula, target, 缺报, the
 * rule's own problems, duplicate. Conditions over NULL inputs count as false.
 */
export function flagSql(rules: readonly Rule[], r: ItemRow & CheckRow): Sql {
  const arms: [Sql, FlagCode][] = [[`${r.rule_code} IS NULL`, 'unknown_rule']];
  const push = (rulesIn: Sql | undefined, when: Sql, flag: FlagCode) => {
    if (rulesIn !== undefined) arms.push([`${rulesIn} AND ${when}`, flag]);
  };
  push(among(rules, r, (x) => x.usesDirection), `${r.direction} IS NULL`, 'bad_direction');
  push(among(rules, r, (x) => x.hasTarget !== undefined), `${r.target_kind} = 'formula' AND ${r.formula_error} IS NOT NULL`, 'bad_formula');
  arms.push([`NOT ${byRule(rules, r, (x) => x.hasTarget && `coalesce(${x.hasTarget(r)}, false)`, 'true')}`, 'no_target']);
  push(among(rules, r, (x) => x.flagsMissing), `${r.actual_text} IS NULL`, 'missing');
  const own = [...new Set(rules.flatMap((x) => x.problems(r).map(([, flag]) => flag)))];
  for (const flag of own) {
    const when = byRule(rules, r, (x) => {
      const conditions = x.problems(r).filter(([, f]) => f === flag).map(([c]) => `coalesce(${c}, false)`);
      return conditions.length === 0 ? undefined : conditions.join(' OR ');
    }, 'false');
    arms.push([when, flag]);
  }
  arms.push([`${r.variants} > 1`, 'duplicate']);
  return caseWhen(arms.map(([when, flag]) => [`coalesce(${when}, false)`, text(flag)] as const));
}

/** A flag that zeroes the score (every flag but the warnings). */
export const blocking = (flag: Sql): Sql =>
  `(${flag} IS NOT NULL AND ${flag} NOT IN (${WARNING_FLAGS.map((f) => text(f)).join(', ')}))`;

/** The item's score, DECIMAL(18,4): 0 under a blocking flag, else its rule's. */
export const scoreSql = (rules: readonly Rule[], r: ItemRow & CheckRow, flag: Sql): Sql =>
  dec(`CASE WHEN ${blocking(flag)} THEN 0 ELSE ${byRule(rules, r, (rule) => rule.score(r, derivedRefs(rule)), '0')} END`);
