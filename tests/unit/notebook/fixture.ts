// A small workspace shaped like the engine's output (scores, totals) in one in-process DuckDB
// shared by a test file: enough to run notebook cells for real.
import { openNodeDatabase } from '../../../src/db/node';
import { toRows, type Row } from '../../../src/db/rows';
import type { Database } from '../../../src/db/types';

const UNITS = [['春江镇', '农村镇', 1], ['湖塘镇', '城关镇', 2], ['西湖街道', '街道', 3]] as const;
const INDICATORS = [['出生政策符合率', '依法行政', '政府考核', 10], ['统计准确率', '信息化建设', '条线考核', 6], ['宣传品入户率', '宣传', '政府考核', 4]] as const;

export const FIXTURE_SQL = [
  `CREATE OR REPLACE TABLE units AS SELECT * FROM (VALUES ${UNITS.map(([u, k, o]) => `('${u}', '${k}', ${o})`).join(', ')}) v(unit, kind, ord)`,
  `CREATE OR REPLACE TABLE scores AS
   SELECT y.year, u.unit, u.kind, i.indicator, i.category, i.track, '年终' AS round,
     CAST(95 AS VARCHAR) AS target, CAST(90 + (u.ord * 3 + i.n + y.year) % 9 AS VARCHAR) AS actual,
     CAST(i.points AS DECIMAL(18,4)) AS points,
     CAST(i.points * ((u.ord + i.n + y.year) % 4) / 3.0 AS DECIMAL(18,4)) AS score,
     NULL::VARCHAR AS flag,
     '目标 95%，实际 ' || (90 + (u.ord * 3 + i.n + y.year) % 9) || '%' AS explanation,
     u.ord AS unit_ord
   FROM (VALUES (2018), (2019)) y(year)
   CROSS JOIN (VALUES ${UNITS.map(([u, k, o]) => `('${u}', '${k}', ${o})`).join(', ')}) u(unit, kind, ord)
   CROSS JOIN (VALUES ${INDICATORS.map(([n, c, t, p], k) => `('${n}', '${c}', '${t}', ${p}, ${k})`).join(', ')}) i(indicator, category, track, points, n)`,
  `CREATE OR REPLACE TABLE totals AS
   SELECT year, unit, any_value(kind) AS kind, sum(score) AS base, CAST(0 AS DECIMAL(18,4)) AS bonus, sum(score) AS total,
     CASE WHEN sum(score) >= 12 THEN '优秀' ELSE '合格' END AS grade,
     CAST(rank() OVER (PARTITION BY year ORDER BY sum(score) DESC) AS INTEGER) AS rank,
     false AS vetoed, NULL::VARCHAR AS veto_reason, 0 AS veto_streak, any_value(unit_ord) AS unit_ord
   FROM scores GROUP BY year, unit`,
];

let shared: Promise<Database> | undefined;

export function fixtureDb(): Promise<Database> {
  shared ??= (async () => {
    const db = await openNodeDatabase();
    for (const s of FIXTURE_SQL) await db.exec(s);
    return db;
  })();
  return shared;
}

export async function rows(db: Database, sql: string, params: readonly (string | number | null)[] = []): Promise<Row[]> {
  return toRows(await db.query(sql, params));
}
