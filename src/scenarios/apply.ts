// Scores a scenario: its overrides into `scenario_overrides`, then the engine's views compiled
// again in the schema `scenario` over the overridden inputs (inputs.ts). The base views in `main`
// are never touched, so they cost nothing more when no scenario is active; only the input tables
// a scenario's overrides touch are read through an overriding query.
import type { Database } from '../db/types';
import { applyScoring, type CompiledScoring } from '../engine';
import { createByYears, SLICE_ROWS } from '../engine/apply';
import { ident } from '../db/sql';
import { SCORED_COLUMNS } from '../engine/views/scores';
import { targetText } from '../engine/views/items';
import { targetKindSql } from '../engine/views/values';
import { toRows } from '../db/rows';
import type { Lang } from '../i18n/types';
import { scenarioInputs } from './inputs';
import { expandQuota } from './quota';
import { BASE_TABLES, loadOverrides, overrideRow, OVERRIDES_TABLE, type OverrideRow } from './table';
import type { Override, Scenario } from './types';

export const SCENARIO_SCHEMA = 'scenario';

export { BASE_TABLES };

const built = new WeakMap<Database, unknown>();

/** Materialises the base snapshots once per `stamp` (the workspace's data version and language). */
export async function snapshotBase(db: Database, stamp: unknown): Promise<void> {
  if (built.has(db) && built.get(db) === stamp) return;
  built.delete(db);
  // The base's scored items are a table computed once per data change (engine/compile.ts):
  // copying the columns the compare reads costs a scan, not another run of the scoring chain.
  await db.exec(`CREATE OR REPLACE TABLE ${BASE_TABLES.scores} AS SELECT year, unit, indicator, round, score FROM main.engine_scored`);
  await db.exec(`CREATE OR REPLACE TABLE ${BASE_TABLES.totals} AS SELECT * FROM main.totals`);
  await db.exec(`CREATE OR REPLACE TABLE ${BASE_TABLES.years} AS SELECT DISTINCT year FROM main.targets UNION SELECT DISTINCT year FROM main.results`);
  built.set(db, stamp);
}

/** The overrides as rows, quotas allocated against the base split. */
export async function overrideRows(db: Database, overrides: readonly Override[]): Promise<OverrideRow[]> {
  const rows: OverrideRow[] = [];
  for (const o of overrides) {
    if (o.kind === 'quota') for (const t of await expandQuota(db, o)) rows.push(overrideRow(t as Exclude<Override, { kind: 'quota' }>));
    else rows.push(overrideRow(o));
  }
  return rows;
}

export interface ScenarioOptions {
  readonly lang: Lang;
  /** The base data it is laid over: the base snapshots are rebuilt when it moves. */
  readonly stamp: unknown;
  /** Result rows per slice when the scenario's items are frozen (engine/apply.ts SLICE_ROWS). */
  readonly sliceRows?: number;
}

/** One scenario at a time per database: the schema `scenario` holds one. */
const queues = new WeakMap<Database, Promise<unknown>>();

function serial<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(db) ?? Promise.resolve()).then(work, work);
  queues.set(db, next.catch(() => undefined));
  return next;
}

/** Scores `scenario` in the schema `scenario` (views `scenario.scores`, `scenario.totals`, …). */
export function applyScenario(db: Database, scenario: Scenario, opts: ScenarioOptions): Promise<CompiledScoring> {
  return serial(db, () => apply(db, scenario, opts));
}

/** Scores `scenario` and runs `read` before any other scenario can take its place. */
export function withScenario<T>(
  db: Database,
  scenario: Scenario,
  opts: ScenarioOptions,
  read: (fresh: boolean) => Promise<T>,
): Promise<T> {
  return serial(db, async () => {
    const before = shapes.get(db);
    await apply(db, scenario, opts);
    return read(shapes.get(db) !== before);
  });
}

/**
 * What the compiled views and their snapshot tables depend on besides the overrides table's
 * rows: the kinds of override (which inputs are overridden), the settings (engine_config and
 * its kin are tables), formula targets (engine_formulas), the base data and the language.
 */
