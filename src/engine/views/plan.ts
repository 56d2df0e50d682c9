// What gets scored: every unit (units table, else every unit named in the results) × every year
// that has results × every rubric indicator that applies, the most specific rubric row winning
// (year+kind > year > kind > neither).
import { directionSql, ruleCodeSql } from '../rules';
import { listParts } from './settings';
import { MEASURE_SQL } from './measure';
import type { Statement } from '../statement';

/**
 * `year` within the slice being scored (engine_slice; open bounds when there is none). Compared
 * with the bounds, not a list of the slice's years: that list is read from the results, which a
 * scenario's slider step would otherwise scan again.
 */
export const inSlice = (year: string): string =>
  `${year} BETWEEN coalesce((SELECT lo FROM engine_slice), ${year}) AND coalesce((SELECT hi FROM engine_slice), ${year})`;

const LEVEL = `'^(.+?)\\s*[=:＝：]\\s*(-?[0-9]+(\\.[0-9]+)?)$'`;

export function planViews(): Statement[] {
  return [
    {
      name: 'engine_years',
      sql: `CREATE OR REPLACE VIEW engine_years AS
SELECT DISTINCT year FROM engine_results WHERE year IS NOT NULL`,
    },
    {
      // The years being scored now: every year (NULL bounds), or while a large workspace is scored
      // a few years at a time (apply.ts createByYears), the slice's first and last. The plan and
      // the item inputs read only those years (inSlice), so a slice joins only its own rows.
      name: 'engine_slice',
      sql: `CREATE OR REPLACE TABLE engine_slice AS SELECT CAST(NULL AS INTEGER) AS lo, CAST(NULL AS INTEGER) AS hi`,
    },
    {
      name: 'engine_unit_list',
      sql: `CREATE OR REPLACE VIEW engine_unit_list AS
SELECT unit, first(kind ORDER BY ord) AS kind, first(population ORDER BY ord) AS population, min(ord) AS ord
FROM engine_units WHERE unit IS NOT NULL
GROUP BY unit
UNION ALL
SELECT unit, CAST(NULL AS VARCHAR), CAST(NULL AS DECIMAL(18,4)),
  CAST(row_number() OVER (ORDER BY min(source), min(source_row), unit) AS INTEGER)
FROM engine_results
WHERE unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM engine_units WHERE unit IS NOT NULL)
GROUP BY unit`,
    },
    {
      name: 'engine_rubric_rows',
      sql: `CREATE OR REPLACE VIEW engine_rubric_rows AS
SELECT indicator, category, track, coalesce(points, 0) AS points, rule AS rule_text,
  ${ruleCodeSql('rule')} AS rule_code,
  ${directionSql('direction')} AS direction, direction AS direction_text,
  step, low, high, levels, method, office, description,
  year AS rubric_year, kind AS rubric_kind, source AS rubric_source, source_row AS rubric_row,
  CAST(year IS NOT NULL AS INTEGER) * 2 + CAST(kind IS NOT NULL AS INTEGER) AS specificity,
  ${MEASURE_SQL} AS measure
FROM engine_rubric WHERE indicator IS NOT NULL`,
    },
    {
      name: 'engine_level_parts',
      sql: `CREATE OR REPLACE VIEW engine_level_parts AS
SELECT rubric_source, rubric_row, indicator, part, CAST(ord AS INTEGER) AS ord,
  engine_norm(regexp_extract(part, ${LEVEL}, 1)) AS level,
  TRY_CAST(regexp_extract(part, ${LEVEL}, 2) AS DECIMAL(18,4)) AS weight
FROM (
  SELECT r.source AS rubric_source, r.source_row AS rubric_row, r.indicator, trim(p.part) AS part, p.ord
  FROM engine_rubric r, ${listParts('r.levels')}
)
WHERE part <> ''`,
    },
    {
      name: 'engine_levels',
      sql: `CREATE OR REPLACE VIEW engine_levels AS
SELECT rubric_source, rubric_row, level, weight FROM engine_level_parts
WHERE level <> '' AND weight IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY rubric_source, rubric_row, level ORDER BY ord) = 1`,
    },
    {
      name: 'engine_plan',
      // The rubric row is chosen once per year and kind of unit, then given to that kind's units:
      // choosing it per unit sorted every unit's candidates (a window over units × indicators).
      sql: `CREATE OR REPLACE VIEW engine_plan AS
WITH chosen AS (
  SELECT y.year, k.kind AS unit_kind, r.*
  FROM (SELECT year FROM engine_years WHERE ${inSlice('year')}) y
  CROSS JOIN (SELECT DISTINCT kind FROM engine_unit_list) k
  JOIN engine_rubric_rows r
    ON (r.rubric_year IS NULL OR r.rubric_year = y.year) AND (r.rubric_kind IS NULL OR r.rubric_kind = k.kind)
  QUALIFY row_number() OVER (
    PARTITION BY y.year, k.kind, r.indicator ORDER BY r.specificity DESC, r.rubric_source, r.rubric_row) = 1
)
SELECT c.year, u.unit, u.kind, u.population, u.ord AS unit_ord, c.* EXCLUDE (year, unit_kind)
FROM chosen c JOIN engine_unit_list u ON u.kind IS NOT DISTINCT FROM c.unit_kind`,
    },
  ];
}
