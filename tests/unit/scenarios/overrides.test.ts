// Every kind of override, on the 武进区 demo: what the scenario's views show, and that the base
// views in `main` are left as they were.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Override } from '../../../src/scenarios';
import { demoDb, rows, scenario } from './demo';

// Importing and scoring the demo takes a while on a busy machine: once, before the tests' clocks start.
beforeAll(() => demoDb().then(() => undefined), 180_000);

interface Case {
  readonly name: string;
  readonly overrides: readonly Override[];
  readonly sql: string;
  readonly expected: unknown;
}

const score = (unit: string, indicator: string, year = 2019) =>
  `SELECT target, actual, points, score FROM scenario.scores WHERE year = ${year} AND unit = '${unit}' AND indicator = '${indicator}'`;

const CASES: readonly Case[] = [
  {
    name: 'target: one unit and indicator (湖塘镇 网站录用信息 8 → 4)',
    overrides: [{ kind: 'target', year: 2019, unit: '湖塘镇', indicator: '区级以上网站录用信息', value: '4' }],
    sql: `SELECT unit, target FROM scenario.scores WHERE year = 2019 AND indicator = '区级以上网站录用信息' AND unit IN ('湖塘镇', '礼嘉镇') ORDER BY unit`,
    expected: [{ unit: '湖塘镇', target: '4' }, { unit: '礼嘉镇', target: '5' }],
  },
  {
    name: 'target_all: 出生政策符合率 95 for every unit in 2019, a unit with its own target included',
    overrides: [{ kind: 'target_all', year: 2019, indicator: '区级以上网站录用信息', value: '6' }],
    sql: `SELECT DISTINCT target FROM scenario.scores WHERE year = 2019 AND indicator = '区级以上网站录用信息'`,
    expected: [{ target: '6' }],
  },
  {
    name: 'target_scale: every target of 宣传 −10% (95 → 85.5, 5 → 4.5, 湖塘镇 8 → 7.2)',
    overrides: [{ kind: 'target_scale', year: 2019, category: '宣传', percent: -10 }],
    sql: `SELECT indicator, unit, target FROM scenario.scores WHERE year = 2019 AND unit IN ('湖塘镇', '礼嘉镇')
          AND indicator IN ('人口文化建设达标率', '区级以上网站录用信息') ORDER BY indicator, unit`,
    expected: [
      { indicator: '人口文化建设达标率', unit: '湖塘镇', target: '85.5' },
      { indicator: '人口文化建设达标率', unit: '礼嘉镇', target: '85.5' },
      { indicator: '区级以上网站录用信息', unit: '湖塘镇', target: '7.2' },
      { indicator: '区级以上网站录用信息', unit: '礼嘉镇', target: '4.5' },
    ],
  },
  {
    name: 'target_shift: 出生政策符合率 −1 in every year; 礼嘉镇 98.69 now meets 98',
    overrides: [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -1 }],
    sql: score('礼嘉镇', '出生政策符合率'),
    expected: [{ target: '98', actual: '98.69', points: 3, score: 3 }],
  },
  {
    name: 'actual: 礼嘉镇 reaches 100 on 村级系统应用覆盖率',
    overrides: [{ kind: 'actual', year: 2019, unit: '礼嘉镇', indicator: '村级系统应用覆盖率', value: '100' }],
    sql: score('礼嘉镇', '村级系统应用覆盖率'),
    expected: [{ target: '100', actual: '100', points: 1, score: 1 }],
  },
  {
    name: 'item points: 出生政策符合率 worth 10 (deduct 1 a point: 98.69 → 9.69)',
    overrides: [{ kind: 'item', indicator: '出生政策符合率', field: 'points', value: '10' }],
    sql: score('礼嘉镇', '出生政策符合率'),
    expected: [{ target: '99', actual: '98.69', points: 10, score: 9.69 }],
  },
  {
    name: 'item step: 出生政策符合率 at 5 a point (0.31 short → −1.55)',
    overrides: [{ kind: 'item', indicator: '出生政策符合率', field: 'step', value: '5' }],
    sql: score('礼嘉镇', '出生政策符合率'),
    expected: [{ target: '99', actual: '98.69', points: 3, score: 1.45 }],
  },
  {
    name: 'setting bonus_cap 1: 湖塘镇 keeps 1 of its 5 bonus points',
    overrides: [{ kind: 'setting', key: 'bonus_cap', value: '1' }],
    sql: `SELECT bonus, total FROM scenario.totals WHERE year = 2019 AND unit = '湖塘镇'`,
    expected: [{ bonus: 1, total: 95 }],
  },
  {
    name: 'setting grades: 优秀>=99 leaves one 优秀 in 2019',
    overrides: [{ kind: 'setting', key: 'grades', value: '优秀>=99;良好>=80;合格' }],
    sql: `SELECT unit FROM scenario.totals WHERE year = 2019 AND grade = '优秀'`,
    expected: [{ unit: '湖塘镇' }],
  },
  {
    name: 'setting round_weights 年终=0.5: every base halved',
    overrides: [{ kind: 'setting', key: 'round_weights', value: '年终=0.5' }],
    sql: `SELECT s.base * 2 = b.base AS halved FROM scenario.totals s JOIN main.totals b USING (year, unit) WHERE year = 2019 AND unit = '礼嘉镇'`,
    expected: [{ halved: true }],
  },
  {
    name: 'setting bottom_veto 1: the last unit that missed a target is vetoed',
    overrides: [{ kind: 'setting', key: 'bottom_veto', value: '1' }],
    sql: `SELECT unit, grade FROM scenario.totals WHERE year = 2019 AND vetoed`,
    expected: [{ unit: '横林镇', grade: '一票否决' }],
  },
  {
    name: 'veto on: 礼嘉镇 2019, with its reason',
    overrides: [{ kind: 'veto', year: 2019, unit: '礼嘉镇', on: true, reason: '假设：计生信访' }],
    sql: `SELECT vetoed, veto_reason, grade, rank FROM scenario.totals WHERE year = 2019 AND unit = '礼嘉镇'`,
    expected: [{ vetoed: true, veto_reason: '假设：计生信访', grade: '一票否决', rank: 17 }],
  },
  {
    name: 'veto off: 横林镇 2018 is graded again',
    overrides: [{ kind: 'veto', year: 2018, unit: '横林镇', on: false }],
    sql: `SELECT vetoed, grade FROM scenario.totals WHERE year = 2018 AND unit = '横林镇'`,
    expected: [{ vetoed: false, grade: '合格' }],
  },
  {
    name: 'quota: 2019 网站录用信息 88 (16 × 5 + 8) re-allocated as 100, summing exactly',
    overrides: [{ kind: 'quota', year: 2019, indicator: '区级以上网站录用信息', total: 100 }],
    sql: `SELECT sum(CAST(target AS INTEGER)) AS total, max(CAST(target AS INTEGER)) FILTER (WHERE unit = '湖塘镇') AS hutang
          FROM scenario.scores WHERE year = 2019 AND indicator = '区级以上网站录用信息'`,
    expected: [{ total: 100, hutang: 9 }],
  },
];

