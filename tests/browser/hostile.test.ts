// Issue 8, hostile files, in a real browser. An XSS corpus (script tags, javascript: links,
// event-handler attributes, SVG with script, CSS url() to a remote host, iframes, remote images)
// in unit names, indicator names, categories, veto reasons, notes, formula targets, a notebook
// file, a workspace file and file names. After each is loaded and shown: no dialog opened, no
// script ran (the sentinel window.__pwned stays unset), no request left the page (every
// non-local request is routed, recorded and refused), the CSP reported no blocked load (so it was
// the rendering, not only the CSP, that kept them out), and no live script, handler,
// javascript: link or frame is in the page. Chromium reports `script-src-attr` for every inline
// handler it merely parses, even in an inert document (DOMPurify's template, DOMParser): those
// reports are counted and logged, not failed on; the sentinel and the live-DOM check are what
// show that no handler ran or stayed. docs/reliability.md (## Hostile files) lists them.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { emptyWorkspace, withSources, type Source, type WorkspaceDoc } from '../../src/workspace/document';
import { encodeWorkspaceFile } from '../../src/workspace/file';
import { importToSource } from '../../src/workspace/importing';
import { OUTPUT_DIR, openApp, screenshot, sql, startHarness, type Harness } from './harness';

const DIR = path.resolve(import.meta.dirname, '../fixtures/hostile');
const CSV_FILES = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort();
const NOTEBOOK = path.join(DIR, 'hostile.md');
const EVIL_UNIT = "<script>window.__pwned='unit-script'</script>镇";

let h: Harness;
let context: BrowserContext;
let page: Page;
let errors: string[];
const dialogs: string[] = [];
const outbound: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  const local = new URL(h.url).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === local) return route.continue();
    outbound.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('page', (p) => p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  }));
  ({ page, errors } = await openApp(context, h.url));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

const idle = () => page.waitForFunction(() => !document.querySelector('[data-testid=progress]'), null, { timeout: 120_000 });

/** Brings every notebook cell into view in turn and waits until none is running or waiting. */
async function runEveryCell(): Promise<void> {
  const cells = page.getByTestId('nb-cell');
  const n = await cells.count();
  for (let i = 0; i < n; i++) {
    const el = await cells.nth(i).elementHandle();
    await page.waitForFunction(
      (e) => {
        if (!e) return true;
        e.scrollIntoView({ block: 'center' });
        const waiting = '[data-stale], [data-status=running], [data-status=idle]';
        return !e.matches(waiting) && e.querySelector(waiting) === null;
      },
      el,
      { timeout: 60_000, polling: 200 },
    );
  }
}