function shapeOf(scenario: Scenario, opts: ScenarioOptions): string {
  const kinds = [...new Set(scenario.overrides.map((o) => o.kind))].sort();
  const others = scenario.overrides.filter((o) => !TARGET_KINDS.has(o.kind));
  const formulas = scenario.overrides.some((o) => 'value' in o && typeof o.value === 'string' && o.value.trim().startsWith('='));
  return JSON.stringify([kinds, others, formulas, String(opts.stamp), opts.lang]);
}

/** Overrides that change only the targets, so only the items' target text. */
const TARGET_KINDS = new Set<Override['kind']>(['target', 'target_all', 'target_scale', 'target_shift', 'quota']);

const S = ident(SCENARIO_SCHEMA);
const O = `main.${OVERRIDES_TABLE}`;
/** The scenario's items, materialised once per shape. */
const FROZEN = 'main.scenario_items';
/**
 * The base's scored items with the columns a scenario keeps, and their unit-round totals: what
 * a shape of targets alone stands on, built once per base (data and language), not per shape.
 */
const BASE_FROZEN = 'main.scenario_base_frozen';
const BASE_FROZEN_ROUNDS = 'main.scenario_base_frozen_rounds';
const baseFrozen = new WeakMap<Database, unknown>();
/** The indicators whose items are in FROZEN, and a table the items of more pass through. */
const FROZEN_INDICATORS = 'main.scenario_item_indicators';
const WIDEN = 'main.scenario_items_more';
/** An item's columns as frozen: its display text is the rubric's, never overridden within a shape. */
const ITEM_COLUMNS = '* EXCLUDE (method, office, description)';
/** The scenario's scored items when its shape was last built, and the indicators its targets touched then. */
const FROZEN_SCORES = 'main.scenario_scores';
const FROZEN_TOUCHED = 'main.scenario_touched';
/** The years of the scenario's results when its shape was built. */
const FROZEN_YEARS = 'main.scenario_years';
/** Per unit and round, the scenario's totals when its shape was last built. */
const FROZEN_ROUNDS = 'main.scenario_unit_rounds';
/** The engine's per-unit-and-round step inside `totals` (engine/views/totals.ts), read from engine_scores. */
const UNIT_ROUNDS_CTE = /WITH unit_rounds AS \(\n\s*([\s\S]*?\bFROM engine_scores\s+GROUP BY year, unit, round)\n\),/;

/**
 * The columns of a scenario's scored items: what `engine_scored` keeps (its `scores` and totals
 * read those), what the compare reads (category) and what goal seek reads. Frozen with every
 * column, the items' display text and each rule's quantities ran DuckDB out of memory at province
 * scale (3.1 GiB in the browser).
 */
const KEPT = [...new Set([...SCORED_COLUMNS, 'category', 'target_kind', 'low', 'high', 'levels'])].join(', ');

/**
 * Indicators whose targets the scenario moves now (the overrides table, read live), or moved when
 * its shape was built: only their items can score differently from the frozen scores. The
 * indicators of a category are looked up only when the scenario scales a category.
 */
function touchedSql(kinds: ReadonlySet<Override['kind']>): string {
  const byCategory = kinds.has('target_scale')
    ? `\nUNION SELECT r.indicator FROM main.rubric r JOIN ${O} o ON o.kind = 'target_scale' AND o.indicator IS NULL AND r.category = o.category`
    : '';
  return `SELECT indicator FROM ${O} WHERE kind IN ('target', 'target_all', 'target_scale', 'target_shift') AND indicator IS NOT NULL${byCategory}
UNION SELECT indicator FROM ${FROZEN_TOUCHED}`;
}

/**
 * Within one shape only targets move, and a target changes only its own items. So at each new
 * shape the scenario's items and scores are materialised; then `scenario.engine_items` holds
 * just the items of the indicators the targets touch, their target text re-read live, and
 * `scenario.engine_scores` is the frozen scores of every other indicator beside those re-scored:
 * a slider step re-runs the rules on one indicator's items, not on the whole workspace.
 */
