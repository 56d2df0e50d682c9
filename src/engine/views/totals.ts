// Round totals, base, bonus, total, vetoes, grade and rank: the public `round_totals` and `totals`.
// `totals` is one view whose steps are named CTEs, reading the scored items once: each view in a
// chain re-binds everything under it, so fewer, self-contained views keep scoring fast.
import type { Lang } from '../../i18n/types';
import { TARGET_ABSENT_FLAGS } from '../flags';
import { TARGET_RULES } from '../rules';
import { text } from '../sql';
import type { Statement } from '../statement';
import { messageSql, template } from '../template';

const list = (xs: readonly string[]): string => xs.map(text).join(', ');

/** Columns of `totals`, in order (docs/scoring.md). */
export const TOTAL_COLUMNS = [
  'year', 'unit', 'kind', 'base', 'bonus', 'total', 'grade', 'rank', 'vetoed', 'veto_reason', 'veto_streak',
  'bonus_claimed', 'missed', 'unit_ord',
] as const;

/**
 * The scored items totals read: the view `engine_scores`, or, where the results are materialised
 * (compile.ts), the table `engine_scored`, so the whole scoring runs once per data change.
 */
export type ScoredItems = 'engine_scores' | 'engine_scored';

export const ENGINE_SCORES: ScoredItems = 'engine_scores';
export const SCORES_TABLE: ScoredItems = 'engine_scored';

/**
 * Per unit and round (bonus items: round NULL): the round's total, the bonus claimed, and the
 * target items missed — below full points, 缺报 included, 无目标 not (末位否决, seed 003 麻城).
 */
export function unitRounds(from: ScoredItems = ENGINE_SCORES): string {
  return `SELECT year, unit, round, any_value(weight) AS weight, any_value(round_ord) AS round_ord,
    CAST(coalesce(sum(score) FILTER (WHERE rule_code IS DISTINCT FROM 'bonus'), 0) AS DECIMAL(18,4)) AS total,
    CAST(coalesce(sum(score) FILTER (WHERE rule_code = 'bonus'), 0) AS DECIMAL(18,4)) AS claimed,
    count(*) FILTER (WHERE rule_code IN (${list(TARGET_RULES)}) AND score < points
                       AND (flag IS NULL OR flag NOT IN (${list(TARGET_ABSENT_FLAGS)}))) AS missed,
    count(*) AS items, count(flag) AS flagged
  FROM ${from}
  GROUP BY year, unit, round`;
}

