// The scenario's effective rows of each input table: the loaded tables with the overrides of
// `scenario_overrides` laid over them, passed to the engine's input seam (engine/views/inputs.ts).
// The SQL is fixed text; what changes between scenarios is only the rows of the overrides table.
import { INPUT_TABLES, type InputQueries } from '../engine';
import { SETTINGS, type SettingName } from '../engine/views/settings';
import { text } from '../engine/sql';
import { DEFAULT_ROUND, type TableName } from '../schema/tables';
import { BASE_TABLES, OVERRIDES_TABLE } from './table';
import { OVERRIDE_KINDS, type OverrideKind } from './types';

const O = `main.${OVERRIDES_TABLE}`;
/** Rows a scenario adds say where they came from, like any file row. */
export const SCENARIO_SOURCE = 'scenario';
const SOURCE = text(SCENARIO_SOURCE);
const ANY_YEAR = (o: string, t: string) => `(${o}.year IS NULL OR ${o}.year = ${t}.year)`;

/** The latest override of `kind` wins for each key. */
const latest = (kind: string, key: string) =>
  `SELECT * FROM ${O} WHERE kind = ${text(kind)} QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY seq DESC) = 1`;

/**
 * Targets: `target_all` replaces every row of its indicator, `target` a unit's row (adding one
 * when the unit had none); then `target_scale` (the latest one reaching the row) and the sum of
 * `target_shift`s move numeric targets. Words, ranges and formulas are left as they are. Only the
 * steps for the kinds of override the scenario has are written: each costs a slider step its
 * plan even when no row of its kind is there.
 */
function targetsSql(kinds: ReadonlySet<OverrideKind>): string {
  const replacing = kinds.has('target') || kinds.has('target_all') || kinds.has('quota');
  const scaling = kinds.has('target_scale');
  const moving = scaling || kinds.has('target_shift');
  const replaced = replacing
    ? `SELECT t.year, t.unit, t.indicator, t.target, t.source, t.source_row FROM main.targets t
  ANTI JOIN (SELECT year, unit, indicator, kind FROM ${O} WHERE kind IN ('target', 'target_all')) o
    ON o.indicator = t.indicator AND ${ANY_YEAR('o', 't')} AND (o.kind = 'target_all' OR o.unit = t.unit)
  UNION ALL
  SELECT coalesce(o.year, y.year), CASE WHEN o.kind = 'target' THEN o.unit END, o.indicator, o.value, ${SOURCE}, o.seq
  FROM ${O} o LEFT JOIN ${BASE_TABLES.years} y ON o.year IS NULL
  WHERE o.kind IN ('target', 'target_all')
  QUALIFY row_number() OVER (PARTITION BY coalesce(o.year, y.year), CASE WHEN o.kind = 'target' THEN o.unit END, o.indicator
                             ORDER BY o.seq DESC) = 1`
    : 'SELECT year, unit, indicator, target, source, source_row FROM main.targets';
  if (!moving) return replaced;
  const moves = scaling
    ? `SELECT coalesce(o.indicator, rb.indicator) AS indicator, o.year, o.kind, o.num, o.seq
  FROM ${O} o LEFT JOIN (SELECT DISTINCT indicator, category FROM main.rubric) rb
    ON o.kind = 'target_scale' AND o.indicator IS NULL AND rb.category = o.category
  WHERE o.kind IN ('target_scale', 'target_shift')`
    : `SELECT indicator, year, kind, num, seq FROM ${O} WHERE kind = 'target_shift'`;
  return `WITH replaced AS (
  ${replaced}
),
moves AS (
  ${moves}
),
moved AS (
  SELECT r.year, r.unit, r.indicator, r.target, r.source, r.source_row,
    max_by(m.num, m.seq) FILTER (WHERE m.kind = 'target_scale') AS pct,
    sum(m.num) FILTER (WHERE m.kind = 'target_shift') AS delta
  FROM replaced r LEFT JOIN moves m ON m.indicator = r.indicator AND ${ANY_YEAR('m', 'r')}
  GROUP BY ALL
)
SELECT year, unit, indicator,
  CASE WHEN TRY_CAST(trim(target) AS DECIMAL(18,4)) IS NULL OR (pct IS NULL AND delta IS NULL) THEN target
       ELSE CAST(CAST(TRY_CAST(trim(target) AS DECIMAL(18,4)) * (100 + coalesce(pct, 0)) / 100 + coalesce(delta, 0) AS DECIMAL(18,4)) AS VARCHAR)
  END AS target,
  source, source_row
FROM moved`;
}

/**
 * Results: an `actual` replaces the unit's result (in its round, or in every round), adding a row
 * when there was none; `plan` adds the results of an earlier year as the planned year's.
 */
