import type { Lang } from '../../i18n/types';
import type { FlagCode } from '../flags';
import type { Sql } from '../sql';

export type RuleCode = 'pass' | 'deduct' | 'ratio' | 'range' | 'level' | 'manual' | 'bonus';

/**
 * The prepared per-item row (views/values.ts) as rules see it: one SQL expression per column.
 * In the engine each is the column's name; tests bind them to a VALUES table of the same shape.
 */
export interface ItemRow {
  /** Numeric target, DECIMAL(18,4): a number, or a formula's value (NULL when it has none). */
  readonly t: Sql;
  /** Bounds of a range target written `103-107`. */
  readonly t_low: Sql;
  readonly t_high: Sql;
  /** 'number' | 'range' | 'formula' | 'text', NULL without a target. */
  readonly target_kind: Sql;
  readonly target_text: Sql;
  /** Numeric actual, DECIMAL(18,4); NULL when the actual is words or missing. */
  readonly a: Sql;
  readonly actual_text: Sql;
  readonly points: Sql;
  readonly step: Sql;
  readonly low: Sql;
  readonly high: Sql;
  /** 'higher' | 'lower', NULL when the rubric's direction is not understood. */
  readonly direction: Sql;
  /** Weight of the actual's level in the rubric's `levels`, NULL when unlisted. */
  readonly level_weight: Sql;
  readonly levels: Sql;
  /** '%', '‰' or '' as read from the indicator's name, for display only. */
  readonly measure: Sql;
  /** The formula's text and value inputs, for display. */
  readonly formula: Sql;
  readonly prev: Sql;
  readonly population: Sql;
  readonly uses_prev: Sql;
  readonly uses_population: Sql;
  /** The target, the actual and the gap's unit as the sentence shows them (rules/display.ts). */
  readonly target_shown: Sql;
  readonly actual_shown: Sql;
  readonly gap_unit: Sql;
}

export type Arm = readonly [condition: Sql, flag: FlagCode];

/** Quantities a rule computes once per row (columns `<code>_<name>`), read by score and explain. */
export type Derived<D extends string> = Readonly<Record<D, Sql>>;

export interface Rule<K extends keyof ItemRow = keyof ItemRow, D extends string = string> {
  readonly code: RuleCode;
  /** Spellings accepted in the rubric's `rule` column besides `code` (compared without whitespace, case-insensitive). */
  readonly names: readonly string[];
  /** The rule reads `direction`: an unknown direction flags the item. */
  readonly usesDirection: boolean;
  /** SQL boolean: the row has a target the rule can use; absent for rules that need none. */
  readonly hasTarget?: (r: Pick<ItemRow, K>) => Sql;
  /** A missing actual is 缺报; false for bonus, where no claim is simply no bonus. */
  readonly flagsMissing: boolean;
  /** The rule's intermediate quantities over the row; each becomes a column, so SQL stays small. */
  derive(r: Pick<ItemRow, K>): Derived<D>;
  /** Problems found after the target and 缺报 checks, in order. */
  problems(r: Pick<ItemRow, K>): readonly Arm[];
  /** The score, DECIMAL, in [0, points], for a row without a blocking flag. */
  score(r: Pick<ItemRow, K>, d: Derived<D>): Sql;
  /** The arithmetic as a sentence; `score` is the SQL of the item's score. */
  explain(r: Pick<ItemRow, K>, d: Derived<D>, lang: Lang, score: Sql): Sql;
}

/** Column names of the prepared row: the engine's binding of ItemRow. */
export const ROW: ItemRow = {
  t: 't',
  t_low: 't_low',
  t_high: 't_high',
  target_kind: 'target_kind',
  target_text: 'target_text',
  a: 'a',
  actual_text: 'actual_text',
  points: 'points',
  step: 'step',
  low: 'low',
  high: 'high',
  direction: 'direction',
  level_weight: 'level_weight',
  levels: 'levels',
  measure: 'measure',
  formula: 'formula',
  prev: 'prev',
  population: 'population',
  uses_prev: 'uses_prev',
  uses_population: 'uses_population',
  target_shown: 'target_shown',
  actual_shown: 'actual_shown',
  gap_unit: 'gap_unit',
};