describe('overrides', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const db = await scenario(c.overrides);
      expect(await rows(db, c.sql)).toEqual(c.expected);
    });
  }

  it('the base views are untouched by a scenario', async () => {
    const db = await demoDb();
    const before = await rows(db, 'SELECT unit, total, grade FROM main.totals WHERE year = 2019 ORDER BY unit');
    await scenario([{ kind: 'target_shift', indicator: '出生政策符合率', delta: -5 }, { kind: 'setting', key: 'bonus_cap', value: '0' }]);
    expect(await rows(db, 'SELECT unit, total, grade FROM main.totals WHERE year = 2019 ORDER BY unit')).toEqual(before);
  });

  it('no overrides: the scenario equals the base', async () => {
    const db = await scenario([]);
    const diff = await rows(db, `SELECT count(*) AS n FROM (SELECT year, unit, total, grade, rank FROM scenario.totals
      EXCEPT SELECT year, unit, total, grade, rank FROM main.totals)`);
    expect(diff).toEqual([{ n: 0 }]);
  });

  it('user text reaches SQL only as data: a quote in a unit name is a unit name', async () => {
    const db = await scenario([{ kind: 'veto', year: 2019, unit: "礼嘉镇'); DROP TABLE units; --", on: true }]);
    expect(await rows(db, 'SELECT count(*) AS n FROM main.units')).toEqual([{ n: 17 }]);
    expect(await rows(db, 'SELECT count(*) AS n FROM scenario.totals WHERE year = 2019 AND vetoed')).toEqual([{ n: 0 }]);
  });
});