async function freeze(db: Database, compiled: CompiledScoring, kinds: ReadonlySet<Override['kind']>, stamp: unknown, sliceRows = SLICE_ROWS): Promise<boolean> {
  const statement = (name: string) => compiled.statements.find((st) => st.name === name)!.sql;
  // Within a shape the results do not change (overrides of actuals and plans make a new shape),
  // so neither do their years: read once here, not by a scan of every result at each step.
  await db.exec(statement('engine_years'));
  await db.exec(`CREATE OR REPLACE TABLE ${FROZEN_YEARS} AS SELECT year FROM ${S}.engine_years`);
  await db.exec(`CREATE OR REPLACE VIEW ${S}.engine_years AS SELECT year FROM ${FROZEN_YEARS}`);
  await pin(db, statement);
  await db.exec(statement('engine_items').replace(`${S}.engine_items AS`, `${S}.engine_items_full AS`));
  await db.exec(`CREATE OR REPLACE TABLE ${FROZEN_TOUCHED} (indicator VARCHAR)`);
  await db.exec(`CREATE OR REPLACE VIEW ${S}.engine_touched AS ${touchedSql(kinds)}`);
  // Overrides of targets only: every item they do not reach scores as in the base, whose scored
  // items are a table already; only the items of the indicators they touch are frozen.
  const baseBacked = [...kinds].every((k) => TARGET_KINDS.has(k));
  // Kept in indicator order: the join with the touched indicators then skips whole row groups
  // (DuckDB pushes the join's min/max into the scan), so a step reads one indicator's rows.
  // Filled a few years at a time, like the base (engine/apply.ts): in one statement at province
  // scale DuckDB ran out of memory in the browser.
  const byYears = (table: string, body: string) => createByYears(db, table, body, sliceRows, SCENARIO_SCHEMA);
  if (baseBacked) {
    await db.exec(`CREATE OR REPLACE TABLE ${FROZEN_INDICATORS} AS SELECT DISTINCT indicator FROM ${S}.engine_touched`);
    await itemsOf(db, FROZEN, toRows(await db.query(`SELECT indicator FROM ${FROZEN_INDICATORS} ORDER BY indicator`)).map((r) => String(r['indicator'])), sliceRows);
  } else {
    await byYears(FROZEN, `SELECT ${ITEM_COLUMNS} FROM ${S}.engine_items_full ORDER BY indicator`);
  }
  const withText = (texts: string, touched: string) => `SELECT i.* REPLACE (coalesce(own.target, everyone.target) AS target_text)
FROM ${FROZEN} i
LEFT JOIN ${texts} own ON own.year = i.year AND own.unit = i.unit AND own.indicator = i.indicator
LEFT JOIN ${texts} everyone ON everyone.year = i.year AND everyone.unit IS NULL AND everyone.indicator = i.indicator${touched}`;
  // A step's items: the touched indicators and their target text, each worked out once.
  const items = (touchedOnly: boolean) => `CREATE OR REPLACE VIEW ${S}.engine_items AS
${
    touchedOnly
      ? `WITH touched AS MATERIALIZED (SELECT DISTINCT indicator FROM ${S}.engine_touched),
texts AS MATERIALIZED (${targetText(`(SELECT * FROM ${S}.engine_targets SEMI JOIN touched USING (indicator))`, true)})
${withText('texts', '\nSEMI JOIN touched t ON t.indicator = i.indicator')}`
      : withText(`${S}.engine_target_text`, '')
  }`;
  const frozen = baseBacked ? BASE_FROZEN : FROZEN_SCORES;
  // What the other kind of shape froze goes: at province scale each is a copy of every item.
  if (!baseBacked) baseFrozen.delete(db);
  for (const table of baseBacked ? [FROZEN_SCORES, FROZEN_ROUNDS] : [BASE_FROZEN, BASE_FROZEN_ROUNDS]) await db.exec(`DROP TABLE IF EXISTS ${table}`);
  if (baseBacked) {
    if (baseFrozen.get(db) !== stamp) {
      baseFrozen.delete(db);
      await byYears(BASE_FROZEN, `SELECT ${KEPT} FROM (
  SELECT s.*, r.category, ${targetKindSql('s.target_text')} AS target_kind, r.low, r.high, r.levels
  FROM main.engine_scored s
  LEFT JOIN main.engine_rubric_rows r ON r.rubric_source IS NOT DISTINCT FROM s.rubric_source AND r.rubric_row IS NOT DISTINCT FROM s.rubric_row
) ORDER BY indicator`);
      const rounds = unitRoundsOf(statement('totals'));
      if (rounds) await db.exec(`CREATE OR REPLACE TABLE ${BASE_FROZEN_ROUNDS} AS ${rounds(BASE_FROZEN)}`);
      baseFrozen.set(db, stamp);
    }
  } else {
    // Every item scored once with the overrides as they are now; then only the touched ones.
    await db.exec(items(false));
    // Made again over the narrower items: a DuckDB view keeps the columns it was created with.
    await db.exec(statement('engine_prepared'));
    await db.exec(statement('engine_scores'));
    await byYears(FROZEN_SCORES, `SELECT ${KEPT} FROM ${S}.engine_scores ORDER BY indicator`);
    await db.exec(`INSERT INTO ${FROZEN_TOUCHED} SELECT DISTINCT indicator FROM ${S}.engine_touched`);
  }
  await db.exec(items(true));
  // Made again over the narrower items when nothing above did: a view keeps the columns it was created with.
  if (baseBacked) await db.exec(statement('engine_prepared'));
  await db.exec(statement('engine_scores').replace(`${S}.engine_scores AS`, `${S}.engine_scores_touched AS`));
  await db.exec(`CREATE OR REPLACE VIEW ${S}.engine_scores AS
SELECT f.* FROM ${frozen} f ANTI JOIN ${S}.engine_touched t ON t.indicator = f.indicator
UNION ALL
SELECT ${KEPT} FROM ${S}.engine_scores_touched`);
  await freezeRounds(db, statement('totals'), statement('round_totals'), frozen, baseBacked ? BASE_FROZEN_ROUNDS : null);
  return baseBacked;
}

