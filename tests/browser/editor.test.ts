// The SQL editor as a keyboard user meets it: typing, undo and redo, and leaving with Tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  ({ page } = await openApp(context, h.url));
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

const text = (editor: Locator) => editor.locator('.cm-content').evaluate((e) => (e as HTMLElement).innerText.trim());

describe('the SQL editor', () => {
  it('undoes and redoes what was typed, and Tab moves focus out of it', async () => {
    const cells = page.locator('[data-testid=nb-cell][data-kind=sql]');
    const before = await cells.count();
    await page.getByTestId('nb-add-sql').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=nb-cell][data-kind=sql]').length > n, before);
    const editor = cells.nth(before);
    await editor.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT 1 AS one');
    const typed = await text(editor);
    expect(typed).toBe('SELECT 1 AS one');

    await page.keyboard.press('End');
    await page.keyboard.type(', 2 AS two', { delay: 5 });
    await expect.poll(() => text(editor)).toBe('SELECT 1 AS one, 2 AS two');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text(editor)).toBe(typed);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => text(editor)).toBe('SELECT 1 AS one, 2 AS two');

    await page.keyboard.press('Tab');
    const inEditor = await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null);
    expect(inEditor).toBe(false);
  });
});
