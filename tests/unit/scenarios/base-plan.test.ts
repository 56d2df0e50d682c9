// The scenario machinery must not slow the base views (issue 5): with a scenario scored beside
// them, the plans of `scores`, `round_totals` and `totals` read the base tables only, never the
// overrides or anything of the scenario's. Checked on DuckDB's own plans, not on a clock.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/types';
import { OVERRIDES_TABLE } from '../../../src/scenarios';
import { demoDb, rows, scenario } from './demo';

// Importing and scoring the demo takes a while on a busy machine: once, before the tests' clocks start.
beforeAll(() => demoDb().then(() => undefined), 180_000);

/** The tables a query's physical plan scans (the JSON plan: the text one cuts long names short). */
async function scanned(db: Database, sql: string): Promise<string[]> {
  const text = (await rows(db, `EXPLAIN (FORMAT json) ${sql}`)).map((r) => Object.values(r).join('\n')).join('\n');
  return [...new Set([...text.matchAll(/"Table":\s*"([^"]+)"/g)].map((m) => m[1]!))].sort();
}

/** Anything of a scenario's: the overrides, its schema's views, its materialised items and scores. */
const SCENARIO_PARTS = [OVERRIDES_TABLE, 'scenario_items', 'scenario_scores', 'scenario_touched', 'scenario_base_scores', 'scenario_base_totals', 'scenario_base_frozen', 'scenario_base_frozen_rounds', 'scenario_unit_rounds'];

describe('base views with a scenario beside them', () => {
  it('the scenario is there: its own totals read the overrides and its frozen items', async () => {
    const db = await scenario([{ kind: 'target_shift', indicator: '出生政策符合率', delta: -2 }]);
    const tables = await scanned(db, 'SELECT * FROM scenario.totals');
    expect(tables).toContain(OVERRIDES_TABLE);
    expect(tables).toContain('scenario_items');
    // A slider step reads the totals by difference: the frozen per-unit sums, not every item;
    // targets alone stand on the base's, kept once per base.
    expect(tables).toContain('scenario_base_frozen_rounds');
  });

  for (const view of ['scores', 'round_totals', 'totals']) {
    it(`${view}: the plan reads no override and nothing of the scenario`, async () => {
      const db = await scenario([{ kind: 'target_shift', indicator: '出生政策符合率', delta: -2 }]);
      const tables = await scanned(db, `SELECT * FROM main.${view}`);
      expect(tables.length).toBeGreaterThan(0);
      for (const part of SCENARIO_PARTS) expect(tables, part).not.toContain(part);
    });
  }
});
