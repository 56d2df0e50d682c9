import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanced, importText } from './helpers';

// Each kind of row, as a long results file would carry it; `null` cells mean "leave blank".
const ROWS = {
  good: ['2018', '春江镇', '出生政策符合率%', '年终', '99', ''],
  goodText: ['2018年', '河海\n街道', '群众满意率', '', '基本正常', '备注，有逗号'],
  goodFormula: ['18', '孟河镇', '随访服务率', '半年', '＝prev*0.8', ''],
  badYear: ['2O18', '春江镇', '出生政策符合率%', '年终', '99', ''],
  blankUnit: ['2018', '', '出生政策符合率%', '年终', '99', ''],
  blankActual: ['2018', '春江镇', '出生政策符合率%', '年终', ' ', ''],
  blankIndicator: ['2018', '春江镇', '', '年终', '99', ''],
  extraCell: ['2018', '春江镇', '出生政策符合率%', '年终', '99', '', '多余'],
  blank: ['', '', '', '', '', ''],
} as const;
type Kind = keyof typeof ROWS;
const GOOD: Kind[] = ['good', 'goodText', 'goodFormula'];

function quote(cell: string, d: string): string {
  return cell.includes(d) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('never lose a row', () => {
  it('long files: loaded + rejected = read, and exactly the good rows load', () => {
    const kinds = Object.keys(ROWS) as Kind[];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...kinds), { maxLength: 40 }),
        fc.constantFrom(',', '\t', ';'),
        fc.constantFrom('\n', '\r\n'),
        (picked, d, nl) => {
          const lines = ['年度,单位,指标,轮次,完成值,备注'.replace(/,/g, d)];
          for (const k of picked) lines.push(ROWS[k].map((c) => quote(c, d)).join(d));
          const r = importText('2018完成.csv', lines.join(nl) + nl);
          const nonBlank = picked.filter((k) => k !== 'blank');
          const good = picked.filter((k) => GOOD.includes(k));
          expect(balanced(r)).toBe(true);
          expect([r.read, r.loaded]).toEqual([nonBlank.length, good.length]);
          // A rejected row names the line it starts on: 河海\n街道 makes its row two lines tall.
          let line = 2;
          const expectedRejected: number[] = [];
          for (const k of picked) {
            if (k !== 'blank' && !GOOD.includes(k)) expectedRejected.push(line);
            line += k === 'goodText' ? 2 : 1;
          }
          expect(r.rejected.map((j) => j.row)).toEqual(expectedRejected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('wide files: every non-blank value cell is read, and loaded or rejected', () => {
    const cell = fc.constantFrom('', '', '99', '95%', '基本正常', '60对', ' ');
    const label = fc.constantFrom('出生政策符合率%', '', '群众满意率');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, fc.array(cell, { minLength: 3, maxLength: 5 })), { maxLength: 20 }),
        (rows) => {
          const text = ['单位 内容,春江镇,孟河镇,新桥镇,罗溪镇', ...rows.map(([l, cs]) => [l, ...cs].join(','))].join('\r\n');
          const r = importText('2018目标.csv', text);
          const values = rows.flatMap(([, cs]) => cs).filter((c) => c.trim() !== '').length;
          const valuesWithLabel = rows.filter(([l]) => l !== '').flatMap(([, cs]) => cs.slice(0, 4)).filter((c) => c.trim() !== '').length;
          expect(balanced(r)).toBe(true);
          expect([r.read, r.loaded]).toEqual([values, valuesWithLabel]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
