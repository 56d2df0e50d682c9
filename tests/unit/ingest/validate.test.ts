// Notes drawn across the rows of one file (src/ingest/validate.ts): duplicates say which line is
// scored, and many of them are counted rather than listed; rubric points add up per year and kind.
import { describe, expect, it } from 'vitest';
import { importText, keys } from './helpers';

describe('duplicate records', () => {
  it('lists the first twelve with both lines, counts the rest', () => {
    const rows = Array.from({ length: 31 }, (_, i) => `2018,春江镇,出生政策符合率,年终,${90 + (i % 5)}`);
    const r = importText('2018完成.csv', ['年度,单位,指标,轮次,完成值', ...rows].join('\n'));
    expect([r.read, r.loaded, r.rejected.length]).toEqual([31, 31, 0]);
    const dup = r.notes.filter((n) => n.key === 'ingest.warn.duplicateRow');
    expect(dup.length).toBe(12);
    expect(dup[0]?.params).toEqual({ file: '2018完成.csv', row: 3, first: 2, record: '2018 · 春江镇 · 出生政策符合率 · 年终', value: '91', used: '90' });
    expect(r.notes.find((n) => n.key === 'ingest.warn.duplicateMore')?.params).toEqual({ file: '2018完成.csv', count: 18 });
  });
  it('a blank round is 年终 and a blank target unit is every unit', () => {
    const r = importText('2018完成.csv', '年度,单位,指标,轮次,完成值\n2018,春江镇,x,,1\n2018,春江镇,x,年终,2\n2018,春江镇,x,半年,3\n');
    expect(r.notes.filter((n) => n.key === 'ingest.warn.duplicateRow').map((n) => [n.params?.['row'], n.params?.['first']])).toEqual([[3, 2]]);
    const t = importText('2018目标.csv', '年度,单位,指标,目标值\n2018,,x,1\n2018,全部,x,2\n2018,春江镇,x,3\n');
    expect(t.notes.filter((n) => n.key === 'ingest.warn.duplicateRow').map((n) => n.params?.['record'])).toEqual(['2018 · * · x']);
  });
});

describe('rubric points', () => {
  it('add up to 100 per year and kind, the most specific row applying; bonus items apart', () => {
    const rubric = ['指标,分值,评分方法,年度,类型', 'a,60,,,', 'b,40,,,', 'b,30,,2019,', 'c,10,,2019,', 'd,5,加分,,'].join('\n');
    const r = importText('rubric.csv', rubric);
    expect(keys(r.notes).filter((k) => k.startsWith('ingest.warn.points'))).toEqual([]);
    const off = importText('rubric.csv', rubric.replace('c,10', 'c,11'));
    expect(off.notes.filter((n) => n.key === 'ingest.warn.pointsTotalScope').map((n) => [n.params?.['scope'], n.params?.['sum']])).toEqual([['2019', '101']]);
    // The years the rubric does not name use the rows without a year: a + b.
    const other = importText('rubric.csv', rubric.replace('a,60', 'a,59'));
    const sums = other.notes.filter((n) => n.key.startsWith('ingest.warn.points')).map((n) => [n.key, n.params?.['scope'] ?? null, n.params?.['sum']]);
    expect(sums).toEqual([['ingest.warn.pointsTotalScope', '2019', '99'], ['ingest.warn.pointsTotal', null, '99']]);
  });
});
