import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest';
import type { TableName } from '../../../src/schema/tables';
import { balanced, fixture, importText, keys, render, rowsOf } from './helpers';

const note = (r: { notes: readonly { key: string; params?: Readonly<Record<string, string | number>> }[] }, key: string) =>
  r.notes.find((n) => n.key === key);
const load = (name: string) => importFile({ name, bytes: fixture(name) });

describe('long files with Chinese headers, one per table', () => {
  it('units: 单位名称, 单位类型, 常住人口, 区（县）; a name broken across lines; an unknown column ignored', () => {
    const r = load('units-xinbei.csv');
    expect([r.ok, r.table, r.shape, r.read, r.loaded]).toEqual([true, 'units', 'long', 4, 3]);
    expect(rowsOf(r)).toEqual([
      { unit: '春江镇', kind: '农村镇', population: '12345', district: '新北区' },
      { unit: '河海街道', kind: '城关镇', population: '56789', district: '新北区' },
      { unit: '奔牛镇', kind: '农村镇', population: '80000', district: '新北区' },
    ]);
    expect(r.sourceRows).toEqual([2, 3, 5]);
    expect(r.rejected).toEqual([
      {
        row: 6,
        column: '常住人口',
        value: '约三万',
        reason: { key: 'ingest.reject.number', params: { file: 'units-xinbei.csv', row: 6, column: '常住人口', value: '约三万' } },
      },
    ]);
    expect(note(r, 'ingest.note.ignoredColumns')?.params).toEqual({ columns: '联系人' });
  });

  it('rubric: seed 001 layout, merged categories with subtotals filled down, notes below skipped', () => {
    const r = load('rubric-wujin-2016.csv');
    expect([r.ok, r.table, r.read, r.loaded]).toEqual([true, 'rubric', 8, 8]);
    const rows = rowsOf(r);
    expect(rows.map((x) => [x.category, x.indicator, x.points])).toEqual([
      ['领导重视', '党政领导重视', '3'],
      ['领导重视', '队伍职业化建设', '1'],
      ['领导重视', '经费投入', '2'],
      ['领导重视', '计划生育率', '3'],
      ['综合治理', '关爱女孩行动', '2'],
      ['综合治理', '定点引产制度', '2'],
      ['综合治理', '齐抓共管', '3'],
      ['出生缺陷干预', '孕前优生健康检查覆盖率', '3'],
    ]);
    expect(rows[5]?.office).toBe('政策法规科 妇幼健康科');
    expect(rows[0]?.year).toBeNull();
    expect(note(r, 'ingest.note.fillDown')?.params).toEqual({ column: '项目', count: 5 });
    expect(note(r, 'ingest.note.subtotals')?.params).toEqual({ subtotals: '领导重视 9、综合治理 7、出生缺陷干预 3' });
    expect(keys(r.notes)).not.toContain('ingest.warn.subtotalMismatch');
    expect(note(r, 'ingest.note.titleLines')?.params?.count).toBe(2);
    expect(note(r, 'ingest.note.notesBelow')?.params?.count).toBe(3);
    expect(note(r, 'ingest.note.columns')?.params?.mapping).toBe(
      '项目→category、指标→indicator、考核内容→description、分值→points、考核方式→method、责任科室→office',
    );
  });

  it('targets: year spellings, 全部/全区/all/blank units mean every unit, ranges, formulas, words', () => {
    const r = load('targets-2018-long.csv');
    expect([r.ok, r.table, r.read, r.loaded]).toEqual([true, 'targets', 9, 9]);
    expect(rowsOf(r).map((x) => [x.year, x.unit, x.indicator, x.target])).toEqual([
      ['2018', null, '出生政策符合率', '99'],
      ['2018', null, '人口出生率', '8'],
      ['2018', '春江镇', '孕前优生健康检查人数', '60'],
      ['2018', '孟河镇', '孕前优生健康检查人数', '20'],
      ['2018', '新桥镇', '孕前优生健康检查人数', '30'],
      ['2018', null, '出生人口性别比', '103-107'],
      ['2018', null, '人均计生事业经费', '22'],
      ['2018', '罗溪镇', '流动人口服务管理率', '=prev*0.8'],
      ['2018', '薛家镇', '计生奖励优惠政策兑现', '全面兑现'],
    ]);
    expect(note(r, 'ingest.note.allUnits')?.params).toEqual({ count: 4 });
    expect(note(r, 'ingest.warn.quotaMismatch')?.params).toEqual({ indicator: '孕前优生健康检查人数', measure: '300对', sum: '110' });
  });

  it('results: tab-delimited, spaced header names, units in headers, rejected rows with their line and column', () => {
    const r = load('results-2018-tab.csv');
    expect([r.ok, r.table, r.delimiter, r.read, r.loaded]).toEqual([true, 'results', '\t', 7, 4]);
    expect(rowsOf(r).map((x) => [x.unit, x.round, x.actual, x.note])).toEqual([
      ['春江镇', '年终', '99', null],
      ['孟河镇', null, '98.5', null],
      ['新桥镇', '半年', '-1', '数据有误'],
      ['薛家镇', '年终', '基本正常', null],
    ]);
    expect(r.rejected.map((j) => [j.row, j.column, j.value ?? null, j.reason.key])).toEqual([
      [6, '完成值(%)', null, 'ingest.reject.required'],
      [7, '年度', '2O18', 'ingest.reject.year'],
      [9, '镇(街道)', null, 'ingest.reject.required'],
    ]);
    expect(note(r, 'ingest.note.columns')?.params?.mapping).toBe(
      '年度→year、镇(街道)→unit、指标名称→indicator、轮次→round、完成值(%)→actual、扣分理由→note',
    );
    expect(note(r, 'ingest.note.roundDefault')?.params).toEqual({ count: 1 });
  });

  it('vetoes: semicolon-delimited, a reason with a line break inside', () => {
    const r = load('vetoes-2018.csv');
    expect([r.ok, r.table, r.delimiter, r.loaded]).toEqual([true, 'vetoes', ';', 2]);
    expect(r.data.reason).toEqual(['出现严重弄虚作假，一票否决', '未完成主要目标， 且排名后两名']);
  });

  it('settings: 设置项 and 值', () => {
    const r = load('settings.csv');
    expect([r.ok, r.table, r.loaded]).toEqual([true, 'settings', 2]);
    expect(r.data.key).toEqual(['scale', 'round_weights']);
  });
});

