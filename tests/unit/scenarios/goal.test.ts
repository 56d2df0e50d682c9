// Goal seek on the 武进区 demo: worked examples, checked by scoring the proposed improvements as a
// scenario, and goals out of reach (vetoed, or not enough points left).
import { describe, expect, it } from 'vitest';
import { seekGoal, smallestSet, type Improvement } from '../../../src/scenarios';
import { demoDb, rows, scenario } from './demo';

const opt = (indicator: string, gain: number, relative: number): Improvement => ({
  indicator, rule: 'pass', actual: '0', needed: '1', value: '1', gain, relative,
});

describe('smallest set', () => {
  it('fewest items first, then the smallest relative change', () => {
    const options = [opt('a', 3, 0.5), opt('b', 2, 0.01), opt('c', 2, 0.02), opt('d', 1, 0.001)];
    expect(smallestSet(options, 3)!.map((o) => o.indicator)).toEqual(['a']);
    expect(smallestSet(options, 3.5)!.map((o) => o.indicator).sort()).toEqual(['b', 'c']);
    expect(smallestSet(options, 9)).toBeNull();
    expect(smallestSet(options, 0)).toEqual([]);
  });
});

describe('goal seek on the demo', () => {
  it('礼嘉镇 2019 (89.39 良好) reaches 优秀 with one item: 村级系统应用覆盖率 99.9 → 100, +1 point', async () => {
    const db = await demoDb();
    const r = (await seekGoal(db, 'main', 2019, '礼嘉镇', { kind: 'grade', grade: '优秀' }))!;
    expect(r.current).toBe(89.39);
    expect(r.needed).toBe(90);
    expect(r.reached).toBe(false);
    const birth = r.options.find((o) => o.indicator === '出生政策符合率')!;
    expect(birth).toMatchObject({ actual: '98.69', needed: '99', gain: 0.31 });
    expect(r.plan!.map((o) => [o.indicator, o.actual, o.needed, o.gain])).toEqual([['村级系统应用覆盖率', '99.9', '100', 1]]);
    expect(r.totalAfter).toBe(90.39);
    const after = await scenario([{ kind: 'actual', year: 2019, unit: '礼嘉镇', indicator: '村级系统应用覆盖率', value: '100' }]);
    expect(await rows(after, `SELECT total, grade FROM scenario.totals WHERE year = 2019 AND unit = '礼嘉镇'`)).toEqual([{ total: 90.39, grade: '优秀' }]);
  });

  it('横林镇 2019 (79.29, rank 17) reaching rank 10 needs 85.9, and the proposal scores it', async () => {
    const db = await demoDb();
    const r = (await seekGoal(db, 'main', 2019, '横林镇', { kind: 'rank', rank: 10 }))!;
    expect(r.needed).toBe(85.9);
    expect(r.plan).not.toBeNull();
    expect(r.totalAfter!).toBeGreaterThanOrEqual(85.9);
    const overrides = r.plan!.map((o) => ({ kind: 'actual' as const, year: 2019, unit: '横林镇', indicator: o.indicator, value: o.value }));
    const after = await scenario(overrides);
    const [me] = await rows(after, `SELECT total, rank FROM scenario.totals WHERE year = 2019 AND unit = '横林镇'`);
    expect(me!['total']).toBe(r.totalAfter);
    expect(me!['rank'] as number).toBeLessThanOrEqual(10);
  });

  it('a goal already met says so and proposes nothing', async () => {
    const db = await demoDb();
    const r = (await seekGoal(db, 'main', 2019, '湖塘镇', { kind: 'total', total: 90 }))!;
    expect(r).toMatchObject({ reached: true, plan: null, why: null });
  });

  it('out of reach: 横林镇 2018 is vetoed (严重弄虚作假), whatever it scores', async () => {
    const db = await demoDb();
    const r = (await seekGoal(db, 'main', 2018, '横林镇', { kind: 'grade', grade: '合格' }))!;
    expect(r.reached).toBe(false);
    expect(r.why).toEqual({ key: 'sc.goal.why.vetoed', params: { reason: '严重弄虚作假' } });
  });

  it('out of reach: a total of 120 is more than every point left', async () => {
    const db = await demoDb();
    const r = (await seekGoal(db, 'main', 2019, '礼嘉镇', { kind: 'total', total: 120 }))!;
    expect(r.plan).toBeNull();
    expect(r.why?.key).toBe('sc.goal.why.points');
    expect(Number(r.why!.params!['best'])).toBeLessThan(120);
  });

  it('goal seek reads a scenario: with 优秀 at 95, 礼嘉镇 needs more than one item', async () => {
    const db = await scenario([{ kind: 'setting', key: 'grades', value: '优秀>=95;良好>=80;合格>=70;不合格' }]);
    const r = (await seekGoal(db, 'scenario', 2019, '礼嘉镇', { kind: 'grade', grade: '优秀' }))!;
    expect(r.needed).toBe(95);
    expect(r.plan!.length).toBeGreaterThan(1);
    expect(r.totalAfter!).toBeGreaterThanOrEqual(95);
  });
});
