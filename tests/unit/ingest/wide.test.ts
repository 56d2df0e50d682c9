import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest';
import { balanced, fixture, importText, keys, render, rowsOf, utf8 } from './helpers';
import * as seed from './seed000';

const distinct = (xs: readonly (string | null | undefined)[]) => [...new Set(xs)];
const note = (r: { notes: readonly { key: string; params?: Readonly<Record<string, string | number>> }[] }, key: string) =>
  r.notes.find((n) => n.key === key);

const ATTACHMENT1_INDICATORS = [
  '出生政策符合率',
  '孕前优生健康检查覆盖率',
  '出生人口性别比',
  '流动人口服务管理率',
  '妇幼保健和计划生育服务达标率',
  '人口信息化建设指数',
  '计生奖励优惠政策兑现',
  '计生事业经费',
  '计生队伍建设达标',
];

const ATTACHMENT2_INDICATORS = [
  '计生依法行政工作达标率',
  '孕前优生健康检查人数',
  '婴幼儿早期发展项目、青少年健康援助项目、老年健康保健及计生困难家庭养老帮扶项目覆盖率',
  '计生药具服务率',
  '随访服务率',
  '信息入库率、流动人口出生政策符合率',
  '流动人口聚集地计生协会覆盖率',
  '基本公共卫生计生服务均等化达标率',
  '独生子女父母奖励金、计生免费技术服务政策、计生奖扶、特别扶助、城镇持证退休职工一次性奖励、计生手术并发症纳入特扶制度、计生公益金落实率',
  '出生人口统计准确率',
  '人口覆盖率、个案数据质量达标率、信息化应用覆盖率',
  '人口文化宣传阵地建设达标率、幸福家庭工作覆盖率、家庭人口文化知识普及率',
  '群众满意率',
  '信息报道',
  '协会组织建设',
];

describe('seed 000 附件1 (政府考核指标), UTF-8 with BOM, corner 单位 … 内容', () => {
  const bytes = fixture(seed.ATTACHMENT1_FILE);
  const r = importFile({ name: seed.ATTACHMENT1_FILE, bytes });

  it('the checked-in fixture is what the generator writes', () => {
    expect(bytes).toEqual(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(seed.ATTACHMENT1_CSV)]));
  });
  it('unpivots 10 units × 9 indicators into 72 targets for 2018', () => {
    expect(r.ok).toBe(true);
    expect([r.shape, r.table, r.encoding]).toEqual(['wide', 'targets', 'utf-8-bom']);
    expect([r.read, r.loaded, r.rejected.length]).toEqual([72, 72, 0]);
    expect(r.columns).toEqual(['year', 'unit', 'indicator', 'target']);
    expect(distinct(r.data.year ?? [])).toEqual(['2018']);
    expect(distinct((r.data.unit ?? []).filter((u) => u !== null))).toEqual(seed.UNITS);
    expect(distinct(r.data.indicator ?? [])).toEqual(ATTACHMENT1_INDICATORS);
    expect(note(r, 'ingest.note.unpivotUnitsAsColumns')?.params).toEqual({ units: 10, indicators: 9, cells: 72 });
  });
  it('keeps numbers and words as targets', () => {
    const rows = rowsOf(r);
    expect(rows.find((x) => x.unit === '龙虎塘街道' && x.indicator === '出生人口性别比')?.target).toBe('基本正常');
    expect(rows.find((x) => x.unit === '奔牛镇' && x.indicator === '出生政策符合率')?.target).toBe('99');
    expect(rows.filter((x) => x.indicator === '计生奖励优惠政策兑现').map((x) => x.target)).toEqual(Array(10).fill('全面兑现'));
  });
  it('records the line each target came from (a multi-line cell moves the lines below it)', () => {
    const line = (indicator: string) => r.sourceRows[r.data.indicator?.indexOf(indicator) ?? -1];
    expect(line('出生政策符合率')).toBe(6);
    expect(line('孕前优生健康检查覆盖率')).toBe(7);
    expect(line('出生人口性别比')).toBe(10);
  });
  it('says what it did: title lines, year and kind from the file name, units stripped, blanks', () => {
    expect(note(r, 'ingest.note.titleLines')?.params?.count).toBe(3);
    expect(note(r, 'ingest.note.yearFromFileName')?.params).toEqual({ year: '2018' });
    expect(note(r, 'ingest.note.wideKindFromFileName')?.params?.table).toBe('targets');
    expect(r.notes).toContainEqual({ key: 'ingest.note.measure', params: { indicator: '出生政策符合率', measure: '%' } });
    expect(note(r, 'ingest.note.wideBlank')?.params).toEqual({ count: 18 });
  });
  it('reads a cell merged across all units in Word as every unit\'s target (按标准投入到位), and says so', () => {
    const noted = r.notes.filter((n) => n.key === 'ingest.note.mergedAcross').map((n) => n.params?.indicator);
    expect(noted).toEqual(['计生事业经费', '计生队伍建设达标']);
    expect(rowsOf(r).filter((x) => x.indicator === '计生事业经费')).toEqual([
      { year: '2018', unit: null, indicator: '计生事业经费', target: '按标准投入到位' },
    ]);
  });
});