/**
 * A base-backed shape froze the items of the indicators its targets touched then; a target on
 * another indicator (the slider moved to it) brings that indicator's items in.
 */
async function widen(db: Database, sliceRows: number): Promise<void> {
  const missing = `SELECT indicator FROM ${S}.engine_touched EXCEPT SELECT indicator FROM ${FROZEN_INDICATORS}`;
  const indicators = toRows(await db.query(`${missing} ORDER BY indicator`)).map((r) => String(r['indicator']));
  if (indicators.length === 0) return;
  await itemsOf(db, WIDEN, indicators, sliceRows);
  await db.exec(`INSERT INTO ${FROZEN} SELECT * FROM ${WIDEN}`);
  await db.exec(`INSERT INTO ${FROZEN_INDICATORS} ${missing}`);
  await db.exec(`DROP TABLE ${WIDEN}`);
}

/**
 * The items of `indicators` into `table`, the indicators bound as parameters (a filter of
 * constants, where a semi join with the touched view was not pushed down: province natively,
 * first shift 14.5 → 11.8 s). Still a few years at a time: the filter does not reach below the
 * join of the items with their results, and in one statement that join ran DuckDB out of memory
 * at province scale in the browser (3.1 GiB).
 */
function itemsOf(db: Database, table: string, indicators: readonly string[], sliceRows: number): Promise<void> {
  if (indicators.length === 0) return db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT ${ITEM_COLUMNS} FROM ${S}.engine_items_full LIMIT 0`);
  const body = `SELECT ${ITEM_COLUMNS} FROM ${S}.engine_items_full WHERE indicator IN (${indicators.map(() => '?').join(', ')}) ORDER BY indicator`;
  return createByYears(db, table, body, sliceRows, SCENARIO_SCHEMA, indicators);
}

/**
 * Views that read no target, so do not change within a shape, read as tables at each step:
 * each costs a step its whole plan (the units' list, for one, is a window and a NOT EXISTS).
 */
const PINNED = ['engine_unit_list', 'engine_listed_vetoes', 'engine_levels'] as const;

async function pin(db: Database, statement: (name: string) => string): Promise<void> {
  for (const name of PINNED) {
    // Made again first: when the compiled views are the last shape's, applyScoring keeps the pin.
    await db.exec(statement(name));
    const table = `main.${ident(`scenario_pinned_${name}`)}`;
    await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${S}.${name}`);
    await db.exec(`CREATE OR REPLACE VIEW ${S}.${name} AS SELECT * FROM ${table}`);
  }
}

/** The engine's per-unit-and-round step (the CTE's body) over another relation of scored items. */
const roundsOver = (rounds: string, relation: string) => rounds.replace(/\bFROM engine_scores\b/, `FROM ${relation}`);

/** The engine's per-unit-and-round step of `totals`, over another relation of scored items; null when it has changed. */
function unitRoundsOf(totals: string): ((relation: string) => string) | null {
  const m = UNIT_ROUNDS_CTE.exec(totals);
  return m ? (relation: string) => roundsOver(m[1]!, relation) : null;
}