const HEADER_SPELLINGS = ['完成值', '完 成 值', 'Actual', 'ACTUAL', '完成值（%）', '完成值(%)', '完成值%', '实际值', '完成情况', '得分', '实绩'];

describe('header mapping', () => {
  for (const h of HEADER_SPELLINGS) {
    it(`${JSON.stringify(h)} maps to actual`, () => {
      const r = importText('x.csv', `年度,单位,指标,${h}\n2018,春江镇,群众满意率,95\n`);
      expect([r.table, r.data.actual]).toEqual(['results', ['95']]);
    });
  }
  it('a second column for the same field is ignored and said', () => {
    const r = importText('x.csv', '年度,单位,指标,完成值,备注,说明\n2018,春江镇,群众满意率,95,甲,乙\n');
    expect(r.data.note).toEqual(['甲']);
    expect(note(r, 'ingest.note.duplicateColumn')?.params).toEqual({ header: '说明', field: 'note' });
  });
});

const TABLE_CASES: { name: string; file: string; header: string; table: TableName | null; key?: string }[] = [
  { name: 'an actual column: results', file: 'a.csv', header: '年度,单位,指标,完成值', table: 'results', key: 'ingest.note.tableFromHeader' },
  { name: 'a target column: targets', file: 'a.csv', header: '年度,单位,指标,目标值', table: 'targets' },
  { name: 'indicator + points: rubric', file: 'a.csv', header: '项目,指标,分值', table: 'rubric' },
  { name: 'key + value: settings', file: 'a.csv', header: '项,值', table: 'settings' },
  { name: 'a reason: vetoes', file: 'a.csv', header: '年度,单位,事由', table: 'vetoes' },
  { name: 'unit, no indicator: units', file: 'a.csv', header: '单位,人口', table: 'units' },
  { name: 'a unit column alone: units', file: 'a.csv', header: '单位', table: 'units' },
  { name: 'year + unit in a 否决 file: vetoes', file: '2018年一票否决.csv', header: '年度,单位', table: 'vetoes', key: 'ingest.note.tableFromFileName' },
  { name: 'target and actual, file says 目标: targets', file: '2018目标.csv', header: '年度,单位,指标,目标值,完成值', table: 'targets', key: 'ingest.note.tableFromFileName' },
  { name: 'target and actual, file says nothing: ask', file: 'data.csv', header: '年度,单位,指标,目标值,完成值', table: null },
  { name: 'year + indicator only: ask', file: 'data.csv', header: '年度,指标', table: null },
];

