import { describe, expect, it } from 'vitest';
import { importFile, reportToCsv } from '../../../src/ingest';
import { fixture, importText, render, renderEn } from './helpers';

describe('import report', () => {
  const results = importFile({ name: 'results-2018-tab.csv', bytes: fixture('results-2018-tab.csv') });

  it('counts what was read, loaded and rejected', () => {
    expect([results.read, results.loaded, results.rejected.length]).toEqual([7, 4, 3]);
    expect(results.sourceRows).toEqual([2, 3, 4, 5]);
  });

  it('one CSV line per rejected row, with file, line, column, value and the reason in the user\'s language', () => {
    expect(reportToCsv([results], render)).toBe(
      [
        'file,row,column,value,reason',
        'results-2018-tab.csv,6,完成值(%),,「results-2018-tab.csv」第6行：「完成值(%)」为空，这一列必须填写。请补上后重新导入。',
        'results-2018-tab.csv,7,年度,2O18,「results-2018-tab.csv」第7行：「年度」列的「2O18」不是年度。请写成 2018 或 2018年。',
        'results-2018-tab.csv,9,镇(街道),,「results-2018-tab.csv」第9行：「镇(街道)」为空，这一列必须填写。请补上后重新导入。',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes commas, quotes and line breaks; defuses formulas for Excel; lists failed files; optional BOM', () => {
    const wide = importText('2018目标, "final".csv', '单位 内容,春江镇,孟河镇\n出生政策符合率%,99,98,"=1+2\n"\n');
    const failed = importFile({ name: 'empty.csv', bytes: new Uint8Array(0) });
    const csv = reportToCsv([wide, failed], renderEn, { bom: true });
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\uFEFFfile,row,column,value,reason\r\n')).toBe(true);
    expect(lines[1]).toBe(
      '"2018目标, ""final"".csv",2,,\'=1+2,"2018目标, ""final"".csv line 2: value ""=1+2"" in column D, which has no header (unit or indicator name). Add the header, or delete the value."',
    );
    expect(lines[2]).toBe(
      'empty.csv,,,,"empty.csv is empty: there is nothing to import. Check that it is the right file, or save it again as CSV from Excel or WPS."',
    );
    expect(lines).toHaveLength(4);
  });
});
