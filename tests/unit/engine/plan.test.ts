// Every rubric item × unit × year × round gets a row; nothing is NaN, nothing silently dropped.
import { describe, expect, it } from 'vitest';
import { query, scored, scoreRows, type Workspace } from './workspace';

const RUBRIC = [
  { indicator: '出生政策符合率', points: 20, rule: '扣分', step: 5 },
  { indicator: '领导重视', points: 9 },
  { indicator: '亮点工作', points: 3, rule: '加分' },
];

describe('what is scored', () => {
  it('every item × unit × year gets a row; a missing actual is 缺报', async () => {
    const db = await scored({
      units: [{ unit: '春江镇' }, { unit: '孟河镇' }],
      rubric: RUBRIC,
      targets: [{ year: 2018, indicator: '出生政策符合率', target: '99' }],
      results: [{ year: 2018, unit: '春江镇', indicator: '出生政策符合率', actual: '98.2' }],
    });
    const rows = await scoreRows(db, 'unit, indicator, round, score, flag');
    expect(rows).toEqual([
      { unit: '春江镇', indicator: '出生政策符合率', round: '年终', score: 16, flag: null },
      { unit: '春江镇', indicator: '领导重视', round: '年终', score: 0, flag: 'missing' },
      { unit: '春江镇', indicator: '亮点工作', round: null, score: 0, flag: null },
      { unit: '孟河镇', indicator: '出生政策符合率', round: '年终', score: 0, flag: 'missing' },
      { unit: '孟河镇', indicator: '领导重视', round: '年终', score: 0, flag: 'missing' },
      { unit: '孟河镇', indicator: '亮点工作', round: null, score: 0, flag: null },
    ]);
  });

  it('without a units table, every unit named in the results is scored', async () => {
    const db = await scored({
      rubric: RUBRIC,
      results: [
        { year: 2018, unit: '新桥镇', indicator: '领导重视', actual: '8' },
        { year: 2019, unit: '薛家镇', indicator: '领导重视', actual: '7' },
      ],
    });
    const rows = await query(db, `SELECT year, unit, count(*) AS n FROM scores GROUP BY ALL ORDER BY ALL`);
    expect(rows).toEqual([
      { year: 2018, unit: '新桥镇', n: 3 },
      { year: 2018, unit: '薛家镇', n: 3 },
      { year: 2019, unit: '新桥镇', n: 3 },
      { year: 2019, unit: '薛家镇', n: 3 },
    ]);
  });

  it('the most specific rubric row applies: year+kind > year > kind > neither', async () => {
    const ws: Workspace = {
      units: [
        { unit: '湖塘镇', kind: '城关镇' },
        { unit: '礼嘉镇', kind: '农村镇' },
      ],
      rubric: [
        { indicator: '宣传', points: 1 },
        { indicator: '宣传', points: 2, kind: '城关镇' },
        { indicator: '宣传', points: 3, year: 2017 },
        { indicator: '宣传', points: 4, year: 2017, kind: '城关镇' },
        { indicator: '只在2017', points: 5, year: 2017 },
      ],
      results: [
        { year: 2016, unit: '湖塘镇', indicator: '宣传', actual: '1' },
        { year: 2017, unit: '湖塘镇', indicator: '宣传', actual: '1' },
      ],
    };
    const rows = await query(await scored(ws), `SELECT year, unit, indicator, points FROM scores ORDER BY year, unit_ord, indicator`);
    expect(rows).toEqual([
      { year: 2016, unit: '湖塘镇', indicator: '宣传', points: 2 },
      { year: 2016, unit: '礼嘉镇', indicator: '宣传', points: 1 },
      { year: 2017, unit: '湖塘镇', indicator: '只在2017', points: 5 },
      { year: 2017, unit: '湖塘镇', indicator: '宣传', points: 4 },
      { year: 2017, unit: '礼嘉镇', indicator: '只在2017', points: 5 },
      { year: 2017, unit: '礼嘉镇', indicator: '宣传', points: 3 },
    ]);
  });

  it("a unit's own target wins over the all-units target", async () => {
    const db = await scored({
      units: [{ unit: '春江镇' }, { unit: '孟河镇' }],
      rubric: [{ indicator: '孕前优生健康检查人数', points: 5, rule: '比例' }],
      targets: [
        { year: 2018, indicator: '孕前优生健康检查人数', target: '30' },
        { year: 2018, unit: '春江镇', indicator: '孕前优生健康检查人数', target: '60' },
      ],
      results: [
        { year: 2018, unit: '春江镇', indicator: '孕前优生健康检查人数', actual: '30' },
        { year: 2018, unit: '孟河镇', indicator: '孕前优生健康检查人数', actual: '30' },
      ],
    });
    expect(await scoreRows(db, 'unit, target, score')).toEqual([
      { unit: '春江镇', target: '60', score: 2.5 },
      { unit: '孟河镇', target: '30', score: 5 },
    ]);
  });

  it('rule names in Chinese or English, any case and spacing; an unknown rule is flagged', async () => {
    const db = await scored({
      units: [{ unit: '春江镇' }],
      rubric: [
        { indicator: 'a', points: 2, rule: ' Pass ' },
        { indicator: 'b', points: 2, rule: '达 标' },
        { indicator: 'c', points: 2, rule: '打分法' },
      ],
      targets: [
        { year: 2018, indicator: 'a', target: '1' },
        { year: 2018, indicator: 'b', target: '1' },
      ],
      results: ['a', 'b', 'c'].map((indicator) => ({ year: 2018, unit: '春江镇', indicator, actual: '1' })),
    });
    expect(await scoreRows(db, 'indicator, rule, score, flag, explanation')).toEqual([
      { indicator: 'a', rule: 'pass', score: 2, flag: null, explanation: '目标 1，实际 1，达标，得 2/2' },
      { indicator: 'b', rule: 'pass', score: 2, flag: null, explanation: '目标 1，实际 1，达标，得 2/2' },
      { indicator: 'c', rule: null, score: 0, flag: 'unknown_rule', explanation: '未知计分方法「打分法」，得 0/2' },
    ]);
  });

  it('a formula that does not parse flags its items, naming the formula and the position', async () => {
    const db = await scored(
      {
        units: [{ unit: '春江镇' }],
        rubric: [
          { indicator: '信访总量', points: 2, rule: '达标', direction: '越低越好' },
          { indicator: '出生政策符合率', points: 3, rule: '达标' },
        ],
        targets: [
          { year: 2018, indicator: '信访总量', target: '=prev*' },
          { year: 2018, indicator: '出生政策符合率', target: '99' },
        ],
        results: [
          { year: 2018, unit: '春江镇', indicator: '信访总量', actual: '30' },
          { year: 2018, unit: '春江镇', indicator: '出生政策符合率', actual: '99.5' },
        ],
      },
      'en',
    );
    expect(await scoreRows(db, 'indicator, score, flag, explanation')).toEqual([
      {
        indicator: '信访总量',
        score: 0,
        flag: 'bad_formula',
        explanation: 'bad formula =prev* at character 7: a value is missing, 0/2',
      },
      { indicator: '出生政策符合率', score: 3, flag: null, explanation: 'target 99%, actual 99.5%: met, 3/3' },
    ]);
  });

  it('a target formula reads last year (its 年终 round) and the population', async () => {
    const db = await scored({
      units: [{ unit: '春江镇', population: 85000 }],
      rubric: [
        { indicator: '信访总量', points: 2, rule: '达标', direction: 'lower' },
        { indicator: '计生事业经费', points: 9, rule: '比例' },
      ],
      targets: [
        { year: 2018, indicator: '信访总量', target: '=prev*0.8' },
        { year: 2018, indicator: '计生事业经费', target: '=population*22/10000' },
      ],
      results: [
        { year: 2017, unit: '春江镇', indicator: '信访总量', round: '半年', actual: '20' },
        { year: 2017, unit: '春江镇', indicator: '信访总量', round: '年终', actual: '50' },
        { year: 2018, unit: '春江镇', indicator: '信访总量', actual: '41' },
        { year: 2018, unit: '春江镇', indicator: '计生事业经费', actual: '187' },
      ],
      settings: [{ key: 'round_weights', value: '年终=1' }],
    });
    const rows = await query(db, `SELECT indicator, target, score, explanation FROM scores WHERE year = 2018 ORDER BY rubric_row`);
    expect(rows).toEqual([
      { indicator: '信访总量', target: '40', score: 0, explanation: '目标 40（=prev*0.8，上年 50），实际 41，未达标，得 0/2' },
      {
        indicator: '计生事业经费',
        target: '187',
        score: 9,
        explanation: '目标 187（=population*22/10000，人口 85000），实际 187，完成 100% × 9 分，得 9/9',
      },
    ]);
  });

  it('broken rubric rows and formulas score 0 with a flag, never NULL', async () => {
    const db = await scored({
      units: [{ unit: '春江镇' }],
      rubric: [
        { indicator: 'a', points: 2, rule: '扣分', direction: '适中' },
        { indicator: 'b', points: 2, rule: '定性', levels: 'x=1' },
        { indicator: 'c', points: 2, rule: '区间' },
        { indicator: 'd', points: 2, rule: '比例' },
      ],
      targets: [{ year: 2018, indicator: 'd', target: '=prev/0' }],
      results: ['a', 'b', 'c', 'd'].map((indicator) => ({ year: 2018, unit: '春江镇', indicator, actual: 'y' })),
    });
    const rows = await scoreRows(db, 'indicator, score, flag');
    expect(rows).toEqual([
      { indicator: 'a', score: 0, flag: 'bad_direction' },
      { indicator: 'b', score: 0, flag: 'unlisted_level' },
      { indicator: 'c', score: 0, flag: 'no_target' },
      { indicator: 'd', score: 0, flag: 'no_target' },
    ]);
  });
});
