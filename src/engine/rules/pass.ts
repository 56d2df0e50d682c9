// 达标: full points when the target is met, else nothing (seed 000: targets such as 99, 基本正常).
import { caseWhen, fmt, norm } from '../sql';
import { messageSql } from '../template';
import { hasTarget } from './target';
import type { Rule } from './types';

type K = 't' | 't_low' | 't_high' | 'target_kind' | 'target_text' | 'a' | 'actual_text' | 'points' | 'direction' | 'target_shown' | 'actual_shown';

export const pass: Rule<K, 'met'> = {
  code: 'pass',
  names: ['达标'],
  usesDirection: true,
  hasTarget,
  flagsMissing: true,
  // a meets t: ≥ (≤ when lower), inside a range target, or the same words.
  derive: (r) => ({
    met: caseWhen(
      [
        [`${r.target_kind} = 'text'`, `${norm(r.actual_text)} = ${norm(r.target_text)}`],
        [`${r.target_kind} = 'range'`, `${r.a} BETWEEN ${r.t_low} AND ${r.t_high}`],
        [`${r.direction} = 'lower'`, `${r.a} <= ${r.t}`],
      ],
      `${r.a} >= ${r.t}`,
    ),
  }),
  problems: (r) => [[`${r.target_kind} <> 'text' AND ${r.a} IS NULL`, 'not_number']],
  score: (r, d) => `CASE WHEN ${d.met} THEN ${r.points} ELSE 0 END`,
  explain: (r, d, lang, score) => {
    const params = { target: r.target_shown, actual: r.actual_shown, score: fmt(score), points: fmt(r.points) };
    return `CASE WHEN ${d.met} THEN ${messageSql(lang, 'engine.explain.met', params)} ELSE ${messageSql(lang, 'engine.explain.unmet', params)} END`;
  },
};
