import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceToIPC } from '../../../src/db/ipc';
import { createTableSql, loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { decimalWordsToString, toRows } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';
import { TABLES, TABLE_NAMES } from '../../../src/schema/tables';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(() => db.close());

const units = (file: string, names: string[], rows: number[]) => ({
  table: 'units' as const,
  rows: names.length,
  ipc: sourceToIPC({ table: 'units', file, data: { unit: names, population: names.map(() => '1200.5') }, sourceRows: rows }),
});

describe('loadTables', () => {
  it('creates every contract table with its columns and the provenance columns, empty', async () => {
    await loadTables(db, []);
    for (const t of TABLE_NAMES) {
      const cols = toRows(await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, [t])).map((r) => r['column_name']);
      expect(cols.slice(0, TABLES[t].columns.length)).toEqual(TABLES[t].columns.map((c) => c.name));
      expect(cols).toContain('source');
      expect(cols).toContain('source_row');
    }
  });

  it('keeps the units in file order across files as ord (the official order)', async () => {
    await loadTables(db, [units('b.csv', ['孟河镇', '春江镇'], [3, 4]), units('a.csv', ['龙虎塘街道'], [2])], ['units']);
    const rows = toRows(await db.query('SELECT unit, ord, source, source_row, population FROM units ORDER BY ord'));
    expect(rows).toEqual([
      { unit: '孟河镇', ord: 1, source: 'b.csv', source_row: 3, population: 1200.5 },
      { unit: '春江镇', ord: 2, source: 'b.csv', source_row: 4, population: 1200.5 },
      { unit: '龙虎塘街道', ord: 3, source: 'a.csv', source_row: 2, population: 1200.5 },
    ]);
  });

  it('types year as INTEGER and gives results without a round the default round 年终', async () => {
    const ipc = sourceToIPC({
      table: 'results',
      file: 'r.csv',
      data: { year: ['2018', '2018'], unit: ['春江镇', '春江镇'], indicator: ['出生政策符合率', '出生政策符合率'], round: [null, '半年'], actual: ['98.2', '99'] },
      sourceRows: [2, 3],
    });
    await loadTables(db, [{ table: 'results', ipc, rows: 2 }], ['results']);
    const rows = toRows(await db.query('SELECT year, round, actual, typeof(year) AS t FROM results ORDER BY source_row'));
    expect(rows).toEqual([
      { year: 2018, round: '年终', actual: '98.2', t: 'INTEGER' },
      { year: 2018, round: '半年', actual: '99', t: 'INTEGER' },
    ]);
  });

  it('binds parameters instead of splicing them', async () => {
    const rows = toRows(await db.query('SELECT ? AS v', ["'); DROP TABLE units; --"]));
    expect(rows[0]?.['v']).toBe("'); DROP TABLE units; --");
    expect(toRows(await db.query('SELECT count(*) AS n FROM units'))[0]?.['n']).toBe(3);
  });

  it('quotes table names in the DDL it generates', () => {
    expect(createTableSql('units')).toMatch(/^CREATE OR REPLACE TABLE "units" \("unit" VARCHAR/);
  });
});

describe('decimalWordsToString', () => {
  const CASES: [string, number[], number, string][] = [
    ['positive with scale', [15000, 0, 0, 0], 4, '1.5'],
    ['zero', [0, 0, 0, 0], 4, '0'],
    ['negative', [0xffffffff - 12344, 0xffffffff, 0xffffffff, 0xffffffff], 4, '-1.2345'],
    ['integer scale 0', [42, 0, 0, 0], 0, '42'],
    ['above 2^32', [0, 1, 0, 0], 2, '42949672.96'],
  ];
  for (const [name, words, scale, text] of CASES) {
    it(name, () => expect(decimalWordsToString(Uint32Array.from(words), scale)).toBe(text));
  }
  it('matches DuckDB for an exact decimal sum', async () => {
    const rows = toRows(await db.query("SELECT CAST(0.1 AS DECIMAL(18,4)) + CAST(0.2 AS DECIMAL(18,4)) AS s, CAST(-2.5 AS DECIMAL(18,2)) AS n"));
    expect(rows[0]).toEqual({ s: 0.3, n: -2.5 });
  });
});
