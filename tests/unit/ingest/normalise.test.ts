import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, splitIndicator } from '../../../src/ingest';
import { headerKey, normaliseProse, normaliseText, splitCategory } from '../../../src/ingest/normalise';

// Names as seed 000/001 write them after Word → Excel → CSV.
const NAMES: { name: string; input: string; output: string }[] = [
  { name: 'a unit broken across lines (seed 000 附件2)', input: '河海\n\n街道', output: '河海街道' },
  { name: 'CRLF inside a cell', input: '龙虎塘\r\n街道', output: '龙虎塘街道' },
  { name: 'an indicator broken across lines', input: '孕前优生健康\n\n检查覆盖率%', output: '孕前优生健康检查覆盖率%' },
  { name: 'a trailing space (seed 000 奔牛镇)', input: '奔牛镇 ', output: '奔牛镇' },
  { name: 'a space between Chinese characters', input: '甲 镇', output: '甲镇' },
  { name: 'an ideographic space', input: '春江　镇', output: '春江镇' },
  { name: 'a list broken after 、', input: '人口覆盖率、个案数据质量达标率、\n\n信息化应用覆盖率%', output: '人口覆盖率、个案数据质量达标率、信息化应用覆盖率%' },
  { name: 'full-width brackets to half-width', input: '镇（街道）', output: '镇(街道)' },
  { name: 'full-width digits and percent', input: '孕前优生健康检查人数（３００对）', output: '孕前优生健康检查人数(300对)' },
  { name: 'the leading blank of a category heading (seed 001)', input: '\t领导\n重视\n（9）', output: '领导重视(9)' },
  { name: 'Latin words keep one space', input: '  Pre-pregnancy   check\trate ', output: 'Pre-pregnancy check rate' },
  { name: 'a space between Latin and Chinese goes', input: 'APP 使用率', output: 'APP使用率' },
  { name: 'a zero-width space goes', input: '春江\u200b镇', output: '春江镇' },
  { name: 'plain ASCII is kept as is', input: 'Chunjiang', output: 'Chunjiang' },
  { name: 'blank', input: ' \n ', output: '' },
];

const INDICATORS: { input: string; name: string; measure: string | null }[] = [
  { input: '出生政策符合率%', name: '出生政策符合率', measure: '%' },
  { input: '出生政策符合率％', name: '出生政策符合率', measure: '%' },
  { input: '流动人口服务管理率（%）', name: '流动人口服务管理率', measure: '%' },
  { input: '流动人口服务管理率(%)', name: '流动人口服务管理率', measure: '%' },
  { input: '人口出生率（‰）', name: '人口出生率', measure: '‰' },
  { input: '人口出生率‰', name: '人口出生率', measure: '‰' },
  { input: '孕前优生健康检查人数（300对）', name: '孕前优生健康检查人数', measure: '300对' },
  { input: '孕前优生健康检查人数（３００对）', name: '孕前优生健康检查人数', measure: '300对' },
  { input: '人均计生事业经费(元/人)', name: '人均计生事业经费', measure: '元/人' },
  { input: '流动人口协管员（人）', name: '流动人口协管员', measure: '人' },
  { input: '项目点（个）', name: '项目点', measure: '个' },
  { input: '信息报道（积分）', name: '信息报道', measure: '积分' },
  { input: '孕前优生健康\n\n检查覆盖率%', name: '孕前优生健康检查覆盖率', measure: '%' },
  { input: '出生人口性别比', name: '出生人口性别比', measure: null },
  { input: '镇（街道）计生服务站达标率', name: '镇(街道)计生服务站达标率', measure: null },
  { input: '信访总量（比上年下降）', name: '信访总量(比上年下降)', measure: null },
  { input: '%', name: '%', measure: null },
];

