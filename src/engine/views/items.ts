// Each planned item (plan.ts) × round, with its target, actual and last year's result as text.
// Every joined view is unique on its join key, so no item is ever counted twice.
import type { Statement } from '../statement';
import { DEFAULT_ROUND } from '../../schema/tables';
import { text } from '../sql';
import { inSlice } from './plan';

/** Results of the years being scored, or of the year before them (`prev`). */
const trimmedResults = (yearAfter = false): string => `SELECT year, unit, indicator, round, nullif(trim(actual), '') AS actual, nullif(trim(note), '') AS note, source, source_row
  FROM engine_results WHERE ${inSlice(yearAfter ? 'year + 1' : 'year')}`;
const TRIMMED_RESULTS = trimmedResults();

/** The same result key in `d` as in `r`, NULLs alike (GROUP BY puts NULL keys in one group). */
const SAME_KEY = ['year', 'unit', 'indicator', 'round'].map((k) => `d.${k} IS NOT DISTINCT FROM r.${k}`).join(' AND ');

const first = (x: string, filter = ''): string => `first(${x} ORDER BY source, source_row)${filter}`;

/**
 * The group's non-NULL `x` joined by `sep` in file order, NULL when there is none. Equal to
 * `string_agg(x, sep ORDER BY source, source_row)`, which DuckDB 1.4 runs as a sort per group:
 * 1.7 s for the 333,000 results of the city bench, where sorting each group's list takes 0.1 s.
 */
const joined = (x: string, sep: string): string =>
  `array_to_string(list_transform(list_sort(list({'s': source, 'r': source_row, 'v': ${x}}) FILTER (WHERE ${x} IS NOT NULL)), e -> e.v), ${text(sep)})`;

/**
 * Per year, unit (blank: every unit) and indicator, the target as text: the first row in file
 * order when several differ, and how many differ (`variants`, a note). `step`: the what-if
 * slider's form (scenarios/apply.ts), the target only, of every year: one less ordered
 * aggregate and no slice bounds on a query re-run at every step of a drag.
 */
export function targetText(from: string, step = false): string {
  return `SELECT year, unit, indicator, ${first('target')} AS target${step ? '' : ', count(DISTINCT target) AS variants'}
FROM (SELECT year, unit, indicator, nullif(trim(target), '') AS target, source, source_row FROM ${from})
WHERE target IS NOT NULL${step ? '' : ` AND ${inSlice('year')}`} AND indicator IS NOT NULL
GROUP BY year, unit, indicator`;
}

