// The same generated SQL on native DuckDB (@duckdb/node-api) and on duckdb-wasm, over the same
// data, gives the same rows: every score, sentence, total, grade and rank (issue 3).
import { afterAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';
import { applyScoring } from '../../../src/engine';
import { openNativeDatabase } from '../../../src/db/native';
import type { Lang } from '../../../src/i18n/types';
import { PARITY_WORKSPACE } from '../../fixtures/engine/parity';
import { storedSources } from './workspace';

const opened: Database[] = [];

async function scoredOn(open: () => Promise<Database>, lang: Lang): Promise<Database> {
  const db = await open();
  opened.push(db);
  await loadTables(db, storedSources(PARITY_WORKSPACE));
  await applyScoring(db, { lang });
  return db;
}

/** Every column as text, so DECIMALs compare exactly whatever each engine hands back. */
const asText = async (db: Database, view: string, order: string) =>
  toRows(await db.query(`SELECT CAST(COLUMNS(*) AS VARCHAR) FROM ${view} ORDER BY ${order}`));

const VIEWS = [
  ['scores', 'year, unit, indicator, round NULLS LAST'],
  ['round_totals', 'year, unit, round'],
  ['totals', 'year, unit'],
  ['scoring_notes', 'code, source, source_row, message'],
] as const;

afterAll(async () => {
  for (const db of opened) await db.close();
});

describe('wasm / native parity', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`every view is the same on both engines (${lang})`, async () => {
      const wasm = await scoredOn(openNodeDatabase, lang);
      const native = await scoredOn(openNativeDatabase, lang);
      for (const [view, order] of VIEWS) {
        const [a, b] = [await asText(wasm, view, order), await asText(native, view, order)];
        expect(b, view).toEqual(a);
      }
      const [counts] = await asText(wasm, '(SELECT count(*) AS n, count(DISTINCT flag) AS flags, sum(score) AS total FROM scores)', 'n');
      // 4 units × 2 years × (8 items × 3 rounds + 2 bonus items)
      expect(counts).toMatchObject({ n: '208' });
      expect(Number(counts!['flags'])).toBeGreaterThanOrEqual(3);
    });
  }
});
