// 2,000 units (issue 4: views stay readable at that size): the default notebook on a synthetic
// workspace shaped like the engine's output draws pages of units, never all of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/db/node';
import { parseNotebook } from '../../../src/notebook/file';
import { CHART_ROW_CAP } from '../../../src/notebook/build-sql';
import { Session, type CellState } from '../../../src/notebook/session';

const UNITS = 2000;
const INDICATORS = 40;

const SQL = [
  `CREATE TABLE units AS SELECT 'U' || lpad(CAST(i AS VARCHAR), 4, '0') AS unit, ['城关镇', '农村镇', '街道'][i % 3 + 1] AS kind, CAST(i AS INTEGER) AS ord FROM range(${UNITS}) t(i)`,
  `CREATE TABLE scores AS
   SELECT y.year, u.unit, u.kind, '指标' || i AS indicator, '项目' || (i % 8) AS category,
     CASE WHEN i % 2 = 0 THEN '政府考核' ELSE '条线考核' END AS track, '年终' AS round, 1 AS weight,
     'deduct' AS rule, '95' AS target, '90' AS actual, CAST(2.5 AS DECIMAL(18,4)) AS points,
     CAST(2.5 * ((u.ord * 7 + i * 3 + y.year) % 5) / 4 AS DECIMAL(18,4)) AS score, NULL::VARCHAR AS flag,
     '目标 95%，实际 90%' AS explanation, 'rubric.csv' AS rubric_source, i AS rubric_row, 1 AS round_ord, u.ord AS unit_ord
   FROM units u CROSS JOIN range(${INDICATORS}) r(i) CROSS JOIN (VALUES (2018), (2019)) y(year)`,
  `CREATE TABLE totals AS
   SELECT year, unit, any_value(kind) AS kind, sum(score) AS base, CAST(0 AS DECIMAL(18,4)) AS bonus, sum(score) AS total,
     '合格' AS grade, CAST(rank() OVER (PARTITION BY year ORDER BY sum(score) DESC) AS INTEGER) AS rank,
     false AS vetoed, NULL::VARCHAR AS veto_reason, 0 AS veto_streak, any_value(unit_ord) AS unit_ord
   FROM scores GROUP BY year, unit`,
];

describe('the default notebook at 2,000 units', () => {
  it('pages or aggregates every chart: no chart fetches more than a page of units', async () => {
    const db = await openNodeDatabase();
    for (const s of SQL) await db.exec(s);
    const cells = parseNotebook(readFileSync(path.resolve(import.meta.dirname, '../../../data/notebooks/overview.md'), 'utf8'));
    const states = new Map<string, CellState>();
    const session = new Session(db, { state: (id, s) => states.set(id, s), values: () => {} });
    await session.setCells(cells.map((cell, i) => ({ id: `${cell.kind}${i}`, cell })));
    let charts = 0;
    for (const [id, s] of states) {
      expect(s.status, `${id}: ${JSON.stringify(s).slice(0, 300)}`).toBe('ok');
      if (s.status !== 'ok' || s.output.kind !== 'chart') continue;
      charts++;
      const units = new Set(s.output.rows.map((r) => r['unit'])).size;
      expect(s.output.truncated, s.output.spec.from).toBe(false);
      expect(s.output.rows.length, s.output.spec.from).toBeLessThan(CHART_ROW_CAP);
      expect(units, s.output.spec.from).toBeLessThanOrEqual(25);
      if (s.output.spec.page) expect(s.output.page?.keys, s.output.spec.from).toBe(UNITS);
    }
    expect(charts).toBe(9);
    await db.close();
  }, 120_000);
});
