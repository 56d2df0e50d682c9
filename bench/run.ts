// npm run bench [-- --quick] [--scales county,city,province] [--runs N] [--no-build]
// Builds the app, generates the data, measures the browser path (cold start, import + score,
// what-if, memory) and both baselines (native DuckDB, plain TypeScript), checks the oracle against
// the engine at every scale, prints a table, writes bench/results.json and ends with one JSON line.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { ensureData, ROOT, type Scale } from '../scripts/gen-bench-data';
import { findChromium } from '../scripts/chromium.mjs';
import { compareTotals, describeDifferences } from '../tests/oracle/compare';
import { plainPipeline } from '../tests/oracle/plain';
import { launchBrowser } from './browser/app';
import { measureColdStart, type ColdStart } from './browser/cold';
import { bundlePlain, runPlainInBrowser } from './browser/plain';
import { measureScale, type ScaleResult } from './browser/scale';
import { serveBuild } from './browser/serve';
import { ingestStages, type IngestStages } from './ingest';
import { nativeRun, type NativeRun } from './native';
import { goals, summarise, table, type ScaleFigures } from './report';
import { median, p95, round1 } from './stats';

interface Options {
  quick: boolean;
  scales: Scale[];
  runs: number;
  build: boolean;
}

function options(argv: readonly string[]): Options {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const quick = argv.includes('--quick');
  const scales = (value('--scales')?.split(',') ?? (quick ? ['county', 'city'] : ['county', 'city', 'province'])) as Scale[];
  return { quick, scales, runs: Number(value('--runs') ?? (quick ? 2 : 5)), build: !argv.includes('--no-build') };
}

const o = options(process.argv.slice(2));
const started = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const loadBefore = os.loadavg();

/** What-if edits per scale and their time budget: 20 edits, fewer only when each takes minutes. */
const EDITS = o.quick ? { edits: 20, budgetMs: 15_000, atLeast: 1 } : { edits: 20, budgetMs: 20 * 60_000, atLeast: 3 };
/** --quick: one import run beyond the county (an import at city scale takes tens of seconds). */
const runsFor = (scale: Scale) => (o.quick && scale !== 'county' ? 1 : o.runs);

if (o.build) {
  log('building the app (vite build)');
  await build({ root: ROOT, logLevel: 'warn' });
}

interface PerScale {
  manifest: ReturnType<typeof ensureData>['manifest'];
  plainNode: { readMs: number; scoreMs: number };
  native: Omit<NativeRun, 'totals'>;
  ingest: IngestStages;
  browser: ScaleResult;
  plainBrowserMs: number[];
  differences: { engine: number; native: number; text: string };
}

const perScale: Partial<Record<Scale, PerScale>> = {};
let failed = false;
const server = await serveBuild(ROOT);
let cold: ColdStart | null = null;
try {
  log(`cold start: ${o.runs} runs each after a warm-up`);
  const browser = await launchBrowser();
  try {
    cold = await measureColdStart(browser, server.url, o.runs, log);
  } finally {
    await browser.close();
  }
  const bundle = await bundlePlain(ROOT);

  for (const scale of o.scales) {
    const { dir, manifest } = ensureData(scale);
    log(`${scale}: ${manifest.units} units × ${manifest.indicators} indicators × ${manifest.years} years × ${manifest.rounds} rounds, ${manifest.resultRows.toLocaleString('en-US')} results, ${(manifest.bytes / 1e6).toFixed(1)} MB`);
    const files = manifest.files;
    const plain = plainPipeline(files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) })));
    log(`  oracle (plain TS under Node): read ${plain.readMs.toFixed(0)} ms, score ${plain.scoreMs.toFixed(0)} ms`);
    const { totals: nativeTotals, ...native } = await nativeRun(dir, files);
    log(`  native DuckDB: load ${native.loadMs.toFixed(0)} ms, score ${native.scoreMs.toFixed(0)} ms`);
    const ingest = ingestStages(dir, files);
    log(`  ingest stages (Node): decode ${ingest.decodeMs.toFixed(0)}, parse ${ingest.parseMs.toFixed(0)}, normalise ${ingest.normaliseMs.toFixed(0)}, Arrow ${ingest.arrowMs.toFixed(0)} ms`);
    const warmup = !o.quick;
    const runs = runsFor(scale);
    const result = await measureScale(server.url, { dir, files, oracle: plain.totals, runs, warmup, edits: EDITS.edits, editBudgetMs: EDITS.budgetMs, minEdits: EDITS.atLeast }, log);
    const browser = await launchBrowser();
    const plainBrowserMs: number[] = [];
    try {
      for (let i = 0; i <= runs; i++) {
        const r = await runPlainInBrowser(browser, bundle, files.map((f) => path.join(dir, f)), false);
        if (i > 0) plainBrowserMs.push(r.ms);
        log(`  plain TS in Chromium ${i === 0 ? 'warm-up' : i}: ${r.ms.toFixed(0)} ms (read ${r.readMs.toFixed(0)}, score ${r.scoreMs.toFixed(0)})`);
      }
    } finally {
      await browser.close();
    }
    const engineDiffs = compareTotals(plain.totals, result.engineTotals);
    const nativeDiffs = compareTotals(plain.totals, nativeTotals);
    const text = [engineDiffs.length ? `engine (wasm, in the page) ≠ oracle:\n${describeDifferences(engineDiffs)}` : '', nativeDiffs.length ? `native DuckDB ≠ oracle:\n${describeDifferences(nativeDiffs)}` : ''].filter(Boolean).join('\n');
    if (text) {
      failed = true;
      console.error(`${scale}: the oracle disagrees\n${text}`);
    } else log(`  oracle = engine (wasm) = native on all ${plain.totals.length} unit-years`);
    perScale[scale] = {
      manifest,
      plainNode: { readMs: plain.readMs, scoreMs: plain.scoreMs },
      native,
      ingest,
      browser: result,
      plainBrowserMs,
      differences: { engine: engineDiffs.length, native: nativeDiffs.length, text },
    };
  }
} finally {
  await server.close();
}

