// The public views' columns and types, as docs/scoring.md lists them and the app reads them.
import { describe, expect, it } from 'vitest';
import { SCORE_COLUMNS, TOTAL_COLUMNS } from '../../../src/engine';
import { query, scored } from './workspace';

const TYPES: Record<string, Record<string, string>> = {
  scores: {
    year: 'INTEGER', unit: 'VARCHAR', round: 'VARCHAR', weight: 'DECIMAL(18,4)', rule: 'VARCHAR', target: 'VARCHAR',
    actual: 'VARCHAR', points: 'DECIMAL(18,4)', score: 'DECIMAL(18,4)', flag: 'VARCHAR', explanation: 'VARCHAR',
  },
  totals: {
    year: 'INTEGER', base: 'DECIMAL(18,8)', bonus: 'DECIMAL(18,4)', total: 'DECIMAL(18,2)', grade: 'VARCHAR', rank: 'INTEGER',
    vetoed: 'BOOLEAN', veto_reason: 'VARCHAR', veto_streak: 'INTEGER', bonus_claimed: 'DECIMAL(18,4)', missed: 'INTEGER',
  },
  round_totals: { year: 'INTEGER', round: 'VARCHAR', weight: 'DECIMAL(18,4)', total: 'DECIMAL(18,4)' },
  scoring_notes: { code: 'VARCHAR', source: 'VARCHAR', source_row: 'INTEGER', message: 'VARCHAR' },
};

describe('public views', () => {
  it('have the documented columns, in order, with exact decimal types', async () => {
    const db = await scored({});
    const columns = async (view: string) =>
      query(db, `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = '${view}' ORDER BY column_index`);
    expect((await columns('scores')).map((c) => c['name'])).toEqual([...SCORE_COLUMNS]);
    expect((await columns('totals')).map((c) => c['name'])).toEqual([...TOTAL_COLUMNS]);
    expect((await columns('round_totals')).map((c) => c['name'])).toEqual(['year', 'unit', 'round', 'weight', 'total', 'items', 'flagged', 'round_ord']);
    expect((await columns('scoring_notes')).map((c) => c['name'])).toEqual(['code', 'source', 'source_row', 'message']);
    for (const [view, types] of Object.entries(TYPES)) {
      const actual = Object.fromEntries((await columns(view)).map((c) => [c['name'], c['type']]));
      expect(actual, view).toMatchObject(types);
    }
  });
});
