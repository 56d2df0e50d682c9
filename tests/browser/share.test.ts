// Issue 6, "Done when": a workspace of the test's own (not the demo) with a scenario active is
// exported as one .html, opened from file:// in a fresh profile with every network request
// blocked and recorded, used (leaderboard, a SQL cell, the what-if slider), then opened in the
// app again and compared with the original.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { workspaceFromHtml } from '../../src/share/export';
import { decodeWorkspaceFile } from '../../src/workspace/file';
import type { WorkspaceDoc } from '../../src/workspace/document';
import { OUTPUT_DIR, openApp, screenshot, sql, startHarness, waitReady, type Harness } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/engine/cli/ok');
const TABLES = ['units', 'rubric', 'targets', 'results', 'settings', 'totals'] as const;

let h: Harness;
let context: BrowserContext;
let page: Page;
let errors: string[];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaohe-share-'));
let shareFile = '';
let original: Record<string, unknown[]> = {};

async function tablesOf(p: Page): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await sql(p, `SELECT * FROM ${t} ORDER BY ALL`);
  return out;
}

/** The workspace as the page would share it now, without the moment it was saved. */
async function docOf(p: Page): Promise<Omit<WorkspaceDoc, 'savedAt'>> {
  const text = await p.evaluate(async () => (await window.kaohe.exportHtml()).text());
  const { savedAt: _, ...doc } = await decodeWorkspaceFile(workspaceFromHtml(text));
  return doc;
}

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  ({ page, errors } = await openApp(context, h.url));
});
afterAll(async () => {
  await context?.close();
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('one-file share', () => {
  it('exports its own data with a scenario active as one .html', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '清空工作区' }).click();
    await page.waitForFunction(async () => (await window.kaohe.sql('SELECT count(*) AS n FROM units'))[0]?.['n'] === 0);
    // The SQL lockdown is on, and importing afterwards still works (below).
    await expect(page.evaluate(() => window.kaohe.sql("SELECT * FROM read_csv('https://example.com/a.csv')"))).rejects.toThrow(/disabled by configuration/);
    await expect(page.evaluate(() => window.kaohe.sql("SELECT * FROM read_text('/etc/hostname')"))).rejects.toThrow(/disabled by configuration/);
    const files = readdirSync(FIXTURES).map((name) => ({ name, bytes: [...readFileSync(path.join(FIXTURES, name))] }));
    const reports = await page.evaluate((fs) => window.kaohe.load(fs.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }))), files);
    expect(reports.every((r) => r.ok)).toBe(true);
    await page.evaluate(() =>
      window.kaohe.scenario('目标下调', [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -0.5 }]),
    );
    await page.getByTestId('compare').waitFor({ timeout: 60_000 });
    original = await tablesOf(page);
    expect(original['units']).toHaveLength(3);

    await page.getByTestId('share-open').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-export').click()]);
    shareFile = path.join(tmp, '共享 考核.html');
    await download.saveAs(shareFile);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    await expect.poll(() => page.getByTestId('share-status').innerText()).toContain('已生成');
    await page.keyboard.press('Escape');

    const size = statSync(shareFile).size;
    console.info(`shared file: ${(size / 1024 / 1024).toFixed(2)} MB`);
    const blobSize = await page.evaluate(async () => {
      const blob = await window.kaohe.exportHtml();
      return blob instanceof Blob && blob.type.startsWith('text/html') ? blob.size : -1;
    });
    expect(blobSize).toBe(size);
    const html = readFileSync(shareFile, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain('connect-src blob: data:;');
    expect(csp).not.toMatch(/https?:|'self'/);
    expect(errors).toEqual([]);
  });

  it('opens from file:// in a fresh profile with no network: leaderboard, a SQL cell and the slider work', async () => {
    const profile = mkdtempSync(path.join(tmp, 'profile-'));
    const fresh = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium()!,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 1000 },
      locale: 'zh-CN',
      offline: true,
    });
    const requests: string[] = [];
    fresh.on('request', (r) => requests.push(r.url()));
    await fresh.route((url) => url.protocol !== 'file:', (route) => route.abort('blockedbyclient'));
    try {
      const shared = fresh.pages()[0] ?? (await fresh.newPage());
      const pageErrors: string[] = [];
      shared.on('pageerror', (e) => pageErrors.push(e.message));
      const started = Date.now();
      await shared.goto(`file://${shareFile}`);
      await waitReady(shared);
      console.info(`shared file ready from file:// in ${Date.now() - started} ms`);

      // The leaderboard of the shared data, not the demo's.
      const units = () => shared.getByTestId('board-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')).sort());
      await expect.poll(units, { timeout: 30_000 }).toEqual(['孟河镇', '新桥镇', '春江镇']);
      // The same view: the scenario that was active is active.
      await shared.getByTestId('compare').waitFor({ timeout: 60_000 });
      expect(await shared.getByTestId('scenario-select').locator('option:checked').innerText()).toBe('目标下调');

      // A SQL cell, added, written and run.
      const cells = shared.locator('[data-testid=nb-cell][data-kind=sql]');
      const count = await cells.count();
      await shared.getByTestId('nb-add-sql').click();
      await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(count + 1);
      const cell = cells.nth(count);
      await cell.locator('.cm-content').click();
      await shared.keyboard.press('Control+A');
      await shared.keyboard.insertText("SELECT unit FROM units WHERE unit <> '新桥镇'");
      await cell.getByTestId('nb-run').click();
      await expect.poll(() => cell.getByTestId('nb-rows').textContent(), { timeout: 30_000 }).toContain('2 行');

      // The what-if slider: 出生政策符合率's target from −0.5 to −1.5 lifts 春江镇 (98.2 %).
      const after = () => shared.locator('[data-testid=compare-row][data-unit="春江镇"]').getAttribute('data-after');
      const before = Number(await after());
      await shared.getByTestId('slider-indicator').selectOption('出生政策符合率');
      await shared.getByTestId('slider').evaluate((el) => {
        (el as HTMLInputElement).value = '-1.5';
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await expect.poll(async () => Number(await after()), { timeout: 30_000 }).toBeGreaterThan(before);

      // The shared page shares again, from its own parts, with the recipient's what-if in it.
      const again = await decodeWorkspaceFile(workspaceFromHtml(await shared.evaluate(async () => (await window.kaohe.exportHtml()).text())));
      expect(again.scenarios?.[0]?.overrides).toEqual([{ kind: 'target_shift', indicator: '出生政策符合率', delta: -1.5 }]);
      expect(again.sources.map((s) => s.file).sort()).toEqual(readdirSync(FIXTURES).sort());

      // The page's CSP stops a request before it is made.
      const fetched = await shared.evaluate(() => fetch('https://example.com/').then(() => 'sent', () => 'blocked'));
      expect(fetched).toBe('blocked');
      await screenshot(shared, 'share-file');
      expect(pageErrors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('opens the shared file in the app again: every table, scenario, cell and setting compares equal', async () => {
    const again = await h.newContext();
    try {
      const { page: app, errors: appErrors } = await openApp(again, h.url);
      await app.getByTestId('workspace-input').setInputFiles(shareFile);
      // The tables are rebuilt one after another: wait for the last of them.
      await expect.poll(() => tablesOf(app), { timeout: 60_000 }).toEqual(original);
      expect(await docOf(app)).toEqual(await docOf(page));
      expect(appErrors).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('a read-only share hides importing and clearing, and keeps the what-if inputs', async () => {
    const html = await page.evaluate(async () => (await window.kaohe.exportHtml({ readOnly: true })).text());
    const file = path.join(tmp, 'read-only.html');
    writeFileSync(file, html);
    const ctx = await h.newContext();
    await ctx.route((url) => url.protocol !== 'file:', (route) => route.abort('blockedbyclient'));
    try {
      const shared = await ctx.newPage();
      await shared.goto(`file://${file}`);
      await waitReady(shared);
      await shared.getByTestId('read-only-note').waitFor();
      await shared.getByTestId('compare').waitFor({ timeout: 60_000 });
      expect(await shared.getByTestId('import').count()).toBe(0);
      expect(await shared.getByRole('button', { name: '清空工作区' }).count()).toBe(0);
      expect(await shared.getByTestId('slider').count()).toBe(1);
      expect(await shared.getByTestId('board-row').count()).toBe(3);
      // The notebook's editing is hidden too; its views stay.
      expect(await shared.getByTestId('nb-add-sql').isVisible()).toBe(false);
      expect(await shared.getByTestId('nb-edit').first().isVisible()).toBe(false);
      expect(await shared.getByTestId('nb-view-switch').isVisible()).toBe(true);
      await shared.setViewportSize({ width: 1400, height: 900 });
      await shared.screenshot({ path: path.join(OUTPUT_DIR, 'share-read-only.png') });
    } finally {
      await ctx.close();
    }
  });

  it("the build's kaohe.html is the app in one file: from file://, no network, it opens on the demo", async () => {
    const file = path.resolve(process.env['KAOHE_DIST'] ?? 'dist', 'kaohe.html');
    const ctx = await h.newContext();
    const requests: string[] = [];
    ctx.on('request', (r) => requests.push(r.url()));
    await ctx.route((url) => url.protocol !== 'file:', (route) => route.abort('blockedbyclient'));
    try {
      const app = await ctx.newPage();
      await app.goto(`file://${file}`);
      await waitReady(app);
      await expect.poll(() => app.getByTestId('board-row').count(), { timeout: 60_000 }).toBe(17);
      expect(await app.getByTestId('demo-note').innerText()).toContain('武进区');
      expect(await app.getByTestId('import').isEnabled()).toBe(true);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('keeps the relative-URL static folder beside the single file', () => {
    const dist = process.env['KAOHE_DIST'] ?? 'dist';
    const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(index).not.toMatch(/(src|href)="\//);
    expect(statSync(path.join(dist, 'kaohe.html')).size).toBeLessThan(12 * 1024 * 1024);
  });
});
