// What-if scenarios and goal seek (issue 5): overrides laid over the base data as SQL, scored by
// the engine's views in the schema `scenario`. Plain TypeScript, no DOM.
export { allocate, type Share } from './allocate';
export { applyScenario, BASE_TABLES, overrideRows, SCENARIO_SCHEMA, snapshotBase, withScenario, type ScenarioOptions } from './apply';
export { causes, type Cause } from './attribute';
export { CHANGES_SQL, COMPARE_SQL, executeCompare, PREPARE_COMPARE, flipped, SCENARIO_YEARS_SQL, type ChangeRow, type CompareRow } from './compare';
export { bestLevel, improvements, neededFor, seekGoal, smallestSet, type Goal, type GoalResult, type Improvement } from './goal';
export { scenarioInputs, SCENARIO_SOURCE } from './inputs';
export { splitQuota, type QuotaSplit } from './quota';
export { loadOverrides, overrideRow, overridesToIPC, OVERRIDES_TABLE, type OverrideRow } from './table';
export * from './types';
export { overrideProblems, readScenario, scenarioProblems } from './validate';
