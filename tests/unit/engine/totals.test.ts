// Totals: exact decimal sums, rounding half away from zero, bonus and its cap, grades, ranks.
import { describe, expect, it } from 'vitest';
import { scored, totalRows, type Rows } from './workspace';

const GRADES = { key: '等级', value: '优秀>=90;良好>=80;合格>=70;不合格' };

/** One inspector-scored item of `points` per unit, with the given totals. */
function manualWorkspace(totals: Record<string, string>, settings: Rows = [GRADES], kinds: Record<string, string> = {}) {
  const names = Object.keys(totals);
  return {
    units: names.map((unit) => ({ unit, kind: kinds[unit] ?? null })),
    rubric: [{ indicator: '综合评估', points: 100 }],
    results: names.map((unit) => ({ year: 2016, unit, indicator: '综合评估', actual: totals[unit]! })),
    settings,
  };
}

describe('totals', () => {
  it('grades ≥90 / 80 / 70 and below, the first band that holds from the left (seed 003)', async () => {
    const db = await scored(manualWorkspace({ 甲: '95', 乙: '90', 丙: '89.99', 丁: '80', 戊: '70', 己: '69.99' }));
    expect(await totalRows(db, 'unit, total, grade, rank')).toEqual([
      { unit: '甲', total: 95, grade: '优秀', rank: 1 },
      { unit: '乙', total: 90, grade: '优秀', rank: 2 },
      { unit: '丙', total: 89.99, grade: '良好', rank: 3 },
      { unit: '丁', total: 80, grade: '良好', rank: 4 },
      { unit: '戊', total: 70, grade: '合格', rank: 5 },
      { unit: '己', total: 69.99, grade: '不合格', rank: 6 },
    ]);
  });

  it('ties share a rank: 1, 2, 2, 4', async () => {
    const db = await scored(manualWorkspace({ 甲: '95', 乙: '90', 丙: '90', 丁: '85' }));
    expect((await totalRows(db, 'rank')).map((r) => r['rank'])).toEqual([1, 2, 2, 4]);
  });

  it('units equal once rounded to 2 decimals share a rank', async () => {
    const db = await scored(manualWorkspace({ 甲: '88.8849', 乙: '88.8801' }));
    expect(await totalRows(db, 'unit, total, rank')).toEqual([
      { unit: '甲', total: 88.88, rank: 1 },
      { unit: '乙', total: 88.88, rank: 1 },
    ]);
  });

  it('sums are exact decimals: 89.995 rounds to 90.00 and grades 优秀 (summed as doubles it is 89.99499…)', async () => {
    const scores = ['15.5502', '18.9401', '18.1698', '17.564', '19.7709'];
    expect(scores.reduce((s, x) => s + Number(x), 0)).toBeLessThan(89.995);
    const db = await scored({
      units: [{ unit: '春江镇' }],
      rubric: scores.map((_, i) => ({ indicator: `评估${i}`, points: 20 })),
      results: scores.map((actual, i) => ({ year: 2016, unit: '春江镇', indicator: `评估${i}`, actual })),
      settings: [GRADES],
    });
    expect(await totalRows(db, 'base, total, grade')).toEqual([{ base: 89.995, total: 90, grade: '优秀' }]);
  });

  it('rank_within=kind ranks each kind of unit apart (分类指导, seed 001)', async () => {
    const db = await scored(
      manualWorkspace(
        { 湖塘镇: '80', 礼嘉镇: '90', 雪堰镇: '85', 西湖街道: '70' },
        [GRADES, { key: '排名分组', value: '类型' }],
        { 湖塘镇: '城关镇', 礼嘉镇: '农村镇', 雪堰镇: '农村镇', 西湖街道: '街道' },
      ),
    );
    expect(await totalRows(db, 'unit, kind, rank')).toEqual([
      { unit: '湖塘镇', kind: '城关镇', rank: 1 },
      { unit: '礼嘉镇', kind: '农村镇', rank: 1 },
      { unit: '西湖街道', kind: '街道', rank: 1 },
      { unit: '雪堰镇', kind: '农村镇', rank: 2 },
    ]);
  });

  it('no grades setting: no grade', async () => {
    const db = await scored(manualWorkspace({ 甲: '95' }, []));
    expect(await totalRows(db, 'grade')).toEqual([{ grade: null }]);
  });
});

describe('bonus (加分)', () => {
  const rubric = [
    { indicator: '综合评估', points: 100 },
    { indicator: '省级表彰', points: 2, rule: '加分' },
    { indicator: '国家级刊物发表', points: 3, rule: '加分' },
  ];

  it("an item's claims are summed over its rows whatever their round, clamped to its points", async () => {
    const db = await scored({
      units: [{ unit: '湖塘镇' }],
      rubric,
      results: [
        { year: 2019, unit: '湖塘镇', indicator: '综合评估', actual: '88' },
        { year: 2019, unit: '湖塘镇', indicator: '省级表彰', round: '半年', actual: '2' },
        { year: 2019, unit: '湖塘镇', indicator: '省级表彰', round: '年终', actual: '2' },
        { year: 2019, unit: '湖塘镇', indicator: '国家级刊物发表', round: '年终', actual: '1' },
      ],
    });
    expect(await totalRows(db, 'base, bonus_claimed, bonus, total')).toEqual([{ base: 88, bonus_claimed: 3, bonus: 3, total: 91 }]);
  });

  it("the unit's bonus is capped by bonus_cap (加分上限)", async () => {
    const db = await scored({
      units: [{ unit: '湖塘镇' }],
      rubric,
      results: [
        { year: 2019, unit: '湖塘镇', indicator: '综合评估', actual: '88' },
        { year: 2019, unit: '湖塘镇', indicator: '省级表彰', actual: '2' },
        { year: 2019, unit: '湖塘镇', indicator: '国家级刊物发表', actual: '3' },
      ],
      settings: [{ key: '加分上限', value: '4' }],
    });
    expect(await totalRows(db, 'bonus_claimed, bonus, total')).toEqual([{ bonus_claimed: 5, bonus: 4, total: 92 }]);
  });
});