/** Everything the corpus could have done, read from the page: each list should be empty. */
async function damage(): Promise<Record<string, unknown>> {
  const inPage = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __csp: string[] };
    let parsedHandlers = 0;
    const live = [
      ...document.querySelectorAll('script:not([src]), iframe, frame, object, embed, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), link[rel=stylesheet]:not([href^="./"]):not([href^="/"])'),
      ...document.querySelectorAll('a[href^="javascript:" i], [href^="javascript:" i], [src^="javascript:" i], form[action]'),
      ...[...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))),
      ...[...document.querySelectorAll('img[src], image, video, audio, source')].filter((el) => /^https?:/i.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '') && !(el.getAttribute('src') ?? '').startsWith(location.origin)),
      ...[...document.querySelectorAll('[style]')].filter((el) => /url\(\s*['"]?https?:/i.test(el.getAttribute('style') ?? '')),
      ...[...document.querySelectorAll('style')].filter((el) => /url\(\s*['"]?https?:|@import/i.test(el.textContent ?? '')),
    ].map((el) => el.outerHTML.slice(0, 160));
    const csp = w.__csp.filter((v) => !v.startsWith('script-src-attr'));
    parsedHandlers = w.__csp.length - csp.length;
    return { pwned: w.__pwned ?? null, csp, live, parsedHandlers };
  });
  const { parsedHandlers, ...seen } = inPage;
  console.log(`[hostile] inline handlers parsed (reported by the CSP, never run) so far: ${parsedHandlers}`);
  return { dialogs: [...dialogs], outbound: [...outbound], ...seen };
}

const CLEAN = { dialogs: [], outbound: [], pwned: null, csp: [], live: [] };

/** The text of `el` contains `payload` as text: it was shown, escaped, not dropped. */
async function showsText(el: Locator, payload: string): Promise<boolean> {
  return (await el.textContent())?.includes(payload) ?? false;
}

describe('hostile CSV files: names, categories, veto reasons, notes, formula targets', () => {
  it('loads them, shows the payloads as text, and nothing runs or calls out', async () => {
    await page.getByTestId('csv-input').setInputFiles(CSV_FILES.map((f) => path.join(DIR, f)));
    for (const f of CSV_FILES) await page.locator(`[data-testid=report][data-file="${f}"]`).waitFor();
    await idle();
    const loaded = await page.locator('[data-testid=report-counts]').evaluateAll((els) =>
      els.map((e) => `${e.closest('[data-testid=report]')?.getAttribute('data-file')}:${e.getAttribute('data-loaded')}`),
    );
    expect(loaded).toEqual(expect.arrayContaining(['单位-hostile.csv:5', '考核细则-hostile.csv:2', '目标-hostile.csv:10', '2018年考核结果-hostile.csv:10', '一票否决-hostile.csv:2']));
    // the hostile units are scored, ranked and shown in the leaderboard for 2018
    await page.getByTestId('board-year').selectOption('2018');
    const row = page.locator('[data-testid=board-row]').filter({ hasText: "window.__pwned='unit-script'" });
    await row.first().waitFor();
    expect(await showsText(row.first(), EVIL_UNIT)).toBe(true);
    // every table's preview
    for (const t of ['units', 'rubric', 'targets', 'results', 'vetoes']) {
      await page.locator(`[data-table=${t}]`).click();
      await page.getByTestId('preview').waitFor();
    }
    await expect(page.getByTestId('preview').textContent()).resolves.toContain("<script>alert('veto')</script>");
    await runEveryCell();
    expect(await damage()).toEqual(CLEAN);
    await screenshot(page, 'hostile-csv');
    await page.getByTestId('leaderboard').screenshot({ path: path.join(OUTPUT_DIR, 'hostile-leaderboard.png') });
  });

  it('keeps formula targets to their own grammar: each hostile one is a bad formula, the tables are intact', async () => {
    const flags = await sql<{ unit: string; formula: string | null; flag: string | null }>(
      page,
      `SELECT unit, formula, flag FROM scores WHERE year = 2018 AND formula IS NOT NULL AND indicator = '<script>alert(''indicator'')</script>符合率' ORDER BY unit`,
    );
    expect(flags).toHaveLength(5);
    const byFormula = Object.fromEntries(flags.map((f) => [f.formula, f.flag]));
    expect(byFormula["=read_csv('https://evil.example/x.csv')"]).toBe('bad_formula');
    expect(byFormula['=prev); DROP TABLE units; --']).toBe('bad_formula');
    expect(byFormula["=getenv('HOME')"]).toBe('bad_formula');
    expect(byFormula["=prev' || (SELECT 1) || '"]).toBe('bad_formula');
    // the one well-formed formula (population / 10000) is computed: 47000 / 10000
    const good = await sql<{ target: string; flag: string | null }>(page, `SELECT target, flag FROM scores WHERE year = 2018 AND formula = '=population/10000'`);
    expect(good[0]?.flag).not.toBe('bad_formula');
    expect(Number(await page.getByTestId('count-units').textContent())).toBe(17 + 5);
    expect(await damage()).toEqual(CLEAN);
  });
});

describe('SQL cannot reach outside the workspace', () => {
  const REFUSED = [
    "SELECT * FROM read_csv('https://evil.example/x.csv')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
    'SELECT * FROM "https://evil.example/y.parquet"',
    "SELECT content FROM read_text('/etc/passwd')",
    "COPY units TO '/tmp/units.csv'",
    "ATTACH 'https://evil.example/db.duckdb' AS evil",
    'LOAD httpfs',
  ];
  for (const q of REFUSED) {
    it(`refuses from the console: ${q}`, async () => {
      const out = await page.evaluate((text) => window.kaohe.sql(text).then(() => 'ran', (e: Error) => e.message), q);
      expect(out).not.toBe('ran');
      expect(out.length).toBeGreaterThan(0);
    });
  }
});

describe('a hostile notebook file', () => {
  it('renders its markdown inert, refuses its SQL cells that read URLs or files, with a message', async () => {
    await page.getByTestId('nb-open-input').setInputFiles(NOTEBOOK);
    await page.locator('[data-testid=nb-cell][data-name=remote_csv]').waitFor();
    await runEveryCell();
    for (const name of ['remote_csv', 'local_file', 'quoted_url', 'text_file', 'attach']) {
      const error = page.locator(`[data-testid=nb-cell][data-name=${name}] [data-testid=nb-error]`);
      await error.waitFor();
      expect((await error.textContent())?.trim().length, name).toBeGreaterThan(0);
    }
    // the markdown's quoted unit name is shown as text
    const md = page.locator('[data-testid=nb-cell][data-kind=markdown]').first();
    await expect(md.textContent()).resolves.toContain('恶意笔记本');
    await page.waitForFunction(() => document.querySelector('[data-testid=nb-cell][data-kind=markdown]')?.textContent?.includes('第一个单位：<'));
    expect(await damage()).toEqual(CLEAN);
    await screenshot(page, 'hostile-notebook');
    await md.screenshot({ path: path.join(OUTPUT_DIR, 'hostile-notebook-markdown.png') });
    await page.locator('[data-testid=nb-cell][data-name=remote_csv]').screenshot({ path: path.join(OUTPUT_DIR, 'hostile-notebook-remote-sql.png') });
  });
});

describe('a hostile workspace file', () => {
  let file: string;
  beforeAll(async () => {
    const sources: Source[] = CSV_FILES.map((f) => importToSource({ name: f, bytes: new Uint8Array(readFileSync(path.join(DIR, f))) }, { knownUnits: [] }).source!);
    const first = sources[0]!;
    sources[0] = {
      ...first,
      file: "<img src=x onerror=\"alert('source')\">.csv",
      report: {
        ...first.report,
        file: "<img src=x onerror=\"alert('report')\">.csv",
        notes: [...first.report.notes, { key: "<img src=x onerror=\"alert('key')\">", params: { x: "<script>alert('param')</script>" } }],
        rejected: [{ row: 2, column: "<svg onload=\"alert('column')\">", reason: { key: "<img src=x onerror=\"alert('reason')\">" }, value: "<script>alert('value')</script>" }],
      },
    };
    const doc: WorkspaceDoc = {
      ...withSources(emptyWorkspace("<img src=x onerror=\"alert('title')\">"), sources),
      demo: "<script>alert('demo')</script>",
      notebook: readFileSync(NOTEBOOK, 'utf8'),
      scenarios: [{
        id: 'sevil',
        name: "<img src=x onerror=\"alert('scenario')\">",
        note: "<script>alert('scenario-note')</script>",
        overrides: [{ kind: 'veto', year: 2018, unit: EVIL_UNIT, on: true, reason: "<img src=x onerror=\"alert('override')\">" }],
      }],
      activeScenario: 'sevil',
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kaohe-hostile-'));
    file = path.join(dir, 'evil.kaohe');
    writeFileSync(file, await encodeWorkspaceFile(doc));
  });

  it('opens it: names, reports, scenario and notebook all shown as text, nothing runs', async () => {
    const bytes = readFileSync(file);
    await page.getByTestId('workspace-input').setInputFiles({ name: "<img src=x onerror=\"alert('name')\">.kaohe", mimeType: 'application/octet-stream', buffer: bytes });
    await page.waitForFunction(() => document.querySelector('[data-testid=count-units]')?.textContent?.trim() === '5', null, { timeout: 60_000 });
    await idle();
    await expect(page.getByTestId('scenarios').textContent()).resolves.toContain("<img src=x onerror=\"alert('scenario')\">");
    await page.locator('[data-testid=report]').first().waitFor();
    await runEveryCell();
    expect(await damage()).toEqual(CLEAN);
    await screenshot(page, 'hostile-workspace');
  });

  it('refuses a hostile file name that is not a workspace, naming it as text', async () => {
    await page.getByTestId('workspace-input').setInputFiles({ name: "<svg onload=\"alert('bad-name')\">.kaohe", mimeType: 'text/plain', buffer: Buffer.from('<script>alert(1)</script>') });
    const error = page.getByTestId('error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("<svg onload=\"alert('bad-name')\">.kaohe");
    expect(await damage()).toEqual(CLEAN);
  });
});

describe('hostile file names', () => {
  it('imports and asks about files whose names are markup, showing the names as text', async () => {
    // units of its own: the same units twice is another case (a duplicate), not this one
    const units = Buffer.from('单位,类型\n"<img src=x onerror=""alert(\'u1\')"">乡",农村镇\n');
    const evil = "单位<img src=x onerror=\"alert('file')\">.csv";
    const unknown = "\"><svg onload=\"alert('question')\">.csv";
    await page.getByTestId('csv-input').setInputFiles([
      { name: evil, mimeType: 'text/csv', buffer: units },
      { name: unknown, mimeType: 'text/csv', buffer: Buffer.from('甲,乙\n1,2\n') },
    ]);
    const report = page.locator('[data-testid=report]').filter({ hasText: "alert('file')" });
    await report.first().waitFor();
    expect(await showsText(report.first(), evil)).toBe(true);
    await idle();
    expect(await damage()).toEqual(CLEAN);
    await screenshot(page, 'hostile-file-names');
  });

  it('raised no page errors (beyond the CSP\'s reports of parsed inline handlers)', () => {
    expect(errors.filter((e) => !/^Executing inline event handler violates the following Content Security Policy/.test(e))).toEqual([]);
  });
});
