// Cold start with the demo (武进区, 17 units): navigation → the leaderboard drawn (first paint),
// and navigation → the engine answering a query (kaohe.ready, then SELECT 42). Two cases:
// a first-ever visit (a fresh browser context: empty IndexedDB and HTTP cache, the demo is
// fetched, imported and scored) and a returning user (same context: the autosaved workspace
// is restored from IndexedDB and scored).
import type { Browser } from 'playwright-core';
import { coldStart, newContext, openPage, waitReady, type BoardWant, type ColdRun } from './app';

export const DEMO_BOARD: BoardWant = { rows: 17 };

export interface ColdStart {
  readonly firstVisit: ColdRun[];
  readonly returning: ColdRun[];
  /** Bytes of the demo workspace shared as one file (kaohe.exportHtml, issue 6). */
  readonly shareBytes?: number | null;
}

async function firstVisit(browser: Browser, url: string, share?: (bytes: number) => void): Promise<ColdRun> {
  const context = await newContext(browser);
  try {
    const page = await openPage(context, url, DEMO_BOARD);
    const run = await coldStart(page);
    await waitReady(page);
    if (share) share(await page.evaluate(async () => (await window.kaohe.exportHtml()).size));
    return run;
  } finally {
    await context.close();
  }
}

/** `runs` measured runs of each case after one warm-up run each. */
export async function measureColdStart(browser: Browser, url: string, runs: number, log: (s: string) => void): Promise<ColdStart> {
  const first: ColdRun[] = [];
  let shareBytes: number | null = null;
  for (let i = 0; i <= runs; i++) {
    // The warm-up's page, once ready, also shares the demo as one file (not timed).
    const run = await firstVisit(browser, url, i === 0 ? (bytes) => (shareBytes = bytes) : undefined);
    if (i > 0) first.push(run);
    log(`  first visit ${i === 0 ? 'warm-up' : i}: board ${run.board.toFixed(0)} ms, engine ${run.ready.toFixed(0)} ms`);
  }
  const context = await newContext(browser);
  const returning: ColdRun[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await openPage(context, url, DEMO_BOARD);
      const run = await coldStart(page);
      await waitReady(page);
      // The autosave of the first visit must be complete before the next page reads it.
      await page.evaluate(() => window.kaohe.load([]));
      await page.close();
      if (i > 0) returning.push(run);
      log(`  returning ${i === 0 ? 'warm-up (first visit, saves the demo)' : i}: board ${run.board.toFixed(0)} ms, engine ${run.ready.toFixed(0)} ms`);
    }
  } finally {
    await context.close();
  }
  log(`  demo shared as one file: ${shareBytes === null ? '—' : `${(shareBytes / 2 ** 20).toFixed(2)} MiB (${shareBytes} bytes)`}`);
  return { firstVisit: first, returning, shareBytes };
}
