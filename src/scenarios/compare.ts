// Compare queries: the scenario's totals beside the base's, and what changed each unit's total.
// Every value a user chose (the year) is a bound parameter.
import { ident } from '../db/sql';
import { BASE_TABLES, SCENARIO_SCHEMA } from './apply';

const S = ident(SCENARIO_SCHEMA);

/** One row per unit of the year: total, grade, rank and veto before and after. Param: year. */
export const COMPARE_SQL = `SELECT s.unit, s.kind, s.unit_ord,
  b.total AS total_before, s.total AS total_after, s.total - b.total AS change,
  b.grade AS grade_before, s.grade AS grade_after,
  b.rank AS rank_before, s.rank AS rank_after,
  b.vetoed AS vetoed_before, s.vetoed AS vetoed_after, s.veto_reason,
  b.bonus AS bonus_before, s.bonus AS bonus_after
FROM ${S}.totals s LEFT JOIN ${BASE_TABLES.totals} b ON b.year = s.year AND b.unit = s.unit
WHERE s.year = ?
ORDER BY s.rank, s.unit_ord`;

/**
 * The compare as a prepared statement: the slider re-runs it with its plan kept (planning the
 * scoring views costs more than running them at demo scale). Prepared again after the views
 * change; DuckDB re-binds it by itself when the catalogue has changed meanwhile.
 */
export const PREPARE_COMPARE = `PREPARE scenario_compare AS ${COMPARE_SQL}`;
/** The year is a whole number of ours (from the years list), checked before it is written. */
export function executeCompare(year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number: ${year}`);
  return `EXECUTE scenario_compare(${year})`;
}

/** Years of the base scoring, latest first (a planned year comes on top of these). */
export const SCENARIO_YEARS_SQL = `SELECT DISTINCT year FROM ${BASE_TABLES.totals} ORDER BY year DESC`;

/**
 * Per unit and indicator of the year, the change in weighted points (bonus items before the
 * cap), only where it is not zero. Param: year.
 */
export const CHANGES_SQL = `SELECT s.unit, s.indicator, s.category,
  sum((s.score - coalesce(b.score, 0)) * coalesce(s.weight, 1)) AS delta
FROM ${S}.engine_scores s
LEFT JOIN ${BASE_TABLES.scores} b
  ON b.year = s.year AND b.unit = s.unit AND b.indicator = s.indicator AND b.round IS NOT DISTINCT FROM s.round
WHERE s.year = ?
GROUP BY s.unit, s.indicator, s.category
HAVING sum((s.score - coalesce(b.score, 0)) * coalesce(s.weight, 1)) <> 0
ORDER BY s.unit, abs(delta) DESC`;

export interface CompareRow {
  readonly unit: string;
  readonly kind: string | null;
  readonly unit_ord: number;
  readonly total_before: number | null;
  readonly total_after: number;
  readonly change: number | null;
  readonly grade_before: string | null;
  readonly grade_after: string | null;
  readonly rank_before: number | null;
  readonly rank_after: number;
  readonly vetoed_before: boolean | null;
  readonly vetoed_after: boolean;
  readonly veto_reason: string | null;
  readonly bonus_before: number | null;
  readonly bonus_after: number;
}

export interface ChangeRow {
  readonly unit: string;
  readonly indicator: string;
  readonly category: string | null;
  readonly delta: number;
}

/** A grade or veto that is not what it was: the rows the compare highlights. */
export const flipped = (r: CompareRow): boolean =>
  r.total_before !== null && (r.grade_before !== r.grade_after || r.vetoed_before !== r.vetoed_after);
