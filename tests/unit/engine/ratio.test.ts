import { describe, expect, it } from 'vitest';
import { ratio } from '../../../src/engine/rules/ratio';
import { score, type Item } from './helpers';

// Seed 000 (新北区 2018): 孕前优生健康检查人数 300 pairs split by unit.
const QUOTA = [
  ['春江镇', 60],
  ['孟河镇', 20],
  ['新桥镇', 30],
  ['薛家镇', 30],
  ['罗溪镇', 15],
  ['西夏墅镇', 15],
  ['奔牛镇', 15],
  ['河海街道', 25],
  ['三井街道', 65],
  ['龙虎塘街道', 25],
] as const;

interface Case {
  name: string;
  item: Item;
  score: number;
  zh?: string;
  en?: string;
}

const CASES: Case[] = [
  {
    name: '春江镇 54 of 60 pairs: 90% of 5 points',
    item: { t: '60', a: '54', points: '5' },
    score: 4.5,
    zh: '目标 60，实际 54，完成 90% × 5 分，得 4.5/5',
    en: 'target 60, actual 54: 90% done × 5, 4.5/5',
  },
  {
    name: '孟河镇 25 of 20 pairs: capped at full points',
    item: { t: '20', a: '25', points: '5' },
    score: 5,
    zh: '目标 20，实际 25，完成 125%，按 100% 计，得 5/5',
    en: 'target 20, actual 25: 125% done, counted as 100%, 5/5',
  },
  { name: '新桥镇 20 of 30: 3.33333… rounds to 3.3333', item: { t: '30', a: '20', points: '5' }, score: 3.3333 },
  { name: '三井街道 64 of 65: 4.923077 rounds to 4.9231', item: { t: '65', a: '64', points: '5' }, score: 4.9231 },
  { name: 'none done scores nothing', item: { t: '25', a: '0', points: '5' }, score: 0 },
  {
    name: 'lower is better: 10 against a ceiling of 8 scores 8/10 of P',
    item: { t: '8', a: '10', points: '13', direction: 'lower' },
    score: 10.4,
    zh: '目标 8，实际 10，目标÷实际 = 80% × 13 分，得 10.4/13',
  },
  { name: 'lower is better: at 0 full points', item: { t: '8', a: '0', points: '13', direction: 'lower' }, score: 13 },
  { name: 'a target of 0 is met by anything at or above it', item: { t: '0', a: '3', points: '2' }, score: 2 },
];

describe('ratio (比例)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(ratio, [c.item]);
      expect(zh).toMatchObject({ score: c.score, flag: null });
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(ratio, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }

  it('the 300-pair quota done exactly gives every unit full points', async () => {
    expect(QUOTA.reduce((sum, [, n]) => sum + n, 0)).toBe(300);
    const scored = await score(
      ratio,
      QUOTA.map(([, n]) => ({ t: String(n), a: String(n), points: '3' })),
    );
    expect(scored.map((s) => s.score)).toEqual(QUOTA.map(() => 3));
  });

  it('words are not a number', async () => {
    expect((await score(ratio, [{ t: '60', a: '全部完成' }]))[0]!.flag).toBe('not_number');
  });
});
