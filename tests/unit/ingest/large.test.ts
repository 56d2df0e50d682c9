import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest';
import { balanced, utf8 } from './helpers';

const UNITS = ['春江镇', '孟河镇', '新桥镇', '薛家镇', '罗溪镇', '西夏墅镇', '奔牛镇', '河海街道', '三井街道', '龙虎塘街道'];
const ROWS = 200_000;

/** A long results file: 10 units × 40 indicators × 500 years' worth of rows, every 1000th row bad. */
function resultsFile(): Uint8Array {
  const parts = ['年度,单位,指标,轮次,完成值,备注\r\n'];
  for (let i = 0; i < ROWS; i++) {
    const year = i % 1000 === 999 ? '20l8' : '2018';
    const unit = UNITS[i % 10] ?? '';
    const actual = (90 + (i % 997) / 100).toFixed(2);
    parts.push(`${year},${unit},指标${(i / 10) % 40 | 0}率%,年终,${actual},\r\n`);
  }
  return utf8(parts.join(''));
}

describe('a large file', () => {
  it(`imports ${ROWS.toLocaleString('en')} result rows and accounts for each`, () => {
    const r = importFile({ name: 'results-2018.csv', bytes: resultsFile() });
    expect([r.ok, r.table, r.read, r.loaded, r.rejected.length]).toEqual([true, 'results', ROWS, ROWS - 200, 200]);
    expect(balanced(r)).toBe(true);
    expect(r.rejected[0]).toMatchObject({ row: 1001, column: '年度', value: '20l8' });
    expect(r.data.indicator?.slice(0, 11)).toEqual([...Array<string>(10).fill('指标0率'), '指标1率']);
    expect(new Set(r.data.unit)).toEqual(new Set(UNITS));
    expect(r.data.actual?.[1]).toBe('90.01');
    expect(r.data.actual?.[10]).toBe('90.1');
  });
});