describe('seed 000 附件2 (条线考核指标), GB18030 with CRLF, corner 内容 … 单位 over two label columns', () => {
  const bytes = fixture(seed.ATTACHMENT2_FILE);
  const generated = new Uint8Array(iconv.encode(seed.ATTACHMENT2_CSV, 'gb18030'));
  const r = importFile({ name: seed.ATTACHMENT2_FILE, bytes });
  const rows = rowsOf(r);

  it('the checked-in fixture is what iconv-lite writes, with CRLF line ends', () => {
    expect(bytes).toEqual(generated);
    expect(seed.ATTACHMENT2_CSV.split('\r\n').length).toBeGreaterThan(20);
    expect(importFile({ name: seed.ATTACHMENT2_FILE, bytes: generated })).toEqual(r);
  });
  it('unpivots 10 units × 15 indicators into 141 targets', () => {
    expect([r.ok, r.encoding, r.shape, r.table]).toEqual([true, 'gb18030', 'wide', 'targets']);
    expect([r.read, r.loaded, r.rejected.length]).toEqual([141, 141, 0]);
    expect(distinct(r.data.indicator ?? [])).toEqual(ATTACHMENT2_INDICATORS);
  });
  it('joins unit names broken across lines and trims 奔牛镇 ', () => {
    expect(distinct((r.data.unit ?? []).filter((u) => u !== null))).toEqual(seed.UNITS);
  });
  it('loads the 300-pair quota per unit and checks it adds up', () => {
    const quota = rows.filter((x) => x.indicator === '孕前优生健康检查人数');
    expect(quota.map((x) => x.target)).toEqual(['60', '20', '30', '30', '15', '15', '15', '25', '65', '25']);
    expect(r.notes).toContainEqual({ key: 'ingest.note.measure', params: { indicator: '孕前优生健康检查人数', measure: '300对' } });
    expect(note(r, 'ingest.note.quota')?.params).toEqual({ indicator: '孕前优生健康检查人数', measure: '300对', sum: '300' });
    expect(keys(r.notes)).not.toContain('ingest.warn.quotaMismatch');
  });
  it('reads a category cell followed by a sub-indicator, and a label merged over both columns as the indicator', () => {
    expect(rows.filter((x) => x.indicator === '信息入库率、流动人口出生政策符合率')).toHaveLength(10);
    expect(rows.filter((x) => x.indicator === '计生药具服务率')).toHaveLength(10);
    expect(rows.filter((x) => x.indicator === '流动人口服务管理率' || x.indicator === '家庭健康服务')).toHaveLength(0);
    expect(note(r, 'ingest.note.categoryDropped')?.params).toEqual({ categories: '家庭健康服务、流动人口服务管理率、人口信息化建设' });
  });
  it('starts the data on line 12: the header spans lines 5–11', () => {
    expect(r.sourceRows[0]).toBe(12);
    expect(r.sourceRows[r.loaded - 1]).toBe(30);
  });
  it('asks for the year and the kind when the file name says neither', () => {
    const a = importFile({ name: '附件2.csv', bytes });
    expect([a.ok, a.needs, a.error?.key, a.shape]).toEqual([false, ['year', 'wideKind'], 'ingest.error.needsYearAndWideKind', 'wide']);
    expect(a.read).toBe(0);
    const b = importFile({ name: '附件2-目标.csv', bytes });
    expect([b.needs, b.error?.key]).toEqual([['year'], 'ingest.error.needsYear']);
    const c = importFile({ name: '2018附件2.csv', bytes });
    expect([c.needs, c.error?.key]).toEqual([['wideKind'], 'ingest.error.needsWideKind']);
  });
  it('takes the answers from the context: results for 2018, round left null', () => {
    const a = importFile({ name: '附件2.csv', bytes }, { year: 2018, wideKind: 'results' });
    expect([a.ok, a.table, a.loaded]).toEqual([true, 'results', 141]);
    expect(a.columns).toEqual(['year', 'unit', 'indicator', 'round', 'actual', 'note']);
    expect(distinct(a.data.round ?? [])).toEqual([null]);
    expect(distinct(a.data.year ?? [])).toEqual(['2018']);
    expect(keys(a.notes)).toEqual(expect.arrayContaining(['ingest.note.yearFromContext', 'ingest.note.wideKindFromContext', 'ingest.note.roundDefault']));
  });
});

