// Flag and score of every item (engine_scores, what totals read), then the public `scores` with
// its sentence.
import type { Lang } from '../../i18n/types';
import { RULES } from '../rules';
import { flagSql, preparedColumns, scoreSql } from '../rules/compose';
import { ROW } from '../rules/types';
import { fmt } from '../sql';
import type { Statement } from '../statement';
import { explanationSql, type ExplainRow } from './explain';
import { targetKindSql } from './values';

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

/**
 * What `engine_scored` keeps of each scored item: what totals read, and what the sentence is made
 * from that its unit and rubric row do not already say. `scores` joins those back and writes the
 * sentence when a row is read. Written for every item, the sentences and the repeated rubric text
 * took 60% of the scoring time at province scale; read, they cost only the rows asked for (a
 * unit's report card, a year's heatmap).
 */
export const SCORED_COLUMNS = [
  'year', 'unit', 'unit_ord', 'indicator', 'rubric_source', 'rubric_row', 'rule_code', 'points', 'round', 'weight',
  'round_ord', 'target_text', 'prev', 'actual_text', 'variants', 'result_source', 'result_row', 'note', 't', 't_low',
  't_high', 'a', 'level_weight', 'formula_error', 'formula_position', 'uses_prev', 'uses_population', 'flag', 'score',
] as const;

/** Columns of the rubric row and of the unit that `scores` joins back to a stored item. */
const RUBRIC_COLUMNS = ['category', 'track', 'rule_text', 'direction', 'direction_text', 'step', 'low', 'high', 'levels', 'measure'];

export function scoreViews(lang: Lang): Statement[] {
  const shown = preparedColumns(RULES, ROW, lang).map(([name, sql]) => `${sql} AS ${name}`);
  return [
    {
      name: 'engine_scores',
      sql: `CREATE OR REPLACE VIEW engine_scores AS
SELECT *, ${scoreSql(RULES, R, 'flag')} AS score
FROM (SELECT *, ${flagSql(RULES, R)} AS flag FROM engine_prepared)`,
    },
    {
      // A table where the results are materialised (compile.ts): what totals read.
      name: 'engine_scored',
      sql: `CREATE OR REPLACE VIEW engine_scored AS
SELECT ${SCORED_COLUMNS.join(', ')} FROM engine_scores`,
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
FROM (SELECT *, ${shown.join(', ')} FROM (
  SELECT *, CASE WHEN target_kind = 'formula' THEN target_text END AS formula FROM (
    SELECT s.*, ${RUBRIC_COLUMNS.map((c) => `r.${c}`).join(', ')}, u.kind, u.population, ${targetKindSql('s.target_text')} AS target_kind
    FROM engine_scored s
    LEFT JOIN engine_rubric_rows r ON r.rubric_source IS NOT DISTINCT FROM s.rubric_source AND r.rubric_row IS NOT DISTINCT FROM s.rubric_row
    LEFT JOIN engine_unit_list u ON u.unit = s.unit)))`,
    },
  ];
}
