import { describe, expect, it } from 'vitest';
import { range } from '../../../src/engine/rules/range';
import { score, type Item } from './helpers';

// Seed 004 (包头 2012): 出生人口性别比应控制在103——107之内.
const SEX_RATIO: Item = { target_kind: 'range', target_text: '103-107', t_low: '103', t_high: '107', points: '18', step: '2' };

interface Case {
  name: string;
  item: Item;
  score: number;
  flag?: string;
  zh?: string;
  en?: string;
}

const CASES: Case[] = [
  {
    name: 'sex ratio 105 is inside 103–107',
    item: { ...SEX_RATIO, a: '105' },
    score: 18,
    zh: '区间 103–107，实际 105，在区间内，得 18/18',
    en: 'range 103–107, actual 105: within, 18/18',
  },
  {
    name: 'sex ratio 109.5 is 2.5 above, 2 points each',
    item: { ...SEX_RATIO, a: '109.5' },
    score: 13,
    zh: '区间 103–107，实际 109.5，高于上限 2.5 × 2 分 = 扣 5 分，得 13/18',
  },
  { name: 'sex ratio 101 is 2 below', item: { ...SEX_RATIO, a: '101' }, score: 14 },
  {
    name: 'far outside is floored at zero',
    item: { ...SEX_RATIO, a: '130' },
    score: 0,
    zh: '区间 103–107，实际 130，高于上限 23 × 2 分 = 扣 46 分，扣完为止，得 0/18',
  },
  {
    name: 'the rubric bounds apply without a target',
    item: { low: '103', high: '107', a: '106', points: '18', step: '2' },
    score: 18,
  },
  {
    // Seed 004: the part above 107 must fall by 10 %: last year 115 → ceiling 114.2 this year.
    name: 'a single-number target (a formula value) replaces high, and the sentence shows the formula',
    item: {
      low: '103',
      high: '107',
      target_kind: 'formula',
      t: '114.2',
      formula: '=if(prev>120, 107+(prev-107)*0.88, if(prev>107, 107+(prev-107)*0.9, 107))',
      uses_prev: true,
      prev: '115',
      a: '115',
      points: '18',
      step: '2',
    },
    score: 16.4,
    zh: '区间 103–114.2（=if(prev>120, 107+(prev-107)*0.88, if(prev>107, 107+(prev-107)*0.9, 107))，上年 115），实际 115，高于上限 0.8 × 2 分 = 扣 1.6 分，得 16.4/18',
  },
  {
    name: 'no bound below: only the ceiling counts',
    item: { high: '8', a: '2', points: '5', step: '1' },
    score: 5,
    zh: '区间 不限–8，实际 2，在区间内，得 5/5',
  },
  {
    name: 'no step: outside loses the item',
    item: { ...SEX_RATIO, step: null, a: '107.1' },
    score: 0,
    zh: '区间 103–107，实际 107.1，不在区间内（未设扣分标准），得 0/18',
  },
  { name: 'no bounds anywhere is 无目标', item: { a: '105', points: '18' }, score: 0, flag: 'no_target' },
  { name: 'a formula without a value is 无目标', item: { low: '103', high: '107', target_kind: 'formula', a: '105' }, score: 0, flag: 'no_target' },
  { name: 'a words target cannot bound a range', item: { t: '基本正常', a: '105' }, score: 0, flag: 'not_number' },
];

describe('range (区间)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(range, [c.item]);
      expect(zh).toMatchObject({ score: c.score, flag: c.flag ?? null });
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(range, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }
});