describe('the slider path', () => {
  it('moving a target again (items kept, target text re-read) scores as a fresh apply does', async () => {
    const db = await demoDb();
    const shift = (delta: number) => [{ kind: 'target_shift', indicator: '出生政策符合率', delta } as const];
    const { applyScenario } = await import('../../../src/scenarios');
    const s = { id: 's', name: 's', note: '', overrides: shift(-0.5) };
    await applyScenario(db, s, { lang: 'zh-CN', stamp: 'slider' });
    await applyScenario(db, { ...s, overrides: shift(-2) }, { lang: 'zh-CN', stamp: 'slider' });
    const moved = await rows(db, 'SELECT unit, total, grade, rank FROM scenario.totals WHERE year = 2019 ORDER BY unit');
    await applyScenario(db, { ...s, overrides: shift(-2) }, { lang: 'zh-CN', stamp: 'fresh' });
    expect(await rows(db, 'SELECT unit, total, grade, rank FROM scenario.totals WHERE year = 2019 ORDER BY unit')).toEqual(moved);
    expect(moved.find((r) => r['unit'] === '礼嘉镇')).toMatchObject({ total: 89.7 });
  });
});

describe('a large scenario is frozen a few years at a time', () => {
  it('year by year it scores as in one statement, a planned year and last year\'s results included', async () => {
    const db = await demoDb();
    const { applyScenario } = await import('../../../src/scenarios');
    const read = async () => ({
      scores: await rows(db, 'SELECT year, unit, indicator, round, target_text, score, flag FROM scenario.engine_scores ORDER BY ALL'),
      explained: await rows(db, `SELECT year, unit, indicator, round, explanation FROM scenario.scores WHERE unit = '礼嘉镇' ORDER BY ALL`),
      totals: await rows(db, 'SELECT year, unit, total, grade, rank FROM scenario.totals ORDER BY year, unit'),
    });
    const s = {
      id: 'y',
      name: 'y',
      note: '',
      overrides: [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -1 }, { kind: 'plan', year: 2020, from: 2019 }] as Override[],
    };
    await applyScenario(db, s, { lang: 'zh-CN', stamp: 'whole' });
    const whole = await read();
    await applyScenario(db, s, { lang: 'zh-CN', stamp: 'sliced', sliceRows: 1 });
    expect(await read()).toEqual(whole);
    expect(whole.totals.some((r) => r['year'] === 2020)).toBe(true);
    expect(await rows(db, 'SELECT lo, hi FROM scenario.engine_slice')).toEqual([{ lo: null, hi: null }]);
    // The years are read once per shape: another planned year (the same SQL), then none.
    await applyScenario(db, { ...s, overrides: [s.overrides[0]!, { kind: 'plan', year: 2021, from: 2019 }] }, { lang: 'zh-CN', stamp: 'sliced', sliceRows: 1 });
    const planned = (await rows(db, 'SELECT DISTINCT year FROM scenario.totals WHERE year > 2019 ORDER BY year')).map((r) => r['year']);
    expect(planned).toEqual([2021]);
    await applyScenario(db, { ...s, overrides: s.overrides.slice(0, 1) }, { lang: 'zh-CN', stamp: 'sliced', sliceRows: 1 });
    expect(await rows(db, 'SELECT DISTINCT year FROM scenario.totals ORDER BY year')).toEqual(await rows(db, 'SELECT DISTINCT year FROM main.totals ORDER BY year'));
  });
});

describe('the slider path re-scores only the indicators targets touch', () => {
  it('another indicator shifted, then the first let go: every item scores as a fresh apply does', async () => {
    const db = await demoDb();
    const { applyScenario } = await import('../../../src/scenarios');
    const opts = (stamp: string) => ({ lang: 'zh-CN' as const, stamp });
    const A = '出生政策符合率';
    const indicatorB = String((await rows(db, `SELECT indicator FROM targets WHERE indicator <> '${A}' AND TRY_CAST(target AS DOUBLE) IS NOT NULL ORDER BY source_row LIMIT 1`))[0]!['indicator']);
    const s = { id: 'd', name: 'd', note: '', overrides: [{ kind: 'target_shift', indicator: A, delta: -2 }] as Override[] };
    const steps: Override[][] = [
      [{ kind: 'target_shift', indicator: A, delta: -2 }, { kind: 'target_shift', indicator: indicatorB, delta: -3 }],
      [{ kind: 'target_shift', indicator: indicatorB, delta: -3 }],
    ];
    const read = async () => ({
      scores: await rows(db, `SELECT indicator, unit, year, round, target_text, score FROM scenario.engine_scores WHERE indicator IN (?, ?) ORDER BY ALL`, [A, indicatorB]),
      totals: await rows(db, 'SELECT year, unit, total, grade, rank FROM scenario.totals ORDER BY year, unit'),
    });
    await applyScenario(db, s, opts('delta'));
    for (const overrides of steps) {
      await applyScenario(db, { ...s, overrides }, opts('delta'));
      const stepped = await read();
      await applyScenario(db, { ...s, overrides }, opts(`fresh ${JSON.stringify(overrides)}`));
      expect(await read()).toEqual(stepped);
      await applyScenario(db, s, opts('delta'));
    }
    // Frozen and re-scored items together are every item, each once.
    expect((await rows(db, 'SELECT count(*) AS n FROM scenario.engine_scores'))[0]).toEqual(
      (await rows(db, 'SELECT count(*) AS n FROM main.engine_scores'))[0],
    );
  });
});

