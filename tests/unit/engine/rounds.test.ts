// Rounds and their weights: 平时抽查 30 %, 半年考核 30 %, 年终考核 40 % (seed 003, 贵州 2011);
// quarterly spot checks of 100 points counted as 25 points of the year (折合, seed 003 长葛 2008).
import { describe, expect, it } from 'vitest';
import { query, scored, totalRows } from './workspace';

const units = [{ unit: '春江镇' }];
const rubric = [
  { indicator: '节育率', points: 20, rule: '扣分', step: 5 },
  { indicator: '台账', points: 80 },
];
const targets = [{ year: 2011, indicator: '节育率', target: '100' }];

interface Case {
  name: string;
  weights: string | null;
  results: { round?: string; indicator: string; actual: string }[];
  rounds: { round: string; weight: number; total: number }[];
  base: number;
}

const CASES: Case[] = [
  {
    name: '平时=0.3;半年=0.3;年终=0.4: the base is the weighted sum of the round totals',
    weights: '平时=0.3;半年=0.3;年终=0.4',
    results: [
      { round: '平时', indicator: '节育率', actual: '99' },
      { round: '平时', indicator: '台账', actual: '70' },
      { round: '半年', indicator: '节育率', actual: '100' },
      { round: '半年', indicator: '台账', actual: '75' },
      { round: '年终', indicator: '节育率', actual: '98.2' },
      { round: '年终', indicator: '台账', actual: '80' },
    ],
    rounds: [
      { round: '平时', weight: 0.3, total: 85 },
      { round: '半年', weight: 0.3, total: 95 },
      { round: '年终', weight: 0.4, total: 91 },
    ],
    base: 0.3 * 85 + 0.3 * 95 + 0.4 * 91,
  },
  {
    name: 'weights written as percents',
    weights: '平时=30%;半年=30%;年终=40%',
    results: [
      { round: '平时', indicator: '台账', actual: '80' },
      { round: '半年', indicator: '台账', actual: '80' },
      { round: '年终', indicator: '台账', actual: '80' },
    ],
    rounds: [
      { round: '平时', weight: 0.3, total: 80 },
      { round: '半年', weight: 0.3, total: 80 },
      { round: '年终', weight: 0.4, total: 80 },
    ],
    base: 80,
  },
  {
    name: '折合: four quarterly checks of 100 points, 25 points of the year each',
    weights: '一季度=0.25;二季度=0.25;三季度=0.25;四季度=0.25',
    results: ['一季度', '二季度', '三季度', '四季度'].flatMap((round, i) => [
      { round, indicator: '节育率', actual: '100' },
      { round, indicator: '台账', actual: String(60 + 4 * i) },
    ]),
    rounds: [
      { round: '一季度', weight: 0.25, total: 80 },
      { round: '二季度', weight: 0.25, total: 84 },
      { round: '三季度', weight: 0.25, total: 88 },
      { round: '四季度', weight: 0.25, total: 92 },
    ],
    base: 86,
  },
  {
    name: 'a round with no result is 缺报 there like anywhere else',
    weights: '半年=0.5;年终=0.5',
    results: [
      { round: '年终', indicator: '节育率', actual: '100' },
      { round: '年终', indicator: '台账', actual: '80' },
    ],
    rounds: [
      { round: '半年', weight: 0.5, total: 0 },
      { round: '年终', weight: 0.5, total: 100 },
    ],
    base: 50,
  },
  {
    name: 'no setting: one round, 年终, weight 1',
    weights: null,
    results: [
      { indicator: '节育率', actual: '99' },
      { indicator: '台账', actual: '72.5' },
    ],
    rounds: [{ round: '年终', weight: 1, total: 87.5 }],
    base: 87.5,
  },
];

describe('rounds (轮次权重)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const db = await scored({
        units,
        rubric,
        targets,
        results: c.results.map((r) => ({ year: 2011, unit: '春江镇', ...r })),
        settings: c.weights === null ? [] : [{ key: '轮次权重', value: c.weights }],
      });
      expect(await query(db, 'SELECT round, weight, total FROM round_totals ORDER BY round_ord')).toEqual(c.rounds);
      const [total] = await totalRows(db, 'base');
      expect(total!['base']).toBeCloseTo(c.base, 8);
    });
  }

  it('a missing round is flagged 缺报 on each of its items', async () => {
    const db = await scored({
      units,
      rubric,
      targets,
      results: [{ year: 2011, unit: '春江镇', round: '年终', indicator: '台账', actual: '80' }],
      settings: [{ key: 'round_weights', value: '半年=0.5;年终=0.5' }],
    });
    expect(await query(db, `SELECT round, indicator, flag, explanation FROM scores WHERE round = '半年' ORDER BY rubric_row`)).toEqual([
      { round: '半年', indicator: '节育率', flag: 'missing', explanation: '缺报：半年无完成值，得 0/20' },
      { round: '半年', indicator: '台账', flag: 'missing', explanation: '缺报：半年无完成值，得 0/80' },
    ]);
  });
});
