// Import + score at one scale, in a fresh browser per run (so the renderer's peak memory is this
// run's): open the app, clear the demo with 清空工作区, pick the CSV files in the app's file input,
// wait for the leaderboard of the new data. The last run also reads the engine's totals (for the
// oracle), times the board's own queries, and makes the what-if edits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LEADERBOARD_SQL, YEARS_SQL } from '../../src/app/leaderboard';
import { ENGINE_TOTALS_SQL, type EngineTotal } from '../../tests/oracle/compare';
import type { OracleTotal } from '../../tests/oracle/score';
import { clearWorkspace, importFiles, launchBrowser, newContext, openPage, sql, startHeap, stopHeap, timedLoad, waitReady, type BoardWant, type LoadTiming } from './app';
import type { Page } from 'playwright-core';
import { RendererMemory } from './memory';
import { dragSlider } from './slider';

export interface ImportRun extends LoadTiming {
  readonly peakBytes: number;
  readonly jsHeapMaxBytes: number;
}

export interface ScaleResult {
  readonly warmup: ImportRun | null;
  readonly runs: ImportRun[];
  /** The board's two queries (years, then the year's rows) run alone after the import settled. */
  readonly boardSqlMs: number;
  /** DuckDB's own account of its memory after scoring (PRAGMA database_size). */
  readonly duckdbMemory: string | null;
  readonly engineTotals: EngineTotal[];
  /** A data edit (settings re-imported): the base re-scored, materialised and the board redrawn. */
  readonly whatIf: LoadTiming[];
  /**
   * The what-if proper: `kaohe.scenario` moving one indicator's target (the slider's path: same
   * scenario shape, new values) until its totals are back and a frame is drawn; the first call,
   * which builds the scenario, is kept apart as `scenarioFirstMs`.
   */
  readonly scenarioMs: number[];
  readonly scenarioFirstMs: number | null;
  /**
   * The slider dragged in the page (issue 5), over the same indicator: each step from the input
   * event to the frame painted after the compare shows it (slider.ts), and the panel's own
   * figure for the same step (overrides → compare rows back in the page).
   */
  readonly sliderMs: number[];
  readonly sliderEngineMs: number[];
  /** What went wrong in the page (DuckDB out of memory, a board that never came), in order. */
  readonly failures: string[];
}

export interface ScalePlan {
  readonly dir: string;
  readonly files: readonly string[];
  readonly oracle: readonly OracleTotal[];
  readonly runs: number;
  readonly warmup: boolean;
  readonly edits: number;
  /** Stop the what-if edits once they have taken this long, after at least `minEdits`. */
  readonly editBudgetMs: number;
  readonly minEdits: number;
}

/** The board once the new data is drawn: every unit, and the top unit's total. */
function boardOf(oracle: readonly OracleTotal[]): { want: BoardWant; year: number } {
  const year = Math.max(...oracle.map((t) => t.year));
  const rows = oracle.filter((t) => t.year === year);
  const top = rows.reduce((a, b) => (b.rank < a.rank ? b : a));
  return { year, want: { rows: rows.length, unit: top.unit, cell: 4, text: Number(top.total).toFixed(2) } };
}

async function timeBoardSql(page: Page, year: number): Promise<number> {
  const t0 = performance.now();
  await sql(page, YEARS_SQL);
  await sql(page, LEADERBOARD_SQL.replace('?', String(year)));
  return performance.now() - t0;
}

/** bonus_cap edits (4, 3, 4, …) redrawn when the unit with the most bonus shows the capped bonus. */
async function whatIf(page: Page, plan: ScalePlan, log: (s: string) => void, failures: string[]): Promise<LoadTiming[]> {
  const { year, want } = boardOf(plan.oracle);
  const star = plan.oracle.find((t) => t.year === year && Number(t.bonus) >= 5);
  if (!star) throw new Error('no unit claims 5 bonus points in the last year: the what-if has nothing to show');
  const settings = readFileSync(path.join(plan.dir, '设置.csv'), 'utf8');
  const out: LoadTiming[] = [];
  const started = performance.now();
  for (let i = 0; i < plan.edits; i++) {
    if (i >= plan.minEdits && performance.now() - started > plan.editBudgetMs) {
      log(`  what-if: stopped after ${i} edits (budget ${plan.editBudgetMs / 1000} s)`);
      break;
    }
    const cap = i % 2 === 0 ? 4 : 3;
    const text = settings.replace(/^bonus_cap,.*$/m, `bonus_cap,${cap}`);
    let t: LoadTiming;
    try {
      t = await timedLoad(page, { rows: want.rows, unit: star.unit, cell: 6, text: `+${cap.toFixed(2)}` }, [{ name: '设置.csv', text }]);
    } catch (e) {
      failures.push(`what-if ${i + 1}: ${failureText(e)}`);
      log(`  what-if ${i + 1}: FAILED, ${failureText(e)}; no further edits`);
      break;
    }
    out.push(t);
    log(`  what-if ${i + 1}: bonus_cap ${cap}, redrawn ${t.drawn.toFixed(0)} ms, settled ${t.settled.toFixed(0)} ms`);
  }
  return out;
}

