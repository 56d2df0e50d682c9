// npm run bench [-- --quick] [--scales county,city,province] [--runs N] [--no-build] [--merge]
// Builds the app, generates the data, measures the browser path (cold start, import + score,
// what-if, memory) and both baselines (native DuckDB, plain TypeScript), checks the oracle against
// the engine at every scale, prints a table, writes bench/results.json and ends with one JSON line.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { ROOT, type Scale } from '../scripts/gen-bench-data';
import { launchBrowser } from './browser/app';
import { measureColdStart, type ColdStart } from './browser/cold';
import { bundlePlain } from './browser/plain';
import { serveBuild } from './browser/serve';
import { measureAtScale, type PerScale } from './measure';
import { goals, table } from './report';
import { writeResults } from './results';

const args = process.argv.slice(2);
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const quick = args.includes('--quick');
const scales = (value('--scales')?.split(',') ?? (quick ? ['county', 'city'] : ['county', 'city', 'province'])) as Scale[];
const runs = Number(value('--runs') ?? (quick ? 2 : 5));
const started = { at: new Date(), load: os.loadavg(), ms: performance.now() };
const log = (s: string) => console.log(`[${((performance.now() - started.ms) / 1000).toFixed(0).padStart(4)} s] ${s}`);

// Full run: 20 what-if edits, fewer only when each takes minutes (province). --quick: fewer
// repetitions, one import run beyond the county, so it ends in about three minutes.
const edits = quick ? { edits: 20, editBudgetMs: 15_000, minEdits: 1 } : { edits: 20, editBudgetMs: 20 * 60_000, minEdits: 3 };
// A build of its own, so a bench never changes the dist/ a test run is serving (and vice versa).
const BENCH_DIST = 'dist-bench';
const runsAt = (scale: Scale) => (quick && scale !== 'county' ? 1 : runs);

if (!args.includes('--no-build')) {
  log('building the app (vite build)');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: BENCH_DIST } });
}

// --merge: measure only the scales asked for and keep the cold start and the other scales of the
// last bench/results.json (a run that stopped half-way need not start over).
const previous = args.includes('--merge')
  ? (JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')) as { coldStart: ColdStart | null; scales: Partial<Record<Scale, PerScale>> })
  : null;
const perScale: Partial<Record<Scale, PerScale>> = { ...previous?.scales };
const errors: string[] = [];
let cold: ColdStart | null = previous?.coldStart ?? null;
const save = () => writeResults(args, started, cold, perScale, errors);
const server = await serveBuild(ROOT, BENCH_DIST);
try {
  if (!previous) {
    log(`cold start: ${runs} runs each after a warm-up`);
    const browser = await launchBrowser();
    try {
      cold = await measureColdStart(browser, server.url, runs, log);
    } finally {
      await browser.close();
    }
  }
  const bundle = await bundlePlain(ROOT);
  for (const scale of scales) {
    try {
      perScale[scale] = await measureAtScale(scale, { url: server.url, bundle, runs: runsAt(scale), warmup: !quick, ...edits }, log);
    } catch (e) {
      errors.push(`${scale}: ${e instanceof Error ? e.message : String(e)}`);
      console.error(`${scale}: FAILED, ${errors.at(-1)}`);
    }
    save();
  }
} finally {
  await server.close();
}

const { summary, elapsedS, load } = save();
const failures = Object.entries(perScale).flatMap(([scale, s]) => s.browser.failures.map((f) => `${scale} ${f}`));
console.log('\n' + table(goals(summary)));
console.log(`\nbench/results.json written; ${elapsedS} s; load average ${load.before.join(' ')} → ${load.after.join(' ')}`);
for (const f of [...errors, ...failures]) console.error(`failure: ${f}`);
if (!summary.oracle_agrees) console.error('FAILED: the oracle and the engine disagree (see above)');
console.log(JSON.stringify(summary));
process.exit(summary.oracle_agrees && errors.length === 0 ? 0 : 1);
