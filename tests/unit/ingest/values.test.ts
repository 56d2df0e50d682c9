import { describe, expect, it } from 'vitest';
import { parseValue } from '../../../src/ingest';
import { parseNumber, parseYear } from '../../../src/ingest/values';

const NUMBERS: [string, string | null][] = [
  ['99', '99'],
  ['99%', '99'],
  ['99％', '99'],
  ['99.0', '99'],
  ['99.50', '99.5'],
  ['8‰', '8'],
  ['1,200', '1200'],
  ['１，２００', '1200'],
  ['12,345,678.90', '12345678.9'],
  ['60对', '60'],
  ['６０对', '60'],
  ['22元', '22'],
  ['22元/人', '22'],
  ['56,789人', '56789'],
  ['60 对', '60'],
  [' 95 ', '95'],
  ['+5', '5'],
  ['＋５', '5'],
  ['−3', '-3'],
  ['－3', '-3'],
  ['-0', '0'],
  ['007', '7'],
  ['0.50', '0.5'],
  ['.5', '0.5'],
  ['5.', '5'],
  ['0', '0'],
  ['1.2E+05', '120000'],
  ['1e-3', '0.001'],
  ['NaN', null],
  ['Infinity', null],
  ['-Infinity', null],
  ['1.2.3', null],
  ['12,34', null],
  ['约三万', null],
  ['≥90%', null],
  ['99%以上', null],
  ['5篇以上', null],
  ['abc', null],
  ['', null],
  ['%', null],
  ['-', null],
  ['1e999', null],
];

const YEARS: [string, string | null][] = [
  ['2018', '2018'],
  ['2018年', '2018'],
  ['２０１８', '2018'],
  ['18', '2018'],
  ['2018年度', '2018'],
  [' 2018 ', '2018'],
  ['2O18', null],
  ['218', null],
  ['3018', null],
  ['2018-12', null],
  ['二〇一八', null],
];

const VALUES: { input: string; kind: string; text?: string }[] = [
  { input: '99', kind: 'number', text: '99' },
  { input: '99%', kind: 'number', text: '99' },
  { input: '8‰', kind: 'number', text: '8' },
  { input: '22元/人', kind: 'number', text: '22' },
  { input: '６０对', kind: 'number', text: '60' },
  { input: '=prev*0.8', kind: 'formula', text: '=prev*0.8' },
  { input: '＝prev*0.8', kind: 'formula', text: '=prev*0.8' },
  { input: ' = prev * 0.8 ', kind: 'formula', text: '= prev * 0.8' },
  { input: '103-107', kind: 'text', text: '103-107' },
  { input: '103～107', kind: 'text', text: '103-107' },
  { input: '103—107', kind: 'text', text: '103-107' },
  { input: '103——107', kind: 'text', text: '103-107' },
  { input: '103~107', kind: 'text', text: '103-107' },
  { input: '103 - 107', kind: 'text', text: '103-107' },
  { input: '90%-95%', kind: 'text', text: '90-95' },
  { input: '基本正常', kind: 'text', text: '基本正常' },
  { input: '全面兑现', kind: 'text', text: '全面兑现' },
  { input: '按标准投入到位', kind: 'text', text: '按标准投入到位' },
  { input: '基本\n正常 ', kind: 'text', text: '基本正常' },
  { input: '≥95%', kind: 'text', text: '≥95%' },
  { input: '1.2.3', kind: 'text', text: '1.2.3' },
  { input: '', kind: 'empty' },
  { input: ' \r\n ', kind: 'empty' },
];

describe('number cells', () => {
  for (const [input, out] of NUMBERS) {
    it(`${JSON.stringify(input)} → ${out ?? 'rejected'}`, () => {
      expect(parseNumber(input)).toBe(out);
    });
  }
});

describe('year cells', () => {
  for (const [input, out] of YEARS) {
    it(`${JSON.stringify(input)} → ${out ?? 'rejected'}`, () => {
      expect(parseYear(input)).toBe(out);
    });
  }
});

describe('value cells (target, actual)', () => {
  for (const c of VALUES) {
    it(`${JSON.stringify(c.input)} → ${c.kind} ${c.text ?? ''}`, () => {
      expect(parseValue(c.input)).toEqual(c.text === undefined ? { kind: c.kind } : { kind: c.kind, text: c.text });
    });
  }
});
