// Everything measured at one scale: the oracle (plain TS under Node), native DuckDB, the ingest
// stages, the browser path, the plain TS pipeline in Chromium, and the oracle's verdict.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureData, type Manifest, type Scale } from '../scripts/gen-bench-data';
import { compareTotals, describeDifferences } from '../tests/oracle/compare';
import { plainPipeline } from '../tests/oracle/plain';
import { launchBrowser } from './browser/app';
import { runPlainInBrowser } from './browser/plain';
import { measureScale, type ScaleResult } from './browser/scale';
import { ingestStages, type IngestStages } from './ingest';
import { nativeRun, type NativeRun } from './native';

export interface PerScale {
  /** When this scale was measured, and the machine's load average (1, 5, 15 min) before and after. */
  readonly measuredAt: string;
  readonly load: { before: number[]; after: number[] };
  readonly manifest: Manifest;
  readonly plainNode: { readMs: number; scoreMs: number };
  readonly native: Omit<NativeRun, 'totals'>;
  readonly ingest: IngestStages;
  readonly browser: ScaleResult;
  readonly plainBrowserMs: number[];
  /** Unit-years where the engine (in the page) or native DuckDB differ from the oracle; empty: they agree. */
  readonly differences: { engine: number; native: number; text: string };
}

export interface MeasureOptions {
  readonly url: string;
  readonly bundle: string;
  readonly runs: number;
  readonly warmup: boolean;
  readonly edits: number;
  readonly editBudgetMs: number;
  readonly minEdits: number;
}

async function plainInBrowser(bundle: string, files: string[], runs: number, log: (s: string) => void): Promise<number[]> {
  const browser = await launchBrowser();
  const out: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const r = await runPlainInBrowser(browser, bundle, files, false);
      if (i > 0) out.push(r.ms);
      log(`  plain TS in Chromium ${i === 0 ? 'warm-up' : i}: ${r.ms.toFixed(0)} ms (read ${r.readMs.toFixed(0)}, score ${r.scoreMs.toFixed(0)})`);
    }
  } finally {
    await browser.close();
  }
  return out;
}

export async function measureAtScale(scale: Scale, o: MeasureOptions, log: (s: string) => void): Promise<PerScale> {
  const measuredAt = new Date().toISOString();
  const loadBefore = os.loadavg();
  const { dir, manifest } = ensureData(scale);
  log(`${scale}: ${manifest.units} units × ${manifest.indicators} indicators × ${manifest.years} years × ${manifest.rounds} rounds, ${manifest.resultRows.toLocaleString('en-US')} results, ${(manifest.bytes / 1e6).toFixed(1)} MB`);
  const files = manifest.files;
  const plain = plainPipeline(files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) })));
  log(`  oracle (plain TS under Node): read ${plain.readMs.toFixed(0)} ms, score ${plain.scoreMs.toFixed(0)} ms`);
  const { totals: nativeTotals, ...native } = await nativeRun(dir, files);
  log(`  native DuckDB: load ${native.loadMs.toFixed(0)} ms, score ${native.scoreMs.toFixed(0)} ms`);
  const ingest = ingestStages(dir, files);
  log(`  ingest stages (Node): decode ${ingest.decodeMs.toFixed(0)}, parse ${ingest.parseMs.toFixed(0)}, normalise ${ingest.normaliseMs.toFixed(0)}, Arrow ${ingest.arrowMs.toFixed(0)} ms`);
  const browser = await measureScale(o.url, { dir, files, oracle: plain.totals, runs: o.runs, warmup: o.warmup, edits: o.edits, editBudgetMs: o.editBudgetMs, minEdits: o.minEdits }, log);
  const plainBrowserMs = await plainInBrowser(o.bundle, files.map((f) => path.join(dir, f)), o.runs, log);

  const engineDiffs = browser.engineTotals.length ? compareTotals(plain.totals, browser.engineTotals) : [];
  const nativeDiffs = compareTotals(plain.totals, nativeTotals);
  const text = [
    browser.engineTotals.length ? '' : 'engine (wasm, in the page): no totals could be read (see failures)',
    engineDiffs.length ? `engine (wasm, in the page) ≠ oracle:\n${describeDifferences(engineDiffs)}` : '',
    nativeDiffs.length ? `native DuckDB ≠ oracle:\n${describeDifferences(nativeDiffs)}` : '',
  ].filter(Boolean).join('\n');
  if (text) console.error(`${scale}: the oracle disagrees\n${text}`);
  else log(`  oracle = engine (wasm) = native on all ${plain.totals.length} unit-years`);
  return {
    measuredAt,
    load: { before: loadBefore, after: os.loadavg() },
    manifest,
    plainNode: { readMs: plain.readMs, scoreMs: plain.scoreMs },
    native,
    ingest,
    browser,
    plainBrowserMs,
    differences: { engine: browser.engineTotals.length ? engineDiffs.length : -1, native: nativeDiffs.length, text },
  };
}