describe('which table', () => {
  for (const c of TABLE_CASES) {
    it(c.name, () => {
      const r = importText(c.file, `${c.header}\n`);
      if (c.table === null) {
        expect([r.ok, r.needs, r.error?.key]).toEqual([false, ['table'], 'ingest.error.unknownTable']);
      } else {
        expect([r.ok, r.table]).toEqual([true, c.table]);
        if (c.key !== undefined) expect(keys(r.notes)).toContain(c.key);
      }
    });
  }
  it('the user\'s answer decides, and unknown columns are ignored', () => {
    const r = importText('data.csv', '年度,单位,指标,目标值,完成值\n2018,春江镇,群众满意率,95,96\n', { table: 'results' });
    expect([r.table, r.data.actual]).toEqual(['results', ['96']]);
    expect(note(r, 'ingest.note.ignoredColumns')?.params).toEqual({ columns: '目标值' });
  });
});

describe('rows', () => {
  it('a missing required column fails the file, naming it in English and Chinese', () => {
    const r = importText('2018完成.csv', '年度,单位,指标,备注\n2018,春江镇,群众满意率,\n');
    expect([r.ok, r.table, r.read, r.loaded]).toEqual([false, 'results', 0, 0]);
    expect(render(r.error ?? { key: '' })).toBe(
      '「2018完成.csv」第1行的表头缺少必填列：actual（完成值）。请在表头加上这些列（可用中文列名）后重新导入。',
    );
  });
  it('extra non-blank cells reject the row; missing trailing cells are blank', () => {
    const r = importText('x.csv', '年度,单位,指标,完成值,备注\n2018,春江镇,群众满意率,95,,多余\n2018,孟河镇,群众满意率,94,,,\n2018,新桥镇,群众满意率,93\n');
    expect(balanced(r)).toBe(true);
    expect([r.read, r.loaded]).toEqual([3, 2]);
    expect(r.rejected.map((j) => [j.row, j.column, j.value, j.reason.key, j.reason.params?.column])).toEqual([
      [2, null, '多余', 'ingest.reject.extraCells', 'F'],
    ]);
    expect(r.data.note).toEqual([null, null]);
  });
  it('blank rows (and rows of empty cells) are skipped, not read', () => {
    const r = importText('x.csv', '年度,单位,指标,完成值\n\n,,,\n2018,春江镇,群众满意率,95\n , , ,\n');
    expect([r.read, r.loaded, r.sourceRows]).toEqual([1, 1, [4]]);
  });
  it('a blank category below a blank first category stays blank; a rubric year may be blank', () => {
    const r = importText('细则.csv', '类别,指标,分值,年度\n,甲,3,\n宣传（12）,乙,3,2016年\n,丙,4,\n');
    expect(rowsOf(r).map((x) => [x.category, x.indicator, x.year])).toEqual([
      [null, '甲', null],
      ['宣传', '乙', '2016'],
      ['宣传', '丙', null],
    ]);
    expect(note(r, 'ingest.warn.subtotalMismatch')?.params).toEqual({ category: '宣传', subtotal: '12', sum: '7' });
  });
  it('CR line endings (old Mac Excel) and a quoted cell spanning lines', () => {
    const r = importText('x.csv', '年度,单位,指标,完成值\r2018,"河海\r街道",群众满意率,95\r2018,春江镇,群众满意率,９６\r');
    expect([r.loaded, r.data.unit, r.data.actual, r.sourceRows]).toEqual([2, ['河海街道', '春江镇'], ['95', '96'], [2, 4]]);
  });
  it('title lines above the header are skipped and listed', () => {
    const r = importText('x.csv', '附件1\n新北区2018年目标任务完成情况\n(政府考核指标)\n年度,单位,指标,完成值\n2018,春江镇,群众满意率,95\n');
    expect(note(r, 'ingest.note.titleLines')?.params).toEqual({
      count: 3,
      lines: '附件1、新北区2018年目标任务完成情况、(政府考核指标)',
    });
    expect(r.sourceRows).toEqual([5]);
  });
});
