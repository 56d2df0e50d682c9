// The oracle (a plain TypeScript scorer written from the docs, not from the engine's SQL) gives
// the engine's totals on both demo workspaces: every base, bonus, total, grade, rank and veto.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceToIPC } from '../../src/db/ipc';
import { loadTables, type StoredSource } from '../../src/db/load';
import { openNodeDatabase } from '../../src/db/node';
import { toRows } from '../../src/db/rows';
import type { Database } from '../../src/db/types';
import { applyScoring } from '../../src/engine';
import { importFile, type ImportResult } from '../../src/ingest';
import { compareTotals, describeDifferences, ENGINE_TOTALS_SQL } from './compare';
import { inputsFromImports } from './from-ingest';
import { scoreAll } from './score';

const DEMO = path.resolve(import.meta.dirname, '../../data/demo');

/** The demo's files in the order the app imports them (file names, locale order). */
function importDemo(id: string): ImportResult[] {
  const dir = path.join(DEMO, id);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => importFile({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

function stored(results: readonly ImportResult[]): StoredSource[] {
  return results.flatMap((r) =>
    r.ok && r.table
      ? [{ table: r.table, rows: r.loaded, ipc: sourceToIPC({ table: r.table, file: r.file, data: r.data, sourceRows: r.sourceRows }) }]
      : [],
  );
}

const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

describe('oracle = engine on the demo workspaces', () => {
  for (const id of ['wujin', 'xinbei']) {
    it(`${id}: every unit and year has the engine's totals`, async () => {
      const imports = importDemo(id);
      expect(imports.every((r) => r.ok)).toBe(true);
      const db = await openNodeDatabase();
      opened.push(db);
      await loadTables(db, stored(imports));
      await applyScoring(db, { lang: 'zh-CN' });
      const engine = toRows(await db.query(ENGINE_TOTALS_SQL));
      const oracle = scoreAll(inputsFromImports(imports));
      expect(oracle.length).toBeGreaterThan(0);
      const diffs = compareTotals(oracle, engine);
      expect(diffs, describeDifferences(diffs)).toEqual([]);
    }, 120_000);
  }
});
