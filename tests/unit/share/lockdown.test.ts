// Issue 6, safety of shared files: the app's SQL reaches no URL and no local path, and importing
// more files afterwards still works (Arrow goes in without a file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceToIPC } from '../../../src/db/ipc';
import { loadTables } from '../../../src/db/load';
import { openNodeDatabase } from '../../../src/db/node';
import { toRows } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(() => db.close());

const REFUSED: readonly { name: string; sql: string; says: RegExp }[] = [
  { name: 'reads a URL', sql: "SELECT * FROM read_csv('https://example.com/a.csv')", says: /disabled by configuration/ },
  { name: 'reads a local file', sql: "SELECT * FROM read_csv('/etc/passwd')", says: /disabled by configuration/ },
  { name: 'reads text from a local path', sql: "SELECT * FROM read_text('/etc/hostname')", says: /disabled by configuration/ },
  { name: 'lists a directory', sql: "SELECT * FROM glob('/*')", says: /disabled by configuration/ },
  { name: 'writes a file', sql: "COPY (SELECT 1) TO 'out.csv'", says: /disabled by configuration/ },
  { name: 'attaches a database file', sql: "ATTACH 'other.duckdb'", says: /disabled by configuration/ },
  { name: 'loads an extension', sql: 'LOAD httpfs', says: /disabled through configuration/ },
  { name: 'turns external access back on', sql: 'SET enable_external_access = true', says: /Cannot change enable_external_access/ },
];

describe('SQL lockdown', () => {
  for (const c of REFUSED) {
    it(`refuses SQL that ${c.name}`, async () => {
      await expect(db.query(c.sql)).rejects.toThrow(c.says);
    });
  }

  it('a registered file is out of reach too (nothing in the app registers one)', async () => {
    await db.registerFile('mine.csv', new TextEncoder().encode('unit\n春江镇\n'));
    await expect(db.query("SELECT * FROM read_csv('mine.csv')")).rejects.toThrow(/disabled by configuration/);
    await db.dropFile('mine.csv');
  });

  it('imports afterwards: Arrow goes in without file access, and queries read it', async () => {
    await expect(db.query("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow();
    const ipc = sourceToIPC({ table: 'units', file: '单位.csv', data: { unit: ['春江镇', '孟河镇'] }, sourceRows: [2, 3] });
    await loadTables(db, [{ table: 'units', rows: 2, ipc }], ['units']);
    const more = sourceToIPC({ table: 'units', file: '更多.csv', data: { unit: ['新桥镇'] }, sourceRows: [2] });
    await loadTables(db, [{ table: 'units', rows: 2, ipc }, { table: 'units', rows: 1, ipc: more }], ['units']);
    expect(toRows(await db.query('SELECT unit FROM units ORDER BY ord')).map((r) => r['unit'])).toEqual(['春江镇', '孟河镇', '新桥镇']);
  });
});
