import { describe, expect, it } from 'vitest';
import { openNativeDatabase } from '../../../src/db/native';
import { toRows } from '../../../src/db/rows';

describe('native DuckDB in the tests', () => {
  it('runs on the threads KAOHE_NATIVE_THREADS allows (1 here: src/db/native.ts says why)', async () => {
    expect(process.env['KAOHE_NATIVE_THREADS']).toBe('1');
    const db = await openNativeDatabase();
    try {
      expect(toRows(await db.query("SELECT CAST(current_setting('threads') AS INTEGER) AS n"))).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });
});
