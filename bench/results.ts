// bench/results.json: when and where, the summary and goals, and every measurement behind them.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../scripts/chromium.mjs';
import { ROOT, type Scale } from '../scripts/gen-bench-data';
import type { ColdStart } from './browser/cold';
import type { PerScale } from './measure';
import { goals, summarise, type ScaleFigures, type Summary } from './report';
import { median, p95, round1 } from './stats';

function run(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function summaryOf(cold: ColdStart | null, perScale: Partial<Record<Scale, PerScale>>): Summary {
  const figures: Partial<Record<Scale, ScaleFigures>> = {};
  for (const [scale, s] of Object.entries(perScale) as [Scale, PerScale][]) {
    figures[scale] = {
      importMs: s.browser.runs.map((r) => r.drawn),
      whatIfMs: s.browser.sliderMs ?? [],
      scenarioApiMs: s.browser.scenarioMs ?? [],
      rescoreMs: s.browser.whatIf.map((w) => w.drawn),
      peakBytes: s.browser.runs.map((r) => r.peakBytes),
      nativeMs: s.native.loadMs + s.native.scoreMs,
      plainBrowserMs: s.plainBrowserMs,
      failures: s.browser.failures.length,
    };
  }
  const agrees = Object.values(perScale).every((s) => s.differences.text === '');
  const c = cold && {
    board: cold.firstVisit.map((r) => r.board),
    ready: cold.firstVisit.map((r) => r.ready),
    returningBoard: cold.returning.map((r) => r.board),
    returningReady: cold.returning.map((r) => r.ready),
  };
  return { ...summarise(c, figures, agrees), share_bytes: cold?.shareBytes ?? null };
}

export function writeResults(
  args: readonly string[],
  started: { at: Date; load: number[]; ms: number },
  cold: ColdStart | null,
  perScale: Partial<Record<Scale, PerScale>>,
  errors: readonly string[],
): { summary: Summary; elapsedS: number; load: { before: (number | null)[]; after: (number | null)[] } } {
  const summary = summaryOf(cold, perScale);
  const load = { before: started.load.map((x) => round1(x)), after: os.loadavg().map((x) => round1(x)) };
  const elapsedS = Math.round((performance.now() - started.ms) / 1000);
  const results = {
    date: started.at.toISOString(),
    command: `npm run bench${args.length ? ' -- ' + args.join(' ') : ''}`,
    git: { head: run('git', ['rev-parse', '--short', 'HEAD']), uncommittedInSrc: run('git', ['status', '--porcelain', '--', 'src'])?.split('\n').filter(Boolean).length ?? null },
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium: run(findChromium() ?? 'chromium', ['--version']) },
    load,
    elapsedS,
    summary,
    goals: goals(summary),
    errors,
    coldStart: cold,
    scales: Object.fromEntries(
      Object.entries(perScale).map(([scale, s]) => [
        scale,
        {
          ...s,
          stats: {
            importDrawnMedianMs: round1(median(s.browser.runs.map((r) => r.drawn))),
            importSettledMedianMs: round1(median(s.browser.runs.map((r) => r.settled))),
            scenarioMoves: s.browser.scenarioMs?.length ?? 0,
            scenarioP50Ms: round1(median(s.browser.scenarioMs ?? [])),
            scenarioP95Ms: round1(p95(s.browser.scenarioMs ?? [])),
            scenarioFirstMs: round1(s.browser.scenarioFirstMs ?? null),
            sliderSteps: s.browser.sliderMs?.length ?? 0,
            sliderP50Ms: round1(median(s.browser.sliderMs ?? [])),
            sliderP95Ms: round1(p95(s.browser.sliderMs ?? [])),
            sliderEngineP50Ms: round1(median(s.browser.sliderEngineMs ?? [])),
            rescoreEdits: s.browser.whatIf.length,
            rescoreP50Ms: round1(median(s.browser.whatIf.map((w) => w.drawn))),
            rescoreP95Ms: round1(p95(s.browser.whatIf.map((w) => w.drawn))),
            plainBrowserMedianMs: round1(median(s.plainBrowserMs)),
            nativeMs: round1(s.native.loadMs + s.native.scoreMs),
          },
        },
      ]),
    ),
  };
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  return { summary, elapsedS, load };
}
