import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../output');

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Serves dist/ (the production build, or $KAOHE_DIST) on a free local port and starts Chromium. */
export async function startHarness(): Promise<Harness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs`');
  const server: PreviewServer = await preview({
    // KAOHE_DIST: a build of one's own (`vite build --outDir dist-x`), so that parallel work
    // building into dist/ cannot change the app under a running test.
    build: { outDir: process.env['KAOHE_DIST'] ?? 'dist' },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no local URL');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    newContext: () => browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' }),
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** Opens the app and waits until its workspace is open; page errors fail the test. */
export async function openApp(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await waitReady(page);
  return { page, errors };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof window.kaohe !== 'undefined', null, { timeout: 60_000 });
  await page.evaluate(() => window.kaohe.ready);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function sql<T = Record<string, unknown>>(page: Page, text: string): Promise<T[]> {
  return page.evaluate((q) => window.kaohe.sql(q), text) as Promise<T[]>;
}