const CATEGORIES: { input: string; name: string; subtotal: string | null }[] = [
  { input: '领导\n重视\n（9）', name: '领导重视', subtotal: '9' },
  { input: '依法\n行政\n（17）', name: '依法行政', subtotal: '17' },
  { input: '流动\n人口\n服务管理\n（19）', name: '流动人口服务管理', subtotal: '19' },
  { input: '宣传（12分）', name: '宣传', subtotal: '12' },
  { input: '人口信息化建设', name: '人口信息化建设', subtotal: null },
  { input: '流动人口服务管理率%', name: '流动人口服务管理率', subtotal: null },
];

const HEADERS: { input: string; key: string }[] = [
  { input: '完成值', key: '完成值' },
  { input: '完 成 值', key: '完成值' },
  { input: 'Actual', key: 'actual' },
  { input: '责任\n科室', key: '责任科室' },
  { input: '镇（街道）', key: '镇(街道)' },
];

describe('normaliseName', () => {
  for (const c of NAMES) {
    it(c.name, () => {
      expect(normaliseName(c.input)).toBe(c.output);
    });
  }
  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (s) => normaliseName(normaliseName(s)) === normaliseName(s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normaliseName(normaliseName(s)) === normaliseName(s)),
      { numRuns: 2000 },
    );
  });
  it('is idempotent on name-like strings of Chinese, spaces, breaks and full-width forms', () => {
    const piece = fc.constantFrom('河海', '街道', ' ', '\n', '\r\n', '　', '（', '）', '%', '％', '３', 'A', 'b', '、', '\t', '¨', 'か', '\u3099', '㈠');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        return normaliseName(normaliseName(s)) === normaliseName(s);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('splitIndicator', () => {
  for (const c of INDICATORS) {
    it(`${JSON.stringify(c.input)} → ${c.name} (${c.measure ?? 'no unit'})`, () => {
      expect(splitIndicator(c.input)).toEqual({ name: c.name, measure: c.measure });
    });
  }
  it('is idempotent on the name', () => {
    const piece = fc.constantFrom('率', '人数', '%', '‰', '（', '）', '(', ')', '300', '对', '元/人', '个', ' ', '\n', 'x');
    const arbitrary = fc.oneof(fc.string({ unit: 'grapheme-composite' }), fc.array(piece, { maxLength: 10 }).map((p) => p.join('')));
    fc.assert(
      fc.property(arbitrary, (s) => {
        const once = splitIndicator(s).name;
        return splitIndicator(once).name === once && normaliseName(once) === once;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('splitCategory', () => {
  for (const c of CATEGORIES) {
    it(`${JSON.stringify(c.input)} → ${c.name}`, () => {
      expect(splitCategory(c.input)).toEqual({ name: c.name, subtotal: c.subtotal });
    });
  }
});

describe('header keys', () => {
  for (const c of HEADERS) {
    it(`${JSON.stringify(c.input)} → ${c.key}`, () => {
      expect(headerKey(c.input)).toBe(c.key);
    });
  }
});

describe('normaliseProse (descriptions, notes, reasons keep their Chinese punctuation)', () => {
  const PROSE = [
    { input: '  台账、\n工作\n评估 ', output: '台账、 工作 评估' },
    { input: '未完成主要目标，\r\n且排名后两名', output: '未完成主要目标， 且排名后两名' },
    { input: '严重弄虚作假（2018年）', output: '严重弄虚作假（2018年）' },
    { input: 'see\nnote  2', output: 'see note  2' },
  ];
  for (const c of PROSE) {
    it(JSON.stringify(c.input), () => expect(normaliseProse(c.input)).toBe(c.output));
  }
});

describe('normaliseText (short codes are folded so that they match)', () => {
  const TEXTS = [
    { input: '全面兑现＝1；基本兑现＝0.6', output: '全面兑现=1;基本兑现=0.6' },
    { input: 'Ａ　Ｂ', output: 'A B' },
  ];
  for (const c of TEXTS) {
    it(JSON.stringify(c.input), () => {
      expect(normaliseText(c.input)).toBe(c.output);
    });
  }
});
