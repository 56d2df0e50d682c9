/**
 * Flag codes on score rows: stable English codes, labels in the catalogue (`engine.flag.<code>`).
 * All but `duplicate` mean the item scored 0 because it could not be scored as the rubric says.
 */
export const FLAGS = [
  'unknown_rule', //  the rubric's rule is none of ours
  'bad_direction', // direction is neither higher nor lower
  'bad_formula', //   the target formula does not parse
  'no_target', //     the rule needs a target and there is none (or a formula lacks its inputs)
  'missing', //       缺报: no result
  'not_number', //    target or result is words where the rule needs a number
  'unlisted_level', // the result's level is not among the rubric's levels
  'duplicate', //     conflicting results for the same item: the first is scored (a warning)
] as const;

export type FlagCode = (typeof FLAGS)[number];

/** Flags that leave the item's score as computed; every other flag scores 0. */
export const WARNING_FLAGS: readonly FlagCode[] = ['duplicate'];

/** Flags that mean the target itself is absent: not a missed target for 末位否决 (issue 3). */
export const TARGET_ABSENT_FLAGS: readonly FlagCode[] = ['no_target', 'bad_formula'];
