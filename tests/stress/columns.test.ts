// A file with 5,000 columns, two ways: a wide target table with 5,000 units as columns, and a
// long results file whose 4,995 extra columns are not in the data format.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest';

const COLUMNS = 5_000;
const encode = (s: string) => new TextEncoder().encode(s);
const unit = (j: number) => `第${j}镇`;

describe('5,000 columns', () => {
  it('a wide table with 5,000 unit columns unpivots every cell, and rejects only the bad ones', () => {
    const indicators = 40;
    const lines = [['单位 内容', ...Array.from({ length: COLUMNS }, (_, j) => unit(j))].join(',')];
    for (let i = 0; i < indicators; i++) {
      const cells = Array.from({ length: COLUMNS }, (_, j) => (j === 4_321 && i === 7 ? '#N/A' : String(90 + ((i + j) % 10))));
      lines.push([`指标${i}率%`, ...cells].join(','));
    }
    const r = importFile({ name: '2018年目标-5000列.csv', bytes: encode(lines.join('\r\n')) });
    expect([r.ok, r.shape, r.table, r.read, r.loaded, r.rejected.length]).toEqual([true, 'wide', 'targets', COLUMNS * indicators, COLUMNS * indicators - 1, 1]);
    expect(r.rejected[0]).toMatchObject({ row: 9, column: unit(4_321), value: '#N/A' });
    expect(new Set(r.data['unit']).size).toBe(COLUMNS);
  });

  it('a long file with 4,995 unknown columns loads its 5 known ones and lists the rest briefly', () => {
    const header = ['年度', '单位', '指标', '轮次', '完成值', ...Array.from({ length: COLUMNS - 5 }, (_, j) => `附加列${j}`)];
    const rows = Array.from({ length: 200 }, (_, i) =>
      ['2018', unit(i % 50), `指标${i % 4}`, '年终', i === 150 ? '1.2.3' : String(i), ...Array.from({ length: COLUMNS - 5 }, (_, j) => String(j))].join(','),
    );
    const r = importFile({ name: 'results-wide-header.csv', bytes: encode([header.join(','), ...rows].join('\n')) });
    expect([r.ok, r.table, r.read, r.loaded, r.rejected.length]).toEqual([true, 'results', 200, 199, 1]);
    expect(r.rejected[0]).toMatchObject({ row: 152, column: '完成值', value: '1.2.3' });
    const ignored = r.notes.find((n) => n.key === 'ingest.note.ignoredColumns');
    expect(String(ignored?.params?.['columns'])).toMatch(/^附加列0、.*…（\+4989）$/);
  });
});
