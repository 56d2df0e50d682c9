// Drives the production build in headless Chromium: pages with the probe injected, the
// workspace cleared through the app's own button, files handed over and the board awaited.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

const PROBE = readFileSync(path.join(import.meta.dirname, 'probe.js'), 'utf8');
const TIMEOUT = 10 * 60_000;

/** What the board must show: `rows` rows and, when `unit` is given, `text` in that unit's column `cell`. */
export interface BoardWant {
  readonly rows: number;
  readonly unit?: string;
  readonly cell?: number;
  readonly text?: string;
}

export interface Phase {
  readonly t: number;
  readonly text: string;
}

export interface LoadTiming {
  /** Files handed to the page → the first frame after the board shows the new data. */
  readonly drawn: number;
  /** … → kaohe.load resolved: tables built, scored and the workspace autosaved. */
  readonly settled: number;
  readonly phases: readonly Phase[];
  readonly rejected: number;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs`');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
}

export const newContext = (browser: Browser) =>
  browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });

/** A page with the probe; `cold` arms the cold-start watch for the demo's board. */
export async function openPage(context: BrowserContext, url: string, cold?: BoardWant): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  if (cold) await page.addInitScript((want) => ((window as unknown as Record<string, unknown>)['__bench_cold'] = want), cold);
  await page.addInitScript({ content: PROBE });
  await page.goto(url);
  return page;
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof window.kaohe !== 'undefined', null, { timeout: TIMEOUT });
  await page.evaluate(() => window.kaohe.ready);
}

/** 清空工作区 through the app's button (it asks to confirm); resolves when the board is empty. */
export async function clearWorkspace(page: Page): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '清空工作区' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-row"]').length === 0);
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'));
}

/**
 * Ends the wait for `work` at the first page error (DuckDB's `Out of Memory Error`, say) or after
 * TIMEOUT: page.evaluate itself never times out.
 */
async function orPageError<T>(page: Page, work: Promise<T>): Promise<T> {
  let onError: (e: Error) => void = () => {};
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (e) => reject(new PageError(e.message));
    page.on('pageerror', onError);
    timer = setTimeout(() => reject(new PageError(`nothing after ${TIMEOUT / 60_000} min`)), TIMEOUT);
  });
  try {
    return await Promise.race([work, failed]);
  } finally {
    page.off('pageerror', onError);
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

export class PageError extends Error {
  override name = 'PageError';
}

/** Picks `files` in the app's file input, as a user would, and times the board (see probe.js). */
export async function importFiles(page: Page, want: BoardWant, files: readonly string[]): Promise<LoadTiming> {
  await page.evaluate((w) => (window as never as Bench).__bench.armImport(w), want);
  await page.setInputFiles('[data-testid="csv-input"]', [...files]);
  return orPageError(page, page.evaluate(() => (window as never as Bench).__bench.pending!));
}

/** Hands the given texts to kaohe.load (a settings edit) and waits for the board. */
export async function timedLoad(page: Page, want: BoardWant, files: readonly { name: string; text: string }[]): Promise<LoadTiming> {
  return orPageError(page, page.evaluate(([w, f]) => (window as never as Bench).__bench.timedLoad(w, f), [want, files] as const));
}

export async function startHeap(page: Page): Promise<void> {
  await page.evaluate(() => (window as never as Bench).__bench.startHeap());
}

export async function stopHeap(page: Page): Promise<number> {
  return page.evaluate(() => (window as never as Bench).__bench.stopHeap());
}

export interface ColdRun {
  readonly board: number;
  readonly ready: number;
  readonly domContentLoaded: number | null;
  readonly phases: readonly Phase[];
}

export async function coldStart(page: Page): Promise<ColdRun> {
  return orPageError(page, page.evaluate(() => (window as never as Bench).__bench.coldStart!));
}

export async function sql<T = Record<string, unknown>>(page: Page, text: string): Promise<T[]> {
  return orPageError(page, page.evaluate((q) => window.kaohe.sql(q), text) as Promise<T[]>);
}

/** The probe's API (bench/browser/probe.js). */
interface Bench {
  __bench: {
    armImport(want: BoardWant): void;
    pending: Promise<LoadTiming> | null;
    timedLoad(want: BoardWant, files: readonly { name: string; text: string }[]): Promise<LoadTiming>;
    startHeap(): void;
    stopHeap(): number;
    coldStart: Promise<ColdRun> | null;
  };
}
