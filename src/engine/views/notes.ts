// scoring_notes: what the engine set aside or chose, so nothing disappears silently — settings
// it cannot read, level lists with unreadable parts, duplicate rubric rows and conflicting
// targets, results no item uses, vetoes for units not assessed.
import type { Lang } from '../../i18n/types';
import type { Sql } from '../sql';
import type { Statement } from '../statement';
import { messageSql } from '../template';

interface Note {
  readonly code: string;
  /** A query giving `source`, `source_row` and the message's parameters as columns. */
  readonly from: string;
  readonly params: readonly string[];
}

const NOTES: readonly Note[] = [
  {
    code: 'setting_unknown',
    from: `SELECT source, source_row, key FROM engine_setting_values WHERE name IS NULL`,
    params: ['key'],
  },
  {
    code: 'setting_duplicate',
    from: `SELECT source, source_row, key FROM engine_setting_values WHERE name IS NOT NULL
      QUALIFY row_number() OVER (PARTITION BY name ORDER BY source, source_row) > 1`,
    params: ['key'],
  },
  {
    code: 'setting_bad',
    from: `SELECT NULL AS source, NULL AS source_row, 'round_weights' AS key, part FROM engine_round_parts WHERE round IS NULL OR weight IS NULL
      UNION ALL SELECT NULL, NULL, 'grades', part FROM engine_grade_parts WHERE grade IS NULL OR (bounded AND bound IS NULL)
      UNION ALL SELECT NULL, NULL, 'bonus_cap', bonus_cap_text FROM engine_config WHERE bonus_cap_text IS NOT NULL AND bonus_cap IS NULL
      UNION ALL SELECT NULL, NULL, 'bottom_veto', bottom_veto_text FROM engine_config WHERE bottom_veto_text IS NOT NULL AND bottom_veto IS NULL
      UNION ALL SELECT NULL, NULL, 'veto', veto_text FROM engine_config WHERE NOT veto_known
      UNION ALL SELECT NULL, NULL, 'rank_within', rank_within_text FROM engine_config WHERE NOT rank_within_known`,
    params: ['key', 'part'],
  },
  {
    code: 'rubric_duplicate',
    from: `SELECT rubric_source AS source, rubric_row AS source_row, indicator FROM engine_rubric_rows
      QUALIFY row_number() OVER (PARTITION BY indicator, rubric_year, rubric_kind ORDER BY rubric_source, rubric_row) > 1`,
    params: ['indicator'],
  },
  {
    code: 'rubric_bad_levels',
    from: `SELECT rubric_source AS source, rubric_row AS source_row, indicator, part FROM engine_level_parts
      WHERE level = '' OR weight IS NULL`,
    params: ['indicator', 'part'],
  },
  {
    code: 'target_duplicate',
    from: `SELECT NULL AS source, NULL AS source_row, CAST(year AS VARCHAR) AS year, coalesce(unit, '*') AS unit, indicator
      FROM engine_target_text WHERE variants > 1`,
    params: ['year', 'unit', 'indicator'],
  },
  {
    code: 'result_unknown_unit',
    from: `SELECT first(source ORDER BY source, source_row) AS source, first(source_row ORDER BY source, source_row) AS source_row, unit
      FROM engine_results r WHERE unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM engine_unit_list u WHERE u.unit = r.unit)
      GROUP BY unit`,
    params: ['unit'],
  },
  {
    code: 'result_unknown_indicator',
    from: `SELECT first(source ORDER BY source, source_row) AS source, first(source_row ORDER BY source, source_row) AS source_row,
        CAST(year AS VARCHAR) AS year, unit, indicator
      FROM engine_results r
      WHERE EXISTS (SELECT 1 FROM engine_unit_list u WHERE u.unit = r.unit)
        AND NOT EXISTS (SELECT 1 FROM engine_plan p WHERE p.year = r.year AND p.unit = r.unit AND p.indicator = r.indicator)
      GROUP BY year, unit, indicator`,
    params: ['year', 'unit', 'indicator'],
  },
  {
    code: 'result_unknown_round',
    from: `SELECT first(source ORDER BY source, source_row) AS source, first(source_row ORDER BY source, source_row) AS source_row, round
      FROM engine_results r
      WHERE NOT EXISTS (SELECT 1 FROM engine_rounds rd WHERE rd.round = r.round)
        AND EXISTS (SELECT 1 FROM engine_plan p WHERE p.year = r.year AND p.unit = r.unit AND p.indicator = r.indicator
                    AND p.rule_code IS DISTINCT FROM 'bonus')
      GROUP BY round`,
    params: ['round'],
  },
  {
    code: 'veto_unscored',
    from: `SELECT source, source_row, CAST(year AS VARCHAR) AS year, unit FROM engine_vetoes v
      WHERE NOT EXISTS (SELECT 1 FROM engine_years y WHERE y.year = v.year)
         OR NOT EXISTS (SELECT 1 FROM engine_unit_list u WHERE u.unit = v.unit)`,
    params: ['year', 'unit'],
  },
];

/** Codes of the notes, in the order the view lists them. */
export const NOTE_CODES = NOTES.map((n) => n.code);

export function noteViews(lang: Lang): Statement[] {
  const selects = NOTES.map((n) => {
    const params: Record<string, Sql> = Object.fromEntries(n.params.map((p) => [p, p]));
    return `SELECT '${n.code}' AS code, CAST(source AS VARCHAR) AS source, CAST(source_row AS INTEGER) AS source_row,
  ${messageSql(lang, `engine.note.${n.code}`, params)} AS message
FROM (${n.from})`;
  });
  return [{ name: 'scoring_notes', sql: `CREATE OR REPLACE VIEW scoring_notes AS\n${selects.join('\nUNION ALL\n')}` }];
}
