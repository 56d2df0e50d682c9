// Chart snapshots (the Observable Plot habit): a test's function name is its snapshot file,
// tests/unit/charts/output/<name>.svg (<name>.html when a title or legend wraps it in a figure). What is noisy (clip ids, long decimals) is normalised so a
// snapshot changes only when the picture does. A missing snapshot is written on first run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const OUTPUT = path.resolve(import.meta.dirname, 'output');

export function normalise(html: string): string {
  return html
    .replace(/plot-clip-\d+/g, 'plot-clip')
    .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, '>\n<')
    .trim() + '\n';
}

export function chartTest(fn: () => Element | Promise<Element>): void {
  it(fn.name, async () => {
    const el = await fn();
    const actual = normalise(el.outerHTML);
    const file = path.join(OUTPUT, `${fn.name}.${el.tagName.toLowerCase() === 'svg' ? 'svg' : 'html'}`);
    if (!existsSync(file)) {
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(file, actual);
      console.warn(`wrote new snapshot ${file}`);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
}
