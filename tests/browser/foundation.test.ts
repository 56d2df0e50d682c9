// Issue 2 in a real browser: the production build, headless Chromium, the demo workspace, the
// GB18030 wide file through the file input, and the workspace surviving a reload.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, screenshot, sql, startHarness, waitReady, type Harness } from './harness';

const GB_FILE = path.resolve(
  import.meta.dirname,
  '../../data/demo/xinbei/新北区各镇（街道）2018年计划生育目标任务（条线考核指标）.csv',
);
const GB_NAME = path.basename(GB_FILE);

let h: Harness;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  ({ page, errors } = await openApp(context, h.url));
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

const count = async (table: string) => Number((await page.getByTestId(`count-${table}`).textContent())?.trim());

describe('the demo workspace', () => {
  it('opens on the 武进区 demo with every table loaded', async () => {
    expect(await count('units')).toBe(17);
    expect(await count('rubric')).toBe(53);
    expect(await count('results')).toBeGreaterThan(2600);
    const units = await sql<{ unit: string }>(page, 'SELECT unit FROM units ORDER BY ord LIMIT 3');
    expect(units.map((u) => u.unit)).toEqual(['礼嘉镇', '嘉泽镇', '雪堰镇']);
    await expect(page.getByTestId('demo-note').textContent()).resolves.toContain('合成数据');
  });

  it('renders Chinese text as real glyphs, not tofu (screenshot in tests/output/demo.png)', async () => {
    // Without a CJK font every character is the same empty box: two different characters then
    // produce identical pixels.
    const glyph = async (ch: string) => {
      const handle = await page.evaluateHandle((c) => {
        const span = document.createElement('span');
        span.textContent = c;
        span.style.cssText = 'position:fixed;top:0;left:0;font-size:48px;background:#fff;color:#000;z-index:9999';
        document.body.append(span);
        return span;
      }, ch);
      const png = await handle.asElement()!.screenshot();
      await handle.evaluate((el) => el.remove());
      return png;
    };
    const kao = await glyph('考');
    const he = await glyph('核');
    expect(kao.equals(he)).toBe(false);
    await expect(page.getByTestId('app-title').textContent()).resolves.toContain('考核');
    await screenshot(page, 'demo');
  });

  it('offers each table\'s template CSV with its Chinese headers', async () => {
    await page.locator('[data-table=results]').click();
    const link = page.locator('a[download="results.csv"]');
    const href = await link.getAttribute('href');
    const bytes = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u!)).arrayBuffer())), href);
    expect(new TextDecoder().decode(Uint8Array.from(bytes))).toMatch(/^\uFEFF?年度,单位,指标/);
    await page.locator('[data-table=units]').click();
  });

  it('reports read = loaded + rejected for every demo file', async () => {
    const counts = page.getByTestId('report-counts');
    const n = await counts.count();
    expect(n).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < n; i++) {
      const el = counts.nth(i);
      const [read, loaded, rejected] = await Promise.all(
        ['data-read', 'data-loaded', 'data-rejected'].map(async (a) => Number(await el.getAttribute(a))),
      );
      expect(read).toBe(loaded! + rejected!);
    }
  });
});