export function itemViews(): Statement[] {
  const filled = ' FILTER (WHERE actual IS NOT NULL)';
  return [
    {
      // A unit's own target, or (unit blank) every unit's; the first row when several differ.
      name: 'engine_target_text',
      sql: `CREATE OR REPLACE VIEW engine_target_text AS\n${targetText('engine_targets')}`,
    },
    {
      // Most keys have one result row: those are taken as they are, and only the keys with
      // several rows are aggregated (ordered aggregates cost 3× the rest of this view on them all).
      name: 'engine_actuals',
      sql: `CREATE OR REPLACE VIEW engine_actuals AS
WITH r AS (${TRIMMED_RESULTS}),
several AS (SELECT year, unit, indicator, round FROM r GROUP BY year, unit, indicator, round HAVING count(*) > 1)
SELECT year, unit, indicator, round, actual, CAST(actual IS NOT NULL AS BIGINT) AS variants,
  source AS result_source, source_row AS result_row, note
FROM r ANTI JOIN several d ON ${SAME_KEY}
UNION ALL
SELECT year, unit, indicator, round,
  ${first('actual', filled)} AS actual,
  count(DISTINCT actual) AS variants,
  coalesce(${first('source', filled)}, ${first('source')}) AS result_source,
  coalesce(${first('source_row', filled)}, ${first('source_row')}) AS result_row,
  ${joined('note', '；')} AS note
FROM r SEMI JOIN several d ON ${SAME_KEY}
GROUP BY year, unit, indicator, round`,
    },
    {
      // Bonus claims: every row of the year, whatever its round (issue 3).
      name: 'engine_claims',
      sql: `CREATE OR REPLACE VIEW engine_claims AS
SELECT year, unit, indicator,
  ${joined('actual', ' + ')} AS actual,
  CASE WHEN count(actual) = count(TRY_CAST(actual AS DECIMAL(18,4))) THEN sum(TRY_CAST(actual AS DECIMAL(18,4))) END AS claimed,
  ${first('source')} AS result_source,
  ${first('source_row')} AS result_row,
  ${joined('note', '；')} AS note
FROM (${TRIMMED_RESULTS})
WHERE indicator IN (SELECT indicator FROM engine_rubric_rows WHERE rule_code = 'bonus')
GROUP BY year, unit, indicator`,
    },
    {
      // prev / 上年: last year's actual, its 年终 round when the data has one (docs/scoring.md):
      // a missing 年终 result leaves prev unknown, it never falls back to 半年 (a regression the
      // province bench found against the oracle). Without any 年终 round, the latest round.
      name: 'engine_prev',
      sql: `CREATE OR REPLACE VIEW engine_prev AS
SELECT r.year + 1 AS year, r.unit, r.indicator,
  first(TRY_CAST(r.actual AS DECIMAL(18,4)) ORDER BY rd.ord DESC NULLS LAST, r.source, r.source_row) AS prev
FROM (${trimmedResults(true)}) r
LEFT JOIN engine_rounds rd ON rd.round = r.round
WHERE r.actual IS NOT NULL
  AND (r.round = ${text(DEFAULT_ROUND)} OR NOT EXISTS (SELECT 1 FROM engine_results WHERE round = ${text(DEFAULT_ROUND)}))
GROUP BY r.year, r.unit, r.indicator`,
    },
    {
      // Non-bonus items are scored in every round; a bonus item once a year (round NULL).
      name: 'engine_items',
      sql: `CREATE OR REPLACE VIEW engine_items AS
WITH planned AS (
  SELECT p.*, rd.round, rd.weight, rd.ord AS round_ord
  FROM engine_plan p
  JOIN (SELECT round, weight, ord FROM engine_rounds
        UNION ALL SELECT CAST(NULL AS VARCHAR), CAST(NULL AS DECIMAL(18,4)), CAST(NULL AS INTEGER)) rd
    ON (rd.round IS NULL) = coalesce(p.rule_code = 'bonus', false)
)
SELECT pl.*,
  coalesce(own.target, everyone.target) AS target_text,
  pv.prev,
  CASE WHEN pl.round IS NULL THEN cl.actual ELSE ac.actual END AS actual_text,
  cl.claimed,
  coalesce(ac.variants, 1) AS variants,
  CASE WHEN pl.round IS NULL THEN cl.result_source ELSE ac.result_source END AS result_source,
  CASE WHEN pl.round IS NULL THEN cl.result_row ELSE ac.result_row END AS result_row,
  CASE WHEN pl.round IS NULL THEN cl.note ELSE ac.note END AS note
FROM planned pl
LEFT JOIN engine_target_text own ON own.year = pl.year AND own.unit = pl.unit AND own.indicator = pl.indicator
LEFT JOIN engine_target_text everyone ON everyone.year = pl.year AND everyone.unit IS NULL AND everyone.indicator = pl.indicator
LEFT JOIN engine_prev pv ON pv.year = pl.year AND pv.unit = pl.unit AND pv.indicator = pl.indicator
LEFT JOIN engine_actuals ac ON ac.year = pl.year AND ac.unit = pl.unit AND ac.indicator = pl.indicator AND ac.round = pl.round
LEFT JOIN engine_claims cl ON cl.year = pl.year AND cl.unit = pl.unit AND cl.indicator = pl.indicator`,
    },
  ];
}