const RESULTS = `WITH actual AS (${latest('actual', 'year, unit, indicator, round')}),
base AS (
  SELECT * FROM main.results
  UNION ALL
  SELECT p.year, r.unit, r.indicator, r.round, r.actual, r.note, r.source, r.source_row
  FROM main.results r JOIN (${latest('plan', 'year')}) p ON r.year = CAST(p.num AS INTEGER)
)
SELECT b.year, b.unit, b.indicator, b.round, coalesce(max_by(a.value, a.seq), any_value(b.actual)) AS actual,
  any_value(b.note) AS note, b.source, b.source_row
FROM base b LEFT JOIN actual a
  ON a.year = b.year AND a.unit = b.unit AND a.indicator = b.indicator AND (a.round IS NULL OR a.round = b.round)
GROUP BY b.year, b.unit, b.indicator, b.round, b.source, b.source_row
UNION ALL
SELECT a.year, a.unit, a.indicator, coalesce(a.round, ${text(DEFAULT_ROUND)}), a.value, NULL, ${SOURCE}, a.seq
FROM actual a
ANTI JOIN base b ON b.year = a.year AND b.unit = a.unit AND b.indicator = a.indicator AND (a.round IS NULL OR a.round = b.round)`;

const num = (field: string) => `TRY_CAST(nullif(trim(f.${field}), '') AS DECIMAL(18,4))`;

/** Rubric: an `item` override replaces one column of every rubric row of its indicator. */
const RUBRIC = `WITH f AS (
  SELECT indicator,
    max_by(value, seq) FILTER (WHERE field = 'points') AS points,
    max_by(value, seq) FILTER (WHERE field = 'step') AS step,
    max_by(value, seq) FILTER (WHERE field = 'low') AS low,
    max_by(value, seq) FILTER (WHERE field = 'high') AS high,
    max_by(value, seq) FILTER (WHERE field = 'levels') AS levels,
    list(DISTINCT field) AS fields
  FROM ${O} WHERE kind = 'item' GROUP BY indicator
)
SELECT r.* REPLACE (
  coalesce(${num('points')}, r.points) AS points,
  CASE WHEN list_contains(f.fields, 'step') THEN ${num('step')} ELSE r.step END AS step,
  CASE WHEN list_contains(f.fields, 'low') THEN ${num('low')} ELSE r.low END AS low,
  CASE WHEN list_contains(f.fields, 'high') THEN ${num('high')} ELSE r.high END AS high,
  coalesce(nullif(trim(f.levels), ''), r.levels) AS levels
)
FROM main.rubric r LEFT JOIN f ON f.indicator = r.indicator`;

const settingName = (key: string) => {
  const k = `lower(regexp_replace(${key}, '\\s+', '', 'g'))`;
  const arms = (Object.keys(SETTINGS) as SettingName[]).map(
    (name) => `WHEN ${k} IN (${[name, ...SETTINGS[name]].map((n) => text(n.toLowerCase())).join(', ')}) THEN ${text(name)}`,
  );
  return `CASE ${arms.join(' ')} END`;
};

/** Settings: an override replaces every row of the same setting, whatever its key's spelling. */
const SETTINGS_SQL = `SELECT s.key, s.value, s.source, s.source_row FROM main.settings s
WHERE coalesce(${settingName('s.key')} NOT IN (SELECT field FROM ${O} WHERE kind = 'setting'), true)
UNION ALL
SELECT field, value, ${SOURCE}, seq FROM (${latest('setting', 'field')})`;

/** Vetoes: the latest override for a unit and year decides: on adds a row, off removes them. */
const VETOES = `WITH veto AS (${latest('veto', 'year, unit')})
SELECT v.year, v.unit, v.reason, v.source, v.source_row FROM main.vetoes v
ANTI JOIN veto o ON o.year = v.year AND o.unit = v.unit
UNION ALL
SELECT year, unit, nullif(trim(value), ''), ${SOURCE}, seq FROM veto WHERE flag`;

/** Which input table each kind of override changes. */
const TOUCHES: Readonly<Record<OverrideKind, 'targets' | 'results' | 'rubric' | 'settings' | 'vetoes'>> = {
  target: 'targets',
  target_all: 'targets',
  target_scale: 'targets',
  target_shift: 'targets',
  quota: 'targets',
  actual: 'results',
  plan: 'results',
  item: 'rubric',
  setting: 'settings',
  veto: 'vetoes',
};

/**
 * The input queries of a scenario with these kinds of override: a table no override touches is
 * read as it is, so a scenario costs the engine only what it changes.
 */
export function scenarioInputs(kinds: Iterable<OverrideKind> = OVERRIDE_KINDS): InputQueries {
  const present = new Set(kinds);
  const queries = { targets: targetsSql(present), results: RESULTS, rubric: RUBRIC, settings: SETTINGS_SQL, vetoes: VETOES } as const;
  const touched = new Set([...present].map((k) => TOUCHES[k]));
  const inputs: Partial<Record<TableName, string>> = {};
  for (const t of INPUT_TABLES) inputs[t] = touched.has(t as keyof typeof queries) ? queries[t as keyof typeof queries] : `SELECT * FROM main.${t}`;
  return inputs;
}
