// 定性: P × the weight of the actual's level, as the rubric lists them
// (`全面兑现=1;基本兑现=0.6;未兑现=0`; 全面兑现, 基本正常 in seed 000). Needs no target.
import { clamp, fmt, type Sql } from '../sql';
import { messageSql } from '../template';
import { times } from './display';
import type { ItemRow, Rule } from './types';

type K = 'actual_text' | 'level_weight' | 'points';

export const levelScore = (r: Pick<ItemRow, K>): Sql => clamp(times(r.points, r.level_weight), '0', r.points);

export const level: Rule<K> = {
  code: 'level',
  names: ['定性'],
  usesDirection: false,
  flagsMissing: true,
  problems: (r) => [[`${r.level_weight} IS NULL`, 'unlisted_level']],
  score: levelScore,
  explain: (r, lang, score) =>
    messageSql(lang, 'engine.explain.level', {
      actual: r.actual_text,
      weight: fmt(r.level_weight),
      score: fmt(score),
      points: fmt(r.points),
    }),
};
