import { describe, expect, it } from 'vitest';
import { manual } from '../../../src/engine/rules/manual';
import { score, type Item } from './helpers';

// Seed 001 (武进区 2016): 党政领导重视 … 3 points, assessed by 台账、工作评估.
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
    name: 'the inspectors gave 2.5 of 3',
    item: { a: '2.5', points: '3' },
    score: 2.5,
    zh: '评估打分 2.5，得 2.5/3',
    en: 'inspectors scored 2.5, 2.5/3',
  },
  {
    name: 'a score above the points is limited to them',
    item: { a: '4', points: '3' },
    score: 3,
    zh: '评估打分 4，限于 0–3，得 3/3',
  },
  { name: 'a negative score is limited to 0', item: { a: '-1', points: '3' }, score: 0 },
  { name: 'the percent heuristic never decorates a manual score', item: { a: '2', points: '3', measure: '%' }, score: 2, zh: '评估打分 2，得 2/3' },
  { name: 'no score is 缺报', item: { points: '3' }, score: 0, flag: 'missing' },
  { name: 'words are not a score', item: { a: '良好', points: '3' }, score: 0, flag: 'not_number' },
];

describe('manual (评估打分)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(manual, [c.item]);
      expect(zh).toMatchObject({ score: c.score, flag: c.flag ?? null });
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(manual, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }
});