describe('targets alone are laid over the base\'s scores', () => {
  it('scores as the whole scenario frozen does: every kind of target override, items brought in as the targets reach them', async () => {
    const db = await demoDb();
    const { applyScenario } = await import('../../../src/scenarios');
    const points = String((await rows(db, `SELECT points FROM rubric WHERE indicator = '出生政策符合率'`))[0]!['points']);
    // An override of an item's points to what they are already: the same scores, but not targets
    // alone, so the scenario is frozen whole.
    const same: Override = { kind: 'item', indicator: '出生政策符合率', field: 'points', value: points };
    const read = async () => ({
      scores: await rows(db, 'SELECT year, unit, indicator, round, target_text, score, flag, category, target_kind FROM scenario.engine_scores ORDER BY ALL'),
      totals: await rows(db, 'SELECT year, unit, total, grade, rank, vetoed FROM scenario.totals ORDER BY year, unit'),
    });
    const targets: Override[][] = [
      [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -2 }],
      [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -2 }, { kind: 'target_scale', year: 2019, category: '宣传', percent: -10 }],
      [{ kind: 'target', year: 2019, unit: '湖塘镇', indicator: '区级以上网站录用信息', value: '4' }, { kind: 'target_all', year: 2018, indicator: '出生政策符合率', value: '97' }],
      [{ kind: 'quota', year: 2019, indicator: '区级以上网站录用信息', total: 100 }],
    ];
    const s = { id: 'b', name: 'b', note: '', overrides: targets[0]! };
    for (const overrides of targets) {
      // Step by step in one shape of targets (the first list's kinds, then each list's own).
      await applyScenario(db, { ...s, overrides }, { lang: 'zh-CN', stamp: 'backed' });
      const backed = await read();
      await applyScenario(db, { ...s, overrides: [...overrides, same] }, { lang: 'zh-CN', stamp: 'whole' });
      expect(await read()).toEqual(backed);
    }
  });
});

describe('the prepared compare', () => {
  it('keeps its plan across slider steps and still reads the new overrides', async () => {
    const db = await demoDb();
    const { withScenario, PREPARE_COMPARE, executeCompare } = await import('../../../src/scenarios');
    const s = { id: 'c', name: 'c', note: '', overrides: [{ kind: 'target_shift', indicator: '出生政策符合率', delta: -0.5 } as const] };
    const read = async (delta: number) =>
      withScenario(db, { ...s, overrides: [{ kind: 'target_shift', indicator: '出生政策符合率', delta }] }, { lang: 'zh-CN', stamp: 'prep' }, async (fresh) => {
        if (fresh) await db.exec(PREPARE_COMPARE);
        return (await rows(db, executeCompare(2019))).find((r) => r['unit'] === '礼嘉镇');
      });
    expect(await read(0)).toMatchObject({ total_before: 89.39, total_after: 89.39 });
    expect(await read(-2)).toMatchObject({ total_before: 89.39, total_after: 89.7, change: 0.31, rank_before: 7, rank_after: 6 });
    expect(() => executeCompare(2019.5)).toThrow(RangeError);
  });

  it('says which indicator moved each total: 礼嘉镇 +0.31 on 出生政策符合率, against the base snapshot', async () => {
    const db = await scenario([{ kind: 'target_shift', indicator: '出生政策符合率', delta: -2 }]);
    const { CHANGES_SQL } = await import('../../../src/scenarios');
    const changes = await rows(db, CHANGES_SQL, [2019]);
    expect(changes.filter((r) => r['unit'] === '礼嘉镇')).toEqual([{ unit: '礼嘉镇', indicator: '出生政策符合率', category: expect.any(String), delta: 0.31 }]);
    expect(changes.every((r) => r['indicator'] === '出生政策符合率')).toBe(true);
  });
});
