// The same units in two files (a copy of the units table imported under another name): the
// scenario panel's unit lists must still draw, each unit once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, sql, startHarness, type Harness } from './harness';

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

describe('units listed in two files', () => {
  it('the goal-seek and override forms list each unit once, and nothing throws', async () => {
    const bytes = [...readFileSync(path.resolve(import.meta.dirname, '../../data/demo/wujin/武进区单位.csv'))];
    await page.evaluate((b) => window.kaohe.load([{ name: '单位副本.csv', bytes: new Uint8Array(b) }]), bytes);
    const { n, distinct } = (await sql<{ n: number; distinct: number }>(page, 'SELECT count(*) AS n, count(DISTINCT unit) AS distinct FROM units'))[0]!;
    expect(n).toBe(2 * distinct);

    await page.getByTestId('goal-seek').locator('summary').click();
    const options = page.getByTestId('goal-unit').locator('option');
    await expect.poll(() => options.count(), { timeout: 30_000 }).toBe(distinct);

    await page.getByTestId('scenario-new').click();
    await page.getByTestId('override-form').waitFor();
    const listed = () => page.locator('#sc-units option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    await expect.poll(async () => (await listed()).length, { timeout: 30_000 }).toBe(distinct);
    expect(new Set(await listed()).size).toBe(distinct);
    expect(errors).toEqual([]);
  });
});
