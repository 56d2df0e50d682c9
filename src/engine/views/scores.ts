// Flag and score of every item (engine_scores, what totals read), then the public `scores` with
// its sentence.
import type { Lang } from '../../i18n/types';
import { RULES } from '../rules';
import { flagSql, scoreSql } from '../rules/compose';
import { ROW } from '../rules/types';
import { fmt } from '../sql';
import type { Statement } from '../statement';
import { explanationSql, type ExplainRow } from './explain';

const EXPLAIN_ROW: ExplainRow = {
  rule_code: 'rule_code',
  actual_text: 'actual_text',
  direction: 'direction',
  target_kind: 'target_kind',
  formula_error: 'formula_error',
  variants: 'variants',
  round: 'round',
  rule_text: 'rule_text',
  direction_text: 'direction_text',
  formula_position: 'formula_position',
  result_source: 'result_source',
  result_row: 'result_row',
};

const R = { ...ROW, ...EXPLAIN_ROW };

/** Columns of `scores`, in order (docs/scoring.md). */
export const SCORE_COLUMNS = [
  'year', 'unit', 'kind', 'indicator', 'category', 'track', 'round', 'weight', 'rule', 'direction',
  'target', 'actual', 'points', 'score', 'flag', 'explanation', 'note', 'formula',
  'source', 'source_row', 'rubric_source', 'rubric_row', 'unit_ord', 'round_ord',
] as const;

export function scoreViews(lang: Lang): Statement[] {
  return [
    {
      name: 'engine_scores',
      sql: `CREATE OR REPLACE VIEW engine_scores AS
SELECT *, ${scoreSql(RULES, R, 'flag')} AS score
FROM (SELECT *, ${flagSql(RULES, R)} AS flag FROM engine_prepared)`,
    },
    {
      name: 'scores',
      sql: `CREATE OR REPLACE VIEW scores AS
SELECT year, unit, kind, indicator, category, track, round, weight,
  rule_code AS rule, direction,
  CASE WHEN target_kind IN ('number', 'formula') THEN ${fmt('t')} ELSE target_text END AS target,
  actual_text AS actual, points, score, flag,
  ${explanationSql(lang, RULES, R, 'flag', 'score')} AS explanation,
  note, formula, result_source AS source, result_row AS source_row, rubric_source, rubric_row, unit_ord, round_ord
FROM engine_scores`,
    },
  ];
}