/**
 * The totals follow by difference: each unit and round's frozen sums, less what the touched
 * indicators scored when frozen, plus what they score now. Sums of DECIMAL scores and counts,
 * so exact. When the engine's totals no longer have the step this expects, they are left as
 * compiled (correct, only slower); tests/unit/scenarios/overrides.test.ts notices.
 *
 * `frozen`: the scored items the shape stands on; `roundsOf`: their unit rounds when they are
 * kept already (the base's), else they are summed here.
 */
async function freezeRounds(db: Database, totals: string, roundTotals: string, frozen: string, roundsOf: string | null): Promise<boolean> {
  const m = UNIT_ROUNDS_CTE.exec(totals);
  if (!m || !roundTotals.includes(`FROM (${m[1]!})`)) return false;
  const rounds = m[1]!;
  const over = (relation: string) => roundsOver(rounds, relation);
  const f = roundsOf ?? FROZEN_ROUNDS;
  if (roundsOf === null) await db.exec(`CREATE OR REPLACE TABLE ${FROZEN_ROUNDS} AS ${over(frozen)}`);
  const key = (x: string) => `${x}.year = f.year AND ${x}.unit = f.unit AND ${x}.round IS NOT DISTINCT FROM f.round`;
  const moved = (col: string) => `f.${col} - coalesce(o.${col}, 0) + coalesce(n.${col}, 0)`;
  await db.exec(`CREATE OR REPLACE VIEW ${S}.engine_unit_rounds AS
SELECT f.year, f.unit, f.round, f.weight, f.round_ord,
  CAST(${moved('total')} AS DECIMAL(18,4)) AS total,
  CAST(${moved('claimed')} AS DECIMAL(18,4)) AS claimed,
  ${moved('missed')} AS missed, ${moved('items')} AS items, ${moved('flagged')} AS flagged
FROM ${f} f
LEFT JOIN (${over(`(SELECT s.* FROM ${frozen} s SEMI JOIN ${S}.engine_touched t ON t.indicator = s.indicator)`)}) o ON ${key('o')}
LEFT JOIN (${over(`${S}.engine_scores_touched`)}) n ON ${key('n')}`);
  await db.exec(totals.replace(m[0], `WITH unit_rounds AS (SELECT * FROM ${S}.engine_unit_rounds),`));
  await db.exec(roundTotals.replace(`FROM (${rounds})`, `FROM ${S}.engine_unit_rounds`));
  return true;
}

interface Built {
  readonly shape: string;
  readonly compiled: CompiledScoring;
  /** Frozen over the base's scores, with the items of the touched indicators only. */
  readonly baseBacked: boolean;
  /** Which indicators and categories the overrides reached when the items were last widened. */
  reach: string;
}

const shapes = new WeakMap<Database, Built>();

/** What of the overrides decides which indicators they touch: everything but the values. */
const reachOf = (rows: readonly OverrideRow[]) => JSON.stringify(rows.map((r) => [r.kind, r.indicator, r.category]));

async function apply(db: Database, scenario: Scenario, opts: ScenarioOptions): Promise<CompiledScoring> {
  await snapshotBase(db, opts.stamp);
  const rows = await overrideRows(db, scenario.overrides);
  await loadOverrides(db, rows);
  // The views read the overrides table live: a change of values alone (the slider) needs nothing more.
  const shape = shapeOf(scenario, opts);
  const last = shapes.get(db);
  if (last?.shape === shape) {
    const reach = reachOf(rows);
    if (last.baseBacked && last.reach !== reach) {
      last.reach = '';
      await widen(db, opts.sliceRows ?? SLICE_ROWS);
      last.reach = reach;
    }
    return last.compiled;
  }
  shapes.delete(db);
  const kinds = new Set(scenario.overrides.map((o) => o.kind));
  const compiled = await applyScoring(db, { lang: opts.lang, inputs: scenarioInputs(kinds), schema: SCENARIO_SCHEMA });
  const baseBacked = await freeze(db, compiled, kinds, opts.stamp, opts.sliceRows);
  shapes.set(db, { shape, compiled, baseBacked, reach: reachOf(rows) });
  return compiled;
}
