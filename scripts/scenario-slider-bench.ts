// Times the what-if slider's re-score (issue 5: ≤ 50 ms at demo scale, ≤ 500 ms at 2,000 units ×
// 50 indicators × 10 years × 3 rounds) on the engine the browser runs (duckdb-wasm, here in Node,
// single-threaded as in Chromium): a workspace imported through the app's own code, a scenario
// with one target_shift, then steps of the slider, each = the overrides rewritten + the compare
// read, exactly as ScenarioModel does while the slider is dragged.
// Usage: npx tsx scripts/scenario-slider-bench.ts [DIR] [--steps N]
//   DIR: data/demo/wujin (default) or bench-data/province (npx tsx scripts/gen-bench-data.ts province)
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { loadTables } from '../src/db/load';
import { openNodeDatabase } from '../src/db/node';
import { toRows } from '../src/db/rows';
import { applyScoring } from '../src/engine';
import { executeCompare, PREPARE_COMPARE, SCENARIO_YEARS_SQL, withScenario, type Scenario } from '../src/scenarios';
import { importToSource } from '../src/workspace/importing';

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'data/demo/wujin');
const steps = Number(args[args.indexOf('--steps') + 1] ?? 20) || 20;
const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;

const db = await openNodeDatabase();
let t0 = performance.now();
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .flatMap((name) => importToSource({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }).source ?? []);
await loadTables(db, sources);
console.log(`import: ${ms(t0).toFixed(0)} ms`);
t0 = performance.now();
await applyScoring(db, { lang: 'zh-CN' });
const counts = toRows(await db.query('SELECT (SELECT count(*) FROM units) AS units, (SELECT count(DISTINCT indicator) FROM rubric) AS indicators, (SELECT count(DISTINCT year) FROM results) AS years, (SELECT count(*) FROM results) AS results'))[0]!;
console.log(`score (base): ${ms(t0).toFixed(0)} ms; ${JSON.stringify(counts)}`);

// The slider's indicator: the first with numeric targets, as TargetSlider picks it.
const indicator = String(
  toRows(await db.query(`SELECT indicator FROM targets GROUP BY indicator HAVING max(abs(TRY_CAST(target AS DOUBLE))) IS NOT NULL ORDER BY min(source_row), indicator LIMIT 1`))[0]!['indicator'],
);
const scenario = (delta: number): Scenario => ({ id: 'bench', name: 'bench', note: '', overrides: [{ kind: 'target_shift', indicator, delta }] });
const opts = { lang: 'zh-CN' as const, stamp: 'bench' };
const year = async () => Number(toRows(await db.query(SCENARIO_YEARS_SQL))[0]!['year']);

t0 = performance.now();
let prepared = false;
const step = (delta: number) =>
  withScenario(db, scenario(delta), opts, async (fresh) => {
    if (fresh || !prepared) await db.exec(PREPARE_COMPARE);
    prepared = true;
    return toRows(await db.query(executeCompare(await year())));
  });
await step(-0.5);
console.log(`first scenario (views, snapshots, items frozen): ${ms(t0).toFixed(0)} ms`);

const times: number[] = [];
for (let i = 0; i < steps; i++) {
  const delta = -0.5 * ((i % 8) + 1);
  t0 = performance.now();
  const rows = await step(delta);
  times.push(ms(t0));
  if (rows.length === 0) throw new Error('the compare is empty');
}
const load = loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`slider re-score (${indicator}, ${steps} steps): p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms; load ${load}`);
console.log(JSON.stringify({ dir: path.relative(process.cwd(), dir), ...counts, steps, p50: pct(times, 0.5), p95: pct(times, 0.95), load }));

// --profile: what one step's parts cost, each read alone (EXPLAIN ANALYZE would count its own overhead).
if (args.includes('--profile')) {
  await step(-1.5);
  for (const [label, sql] of [
    ['touched indicators', 'SELECT count(*) FROM scenario.engine_touched'],
    ['target text', 'SELECT count(*) FROM scenario.engine_target_text'],
    ['touched items', 'SELECT count(*) FROM scenario.engine_items'],
    ['touched scores', 'SELECT count(*) FROM scenario.engine_scores_touched'],
    ['unit rounds by difference', 'SELECT count(*) FROM scenario.engine_unit_rounds'],
    ['years', 'SELECT count(*) FROM scenario.engine_years'],
    ['totals', 'SELECT count(*) FROM scenario.totals'],
    ['compare', executeCompare(await year())],
  ] as const) {
    const t = performance.now();
    await db.query(sql);
    console.log(`  ${label}: ${ms(t).toFixed(1)} ms`);
  }
}
