// 一票否决: listed vetoes, 末位否决 (seed 003, 麻城 2009: 后两名且未完成目标), the veto's effect on the
// grade, the total and the rank, and 连续两年否决.
import { describe, expect, it } from 'vitest';
import { scored, totalRows, type Rows } from './workspace';

const GRADES = { key: 'grades', value: '优秀>=90;良好>=80;合格>=70;不合格' };

/** Each unit: an inspector score and a pass item (met or missed, or no target at all). */
function workspace(units: Record<string, [score: string, rate: string | null]>, years: number[], settings: Rows, vetoes: Rows = []) {
  const names = Object.keys(units);
  return {
    units: names.map((unit) => ({ unit })),
    rubric: [
      { indicator: '综合评估', points: 90 },
      { indicator: '出生政策符合率', points: 10, rule: '达标' },
    ],
    targets: years.map((year) => ({ year, indicator: '出生政策符合率', target: '99' })),
    results: years.flatMap((year) =>
      names.flatMap((unit) => [
        { year, unit, indicator: '综合评估', actual: units[unit]![0] },
        ...(units[unit]![1] === null ? [] : [{ year, unit, indicator: '出生政策符合率', actual: units[unit]![1] }]),
      ]),
    ),
    settings: [GRADES, ...settings],
    vetoes,
  };
}

describe('vetoes (一票否决)', () => {
  it('a vetoed unit ranks after all others: A 95, B 90 vetoed, C 85 → A 1, C 2, B 3', async () => {
    const db = await scored(
      workspace({ A: ['85', '99'], B: ['80', '99'], C: ['75', '99'] }, [2018], [], [{ year: 2018, unit: 'B', reason: '严重弄虚作假' }]),
    );
    expect(await totalRows(db, 'unit, total, grade, rank, vetoed, veto_reason')).toEqual([
      { unit: 'A', total: 95, grade: '优秀', rank: 1, vetoed: false, veto_reason: null },
      { unit: 'C', total: 85, grade: '良好', rank: 2, vetoed: false, veto_reason: null },
      { unit: 'B', total: 90, grade: '一票否决', rank: 3, vetoed: true, veto_reason: '严重弄虚作假' },
    ]);
  });

  it('veto=zero (否决方式=归零) sets the total to 0; the default changes only the grade', async () => {
    const db = await scored(
      workspace({ A: ['85', '99'], B: ['80', '99'] }, [2018], [{ key: '否决方式', value: '归零' }], [{ year: 2018, unit: 'B' }]),
    );
    expect(await totalRows(db, 'unit, total, grade, rank, veto_reason')).toEqual([
      { unit: 'A', total: 95, grade: '优秀', rank: 1, veto_reason: null },
      { unit: 'B', total: 0, grade: '一票否决', rank: 2, veto_reason: '列入否决名单' },
    ]);
  });

  it('bottom_veto=2: the last two that missed a target are vetoed, with everyone tied with the second', async () => {
    // Totals: A 100, B 90, C 85 (missed), D 85 (missed), E 70 (met). Bottom two places: E and the
    // C/D tie; E met every target, so C and D are vetoed.
    const db = await scored(
      workspace(
        { A: ['90', '99'], B: ['80', '99.5'], C: ['85', '98'], D: ['85', '97'], E: ['60', '99'] },
        [2009],
        [{ key: '末位否决', value: '2' }],
      ),
    );
    expect(await totalRows(db, 'unit, total, rank, vetoed, veto_reason')).toEqual([
      { unit: 'A', total: 100, rank: 1, vetoed: false, veto_reason: null },
      { unit: 'B', total: 90, rank: 2, vetoed: false, veto_reason: null },
      { unit: 'E', total: 70, rank: 3, vetoed: false, veto_reason: null },
      { unit: 'C', total: 85, rank: 4, vetoed: true, veto_reason: '后2名且未完成目标' },
      { unit: 'D', total: 85, rank: 4, vetoed: true, veto_reason: '后2名且未完成目标' },
    ]);
  });

  it('末位否决 counts 缺报 as a missed target, and 无目标 not', async () => {
    const missing = await scored(workspace({ A: ['90', '99'], B: ['50', null] }, [2009], [{ key: 'bottom_veto', value: '1' }]));
    expect(await totalRows(missing, 'unit, vetoed')).toEqual([
      { unit: 'A', vetoed: false },
      { unit: 'B', vetoed: true },
    ]);
    const ws = workspace({ A: ['90', '99'], B: ['50', '90'] }, [2009], [{ key: 'bottom_veto', value: '1' }]);
    const noTarget = await scored({ ...ws, targets: [] });
    expect(await totalRows(noTarget, 'unit, vetoed')).toEqual([
      { unit: 'A', vetoed: false },
      { unit: 'B', vetoed: false },
    ]);
  });

  it('units already vetoed do not take a bottom place; vetoed units rank among themselves by total', async () => {
    const db = await scored(
      workspace({ A: ['90', '99'], B: ['70', '98'], C: ['40', '98'] }, [2009], [{ key: 'bottom_veto', value: '1' }], [
        { year: 2009, unit: 'C', reason: '严重弄虚作假' },
      ]),
    );
    expect(await totalRows(db, 'unit, rank, veto_reason')).toEqual([
      { unit: 'A', rank: 1, veto_reason: null },
      { unit: 'B', rank: 2, veto_reason: '后1名且未完成目标' },
      { unit: 'C', rank: 3, veto_reason: '严重弄虚作假' },
    ]);
  });

  it('a unit vetoed this year and last is marked (连续两年否决, seed 003)', async () => {
    const db = await scored(
      workspace({ A: ['90', '99'], B: ['80', '99'] }, [2016, 2017, 2018, 2019], [], [
        { year: 2016, unit: 'B' },
        { year: 2017, unit: 'B' },
        { year: 2018, unit: 'B' },
        { year: 2019, unit: 'A' },
      ]),
    );
    expect(await totalRows(db, 'year, unit, veto_streak')).toEqual([
      { year: 2016, unit: 'A', veto_streak: 0 },
      { year: 2016, unit: 'B', veto_streak: 1 },
      { year: 2017, unit: 'A', veto_streak: 0 },
      { year: 2017, unit: 'B', veto_streak: 2 },
      { year: 2018, unit: 'A', veto_streak: 0 },
      { year: 2018, unit: 'B', veto_streak: 3 },
      { year: 2019, unit: 'B', veto_streak: 0 },
      { year: 2019, unit: 'A', veto_streak: 1 },
    ]);
  });

  it('a year without a veto ends the streak: vetoed again, it counts from 1', async () => {
    const db = await scored(
      workspace({ A: ['90', '99'], B: ['80', '99'] }, [2016, 2017, 2018, 2019], [], [
        { year: 2016, unit: 'B' },
        { year: 2017, unit: 'B' },
        { year: 2019, unit: 'B' },
      ]),
    );
    const b = (await totalRows(db, 'year, unit, veto_streak')).filter((r) => r['unit'] === 'B');
    expect(b.map((r) => r['veto_streak'])).toEqual([1, 2, 0, 1]);
  });
});
