import { describe, expect, it } from 'vitest';
import { pass } from '../../../src/engine/rules/pass';
import { score, type Item } from './helpers';

interface Case {
  name: string;
  item: Item;
  score: number;
  flag?: string;
  zh?: string;
  en?: string;
}

// Seed 000 (新北区 2018): numeric targets 99, 90, 95 and words 基本正常, 全面兑现, 达标.
const CASES: Case[] = [
  {
    name: '出生政策符合率 99: 99.3 meets it',
    item: { t: '99', a: '99.3', points: '3', measure: '%' },
    score: 3,
    zh: '目标 99%，实际 99.3%，达标，得 3/3',
    en: 'target 99%, actual 99.3%: met, 3/3',
  },
  { name: 'exactly on target meets it', item: { t: '90', a: '90', points: '3' }, score: 3 },
  {
    name: '孕前优生健康检查覆盖率 90: 89.9 misses it',
    item: { t: '90', a: '89.9', points: '3', measure: '%' },
    score: 0,
    zh: '目标 90%，实际 89.9%，未达标，得 0/3',
  },
  { name: 'lower is better: 8‰ ceiling, 7.9 meets it', item: { t: '8', a: '7.9', points: '13', direction: 'lower' }, score: 13 },
  { name: 'lower is better: 8.1 misses it', item: { t: '8', a: '8.1', points: '13', direction: 'lower' }, score: 0 },
  {
    name: 'words: 基本正常 equals 基本正常 after removing whitespace',
    item: { t: '基本正常', a: '基本 正常', points: '2' },
    score: 2,
    zh: '目标 基本正常，实际 基本 正常，达标，得 2/2',
  },
  { name: 'words: 不正常 is not 基本正常', item: { t: '基本正常', a: '不正常', points: '2' }, score: 0 },
  {
    name: 'a range target 103-107 is met inside it',
    item: { target_kind: 'range', target_text: '103-107', t_low: '103', t_high: '107', a: '105', points: '4' },
    score: 4,
    zh: '目标 103–107，实际 105，达标，得 4/4',
  },
  {
    name: 'a range target is missed outside it',
    item: { target_kind: 'range', target_text: '103-107', t_low: '103', t_high: '107', a: '108', points: '4' },
    score: 0,
  },
  {
    name: 'a number target against words cannot be compared',
    item: { t: '99', a: '全面兑现' },
    score: 0,
    flag: 'not_number',
  },
  { name: 'no target is 无目标', item: { a: '99' }, score: 0, flag: 'no_target' },
  { name: 'no actual is 缺报', item: { t: '全面兑现' }, score: 0, flag: 'missing' },
];

describe('pass (达标)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [zh] = await score(pass, [c.item]);
      expect(zh).toMatchObject({ score: c.score, flag: c.flag ?? null });
      if (c.zh) expect(zh!.explanation).toBe(c.zh);
      if (c.en) expect((await score(pass, [c.item], 'en'))[0]!.explanation).toBe(c.en);
    });
  }
});
