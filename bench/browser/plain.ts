// The plain TypeScript pipeline in the same Chromium as the app: tests/oracle/plain.ts bundled
// with Vite (PapaParse included) into one script, run on a blank page from the files a user picks.
import type { Browser } from 'playwright-core';
import { build, type Rollup } from 'vite';
import type { OracleTotal } from '../../tests/oracle/score';
import { newContext } from './app';

export async function bundlePlain(root: string): Promise<string> {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'tests/oracle/plain.ts', formats: ['iife'], name: 'kaohePlain', fileName: 'plain' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the plain pipeline did not bundle');
  return chunk.code;
}

export interface PlainBrowserRun {
  /** Files picked → every file read, parsed, normalised and scored. */
  readonly ms: number;
  readonly readFilesMs: number;
  readonly readMs: number;
  readonly scoreMs: number;
  readonly totals: OracleTotal[];
}

const PAGE = `<!doctype html><meta charset="utf-8"><input type="file" multiple id="files">`;

/** One run in a fresh page; the totals come back only when `keepTotals`. */
export async function runPlainInBrowser(browser: Browser, bundle: string, files: readonly string[], keepTotals: boolean): Promise<PlainBrowserRun> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30 * 60_000);
    await page.setContent(PAGE);
    await page.addScriptTag({ content: bundle });
    const done = page.evaluate(
      (keep) =>
        new Promise((resolve) => {
          const input = document.getElementById('files') as HTMLInputElement;
          input.addEventListener('change', async () => {
            const t0 = performance.now();
            const picked = await Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
            const t1 = performance.now();
            const run = (window as never as { kaohePlain: typeof import('../../tests/oracle/plain') }).kaohePlain.plainPipeline(picked);
            resolve({ ms: performance.now() - t0, readFilesMs: t1 - t0, readMs: run.readMs, scoreMs: run.scoreMs, totals: keep ? run.totals : [] });
          }, { once: true });
        }),
      keepTotals,
    );
    await page.setInputFiles('#files', [...files]);
    return (await done) as PlainBrowserRun;
  } finally {
    await context.close();
  }
}
