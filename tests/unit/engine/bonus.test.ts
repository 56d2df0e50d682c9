import { describe, expect, it } from 'vitest';
import { bonus } from '../../../src/engine/rules/bonus';
import { score, type Item } from './helpers';

// Seed 001 (武进区 2016) 亮点工作: 获得国家级和省级表彰分别加3分和2分 …
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
    name: 'a provincial award claims 2 of 3',
    item: { a: '2', points: '3' },
    score: 2,
    zh: '申报加分 2，得 2/3',
    en: 'bonus claimed 2, 2/3',
  },
  {
    name: 'claims summed over rounds (2 + 2) are limited to the item points',
    item: { a: '4', actual_text: '2 + 2', points: '3' },
    score: 3,
    zh: '申报加分 2 + 2，限于 0–3，得 3/3',
  },
  { name: 'no claim is no bonus, not 缺报', item: { points: '3' }, score: 0, zh: '未申报加分，得 0/3' },
  { name: 'a claim in words is flagged', item: { a: '省级表彰', points: '3' }, score: 0, flag: 'not_number' },
];

describe('bonus (加分)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(bonus, [c.item]);
      expect(zh).toMatchObject({ score: c.score, flag: c.flag ?? null });
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(bonus, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }
});
