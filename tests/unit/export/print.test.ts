// The printed results' data: the SQL it reads (text, and run on the 武进区 demo in DuckDB) and
// the report it builds.
import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/db/rows';
import { buildReport, DISTRICT_SQL, points, reportItemsSql, reportTitle, reportTotalsSql } from '../../../src/export/print';
import { demoDb } from '../notebook/demo-workspace';

describe('report SQL', () => {
  it('reads main or a scenario schema, the schema quoted', () => {
    expect(reportTotalsSql(null)).toContain('FROM totals WHERE year = ?');
    expect(reportTotalsSql('scenario')).toContain('FROM "scenario".totals WHERE year = ?');
    expect(reportItemsSql('scenario')).toContain('FROM "scenario".scores');
  });

  it('builds the 武进区 2019 report: ranked units, grades counted, one card per unit in rank order', async () => {
    const db = await demoDb('wujin');
    const totals = toRows(await db.query(reportTotalsSql(null), [2019]));
    const items = toRows(await db.query(reportItemsSql(null), [2019]));
    const title = reportTitle(toRows(await db.query(DISTRICT_SQL)), { title: 'wujin', demo: 'wujin' });
    expect(title).toBe('武进区');
    const report = buildReport(title, 2019, null, totals, items);
    expect(report.units).toHaveLength(17);
    expect(report.units[0]).toMatchObject({ unit: '湖塘镇', rank: 1, total: 99, grade: '优秀', vetoed: false });
    expect(report.grades).toEqual([
      { grade: '优秀', count: 5 },
      { grade: '良好', count: 10 },
      { grade: '合格', count: 2 },
    ]);
    expect(report.vetoes).toEqual([]);
    expect(report.cards.map((c) => c.unit.unit)).toEqual(report.units.map((u) => u.unit));
    const first = report.cards[0]!;
    expect(first.items.some((i) => i.indicator === '出生政策符合率')).toBe(true);
    // The card's item scores add up to its base (one round in 2019); bonus items (no round) are listed too.
    const sum = first.items.filter((i) => i.round !== null).reduce((s, i) => s + (i.score ?? 0), 0);
    expect(Math.round(sum * 100) / 100).toBe(first.unit.base);
    expect(first.items.some((i) => i.round === null)).toBe(true);
  });
});

describe('reportTitle', () => {
  it('names the one district the units share, else the workspace title (not a demo id)', () => {
    expect(reportTitle([{ district: '新北区' }], { title: 'x', demo: null })).toBe('新北区');
    expect(reportTitle([{ district: 'a' }, { district: 'b' }], { title: '某县', demo: null })).toBe('某县');
    expect(reportTitle([], { title: 'wujin', demo: 'wujin' })).toBe('');
  });
});

describe('points', () => {
  for (const [n, text] of [[99, '99'], [89.395, '89.4'], [0.1 + 0.2, '0.3'], [null, '']] as const) {
    it(`prints ${String(n)} as ${JSON.stringify(text)}`, () => expect(points(n)).toBe(text));
  }
});
