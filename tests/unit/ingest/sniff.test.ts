import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../../src/ingest/parse';
import { sniffDelimiter, sniffNewline } from '../../../src/ingest/sniff';

const DELIMITERS: { name: string; text: string; delimiter: string }[] = [
  { name: 'comma', text: '年度,单位,完成值\n2018,春江镇,99\n2018,孟河镇,98\n', delimiter: ',' },
  { name: 'tab', text: '年度\t单位\t完成值\n2018\t春江镇\t99,5\n2018\t孟河镇\t98\n', delimiter: '\t' },
  { name: 'semicolon, with decimal commas in the values', text: '年度;单位;完成值\n2018;春江镇;99,5\n2018;孟河镇;98,25\n', delimiter: ';' },
  {
    name: 'comma below title lines that Excel did not pad',
    text: '附件1\n新北区各镇（街道）2018年计划生育目标任务\n\n单位,指标,目标值\n春江镇,出生政策符合率%,99\n孟河镇,出生政策符合率%,99\n',
    delimiter: ',',
  },
  {
    name: 'tab, with commas inside a quoted cell',
    text: '单位\t备注\n春江镇\t"甲,乙,丙"\n孟河镇\t"丁,戊"\n',
    delimiter: '\t',
  },
  { name: 'a single column falls back to comma', text: '单位\n春江镇\n孟河镇\n', delimiter: ',' },
];

const NEWLINES: { name: string; text: string; newline: string }[] = [
  { name: 'LF', text: 'a,b\n1,2\n', newline: '\n' },
  { name: 'CRLF (Excel on Windows)', text: 'a,b\r\n1,2\r\n', newline: '\r\n' },
  { name: 'CR (old Mac Excel)', text: 'a,b\r1,2\r', newline: '\r' },
  { name: 'CRLF rows, LF inside a quoted header cell', text: '"河海\n街道",b\r\n1,2\r\n', newline: '\r\n' },
];

describe('sniffing', () => {
  for (const c of DELIMITERS) {
    it(`delimiter: ${c.name}`, () => {
      expect(sniffDelimiter(c.text)).toBe(c.delimiter);
    });
  }
  for (const c of NEWLINES) {
    it(`line break: ${c.name}`, () => {
      expect(sniffNewline(c.text)).toBe(c.newline);
    });
  }
});

const GRIDS: { name: string; text: string; delimiter: ',' | '\t' | ';'; rows: string[][]; lines: number[] }[] = [
  {
    name: 'quoted cells with line breaks: each row keeps the line it starts on',
    text: '单位,指标\r\n"河海\r\n\r\n街道","孕前优生健康\n\n检查覆盖率%"\r\n春江镇,x\r\n',
    delimiter: ',',
    rows: [['单位', '指标'], ['河海\r\n\r\n街道', '孕前优生健康\n\n检查覆盖率%'], ['春江镇', 'x'], ['']],
    lines: [1, 2, 7, 8],
  },
  {
    name: 'CR line endings',
    text: 'a;b\r1;2\r3;4',
    delimiter: ';',
    rows: [['a', 'b'], ['1', '2'], ['3', '4']],
    lines: [1, 2, 3],
  },
  {
    name: 'a doubled quote inside a quoted cell',
    text: 'a\tb\n"他说""好"""\t2\n',
    delimiter: '\t',
    rows: [['a', 'b'], ['他说"好"', '2'], ['']],
    lines: [1, 2, 3],
  },
];

describe('parsing', () => {
  for (const c of GRIDS) {
    it(c.name, () => {
      const g = parseGrid(c.text, c.delimiter);
      expect(g.rows).toEqual(c.rows);
      expect([...g.lines]).toEqual(c.lines);
      expect(g.unclosed.size).toBe(0);
    });
  }
  it('cuts a row at an unclosed quote and reads on from the next line', () => {
    const g = parseGrid('a,b\n1,"2\n3,4\n5,6\n', ',');
    expect([...g.unclosed]).toEqual([1]);
    expect(g.rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6'], ['']]);
    expect([...g.lines]).toEqual([1, 2, 3, 4, 5]);
  });
  it('cuts at every unclosed quote, after a quoted cell spanning lines', () => {
    const g = parseGrid('a,b\r\n"x\r\ny",1\r\n2,"open\r\n3,4\r\n"5,6\r\n7,8', ',');
    expect([...g.unclosed]).toEqual([2, 4]);
    expect(g.rows).toEqual([['a', 'b'], ['x\r\ny', '1'], ['2', 'open'], ['3', '4'], ['5,6'], ['7', '8']]);
    expect([...g.lines]).toEqual([1, 2, 4, 5, 6, 7]);
  });
  it('reads mixed CRLF and LF line breaks as line breaks', () => {
    const g = parseGrid('a,b\r\n1,2\n3,4\r\n5,6\n', ',');
    expect(g.mixedNewlines).toBe(true);
    expect(g.rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6'], ['']]);
  });
});
