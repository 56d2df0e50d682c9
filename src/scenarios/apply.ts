// Scores a scenario: its overrides into `scenario_overrides`, then the engine's views compiled
// again in the schema `scenario` over the overridden inputs (inputs.ts). The base views in `main`
// are never touched, so they cost nothing more when no scenario is active; only the input tables
// a scenario's overrides touch are read through an overriding query.
import type { Database } from '../db/types';
import { applyScoring, type CompiledScoring } from '../engine';
import { ident } from '../db/sql';
import type { Lang } from '../i18n/types';
import { scenarioInputs } from './inputs';
import { expandQuota } from './quota';
import { loadOverrides, overrideRow, type OverrideRow } from './table';
import type { Override, Scenario } from './types';

export const SCENARIO_SCHEMA = 'scenario';

/** Base snapshots the compare reads: the base scores and totals, rebuilt after each data change. */
export const BASE_TABLES = {
  scores: 'main.scenario_base_scores',
  totals: 'main.scenario_base_totals',
} as const;

const built = new WeakMap<Database, unknown>();

/** Materialises the base snapshots once per `stamp` (the workspace's data version and language). */
export async function snapshotBase(db: Database, stamp: unknown): Promise<void> {
  if (built.has(db) && built.get(db) === stamp) return;
  built.delete(db);
  await db.exec(`CREATE OR REPLACE TABLE ${BASE_TABLES.scores} AS SELECT * FROM main.engine_scores`);
  await db.exec(`CREATE OR REPLACE TABLE ${BASE_TABLES.totals} AS SELECT * FROM main.totals`);
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
const FROZEN = 'main.scenario_items';

/**
 * Targets change only `target_text` of the scenario's items, and planning the item chain costs
 * more than everything after it. So the items are materialised once per shape, and
 * `scenario.engine_items` re-reads only their target text from the overridden targets: moving
 * the slider then plans and runs just the rules and the totals.
 */
async function freezeItems(db: Database, compiled: CompiledScoring): Promise<void> {
  const items = compiled.statements.find((st) => st.name === 'engine_items')!;
  await db.exec(items.sql.replace(`${S}.engine_items AS`, `${S}.engine_items_full AS`));
  await db.exec(`CREATE OR REPLACE TABLE ${FROZEN} AS SELECT * FROM ${S}.engine_items_full`);
  await db.exec(`CREATE OR REPLACE VIEW ${S}.engine_items AS
SELECT i.* REPLACE (coalesce(own.target, everyone.target) AS target_text)
FROM ${FROZEN} i
LEFT JOIN ${S}.engine_target_text own ON own.year = i.year AND own.unit = i.unit AND own.indicator = i.indicator
LEFT JOIN ${S}.engine_target_text everyone ON everyone.year = i.year AND everyone.unit IS NULL AND everyone.indicator = i.indicator`);
}

const shapes = new WeakMap<Database, { shape: string; compiled: CompiledScoring }>();

async function apply(db: Database, scenario: Scenario, opts: ScenarioOptions): Promise<CompiledScoring> {
  await snapshotBase(db, opts.stamp);
  await loadOverrides(db, await overrideRows(db, scenario.overrides));
  // The views read the overrides table live: a change of values alone (the slider) needs nothing more.
  const shape = shapeOf(scenario, opts);
  const last = shapes.get(db);
  if (last?.shape === shape) return last.compiled;
  shapes.delete(db);
  const kinds = new Set(scenario.overrides.map((o) => o.kind));
  const compiled = await applyScoring(db, { lang: opts.lang, inputs: scenarioInputs(kinds), schema: SCENARIO_SCHEMA });
  await freezeItems(db, compiled);
  shapes.set(db, { shape, compiled });
  return compiled;
}