const UNITS3 = '春江镇,孟河镇,新桥镇';
const CORNERS = ['单位 内容', '内容 单位', '内容＼单位', '单位\\内容', '项目', '指标', '内容', ''];

describe('orientation comes from the content, not the corner text', () => {
  for (const corner of CORNERS) {
    it(`corner ${JSON.stringify(corner)}`, () => {
      const r = importText('2018年目标.csv', `${corner},${UNITS3}\n出生政策符合率%,99,98,97\n`);
      expect(rowsOf(r)).toEqual([
        { year: '2018', unit: '春江镇', indicator: '出生政策符合率', target: '99' },
        { year: '2018', unit: '孟河镇', indicator: '出生政策符合率', target: '98' },
        { year: '2018', unit: '新桥镇', indicator: '出生政策符合率', target: '97' },
      ]);
    });
  }
  it('units as rows (the transpose): first column of unit names', () => {
    const text = '单位＼指标,出生政策符合率%,孕前优生健康检查人数（300对）\n春江镇,99,60\n河海街道,98,240\n';
    const r = importText('2018完成情况.csv', text);
    expect([r.table, r.read, r.loaded]).toEqual(['results', 4, 4]);
    expect(keys(r.notes)).toContain('ingest.note.unpivotUnitsAsRows');
    expect(rowsOf(r).map((x) => [x.unit, x.indicator, x.actual])).toEqual([
      ['春江镇', '出生政策符合率', '99'],
      ['春江镇', '孕前优生健康检查人数', '60'],
      ['河海街道', '出生政策符合率', '98'],
      ['河海街道', '孕前优生健康检查人数', '240'],
    ]);
  });
  it('units that look like nothing: orientation unknown, then told by the known units', () => {
    const text = '内容,甲片,乙片,丙片\n出生政策符合率%,99,98,97\n';
    const a = importText('2018目标.csv', text);
    expect([a.ok, a.error?.key]).toEqual([false, 'ingest.error.orientation']);
    const b = importText('2018目标.csv', text, { knownUnits: ['甲片', '乙片', '丙片'] });
    expect([b.ok, b.loaded, distinct(b.data.unit ?? [])]).toEqual([true, 3, ['甲片', '乙片', '丙片']]);
  });
  it('told by the known indicators in the first column', () => {
    const text = ',甲片,乙片\n出生政策符合率%,99,98\n群众满意率%,95,94\n';
    const r = importText('2018目标.csv', text, { knownIndicators: ['出生政策符合率', '群众满意率'] });
    expect([r.ok, r.loaded, distinct(r.data.unit ?? [])]).toEqual([true, 4, ['甲片', '乙片']]);
  });
});

