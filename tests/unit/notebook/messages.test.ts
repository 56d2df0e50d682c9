import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookMessages } from '../../../src/app/notebook-messages';

const ROOT = path.resolve(import.meta.dirname, '../../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });

describe('notebook messages', () => {
  const zh = notebookMessages['zh-CN'];
  const en = notebookMessages.en;

  it('has every key in both languages with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) expect(params(en[key]!), key).toEqual(params(zh[key]!));
  });

  it('defines every nb. key the notebook code names', () => {
    const used = new Set<string>();
    for (const f of [...files(path.join(ROOT, 'notebook')), ...files(path.join(ROOT, 'app/notebook'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['`](nb\.[a-z_.]+[a-z_])['`]/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(zh[key], key).toBeDefined();
  });
});
