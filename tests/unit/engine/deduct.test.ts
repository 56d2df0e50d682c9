import { describe, expect, it } from 'vitest';
import { deduct } from '../../../src/engine/rules/deduct';
import { score, type Item } from './helpers';

interface Case {
  name: string;
  item: Item;
  score: number;
  flag?: string | null;
  zh?: string;
  en?: string;
}

const CASES: Case[] = [
  {
    // The sentence; 每低于一个百分点扣5分 (seed 003, 贵州 2011).
    name: '0.8 points below 99% at 5 a point loses 4 of 20',
    item: { t: '99', a: '98.2', step: '5', points: '20', measure: '%' },
    score: 16,
    zh: '目标 99%，实际 98.2%，低于 0.8 个百分点 × 5 分 = 扣 4 分，得 16/20',
    en: 'target 99%, actual 98.2%: 0.8 percentage points below × 5 = −4, 16/20',
  },
  {
    name: '节育率 100% target, 98.2 actual: 1.8 × 5 = 9 off 20',
    item: { t: '100', a: '98.2', step: '5', points: '20', measure: '%' },
    score: 11,
  },
  {
    name: '扣完为止: 95.5 against 100 would lose 22.5 of 20, floored at 0',
    item: { t: '100', a: '95.5', step: '5', points: '20', measure: '%' },
    score: 0,
    zh: '目标 100%，实际 95.5%，低于 4.5 个百分点 × 5 分 = 扣 22.5 分，扣完为止，得 0/20',
  },
  {
    name: 'meeting the target keeps every point',
    item: { t: '99', a: '99.5', step: '5', points: '20', measure: '%' },
    score: 20,
    zh: '目标 99%，实际 99.5%，达标，得 20/20',
  },
  {
    name: 'lower is better: 人口出生率 ≤ 8‰, actual 8.6 at 2 a point',
    item: { t: '8', a: '8.6', step: '2', points: '13', direction: 'lower', measure: '‰' },
    score: 11.8,
    zh: '目标 8‰，实际 8.6‰，高于 0.6 个千分点 × 2 分 = 扣 1.2 分，得 11.8/13',
  },
  {
    name: 'no step: any shortfall loses the item',
    item: { t: '99', a: '98.9', points: '3' },
    score: 0,
    zh: '目标 99，实际 98.9，未达标（未设扣分标准），得 0/3',
  },
  {
    // 20 − 0.5 × 0.0003 = 19.99985: half away from zero gives 19.9999 (half to even would give 19.9998).
    name: 'item scores are rounded to 4 decimals, half away from zero',
    item: { t: '99', a: '98.9997', step: '0.5', points: '20' },
    score: 19.9999,
  },
  {
    name: 'missing actual is 缺报',
    item: { t: '99', a: null, step: '5' },
    score: 0,
    flag: 'missing',
    zh: '缺报：年终无完成值，得 0/20',
    en: 'missing: no result in 年终, 0/20',
  },
  { name: 'no target is 无目标', item: { a: '98', step: '5' }, score: 0, flag: 'no_target', zh: '无目标：未设目标值，得 0/20' },
  {
    name: 'words where a number is needed',
    item: { t: '99', a: '基本完成', step: '5' },
    score: 0,
    flag: 'not_number',
    zh: '非数值：目标「99」，实际「基本完成」，无法按扣分计分，得 0/20',
  },
  {
    name: 'an unknown direction flags the item',
    item: { t: '99', a: '99', step: '5', direction: null, direction_text: '适中' },
    score: 0,
    flag: 'bad_direction',
    zh: '未知方向「适中」，得 0/20',
  },
  {
    name: 'conflicting results score the first and say so',
    item: { t: '99', a: '99', step: '5', variants: 2, result_source: 'results.csv', result_row: 7 },
    score: 20,
    flag: 'duplicate',
    zh: '目标 99，实际 99，达标，得 20/20（另有不同的完成值，按 results.csv 第 7 行计）',
  },
];

describe('deduct (扣分)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(deduct, [c.item], 'zh-CN');
      expect(zh!.score).toBe(c.score);
      expect(zh!.flag).toBe(c.flag ?? null);
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(deduct, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }

  it("builds its score from the prepared row's columns", () => {
    const r = { t: 't', a: 'a', points: 'points', step: 'step', direction: 'direction' } as never;
    expect(deduct.derive(r)).toEqual({
      shortfall: "GREATEST(0, CASE WHEN direction = 'lower' THEN a - t ELSE t - a END)",
      deduction: "(CAST(step AS DECIMAL(38,4)) * GREATEST(0, CASE WHEN direction = 'lower' THEN a - t ELSE t - a END))",
    });
    expect(deduct.score(r, { shortfall: 'deduct_shortfall', deduction: 'deduct_deduction' })).toBe(
      'CASE WHEN deduct_shortfall = 0 THEN points WHEN step IS NULL THEN 0 ELSE engine_clamp(points - deduct_deduction, 0, points) END',
    );
  });
});
