// Scores a scenario: its overrides into `scenario_overrides`, then the engine's views compiled
// again in the schema `scenario` over the overridden inputs (inputs.ts). The base views in `main`
// are never touched, so they cost nothing more when no scenario is active; only the input tables
// a scenario's overrides touch are read through an overriding query.
import type { Database } from '../db/types';
import { applyScoring, type CompiledScoring } from '../engine';
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
export function withScenario<T>(db: Database, scenario: Scenario, opts: ScenarioOptions, read: () => Promise<T>): Promise<T> {
  return serial(db, async () => {
    await apply(db, scenario, opts);
    return read();
  });
}

async function apply(db: Database, scenario: Scenario, opts: ScenarioOptions): Promise<CompiledScoring> {
  await snapshotBase(db, opts.stamp);
  await loadOverrides(db, await overrideRows(db, scenario.overrides));
  const kinds = new Set(scenario.overrides.map((o) => o.kind));
  return applyScoring(db, { lang: opts.lang, inputs: scenarioInputs(kinds), schema: SCENARIO_SCHEMA });
}
