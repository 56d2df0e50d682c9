// Issue 5 in a real browser: a scenario created through the UI, the target slider dragged, the
// compare view following it, the scenario still there after a reload and reopened from its URL;
// kaohe.scenario from the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { openApp, OUTPUT_DIR, screenshot, startHarness, waitReady, type Harness } from './harness';

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

/** Under a loaded machine a notebook run can take seconds: wait on the condition, not a clock. */
const WAIT = { timeout: 30_000, interval: 100 };

const stamp = () => page.getByTestId('compare').getAttribute('data-stamp');

/** Moves the slider as a drag does: one input event per position, then change on release. */
async function drag(values: readonly string[]): Promise<number[]> {
  const slider = page.getByTestId('slider');
  const times: number[] = [];
  for (const v of values) {
    const before = await stamp();
    await slider.evaluate((el, x) => {
      (el as HTMLInputElement).value = x;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, v);
    // The re-score of this very step: a refresh started before it may land first.
    await page.waitForFunction(
      ([b, d]) => {
        const el = document.querySelector('[data-testid=compare]');
        return el?.getAttribute('data-stamp') !== b && (el?.getAttribute('data-overrides') ?? '').includes(`"delta":${d}}`);
      },
      [before, String(Number(v))] as const,
    );
    times.push(Number(await page.getByTestId('compare').getAttribute('data-ms')));
  }
  await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  return times;
}

const totalOf = (unit: string) => page.locator(`[data-testid=compare-row][data-unit="${unit}"]`).getAttribute('data-after');

describe('scenarios', () => {
  it('creates a scenario through the UI, drags the slider and sees the compare change', async () => {
    await page.getByTestId('scenario-new').click();
    await page.getByTestId('compare').waitFor({ timeout: 60_000 });
    await page.getByTestId('scenario-note').fill('假设出生政策符合率目标下调');
    await page.getByTestId('scenario-note').blur();
    await page.getByTestId('slider-indicator').selectOption('出生政策符合率');
    await expect.poll(() => page.getByTestId('compare-summary').innerText()).toContain('0 个单位总分变化');
    const before = Number(await totalOf('礼嘉镇'));
    expect(before).toBe(89.39);
    const times = await drag(['-0.5', '-1', '-1.5', '-1', '-0.5', '-1', '-1.5', '-2', '-1.5', '-1', '-0.5', '-1', '-1.5', '-1', '-1.5', '-2', '-1', '-0.5', '-1.5', '-2']);
    // Reported, not asserted: wall time on a shared machine is the benchmark's business.
    // The first step adds the shift (a new shape: views built, items and scores frozen); the rest are slider steps.
    const steps = times.slice(1).sort((a, b) => a - b);
    const at = (p: number) => steps[Math.min(steps.length - 1, Math.floor((steps.length - 1) * p))];
    console.info(`slider re-score: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (first step, new shape: ${times[0]} ms) of ${times.join(', ')}`);
    // 98.69 against 97: the deduction is gone, 礼嘉镇 gains 0.31 (deduct 1 a point, 3 points).
    await expect.poll(() => totalOf('礼嘉镇')).toBe('89.7');
    await expect.poll(() => page.getByTestId('compare-summary').innerText()).toContain('8 个单位总分变化');
    expect(await page.getByTestId('overrides').innerText()).toContain('「出生政策符合率」全部目标 −2');
    expect(await page.getByTestId('slope').locator('svg').count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/[?&]scenario=s[0-9a-z]+/);
    await screenshot(page, 'scenarios-compare');
  });

  it('switches a notebook table and chart to 方案 and 差异, each saying which it shows', async () => {
    const board = page.locator('[data-testid=nb-cell][data-name=leaderboard]');
    const chartCell = page.locator('[data-testid=nb-cell][data-kind=chart]').filter({ has: page.locator('[data-from=leaderboard]') });
    await board.scrollIntoViewIfNeeded();
    await page.getByTestId('nb-view-switch').waitFor();
    const rowOf = (unit: string) => board.locator('[data-testid=nb-row]').filter({ hasText: unit }).locator('td');
    /** The total column of 礼嘉镇's row, once the table shows `view`. */
    const shown = async (view: string) => {
      // Views out of sight wait until they are seen (the notebook is lazy): look at each in turn.
      await board.scrollIntoViewIfNeeded();
      await expect.poll(() => board.getByTestId('nb-view').getAttribute('data-view'), WAIT).toBe(view);
      await expect.poll(() => board.getAttribute('data-status'), WAIT).toBe('ok');
      return rowOf('礼嘉镇').nth(3).innerText();
    };
    /** The largest tick of the chart's total axis, once the chart shows `view`. */
    const top = async (view: string) => {
      await chartCell.scrollIntoViewIfNeeded();
      await expect.poll(() => chartCell.getByTestId('nb-view').getAttribute('data-view'), WAIT).toBe(view);
      await expect.poll(() => chartCell.getAttribute('data-status'), WAIT).toBe('ok');
      await expect.poll(() => chartCell.locator('[data-testid=nb-chart]').getAttribute('data-undrawn'), WAIT).toBeNull();
      const ticks = await chartCell.locator('g[aria-label="x-axis tick label"] text').allTextContents();
      return Math.max(...ticks.map((t) => Number(t.replace(/[^\d.−-]/g, '').replace('−', '-'))));
    };

    expect(await shown('base')).toBe('89.39');
    expect(await board.getByTestId('nb-view').innerText()).toBe('基准数据');
    expect(await top('base')).toBeGreaterThanOrEqual(80);

    await page.getByTestId('nb-view-scenario').check();
    expect(await shown('scenario')).toBe('89.7');
    await page.getByTestId('nb-view-switch').screenshot({ path: path.join(OUTPUT_DIR, 'scenarios-notebook-switch.png') });
    expect(await board.getByTestId('nb-view').innerText()).toContain('方案「');
    expect(await top('scenario')).toBeGreaterThanOrEqual(80);

    await page.getByTestId('nb-view-diff').check();
    expect(await shown('diff')).toBe('+0.31');
    expect(await rowOf('礼嘉镇').last().innerText()).toBe('变化');
    expect(await board.getByTestId('nb-view').innerText()).toContain('差异');
    // Total changes of at most a point or two: the axis is the change, not the totals.
    expect(await top('diff')).toBeLessThan(5);
    await screenshot(page, 'scenarios-notebook-diff');
    await board.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'scenarios-notebook-diff-part.png') });

    // One chart may keep its own view: the scenario's totals, beside the difference table.
    await chartCell.getByTestId('nb-cell-view').selectOption('scenario');
    expect(await top('scenario')).toBeGreaterThanOrEqual(80);
    expect(await shown('diff')).toBe('+0.31');
    await chartCell.getByTestId('nb-cell-view').selectOption('');
    await page.getByTestId('nb-view-base').check();
    expect(await shown('base')).toBe('89.39');
    expect(await top('base')).toBeGreaterThanOrEqual(80);
  });

  it('keeps the scenario after a reload, and its URL opens it in a new page', async () => {
    const url = page.url();
    await page.reload();
    await waitReady(page);
    await page.getByTestId('compare').waitFor({ timeout: 60_000 });
    await expect.poll(() => totalOf('礼嘉镇')).toBe('89.7');
    expect(await page.getByTestId('scenario-note').inputValue()).toBe('假设出生政策符合率目标下调');

    await page.getByTestId('scenario-select').selectOption('');
    await expect.poll(() => page.url()).not.toContain('scenario=');
    await expect.poll(() => page.getByTestId('compare').count()).toBe(0);

    const other = await context.newPage();
    await other.goto(url);
    await waitReady(other);
    await other.getByTestId('compare').waitFor({ timeout: 60_000 });
    await expect.poll(() => other.locator('[data-testid=compare-row][data-unit="礼嘉镇"]').getAttribute('data-after')).toBe('89.7');
    await other.close();
  });

  it('kaohe.scenario creates or replaces a scenario from the console and returns its totals', async () => {
    const totals = (await page.evaluate(() =>
      window.kaohe.scenario('加分上限 1', [{ kind: 'setting', key: 'bonus_cap', value: '1' }]),
    )) as { year: number; unit: string; bonus: number; total: number }[];
    const hutang = totals.find((t) => t.year === 2019 && t.unit === '湖塘镇')!;
    expect(hutang).toMatchObject({ bonus: 1, total: 95 });
    const again = (await page.evaluate(() =>
      window.kaohe.scenario('加分上限 1', [{ kind: 'setting', key: 'bonus_cap', value: '0' }]),
    )) as { year: number; unit: string; total: number }[];
    expect(again.find((t) => t.year === 2019 && t.unit === '湖塘镇')!.total).toBe(94);
    const names = await page.getByTestId('scenario-select').locator('option').allInnerTexts();
    expect(names.filter((n) => n === '加分上限 1')).toHaveLength(1);
    await expect(page.evaluate(() => window.kaohe.scenario('', []))).rejects.toThrow('情景需要一个名称');
  });

  it('goal seek: 礼嘉镇 2019 reaches 优秀 by 村级系统应用覆盖率 99.9 → 100', async () => {
    await page.getByTestId('scenario-select').selectOption('');
    await page.getByTestId('goal-seek').locator('summary').click();
    await expect.poll(() => page.getByTestId('goal-unit').locator('option').count()).toBe(17);
    await page.getByTestId('goal-unit').selectOption('礼嘉镇');
    await page.getByTestId('goal-year').selectOption('2019');
    await page.getByTestId('goal-grade').selectOption('优秀');
    await page.getByTestId('goal-run').click();
    await expect.poll(() => page.getByTestId('goal-plan').innerText()).toContain('村级系统应用覆盖率 99.9 → 100');
    await screenshot(page, 'scenarios-goal');
    expect(errors).toEqual([]);
  });

  it('a large workspace: the compare shows the first 100 units until asked for all, and can show only those that changed', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '清空工作区' }).click();
    await expect.poll(() => page.evaluate(() => window.kaohe.sql('SELECT count(*) AS n FROM units').then((r) => Number(r[0]!['n']))), WAIT).toBe(0);
    // 150 units, one pass/fail item of 10 points, target 90: units 1–60 reach 95, the rest 85.
    const units = Array.from({ length: 150 }, (_, i) => `单位${String(i + 1).padStart(3, '0')}`);
    const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
    await page.evaluate(
      (files) => window.kaohe.load(files.map(([name, bytes]) => ({ name, bytes: new Uint8Array(bytes) }))),
      [
        ['单位.csv', [...csv(['单位,类型', ...units.map((u) => `${u},镇`)])]],
        ['考核细则.csv', [...csv(['指标,分值,评分方法', '达标率,10,达标'])]],
        ['目标值.csv', [...csv(['年度,单位,指标,目标', '2019,,达标率,90'])]],
        ['考核结果.csv', [...csv(['年度,单位,指标,完成值', ...units.map((u, i) => `2019,${u},达标率,${i < 60 ? 95 : 85}`)])]],
      ] as [string, number[]][],
    );
    await page.evaluate(() => window.kaohe.settled());
    // Target 90 → 86: the 90 units at 85 still miss it; at −6 (84) they all reach it.
    await page.evaluate(() => window.kaohe.scenario('大', [{ kind: 'target_shift', indicator: '达标率', delta: -6 }]));
    const shownRows = () => page.getByTestId('compare-row').count();
    await expect.poll(shownRows, WAIT).toBe(100);
    expect(await page.getByTestId('compare-shown').innerText()).toBe('显示前 100 个，共 150 个单位');
    await page.getByTestId('compare-show-all').click();
    await expect.poll(shownRows).toBe(150);
    await page.getByTestId('compare-changed-only').check();
    await expect.poll(shownRows).toBe(90);
    expect(await page.locator('[data-testid=compare-row][data-unit="单位001"]').count()).toBe(0);
    expect(await page.locator('[data-testid=compare-row][data-unit="单位150"]').getAttribute('data-after')).toBe('10');
    expect(errors).toEqual([]);
  });
});