const figures: Partial<Record<Scale, ScaleFigures>> = {};
for (const [scale, s] of Object.entries(perScale) as [Scale, PerScale][]) {
  figures[scale] = {
    importMs: s.browser.runs.map((r) => r.drawn),
    whatIfMs: s.browser.whatIf.map((w) => w.drawn),
    peakBytes: s.browser.runs.map((r) => r.peakBytes),
    nativeMs: s.native.loadMs + s.native.scoreMs,
    plainBrowserMs: s.plainBrowserMs,
  };
}
const summary = summarise(
  cold && {
    board: cold.firstVisit.map((r) => r.board),
    ready: cold.firstVisit.map((r) => r.ready),
    returningBoard: cold.returning.map((r) => r.board),
    returningReady: cold.returning.map((r) => r.ready),
  },
  figures,
  !failed,
);

const chromium = (() => {
  try {
    return execFileSync(findChromium() ?? 'chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
})();
const git = (args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const results = {
  date: new Date().toISOString(),
  git: { head: git(['rev-parse', '--short', 'HEAD']), uncommittedInSrc: git(['status', '--porcelain', '--', 'src'])?.split('\n').filter(Boolean).length ?? null },
  command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
  machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium },
  load: { before: loadBefore.map((x) => round1(x)), after: os.loadavg().map((x) => round1(x)) },
  elapsedS: Math.round((performance.now() - started) / 1000),
  summary,
  goals: goals(summary),
  coldStart: cold,
  scales: Object.fromEntries(
    Object.entries(perScale).map(([scale, s]) => [
      scale,
      {
        ...s,
        stats: {
          importDrawnMedianMs: round1(median(s.browser.runs.map((r) => r.drawn))),
          importSettledMedianMs: round1(median(s.browser.runs.map((r) => r.settled))),
          whatIfP50Ms: round1(median(s.browser.whatIf.map((w) => w.drawn))),
          whatIfP95Ms: round1(p95(s.browser.whatIf.map((w) => w.drawn))),
          whatIfSettledP50Ms: round1(median(s.browser.whatIf.map((w) => w.settled))),
          plainBrowserMedianMs: round1(median(s.plainBrowserMs)),
          nativeMs: round1(s.native.loadMs + s.native.scoreMs),
        },
      },
    ]),
  ),
};
writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\n' + table(goals(summary)));
console.log(`\nbench/results.json written; ${results.elapsedS} s; load average ${results.load.before.join(' ')} → ${results.load.after.join(' ')}`);
if (failed) console.error('FAILED: the oracle and the engine disagree (see above)');
console.log(JSON.stringify(summary));
process.exit(failed ? 1 : 0);
