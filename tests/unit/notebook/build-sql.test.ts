import { describe, expect, it } from 'vitest';
import { buildChartSql, buildMaterialiseSql, buildPageSql, CHART_ROW_CAP } from '../../../src/notebook/build-sql';
import { checkReadOnly } from '../../../src/notebook/guard';
import type { ChartSpec } from '../../../src/notebook/specs';
import { fixtureDb, rows } from './fixture';

const heat: ChartSpec = {
  type: 'cell', from: 'scores', x: 'indicator', y: 'unit', color: 'score', tip: ['explanation'],
  page: { by: 'unit', order: 'unit_ord', size: 2 },
};

describe('SQL builders', () => {
  it('wraps a cell as a temp table whose name is quoted', () => {
    expect(buildMaterialiseSql('my "cell"', 'SELECT 1')).toBe('CREATE OR REPLACE TEMP TABLE "my ""cell""" AS SELECT * FROM (\nSELECT 1\n) AS "__cell"');
  });

  it('pages a result sorted in DuckDB, limits bound as parameters', () => {
    expect(buildPageSql('board', { column: 'total', descending: true }, 50, 25)).toEqual({
      sql: 'SELECT * FROM "board" ORDER BY "total" DESC NULLS LAST LIMIT ? OFFSET ?',
      params: [25, 50],
    });
  });

  it('fetches only a chart’s columns, capped', () => {
    const q = buildChartSql({ type: 'bar', from: 'totals', x: 'total', y: 'unit', select: { unit: 'unit' } });
    expect(q).toEqual({ sql: 'SELECT "total", "unit" FROM "totals" LIMIT ?', params: [CHART_ROW_CAP + 1] });
  });

  it('binds in DuckDB: every builder against the fixture schema', async () => {
    const db = await fixtureDb();
    const guarded = checkReadOnly('SELECT unit, total FROM totals WHERE year = 2019;');
    if (!guarded.ok) throw new Error('guard');
    await db.query(buildMaterialiseSql('board', guarded.tokens.map((t) => t.text).join('')));
    const page = buildPageSql('board', { column: 'total', descending: false }, 1, 1);
    expect(await rows(db, page.sql, page.params as number[])).toHaveLength(1);
    const q = buildChartSql(heat);
    await db.query('EXPLAIN ' + q.sql, q.params);
  });

  it('pages a chart by key: one page of units ranked by the order column, top or bottom', async () => {
    const db = await fixtureDb();
    const top = buildChartSql(heat, { index: 0, ascending: false });
    const first = await rows(db, top.sql, top.params as number[]);
    expect(new Set(first.map((r) => r['unit']))).toEqual(new Set(['西湖街道', '湖塘镇']));
    expect(first.every((r) => r['__keys'] === 3)).toBe(true);
    const second = buildChartSql(heat, { index: 1, ascending: false });
    expect(new Set((await rows(db, second.sql, second.params as number[])).map((r) => r['unit']))).toEqual(new Set(['春江镇']));
    const bottom = buildChartSql(heat, { index: 0, ascending: true });
    expect((await rows(db, bottom.sql, bottom.params as number[]))[0]?.['unit']).toBe('春江镇');
  });

  it('pins why the guard tokenizes: json_serialize_sql is not in the offline duckdb-wasm (no json extension)', async () => {
    const db = await fixtureDb();
    await expect(db.query('SELECT json_serialize_sql(?)', ['SELECT 1'])).rejects.toThrow(/json/);
  });
});
