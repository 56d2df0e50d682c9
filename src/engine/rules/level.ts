// 定性: P × the weight of the actual's level, as the rubric lists them
// (`全面兑现=1;基本兑现=0.6;未兑现=0`; 全面兑现, 基本正常 in seed 000). Needs no target.
import { clamp, fmt } from '../sql';
import { messageSql } from '../template';
import { times } from './display';
import type { Rule } from './types';

type K = 'actual_text' | 'level_weight' | 'points';

export const level: Rule<K, never> = {
  code: 'level',
  names: ['定性'],
  usesDirection: false,
  flagsMissing: true,
  derive: () => ({}),
  problems: (r) => [[`${r.level_weight} IS NULL`, 'unlisted_level']],
  score: (r) => clamp(times(r.points, r.level_weight), '0', r.points),
  explain: (r, _d, lang, score) =>
    messageSql(lang, 'engine.explain.level', {
      actual: r.actual_text,
      weight: fmt(r.level_weight),
      score: fmt(score),
      points: fmt(r.points),
    }),
};
