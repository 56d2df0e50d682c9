// Issue 6, exports people use, in Chromium: the results as CSV (BOM, guarded text), a chart as a
// titled SVG and as PNG at twice its size.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { OUTPUT_DIR, openApp, sql, startHarness, type Harness } from './harness';
import { pdfPages } from './pdf';

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

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

describe('exports', () => {
  it('downloads the leaderboard as CSV in UTF-8 with a BOM', async () => {
    await page.getByTestId('board-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('leaderboard').getByTestId('csv-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('2019 年考核排名.csv');
    const bytes = await bytesOf(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('名次,单位,类型,基础分,加分,总分,等级,一票否决,否决事由');
    expect(lines[1]).toBe('1,湖塘镇,城关镇,94,5,99,优秀,false,');
    expect(lines.filter((l) => l !== '')).toHaveLength(18);
  });

  it('downloads a notebook chart as a titled SVG and as PNG at 2×', async () => {
    const cell = page.locator('[data-testid=nb-cell][data-kind=chart]').first();
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('[data-testid=nb-chart]:not([data-undrawn]) svg').first().waitFor({ timeout: 60_000 });

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), cell.getByTestId('chart-svg').click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
    const svg = (await bytesOf(svgDownload)).toString('utf8');
    const title = svgDownload.suggestedFilename().replace(/\.svg$/, '');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    expect(svg).toContain(`<title>${title}</title>`);
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(200);
    // The browser reads the file back as an image of that size.
    const drawn = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svg);
    expect(drawn).toEqual([width, height]);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), cell.getByTestId('chart-png').click()]);
    expect(pngDownload.suggestedFilename()).toBe(`${title}.png`);
    const png = await bytesOf(pngDownload);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await pngDownload.saveAs(path.join(OUTPUT_DIR, 'export-chart.png'));
    expect(errors).toEqual([]);
  });
});

/** Prints through the page's own button (window.print stubbed) to an A4 PDF, kept in tests/output. */
async function printed(button: 'print-report' | 'print-cards', name: string): Promise<string[]> {
  await page.evaluate(() => (window.print = () => {}));
  await page.getByTestId('leaderboard').getByTestId(button).click();
  await page.waitForFunction(() => document.documentElement.dataset['kaohePrint'] !== undefined);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(path.join(OUTPUT_DIR, `${name}.pdf`), pdf);
  await page.evaluate(() => delete document.documentElement.dataset['kaohePrint']);
  return pdfPages(pdf);
}

describe('notebook exports', () => {
  it("downloads a sql cell's whole result as CSV with a BOM, its rows as DuckDB has them", async () => {
    const cell = page.locator('[data-testid=nb-cell][data-kind=sql]:has([data-testid=csv-download])').first();
    await cell.scrollIntoViewIfNeeded();
    const name = await cell.getAttribute('data-name');
    const [download] = await Promise.all([page.waitForEvent('download'), cell.getByTestId('csv-download').click()]);
    expect(download.suggestedFilename()).toBe(`${name}.csv`);
    const bytes = await bytesOf(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '');
    const count = (await sql<{ n: number }>(page, `SELECT count(*) AS n FROM "${name!.toLowerCase()}"`))[0]!.n;
    expect(lines).toHaveLength(count + 1);
  });
});

describe('print', () => {
  it('prints the published result on A4: ranked table, grades, vetoes with reasons, page numbers', async () => {
    const pages = await printed('print-report', 'print-report');
    const vetoes = await sql<{ unit: string; veto_reason: string }>(page, 'SELECT unit, veto_reason FROM totals WHERE year = 2019 AND vetoed ORDER BY unit_ord');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const text = pages.join('\n');
    expect(text).toContain('武进区2019年度目标管理责任制考核结果通报');
    expect(text).toContain('共 17 个单位参加考核');
    expect(text).not.toContain('情景（假设');
    // Ranked: 湖塘镇 first, 横林镇 last.
    expect(text.indexOf('湖塘镇')).toBeLessThan(text.indexOf('横林镇'));
    for (const v of vetoes) expect(text).toContain(v.veto_reason);
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`—\\s*${i + 1}\\s*/\\s*${pages.length}\\s*—`)));
  });

  it('prints one report card per unit, each starting a page, in Chinese', async () => {
    const pages = await printed('print-cards', 'print-cards');
    const units = (await sql<{ unit: string }>(page, 'SELECT unit FROM totals WHERE year = 2019 ORDER BY rank, unit_ord')).map((r) => r.unit);
    expect(pages.length).toBeGreaterThanOrEqual(units.length);
    const starts = pages.map((p) => p.trim().split('\n')[0]!.trim());
    expect(starts.filter((s) => s.endsWith('2019年度考核成绩单'))).toEqual(units.map((u) => `${u} 2019年度考核成绩单`));
    expect(pages[0]).toContain('出生政策符合率');
    expect(pages[0]).toMatch(/总分 99，名次 1\/17，等级：优秀/);
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`—\\s*${i + 1}\\s*/\\s*${pages.length}\\s*—`)));
  });

  it('names the scenario when the figures are a what-if, and lists its vetoes with their reasons', async () => {
    await page.evaluate(() =>
      window.kaohe.scenario('目标下调两点', [
        { kind: 'target_shift', indicator: '出生政策符合率', delta: -2 },
        { kind: 'veto', year: 2019, unit: '湖塘镇', on: true, reason: '发生违法生育瞒报' },
      ]),
    );
    const pages = await printed('print-report', 'print-report-scenario');
    const text = pages.join('\n');
    expect(text).toContain('情景（假设，非正式结果）：目标下调两点');
    expect(text).toContain('一票否决 1 个');
    // The vetoed unit is ranked last and listed with its reason.
    const rows = text.split('\n').filter((l) => /^\s*\d+\s+\S+(镇|街道|北区)\s/.test(l));
    expect(rows).toHaveLength(17);
    expect(rows.at(-1)).toContain('湖塘镇');
    expect(text).toMatch(/湖塘镇\s+发生违法生育瞒报/);
    // 礼嘉镇 gains 0.31 under this scenario (tests/browser/scenarios.test.ts).
    expect(text).toMatch(/礼嘉镇\s.*89\.7\b/);
    expect(errors).toEqual([]);
  });
});
