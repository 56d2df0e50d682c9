// Looks at the production build as a user would: serves dist/, opens it in headless Chromium,
// waits for the workspace, and saves a full-page screenshot.
// Usage: node scripts/screenshot.mjs [out.png] [query-string]   e.g. tests/output/app.png lang=en
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const out = process.argv[2] ?? 'tests/output/app.png';
const query = process.argv[3] ? `?${process.argv[3]}` : '';
const server = await preview({ build: { outDir: process.env.KAOHE_DIST ?? 'dist' }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const url = server.resolvedUrls.local[0] + query;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.kaohe !== undefined);
  await page.evaluate(() => window.kaohe.ready);
  console.log(`ready in ${Date.now() - t0} ms`);
  await page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 300));
  await page.screenshot({ path: out, fullPage: process.env.SHOT_FULL !== '0' });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  server.httpServer.close();
}
