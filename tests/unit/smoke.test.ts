import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES } from '../../src/schema/tables';

describe('data contract', () => {
  it('every table has at least one required column and unique column names', () => {
    for (const name of TABLE_NAMES) {
      const cols = TABLES[name].columns.map((c) => c.name);
      expect(new Set(cols).size).toBe(cols.length);
      expect(TABLES[name].columns.some((c) => c.required)).toBe(true);
    }
  });
});
