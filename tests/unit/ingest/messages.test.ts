import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../../../src/ingest';

const SRC = fileURLToPath(new URL('../../../src/ingest/', import.meta.url));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('ingest message catalogue', () => {
  const zh = ingestMessages['zh-CN'];
  const en = ingestMessages.en;

  it('has the same keys in zh-CN and en, all under ingest.', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh).every((k) => k.startsWith('ingest.'))).toBe(true);
  });
  it('uses the same placeholders in both languages (the Chinese table name only in Chinese)', () => {
    const own = (s: string) => placeholders(s).filter((p) => p !== 'tableZh');
    for (const k of Object.keys(zh)) expect([k, own(en[k] ?? '')]).toEqual([k, own(zh[k] ?? '')]);
  });
  it('has every key the code uses', () => {
    const used = new Set<string>();
    for (const f of readdirSync(SRC).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(SRC + f, 'utf8').matchAll(/'(ingest\.(?:error|reject|note|warn)\.\w+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(30);
    for (const k of used) expect([k, k in zh]).toEqual([k, true]);
  });
  it('names the file, line and column in every rejection, and the file in every error', () => {
    for (const [k, v] of Object.entries(zh)) {
      if (k.startsWith('ingest.reject.')) expect([k, placeholders(v)]).toEqual([k, expect.arrayContaining(['column', 'file', 'row'])]);
      if (k.startsWith('ingest.error.')) expect([k, placeholders(v)]).toEqual([k, expect.arrayContaining(['file'])]);
    }
  });
});
