// scoring_notes: nothing set aside silently.
import { describe, expect, it } from 'vitest';
import { query, scored } from './workspace';

describe('scoring notes', () => {
  it('lists results no item uses, duplicates, conflicting targets and vetoes with no effect', async () => {
    const db = await scored({
      units: [{ unit: '春江镇' }],
      rubric: [
        { indicator: '出生政策符合率', points: 3, rule: '达标' },
        { indicator: '出生政策符合率', points: 4, rule: '达标' },
        { indicator: '奖励兑现', points: 3, rule: '定性', levels: '全面兑现=1;基本兑现=六成' },
        { indicator: '亮点工作', points: 3, rule: '加分' },
      ],
      targets: [
        { year: 2018, indicator: '出生政策符合率', target: '99' },
        { year: 2018, indicator: '出生政策符合率', target: '98' },
      ],
      results: [
        { year: 2018, unit: '春江镇', indicator: '出生政策符合率', actual: '99' },
        { year: 2018, unit: '春江镇', indicator: '亮点工作', round: '半年', actual: '1' },
        { year: 2018, unit: '春江镇', indicator: '出生政策符合率', round: '平时', actual: '97' },
        { year: 2018, unit: '孟河镇', indicator: '出生政策符合率', actual: '99' },
        { year: 2018, unit: '春江镇', indicator: '群众满意率', actual: '95' },
      ],
      vetoes: [{ year: 2017, unit: '春江镇', reason: '严重弄虚作假' }],
    });
    const notes = await query(db, 'SELECT code, source, source_row, message FROM scoring_notes ORDER BY code, source_row');
    expect(notes).toEqual([
      { code: 'result_unknown_indicator', source: 'results.csv', source_row: 6, message: '2018年「春江镇」的指标「群众满意率」不在考核细则中，未计分' },
      { code: 'result_unknown_round', source: 'results.csv', source_row: 4, message: '轮次「平时」不在轮次权重中，其完成值未计分' },
      { code: 'result_unknown_unit', source: 'results.csv', source_row: 5, message: '单位「孟河镇」不在单位表中，其完成值未计分' },
      { code: 'rubric_bad_levels', source: 'rubric.csv', source_row: 4, message: '指标「奖励兑现」的等级「基本兑现=六成」无法识别，已忽略' },
      { code: 'rubric_duplicate', source: 'rubric.csv', source_row: 3, message: '考核细则中指标「出生政策符合率」重复，采用第一行' },
      { code: 'target_duplicate', source: null, source_row: null, message: '2018年「*」指标「出生政策符合率」有多个不同目标，采用第一行' },
      { code: 'veto_unscored', source: 'vetoes.csv', source_row: 2, message: '2017年「春江镇」的否决未生效：该单位当年未参加考核' },
    ]);
    // The first rubric row and the first target are the ones scored.
    expect(await query(db, `SELECT points, target, score FROM scores WHERE indicator = '出生政策符合率'`)).toEqual([
      { points: 3, target: '99', score: 3 },
    ]);
  });

  it('a clean workspace has no notes', async () => {
    const db = await scored({
      units: [{ unit: '春江镇' }],
      rubric: [{ indicator: '领导重视', points: 9 }],
      results: [{ year: 2018, unit: '春江镇', indicator: '领导重视', actual: '8' }],
      settings: [{ key: 'grades', value: '优秀>=90;不合格' }],
    });
    expect(await query(db, 'SELECT * FROM scoring_notes')).toEqual([]);
  });
});
