// Settings read in SQL from the settings table's text: no user text is ever spliced into SQL.
// The parsed results are three tiny tables (engine_config, engine_rounds, engine_grades),
// materialised when scoring is applied: every view reading them then binds faster.
//   round_weights 轮次权重  平时=0.3;半年=0.3;年终=0.4   (seed 003, 贵州 2011)
//   grades 等级             优秀>=90;良好>=80;合格>=70;不合格   (seed 003)
//   bonus_cap 加分上限 · bottom_veto 末位否决 · veto 否决方式 · rank_within 排名分组
import { DEFAULT_ROUND } from '../../schema/tables';
import { caseWhen, norm, text, type Sql } from '../sql';
import type { Statement } from '../statement';

export const SETTINGS = {
  round_weights: ['轮次权重'],
  bonus_cap: ['加分上限'],
  grades: ['等级'],
  bottom_veto: ['末位否决'],
  veto: ['否决方式'],
  rank_within: ['排名分组'],
} as const;

export type SettingName = keyof typeof SETTINGS;

/** Accepted values of the two word settings; anything else is noted and the default used. */
export const SETTING_WORDS = {
  veto: { zero: ['zero', '归零', '总分归零'], grade: ['grade', '等级', '仅等级'] },
  rank_within: { kind: ['kind', '类型', '单位类型', '分类'], all: ['all', 'year', '全部', '不分组'] },
} as const;

const names = (list: readonly string[]): Sql => list.map((n) => text(n.toLowerCase())).join(', ');
const folded = (x: Sql): Sql => `lower(${norm(x)})`;

/** Splits a list written `a;b;c` (also `,` `、` and full-width `；` `，`), keeping each part's place. */
export const listParts = (column: Sql): Sql =>
  `unnest(regexp_split_to_array(${column}, '[;,、；，]')) WITH ORDINALITY AS p(part, ord)`;

const ROUND_WEIGHT = `'^(.+?)\\s*[=:＝：]\\s*([0-9]+(\\.[0-9]+)?)\\s*(%?)$'`;
const GRADE_BAND = `'^(.*?)\\s*(>=|≥|＞＝|>|＞)\\s*(-?[0-9]+(\\.[0-9]+)?)\\s*分?$'`;
const BOUNDED = `'(>=|≥|＞＝|>|＞)'`;

export function settingsViews(): Statement[] {
  const keyName = caseWhen(
    (Object.keys(SETTINGS) as SettingName[]).map((k) => [`${folded('key')} IN (${names([k, ...SETTINGS[k]])})`, text(k)] as const),
  );
  const pick = (k: SettingName): Sql => `first(value ORDER BY source, source_row) FILTER (WHERE name = ${text(k)})`;
  const word = (k: keyof typeof SETTING_WORDS, v: string): Sql => {
    const words = SETTING_WORDS[k] as Readonly<Record<string, readonly string[]>>;
    return `${folded(k)} IN (${names(words[v]!)})`;
  };
  return [
    {
      name: 'engine_setting_values',
      sql: `CREATE OR REPLACE VIEW engine_setting_values AS
SELECT ${keyName} AS name, trim(value) AS value, key, source, source_row
FROM engine_settings`,
    },
    {
      name: 'engine_config',
      sql: `CREATE OR REPLACE TABLE engine_config AS
SELECT
  round_weights,
  grades,
  TRY_CAST(regexp_replace(bonus_cap, '\\s*分$', '') AS DECIMAL(18,4)) AS bonus_cap,
  TRY_CAST(regexp_replace(bottom_veto, '\\s*名$', '') AS INTEGER) AS bottom_veto,
  CASE WHEN ${word('veto', 'zero')} THEN 'zero' ELSE 'grade' END AS veto,
  CASE WHEN ${word('rank_within', 'kind')} THEN 'kind' ELSE 'all' END AS rank_within,
  veto IS NULL OR ${word('veto', 'zero')} OR ${word('veto', 'grade')} AS veto_known,
  rank_within IS NULL OR ${word('rank_within', 'kind')} OR ${word('rank_within', 'all')} AS rank_within_known,
  bonus_cap AS bonus_cap_text, bottom_veto AS bottom_veto_text, veto AS veto_text, rank_within AS rank_within_text
FROM (
  SELECT ${(Object.keys(SETTINGS) as SettingName[]).map((k) => `${pick(k)} AS ${k}`).join(',\n    ')}
  FROM engine_setting_values
)`,
    },
    {
      name: 'engine_round_parts',
      sql: `CREATE OR REPLACE VIEW engine_round_parts AS
SELECT part, CAST(ord AS INTEGER) AS ord,
  nullif(trim(regexp_extract(part, ${ROUND_WEIGHT}, 1)), '') AS round,
  CAST(CASE WHEN regexp_extract(part, ${ROUND_WEIGHT}, 4) = '%'
            THEN TRY_CAST(regexp_extract(part, ${ROUND_WEIGHT}, 2) AS DECIMAL(18,4)) * 0.01
            ELSE TRY_CAST(regexp_extract(part, ${ROUND_WEIGHT}, 2) AS DECIMAL(18,4)) END AS DECIMAL(18,4)) AS weight
FROM (SELECT trim(p.part) AS part, p.ord FROM engine_config c, ${listParts('c.round_weights')})
WHERE part <> ''`,
    },
    {
      // No (readable) setting: one round, 年终, weight 1 (issue 3).
      name: 'engine_rounds',
      sql: `CREATE OR REPLACE TABLE engine_rounds AS
SELECT round, weight, ord FROM (
  SELECT *, count(*) FILTER (WHERE ord > 0) OVER () AS named FROM (
    SELECT round, weight, ord FROM engine_round_parts
    WHERE round IS NOT NULL AND weight IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY round ORDER BY ord) = 1
    UNION ALL
    SELECT ${text(DEFAULT_ROUND)}, CAST(1 AS DECIMAL(18,4)), 0
  )
)
WHERE ord > 0 OR named = 0`,
    },
    {
      // Bands in order; the first that holds from the left is the grade; a band without a bound takes the rest.
      name: 'engine_grade_parts',
      sql: `CREATE OR REPLACE VIEW engine_grade_parts AS
SELECT part, CAST(ord AS INTEGER) AS ord,
  CASE WHEN regexp_matches(part, ${BOUNDED}) THEN nullif(trim(regexp_extract(part, ${GRADE_BAND}, 1)), '') ELSE part END AS grade,
  TRY_CAST(regexp_extract(part, ${GRADE_BAND}, 3) AS DECIMAL(18,4)) AS bound,
  regexp_extract(part, ${GRADE_BAND}, 2) IN ('>', '＞') AS strict,
  regexp_matches(part, ${BOUNDED}) AS bounded
FROM (SELECT trim(p.part) AS part, p.ord FROM engine_config c, ${listParts('c.grades')})
WHERE part <> ''`,
    },
    {
      name: 'engine_grades',
      sql: `CREATE OR REPLACE TABLE engine_grades AS
SELECT grade, bound, strict, ord FROM engine_grade_parts
WHERE grade IS NOT NULL AND (NOT bounded OR bound IS NOT NULL)`,
    },
  ];
}
