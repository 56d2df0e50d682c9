// 评估打分: the inspectors' score, clamped to [0, P]. Seed 001's items assessed by 台账, 工作评估,
// 现场查看: the rubric gives the points, the inspection team gives the score.
import { clamp, fmt } from '../sql';
import { messageSql } from '../template';
import type { Rule } from './types';

type K = 'a' | 'points';

export const manual: Rule<K, never> = {
  code: 'manual',
  names: ['评估打分'],
  usesDirection: false,
  flagsMissing: true,
  derive: () => ({}),
  problems: (r) => [[`${r.a} IS NULL`, 'not_number']],
  score: (r) => clamp(r.a, '0', r.points),
  explain: (r, _d, lang, score) => {
    // A score is points, never a rate: no % after it.
    const params = { actual: fmt(r.a), score: fmt(score), points: fmt(r.points) };
    return `CASE WHEN ${r.a} = ${score} THEN ${messageSql(lang, 'engine.explain.manual', params)} ELSE ${messageSql(lang, 'engine.explain.manual_clamped', params)} END`;
  },
};