describe('wide tables: every value cell is loaded or rejected', () => {
  it('a year column gives each row its year; a bad year rejects the row\'s values', () => {
    const text = '年度,内容,春江镇,孟河镇\n2018年,群众满意率%,95,94\n２０１９,群众满意率%,96,\n2O19,群众满意率%,97,96\n';
    const r = importText('目标.csv', text);
    expect([r.read, r.loaded]).toEqual([5, 3]);
    expect(rowsOf(r).map((x) => [x.year, x.unit, x.target])).toEqual([
      ['2018', '春江镇', '95'],
      ['2018', '孟河镇', '94'],
      ['2019', '春江镇', '96'],
    ]);
    expect(r.rejected.map((j) => [j.row, j.column, j.value, j.reason.key])).toEqual([
      [4, '春江镇', '97', 'ingest.reject.wideYear'],
      [4, '孟河镇', '96', 'ingest.reject.wideYear'],
    ]);
    expect(note(r, 'ingest.note.wideBlank')?.params).toEqual({ count: 1 });
  });
  it('values with no indicator, under no header, or past the header are rejected, naming the column', () => {
    const text = [
      '附件1',
      '单位 内容,春江镇,,孟河镇',
      '出生政策符合率%,99,x,98,extra',
      ',97,,96',
      '群众满意率%,95,,94',
    ].join('\r\n');
    const r = importText('2018目标.csv', text);
    expect(balanced(r)).toBe(true);
    expect([r.read, r.loaded]).toEqual([8, 4]);
    expect(r.rejected.map((j) => [j.row, j.column, j.value, j.reason.key])).toEqual([
      [3, null, 'x', 'ingest.reject.wideNoHeader'],
      [3, null, 'extra', 'ingest.reject.wideNoHeader'],
      [4, '春江镇', '97', 'ingest.reject.wideNoIndicator'],
      [4, '孟河镇', '96', 'ingest.reject.wideNoIndicator'],
    ]);
    expect(r.rejected[0]?.reason.params?.column).toBe('C');
    expect(render(r.rejected[2]?.reason ?? { key: '' })).toBe(
      '「2018目标.csv」第4行「春江镇」下有值「97」，但这一行没有指标名称。请在行首补上指标名称。',
    );
  });
  it('skips notes below the table: not read, reported', () => {
    const text = `单位 内容,${UNITS3}\n出生政策符合率%,99,99,99\n\n注：本表由区卫计局制定。\n制表人：王五,,审核人：赵六\n2018年12月\n`;
    const r = importText('2018目标.csv', text);
    expect([r.read, r.loaded]).toEqual([3, 3]);
    expect(note(r, 'ingest.note.notesBelow')?.params?.count).toBe(3);
  });
  it('a category heading on its own row opens a group; a stray label with no values is reported', () => {
    const text = `内容,,${UNITS3}\n家庭健康服务,,,,\n,计生药具服务率%,90,90,90\n,群众满意率%,,,\n`;
    const r = importText('2018目标.csv', text);
    expect([r.read, r.loaded]).toEqual([3, 3]);
    expect(note(r, 'ingest.note.categoryDropped')?.params).toEqual({ categories: '家庭健康服务' });
    expect(r.notes).toContainEqual({ key: 'ingest.warn.labelOnly', params: { row: 4, label: '群众满意率%' } });
  });
  it('a third label column is left out and said', () => {
    const r = importText('2018目标.csv', `序号,项目,指标,${UNITS3}\n1,宣传,群众满意率%,95,95,95\n`);
    expect([r.loaded, distinct(r.data.indicator ?? [])]).toEqual([3, ['群众满意率']]);
    expect(note(r, 'ingest.note.ignoredColumns')?.params).toEqual({ columns: '序号' });
  });
  it('warns when a quota does not add up', () => {
    const r = importText('2018目标.csv', `单位 内容,${UNITS3}\n孕前优生健康检查人数（300对）,100,100,90\n`);
    expect(note(r, 'ingest.warn.quotaMismatch')?.params).toEqual({ indicator: '孕前优生健康检查人数', measure: '300对', sum: '290' });
  });
  it('results by the file-name word 完成 (目标任务完成情况 is a results file)', () => {
    const r = importText('新北区2018年目标任务完成情况.csv', `单位 内容,${UNITS3}\n出生政策符合率%,99.5,98,97%\n`);
    expect([r.table, r.data.actual]).toEqual(['results', ['99.5', '98', '97']]);
  });
  it('ctx.table targets or results settles the kind; other tables never read wide', () => {
    const text = `单位 内容,${UNITS3}\n出生政策符合率%,99,98,97\n`;
    expect(importText('2018.csv', text, { table: 'results' }).table).toBe('results');
    const rubric = importText('2018.csv', text, { table: 'rubric' });
    expect([rubric.ok, rubric.error?.key, rubric.shape]).toEqual([false, 'ingest.error.missingColumns', 'long']);
  });
});