describe('importing the GB18030 wide target table through the file input', () => {
  it('unpivots 15 indicators × 10 units with a correct report', async () => {
    const before = await count('targets');
    await page.getByTestId('csv-input').setInputFiles(GB_FILE);
    const report = page.locator(`[data-testid=report][data-file="${GB_NAME}"]`);
    await report.waitFor();
    const c = report.getByTestId('report-counts');
    expect(await c.getAttribute('data-read')).toBe('150');
    expect(await c.getAttribute('data-loaded')).toBe('150');
    expect(await c.getAttribute('data-rejected')).toBe('0');
    await expect(report.textContent()).resolves.toMatch(/GB18030/i);
    await expect(report.textContent()).resolves.toContain('宽表');
    expect(await count('targets')).toBe(before + 150);
    const quota = await sql<{ unit: string; target: string; year: number }>(
      page,
      `SELECT unit, target, year FROM targets WHERE indicator = '孕前优生健康检查人数' AND year = 2018 ORDER BY target::INT DESC`,
    );
    expect(quota.slice(0, 2)).toEqual([
      { unit: '三井街道', target: '65', year: 2018 },
      { unit: '春江镇', target: '60', year: 2018 },
    ]);
    // 河海\n街道 in the header cell is one unit
    const hehai = await sql<{ n: number }>(page, `SELECT count(*) AS n FROM targets WHERE unit = '河海街道'`);
    expect(hehai[0]?.n).toBe(15);
    await screenshot(page, 'import-gb18030');
  });

  it('keeps the workspace and the report across a reload', async () => {
    const targets = await count('targets');
    await page.waitForFunction(() => !document.querySelector('[data-testid=progress]'));
    await page.reload();
    await waitReady(page);
    expect(await count('targets')).toBe(targets);
    expect(await count('units')).toBe(17);
    await expect(page.locator(`[data-testid=report][data-file="${GB_NAME}"]`).count()).resolves.toBe(1);
    const rows = await sql<{ n: number }>(page, `SELECT count(*) AS n FROM targets WHERE source = '${GB_NAME}'`);
    expect(rows[0]?.n).toBe(150);
  });

  it('asks for the year and the kind of a wide file whose name says neither, then loads it', async () => {
    const bytes = readFileSync(GB_FILE);
    await page.getByTestId('csv-input').setInputFiles({ name: '附件2.csv', mimeType: 'text/csv', buffer: bytes });
    const question = page.getByTestId('question');
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain('附件2.csv');
    await question.locator('input[name=year]').fill('2017');
    await question.locator('input[name=wideKind][value=targets]').check();
    await question.getByRole('button', { name: '载入' }).click();
    const report = page.locator('[data-testid=report][data-file="附件2.csv"]');
    await report.getByTestId('report-counts').waitFor();
    expect(await report.getByTestId('report-counts').getAttribute('data-loaded')).toBe('150');
    const years = await sql<{ year: number; n: number }>(page, `SELECT year, count(*) AS n FROM targets WHERE source = '附件2.csv' GROUP BY year`);
    expect(years).toEqual([{ year: 2017, n: 150 }]);
    expect(await question.count()).toBe(0);
  });

  it('switches the UI to English and back', async () => {
    await page.getByTestId('lang').click();
    await expect(page.getByTestId('app-title').textContent()).resolves.toContain('Kaohe');
    await expect(page.getByTestId('import').textContent()).resolves.toContain('Import CSV files');
    await page.getByTestId('lang').click();
    await expect(page.getByTestId('import').textContent()).resolves.toContain('导入');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('the workspace file and the workspace actions', () => {
  it('downloads the workspace, clears it, and opens the file again with nothing lost', async () => {
    const before = await sql<{ t: string; n: number }>(page, `SELECT 'targets' t, count(*) n FROM targets UNION ALL SELECT 'results', count(*) FROM results ORDER BY t`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载工作区文件' }).click();
    const file = await (await downloading).path();
    expect(file).toBeTruthy();

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '清空工作区' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=count-results]')?.textContent?.trim() === '0');
    expect(await count('units')).toBe(0);

    await page.getByTestId('workspace-input').setInputFiles(file!);
    await page.waitForFunction(() => document.querySelector('[data-testid=count-units]')?.textContent?.trim() === '17');
    const after = await sql<{ t: string; n: number }>(page, `SELECT 'targets' t, count(*) n FROM targets UNION ALL SELECT 'results', count(*) FROM results ORDER BY t`);
    expect(after).toEqual(before);
  });

  it('refuses a CSV opened as a workspace file, says why, and changes nothing', async () => {
    const units = await count('units');
    await page.getByTestId('workspace-input').setInputFiles(GB_FILE);
    await expect(page.getByTestId('error').textContent()).resolves.toContain('不是考核工作区文件');
    expect(await count('units')).toBe(units);
  });

  it('resets to the 新北区 demo, whose wide GB18030 and UTF-8 tables load without rejections', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('demo-select').selectOption('xinbei');
    await page.waitForFunction(() => document.querySelector('[data-testid=count-units]')?.textContent?.trim() === '10');
    const per = await sql<{ source: string; n: number }>(page, `SELECT source, count(*) AS n FROM targets GROUP BY source ORDER BY source`);
    expect(per.map((p) => p.n)).toEqual([24, 81, 150]);
    const rejected = page.locator('[data-testid=report-counts]:not([data-rejected="0"])');
    expect(await rejected.count()).toBe(0);
    await screenshot(page, 'xinbei');
  });
});