export function totalViews(lang: Lang, from: ScoredItems = ENGINE_SCORES): Statement[] {
  const rounds = unitRounds(from);
  return [
    {
      name: 'round_totals',
      sql: `CREATE OR REPLACE VIEW round_totals AS
SELECT year, unit, round, weight, total, items, flagged, round_ord
FROM (${rounds})
WHERE round IS NOT NULL`,
    },
    {
      name: 'totals',
      sql: `CREATE OR REPLACE VIEW totals AS
WITH unit_rounds AS (
  ${rounds}
),
-- base = Σ round total × weight, exact; bonus capped by bonus_cap (加分上限).
unit_totals AS (
  SELECT y.year, u.unit, u.kind, u.ord AS unit_ord,
    CAST(coalesce(s.base, 0) AS DECIMAL(18,8)) AS base,
    CAST(coalesce(s.claimed, 0) AS DECIMAL(18,4)) AS bonus_claimed,
    CAST(CASE WHEN cfg.bonus_cap IS NULL THEN coalesce(s.claimed, 0)
              ELSE LEAST(coalesce(s.claimed, 0), GREATEST(cfg.bonus_cap, 0)) END AS DECIMAL(18,4)) AS bonus,
    CAST(coalesce(s.missed, 0) AS INTEGER) AS missed,
    CASE WHEN cfg.rank_within = 'kind' THEN u.kind END AS rank_group,
    cfg.bottom_veto, cfg.veto
  FROM engine_years y CROSS JOIN engine_unit_list u CROSS JOIN engine_config cfg
  LEFT JOIN (
    SELECT year, unit, sum(CAST(total AS DECIMAL(38,4)) * weight) FILTER (WHERE round IS NOT NULL) AS base,
      sum(claimed) AS claimed, sum(missed) AS missed
    FROM unit_rounds GROUP BY year, unit
  ) s ON s.year = y.year AND s.unit = u.unit
),
-- total rounded to 2 decimals (half away from zero) before 末位否决, grading and ranking.
rounded AS (
  SELECT ut.*, CAST(ROUND(ut.base + ut.bonus, 2) AS DECIMAL(18,2)) AS total,
    lv.unit IS NOT NULL AS listed, lv.reason AS listed_reason
  FROM unit_totals ut LEFT JOIN engine_listed_vetoes lv ON lv.year = ut.year AND lv.unit = ut.unit
),
-- 末位否决: among units not already vetoed, the last N places (ties with the Nth included).
bottom AS (
  SELECT *, coalesce(NOT listed AND bottom_veto > 0 AND missed > 0
      AND rank() OVER (PARTITION BY year, rank_group, listed ORDER BY total) <= bottom_veto, false) AS bottom_vetoed
  FROM rounded
),
vetoed AS (
  SELECT *, listed OR bottom_vetoed AS vetoed,
    CASE WHEN listed THEN listed_reason
         WHEN bottom_vetoed THEN ${messageSql(lang, 'engine.veto.bottom', { n: 'CAST(bottom_veto AS VARCHAR)' })} END AS veto_reason
  FROM bottom
),
published AS (
  SELECT *, CASE WHEN vetoed AND veto = 'zero' THEN CAST(0 AS DECIMAL(18,2)) ELSE total END AS published
  FROM vetoed
),
-- veto_streak: consecutive calendar years vetoed up to this one (连续两年否决, seed 003), counted
-- over the vetoed unit-years only: windows over every unit-year cost a what-if step 0.1 s at
-- province scale, for the few units ever vetoed.
streaks AS (
  SELECT year, unit, CAST(row_number() OVER (PARTITION BY unit, run ORDER BY year) AS INTEGER) AS veto_streak
  FROM (SELECT year, unit, year - row_number() OVER (PARTITION BY unit ORDER BY year) AS run FROM vetoed WHERE vetoed)
)
-- Vetoed units rank after all others (A 95, B 90 vetoed, C 85 → A 1, C 2, B 3); ties share a rank.
SELECT p.year, p.unit, kind, base, bonus, published AS total,
  CASE WHEN vetoed THEN ${text(template(lang, 'engine.grade.vetoed'))}
       ELSE list_filter(gb.bands, g -> g.bound IS NULL OR (g.strict AND total > g.bound) OR (NOT g.strict AND total >= g.bound))[1].grade
  END AS grade,
  CAST(rank() OVER (PARTITION BY p.year, rank_group ORDER BY vetoed, published DESC) AS INTEGER) AS rank,
  vetoed, veto_reason,
  coalesce(st.veto_streak, 0) AS veto_streak,
  bonus_claimed, missed, unit_ord
FROM published p LEFT JOIN streaks st ON st.year = p.year AND st.unit = p.unit
-- The grade bands in order, the first whose bound the total reaches: a list read once, not a
-- correlated subquery (a delim join in every plan that reads totals).
CROSS JOIN (SELECT list({'grade': grade, 'bound': bound, 'strict': strict} ORDER BY ord) AS bands FROM engine_grades) gb`,
    },
  ];
}

/** Vetoes listed in the vetoes table, one row per year and unit, reasons joined. */
export function listedVetoesView(lang: Lang): Statement {
  return {
    name: 'engine_listed_vetoes',
    sql: `CREATE OR REPLACE VIEW engine_listed_vetoes AS
SELECT year, unit, string_agg(DISTINCT reason, '；' ORDER BY reason) AS reason
FROM (SELECT year, unit, coalesce(nullif(trim(reason), ''), ${text(template(lang, 'engine.veto.listed'))}) AS reason FROM engine_vetoes)
WHERE year IS NOT NULL AND unit IS NOT NULL
GROUP BY year, unit`,
  };
}
