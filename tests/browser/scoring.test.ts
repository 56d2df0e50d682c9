// Issue 3 in a real browser: the demo is scored on open, and the first leaderboard shows
// grade and rank exactly as the engine's totals view computes them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, screenshot, sql, startHarness, type Harness } from './harness';

let h: Harness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  ({ page } = await openApp(context, h.url));
  await page.getByTestId('board-row').first().waitFor();
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

interface Total {
  unit: string;
  rank: number;
  total: number;
  grade: string;
  vetoed: boolean;
}

async function board(): Promise<{ unit: string; rank: number }[]> {
  const rows = page.getByTestId('board-row');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const r = rows.nth(i);
    out.push({ unit: (await r.getAttribute('data-unit'))!, rank: Number(await r.getAttribute('data-rank')) });
  }
  return out;
}

describe('the first leaderboard', () => {
  it('shows the latest year of the 武进区 demo, every unit, in rank order as totals says', async () => {
    const totals = await sql<Total>(page, 'SELECT unit, rank, total, grade, vetoed FROM totals WHERE year = 2019 ORDER BY rank, unit');
    expect(totals).toHaveLength(17);
    const shown = await board();
    expect(shown.map((r) => r.rank)).toEqual(totals.map((t) => t.rank));
    expect(new Set(shown.map((r) => r.unit))).toEqual(new Set(totals.map((t) => t.unit)));
    await expect(page.getByTestId('leaderboard').textContent()).resolves.toContain('2019 年考核排名');
    await screenshot(page, 'leaderboard-2019');
  });

  it('gives tied totals one rank and skips the next (1, 2, 2, 4)', async () => {
    const totals = await sql<Total>(page, 'SELECT total, rank FROM totals WHERE year = 2019 ORDER BY rank');
    for (let i = 1; i < totals.length; i++) {
      const [a, b] = [totals[i - 1]!, totals[i]!];
      if (a.total === b.total) expect(b.rank).toBe(a.rank);
      else expect(b.rank).toBe(i + 1);
    }
  });

  it('marks 2018 横林镇 as vetoed (一票否决) and ranks it after every other unit', async () => {
    await page.getByTestId('board-year').selectOption('2018');
    const expected = await sql<Total>(page, 'SELECT unit, rank, grade, vetoed FROM totals WHERE year = 2018 AND vetoed');
    expect(expected.map((t) => [t.unit, t.grade, t.rank])).toEqual([['横林镇', '一票否决', 17]]);
    await page.locator('[data-testid=board-row][data-unit="横林镇"][data-rank="17"]').filter({ hasText: '一票否决' }).waitFor();
    const shown = await board();
    expect(shown.at(-1)?.unit).toBe('横林镇');
    const row = page.locator('[data-testid=board-row][data-unit="横林镇"]');
    await expect(row.textContent()).resolves.toContain('一票否决');
    await expect(row.textContent()).resolves.toContain('严重弄虚作假');
  });

  it('shows the generated SQL (查看 SQL)', async () => {
    const details = page.getByTestId('scoring-sql');
    await details.locator('summary').click();
    await expect(details.textContent()).resolves.toMatch(/CREATE (OR REPLACE )?VIEW/i);
  });

  it('writes the explanations in the UI language and switches with it', async () => {
    const zh = await sql<{ explanation: string }>(page, `SELECT explanation FROM scores WHERE year = 2019 AND indicator = '出生政策符合率' LIMIT 1`);
    expect(zh[0]?.explanation).toMatch(/[目标实际得]/);
    await page.getByTestId('lang').click();
    await page.waitForFunction(async () => {
      const r = await window.kaohe.sql(`SELECT explanation FROM scores WHERE year = 2019 AND indicator = '出生政策符合率' LIMIT 1`);
      return /[A-Za-z]/.test(String(r[0]?.['explanation'])) && !/[得分]/.test(String(r[0]?.['explanation']));
    });
    await page.getByTestId('lang').click();
  });
});

describe('the command line', () => {
  it('npm run score on the demo folder reproduces the totals the app shows, for every year', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kaohe-score-'));
    const root = path.resolve(import.meta.dirname, '../..');
    execFileSync('npx', ['tsx', 'src/cli/score.ts', '--data', 'data/demo/wujin', '--out', out], { cwd: root, stdio: 'pipe' });
    const csv = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'totals.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const cli = csv.map((r) => [Number(r['year']), r['unit'], Number(r['total']), r['grade'], Number(r['rank']), r['vetoed'] === 'true']);
    const app = (
      await sql<{ year: number; unit: string; total: number; grade: string; rank: number; vetoed: boolean }>(
        page,
        'SELECT year, unit, total, grade, rank, vetoed FROM totals',
      )
    ).map((r) => [r.year, r.unit, r.total, r.grade, r.rank, r.vetoed]);
    const key = (r: unknown[]) => `${r[0]}|${r[1]}`;
    const sort = (rows: unknown[][]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(cli.length).toBe(17 * 4);
    expect(sort(cli)).toEqual(sort(app));
  });
});