/** One kaohe.scenario call in the page, timed to the first frame after its totals are back. */
async function timedScenario(page: Page, indicator: string, delta: number): Promise<number> {
  return page.evaluate(
    async ([name, d]) => {
      const t0 = performance.now();
      await window.kaohe.scenario('bench', [{ kind: 'target_shift', indicator: name, delta: d }]);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    [indicator, delta] as const,
  );
}

/** The slider's path at this scale: one numeric-target indicator shifted by −1, −2, −1, … */
async function scenarioWhatIf(page: Page, plan: ScalePlan, log: (s: string) => void, failures: string[]) {
  const scenarioMs: number[] = [];
  let scenarioFirstMs: number | null = null;
  let indicator: string | null = null;
  try {
    const [pick] = await sql<{ indicator: string }>(
      page,
      `SELECT t.indicator FROM targets t JOIN rubric r USING (indicator)
       WHERE r.rule IN ('扣分', '达标', '比例') GROUP BY t.indicator
       HAVING bool_and(TRY_CAST(t.target AS DOUBLE) IS NOT NULL) ORDER BY t.indicator LIMIT 1`,
    );
    if (!pick) throw new Error('no indicator with numeric targets to shift');
    indicator = pick.indicator;
    scenarioFirstMs = await timedScenario(page, pick.indicator, -1);
    log(`  scenario what-if: first (builds the scenario) ${scenarioFirstMs.toFixed(0)} ms, shifting ${pick.indicator}`);
    const started = performance.now();
    for (let i = 0; i < plan.edits; i++) {
      if (i >= plan.minEdits && performance.now() - started > plan.editBudgetMs) break;
      scenarioMs.push(await timedScenario(page, pick.indicator, i % 2 === 0 ? -2 : -1));
    }
    log(`  scenario what-if: ${scenarioMs.length} moves, ${scenarioMs.map((m) => m.toFixed(0)).join(', ')} ms`);
  } catch (e) {
    failures.push(`scenario what-if: ${failureText(e)}`);
    log(`  scenario what-if: FAILED, ${failureText(e)}`);
  }
  return { scenarioMs, scenarioFirstMs, indicator };
}

/** The slider of the scenario kaohe.scenario left open, dragged over the indicator it shifted. */
async function sliderWhatIf(page: Page, indicator: string | null, log: (s: string) => void, failures: string[]) {
  if (indicator === null) return { sliderMs: [], sliderEngineMs: [] };
  try {
    const steps = await dragSlider(page, indicator);
    log(`  slider: ${steps.length} steps, ${steps.map((s) => s.ms.toFixed(0)).join(', ')} ms (engine ${steps.map((s) => s.engineMs.toFixed(0)).join(', ')})`);
    return { sliderMs: steps.map((s) => s.ms), sliderEngineMs: steps.map((s) => s.engineMs) };
  } catch (e) {
    failures.push(`slider: ${failureText(e)}`);
    log(`  slider: FAILED, ${failureText(e)}`);
    return { sliderMs: [], sliderEngineMs: [] };
  }
}

/** After the last import: the board's queries alone, DuckDB's memory, the engine's totals, the what-if edits. */
async function lastRun(page: Page, plan: ScalePlan, year: number, log: (s: string) => void, failures: string[]) {
  try {
    const boardSqlMs = await timeBoardSql(page, year);
    const size = await sql<{ memory_usage: string }>(page, 'PRAGMA database_size');
    const engineTotals = await sql(page, ENGINE_TOTALS_SQL);
    const edits = await whatIf(page, plan, log, failures);
    const { indicator, ...scenario } = await scenarioWhatIf(page, plan, log, failures);
    const slider = await sliderWhatIf(page, indicator, log, failures);
    return { boardSqlMs, duckdbMemory: size[0]?.memory_usage ?? null, engineTotals, whatIf: edits, ...scenario, ...slider };
  } catch (e) {
    failures.push(`after the import: ${failureText(e)}`);
    log(`  after the import: FAILED, ${failureText(e)}`);
    return { boardSqlMs: Number.NaN, duckdbMemory: null, engineTotals: [], whatIf: [], scenarioMs: [], scenarioFirstMs: null, sliderMs: [], sliderEngineMs: [] };
  }
}

const failureText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e));

export async function measureScale(url: string, plan: ScalePlan, log: (s: string) => void): Promise<ScaleResult> {
  const paths = plan.files.map((f) => path.join(plan.dir, f));
  const { year, want } = boardOf(plan.oracle);
  const runs: ImportRun[] = [];
  let warmup: ImportRun | null = null;
  let tail: Omit<ScaleResult, 'warmup' | 'runs' | 'failures'> | null = null;
  const failures: string[] = [];
  const total = plan.runs + (plan.warmup ? 1 : 0);
  for (let i = 0; i < total; i++) {
    const browser = await launchBrowser();
    try {
      const memory = await RendererMemory.attach(browser);
      const page = await openPage(await newContext(browser), url);
      await waitReady(page);
      await clearWorkspace(page);
      await startHeap(page);
      let timing: LoadTiming;
      try {
        timing = await importFiles(page, want, paths);
      } catch (e) {
        failures.push(`import ${i + 1}: ${failureText(e)}`);
        log(`  import ${i + 1}: FAILED, ${failureText(e)}`);
        continue;
      }
      const run: ImportRun = { ...timing, jsHeapMaxBytes: await stopHeap(page), peakBytes: (await memory.read()).peakBytes };
      const label = plan.warmup && i === 0 ? 'warm-up' : String(runs.length + 1);
      log(`  import ${label}: drawn ${run.drawn.toFixed(0)} ms, settled ${run.settled.toFixed(0)} ms, peak ${(run.peakBytes / 2 ** 20).toFixed(0)} MiB`);
      if (run.rejected > 0) throw new Error(`${run.rejected} rows or files were rejected on import`);
      if (plan.warmup && i === 0) warmup = run;
      else runs.push(run);
      if (i === total - 1) tail = await lastRun(page, plan, year, log, failures);
    } finally {
      await browser.close();
    }
  }
  if (!tail) throw new Error(`no measured run: ${failures.join('; ')}`);
  return { warmup, runs, ...tail, failures };
}
