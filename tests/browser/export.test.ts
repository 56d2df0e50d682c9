// Issue 6, exports people use, in Chromium: the results as CSV (BOM, guarded text), a chart as a
// titled SVG and as PNG at twice its size.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { OUTPUT_DIR, openApp, startHarness, type Harness } from './harness';

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
