// `npm run score` on the demo workspaces gives what the app shows: the same import path, the
// same tables, the same views; and the demo data scores cleanly (every unit, every year).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOTALS_SQL, run } from '../../../src/cli/run';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows } from '../../../src/db/rows';
import { applyScoring } from '../../../src/engine';
import { importToSource } from '../../../src/workspace/importing';

const DEMO = path.resolve(import.meta.dirname, '../../../data/demo');

/** What the app computes: every CSV through importToSource, loadTables, applyScoring. */
async function appTotals(dir: string): Promise<string[]> {
  const db = await openNodeDatabase();
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((name) => importToSource({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }).source ?? []);
  await loadTables(db, sources);
  await applyScoring(db, { lang: 'zh-CN' });
  const rows = toRows(await db.query(TOTALS_SQL)).map((r) => Object.values(r).map((v) => v ?? '').join(','));
  await db.close();
  return rows;
}

describe.each(['wujin', 'xinbei'])('demo %s', (demo) => {
  it('the command line writes the totals the app computes, for every unit and year', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kaohe-demo-'));
    const err: string[] = [];
    expect(await run(['--data', path.join(DEMO, demo), '--out', out], { out: () => {}, err: (l) => err.push(l) })).toBe(0);
    expect(err.filter((l) => l.startsWith('计分说明'))).toEqual([]);

    const lines = readFileSync(path.join(out, 'totals.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.slice(1)).toEqual(await appTotals(path.join(DEMO, demo)));

    const totals = lines.slice(1).map((l) => l.split(','));
    const years = new Set(totals.map((t) => t[0]));
    const units = new Set(totals.map((t) => t[1]));
    expect(totals).toHaveLength(years.size * units.size);
    for (const t of totals) {
      expect(Number(t[4])).toBeGreaterThanOrEqual(0);
      expect(Number(t[4])).toBeLessThanOrEqual(100 + Number(t[3]));
      expect(t[5]).not.toBe('');
    }
  }, 60_000);
});
