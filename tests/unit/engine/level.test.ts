import { describe, expect, it } from 'vitest';
import { level } from '../../../src/engine/rules/level';
import { score, type Item } from './helpers';

// Seed 000: 计生奖励优惠政策兑现 全面兑现. The rubric lists the levels and their weights.
const LEVELS = '全面兑现=1;基本兑现=0.6;未兑现=0';

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
    name: '全面兑现 is worth all 3 points',
    item: { a: '全面兑现', level_weight: '1', levels: LEVELS, points: '3' },
    score: 3,
    zh: '等级「全面兑现」= 1 × 3 分，得 3/3',
    en: 'level "全面兑现" = 1 × 3, 3/3',
  },
  { name: '基本兑现 is worth 0.6 of 3', item: { a: '基本兑现', level_weight: '0.6', levels: LEVELS, points: '3' }, score: 1.8 },
  { name: '未兑现 is worth nothing', item: { a: '未兑现', level_weight: '0', levels: LEVELS, points: '3' }, score: 0 },
  { name: 'a weight above 1 still gives at most P', item: { a: '超额兑现', level_weight: '1.5', levels: LEVELS, points: '3' }, score: 3 },
  {
    name: 'an unlisted level scores 0 and is flagged',
    item: { a: '部分兑现', level_weight: null, levels: LEVELS, points: '3' },
    score: 0,
    flag: 'unlisted_level',
    zh: '未列等级：「部分兑现」不在「全面兑现=1;基本兑现=0.6;未兑现=0」中，得 0/3',
  },
  { name: 'needs no target', item: { a: '全面兑现', level_weight: '1', points: '3' }, score: 3 },
  { name: 'no actual is 缺报', item: { levels: LEVELS, points: '3' }, score: 0, flag: 'missing' },
];

describe('level (定性)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(level, [c.item]);
      expect(zh).toMatchObject({ score: c.score, flag: c.flag ?? null });
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(level, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }
});
